// Log Service Logtail configs and where they apply: CreateConfig, GetConfig, UpdateConfig,
// DeleteConfig, ApplyConfigToMachineGroup, RemoveConfigFromMachineGroup, GetAppliedMachineGroups,
// GetAppliedConfigs. Read in terraform-provider-alicloud v1.285.0
// alicloud/resource_alicloud_logtail_config.go, resource_alicloud_logtail_attachment.go and
// service_alicloud_log.go (aliyun-log-go-sdk log_config.go LogConfig: configName, inputType,
// inputDetail, outputType, outputDetail.{projectName, logstoreName}, logSample, createTime,
// lastModifyTime; Read keeps its own input_detail while lastModifyTime is unchanged, so that time
// moves only when the config is written; ConfigNotExist is "not found"; the attachment is read from
// GetAppliedMachineGroups' machinegroups list and its delete waits, without pause, until the group is
// no longer listed).
import type { RestRoute } from "../../restRoutes";
import { slsError, type SlsHandler } from "../../sls";
import type { LabRecord, LabStore } from "../../store";
import { LOG, checkName, inProject, mustLogstore, mustProject, seconds } from "./kinds";
import { mustMachineGroup } from "./machineGroups";

/** 2-128 lowercase letters, digits, hyphens and underscores (CreateConfig). */
const CONFIG_NAME = /^[a-z0-9_-]{2,128}$/;

function mustConfig(store: LabStore, project: string, name: string): LabRecord {
  mustProject(store, project);
  return store.must(LOG.config, inProject(project, name), () => slsError("ConfigNotExist", `config ${name} does not exist`, 404));
}

/** What a config must carry: a known input type, a JSON input detail (a file input names its path and pattern), a Logstore of the project. */
function configSettings(store: LabStore, project: string, body: Readonly<Record<string, unknown>>): LabRecord {
  const inputType = body.inputType;
  if (!["file", "plugin", "syslog"].includes(String(inputType)))
    throw slsError("ParameterInvalid", `inputType ${String(inputType)} is not supported`);
  const detail = body.inputDetail as Record<string, unknown> | undefined;
  if (!detail || typeof detail !== "object" || Array.isArray(detail))
    throw slsError("ParameterInvalid", "inputDetail must be a JSON object");
  if (
    inputType === "file" &&
    (typeof detail.logPath !== "string" || !detail.logPath || typeof detail.filePattern !== "string" || !detail.filePattern)
  ) {
    throw slsError("ParameterInvalid", "a file input needs logPath and filePattern");
  }
  if (body.outputType !== "LogService") throw slsError("ParameterInvalid", `outputType ${String(body.outputType)} must be LogService`);
  const output = (body.outputDetail ?? {}) as Record<string, unknown>;
  mustLogstore(store, project, String(output.logstoreName ?? ""));
  return {
    inputType,
    inputDetail: detail,
    outputType: "LogService",
    outputDetail: { ...output, endpoint: `${store.region}-intranet.log.aliyuncs.com`, region: store.region },
    logSample: typeof body.logSample === "string" ? body.logSample : "",
  };
}

function configView(c: LabRecord): LabRecord {
  return Object.fromEntries(Object.entries(c).filter(([k]) => !k.startsWith("_")));
}

const createConfig: SlsHandler = ({ project, body, store }) => {
  mustProject(store, project);
  const name = checkName("configName", body.configName, CONFIG_NAME);
  if (store.get(LOG.config, inProject(project, name))) throw slsError("ConfigAlreadyExist", `config ${name} already exists`);
  const now = seconds();
  store.create(LOG.config, inProject(project, name), {
    _project: project,
    _name: name,
    configName: name,
    ...configSettings(store, project, body),
    createTime: now,
    lastModifyTime: now,
  });
  return undefined;
};

const getConfig: SlsHandler = ({ project, path, store }) => configView(mustConfig(store, project, path.config as string));

const updateConfig: SlsHandler = ({ project, path, body, store }) => {
  const config = mustConfig(store, project, path.config as string);
  store.update(LOG.config, inProject(project, String(config.configName)), {
    ...configSettings(store, project, body),
    lastModifyTime: seconds(),
  });
  return undefined;
};

/** Groups a config applies to: kept on each group (its applied configs), as GetAppliedConfigs lists them. */
function groupsApplying(store: LabStore, project: string, config: string): LabRecord[] {
  return store.list(LOG.machineGroup).filter((g) => g._project === project && ((g._configs ?? []) as string[]).includes(config));
}

const deleteConfig: SlsHandler = ({ project, path, store }) => {
  const name = String(mustConfig(store, project, path.config as string).configName);
  for (const g of groupsApplying(store, project, name)) {
    store.update(LOG.machineGroup, inProject(project, String(g.groupName)), {
      _configs: (g._configs as string[]).filter((c) => c !== name),
    });
  }
  store.delete(LOG.config, inProject(project, name));
  return undefined;
};

const apply: SlsHandler = ({ project, path, store }) => {
  const group = mustMachineGroup(store, project, path.group as string);
  const config = String(mustConfig(store, project, path.config as string).configName);
  const configs = (group._configs ?? []) as string[];
  if (!configs.includes(config))
    store.update(LOG.machineGroup, inProject(project, String(group.groupName)), { _configs: [...configs, config] });
  return undefined;
};

/** Removing a config the group does not apply succeeds and changes nothing (unconfirmed: SLS may answer an error). */
const remove: SlsHandler = ({ project, path, store }) => {
  const group = mustMachineGroup(store, project, path.group as string);
  const config = String(mustConfig(store, project, path.config as string).configName);
  store.update(LOG.machineGroup, inProject(project, String(group.groupName)), {
    _configs: ((group._configs ?? []) as string[]).filter((c) => c !== config),
  });
  return undefined;
};

const appliedGroups: SlsHandler = ({ project, path, store }) => {
  const config = String(mustConfig(store, project, path.config as string).configName);
  const groups = groupsApplying(store, project, config).map((g) => String(g.groupName));
  return { count: groups.length, machinegroups: groups };
};

const appliedConfigs: SlsHandler = ({ project, path, store }) => {
  const configs = (mustMachineGroup(store, project, path.group as string)._configs ?? []) as string[];
  return { count: configs.length, configs };
};

export function configRoutes(): RestRoute<SlsHandler>[] {
  const one = "/configs/{config}";
  const applied = "/machinegroups/{group}/configs/{config}";
  return [
    { method: "POST", path: "/configs", action: "CreateConfig", handle: createConfig },
    { method: "GET", path: one, action: "GetConfig", handle: getConfig },
    { method: "PUT", path: one, action: "UpdateConfig", handle: updateConfig },
    { method: "DELETE", path: one, action: "DeleteConfig", handle: deleteConfig },
    { method: "GET", path: `${one}/machinegroups`, action: "GetAppliedMachineGroups", handle: appliedGroups },
    { method: "GET", path: "/machinegroups/{group}/configs", action: "GetAppliedConfigs", handle: appliedConfigs },
    { method: "PUT", path: applied, action: "ApplyConfigToMachineGroup", handle: apply },
    { method: "DELETE", path: applied, action: "RemoveConfigFromMachineGroup", handle: remove },
  ];
}
