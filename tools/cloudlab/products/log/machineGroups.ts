// Log Service machine groups: CreateMachineGroup, GetMachineGroup, UpdateMachineGroup,
// DeleteMachineGroup. Read in terraform-provider-alicloud v1.285.0
// alicloud/resource_alicloud_log_machine_group.go and service_alicloud_log.go (aliyun-log-go-sdk
// machine_group.go MachineGroup: groupName, groupType, machineIdentifyType, machineList,
// groupAttribute.{externalName, groupTopic}; GroupNotExist/MachineGroupNotExist are "not found"; the
// delete waits, without pause, until GetMachineGroup says so, so a deleted group is gone at once).
import type { RestRoute } from "../../restRoutes";
import { slsError, type SlsHandler } from "../../sls";
import type { LabRecord, LabStore } from "../../store";
import { LOG, checkName, inProject, mustProject, seconds } from "./kinds";

/** 3-128 letters, digits, hyphens and underscores (CreateMachineGroup). */
const GROUP_NAME = /^[A-Za-z0-9_-]{3,128}$/;

export function mustMachineGroup(store: LabStore, project: string, name: string): LabRecord {
  mustProject(store, project);
  return store.must(LOG.machineGroup, inProject(project, name), () =>
    slsError("MachineGroupNotExist", `MachineGroup ${name} does not exist`, 404),
  );
}

function groupSettings(body: Readonly<Record<string, unknown>>): LabRecord {
  const type = body.machineIdentifyType;
  if (type !== "ip" && type !== "userdefined")
    throw slsError("ParameterInvalid", `machineIdentifyType ${String(type)} must be ip or userdefined`);
  const list = body.machineList;
  if (!Array.isArray(list) || list.length === 0 || list.some((m) => typeof m !== "string" || m === "")) {
    throw slsError("ParameterInvalid", "machineList must list at least one machine identifier");
  }
  const attribute = (body.groupAttribute ?? {}) as Record<string, unknown>;
  return {
    groupType: typeof body.groupType === "string" ? body.groupType : "",
    machineIdentifyType: type,
    machineList: list,
    groupAttribute: { externalName: String(attribute.externalName ?? ""), groupTopic: String(attribute.groupTopic ?? "") },
  };
}

export function groupView(g: LabRecord): LabRecord {
  return Object.fromEntries(Object.entries(g).filter(([k]) => !k.startsWith("_")));
}

const createMachineGroup: SlsHandler = ({ project, body, store }) => {
  mustProject(store, project);
  const name = checkName("groupName", body.groupName, GROUP_NAME);
  if (store.get(LOG.machineGroup, inProject(project, name)))
    throw slsError("MachineGroupAlreadyExist", `MachineGroup ${name} already exists`);
  const now = seconds();
  store.create(LOG.machineGroup, inProject(project, name), {
    _project: project,
    _name: name,
    groupName: name,
    ...groupSettings(body),
    createTime: now,
    lastModifyTime: now,
    _configs: [] as string[],
  });
  return undefined;
};

const getMachineGroup: SlsHandler = ({ project, path, store }) => groupView(mustMachineGroup(store, project, path.group as string));

const updateMachineGroup: SlsHandler = ({ project, path, body, store }) => {
  const group = mustMachineGroup(store, project, path.group as string);
  store.update(LOG.machineGroup, inProject(project, String(group.groupName)), { ...groupSettings(body), lastModifyTime: seconds() });
  return undefined;
};

const deleteMachineGroup: SlsHandler = ({ project, path, store }) => {
  const group = mustMachineGroup(store, project, path.group as string);
  store.delete(LOG.machineGroup, inProject(project, String(group.groupName)));
  return undefined;
};

export function machineGroupRoutes(): RestRoute<SlsHandler>[] {
  const one = "/machinegroups/{group}";
  return [
    { method: "POST", path: "/machinegroups", action: "CreateMachineGroup", handle: createMachineGroup },
    { method: "GET", path: one, action: "GetMachineGroup", handle: getMachineGroup },
    { method: "PUT", path: one, action: "UpdateMachineGroup", handle: updateMachineGroup },
    { method: "DELETE", path: one, action: "DeleteMachineGroup", handle: deleteMachineGroup },
  ];
}
