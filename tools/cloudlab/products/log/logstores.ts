// Log Service Logstores: CreateLogStore, GetLogStore, UpdateLogStore, DeleteLogStore,
// GetLogStoreMeteringMode, UpdateLogStoreMeteringMode and ListShards. Read in
// terraform-provider-alicloud v1.285.0 alicloud/resource_alicloud_log_store.go (OpenAPI
// POST /logstores with {logstoreName, shardCount, ttl, autoSplit, appendMeta, maxSplitShard,
// enable_tracking, hot_ttl, mode, telemetryType, infrequentAccessTTL, encrypt_conf}, each only when
// set; Read copies each of those back only when the answer has it, into attributes most of which are
// optional and not computed; the shards come from aliyun-log-go-sdk ListShards, GET
// /logstores/{logstore}/shards) and service_alicloud_sls_v2.go (LogStoreNotExist is "not found").
// Types follow the Logstore and Shard models of @alicloud/sls20201230 (ttl, shardCount, createTime
// numbers). What the caller did not set: autoSplit, enable_tracking, appendMeta false,
// maxSplitShard 0 and hot_ttl absent, as the provider's acceptance test reads them once removed
// (resource_alicloud_log_store_test.go: auto_split false, max_split_shard_count 0, hot_ttl 0); mode
// "standard" (the API reference's default); telemetryType left out, since the provider would replace
// a Logstore (ForceNew) for any value it did not send.
import type { RestRoute } from "../../restRoutes";
import { slsError, type SlsHandler } from "../../sls";
import type { LabRecord } from "../../store";
import { LOG, checkName, inProject, mustLogstore, mustProject, seconds } from "./kinds";

/** 3-63 lowercase letters, digits, hyphens and underscores, starting and ending with a letter or digit (CreateLogStore). */
const LOGSTORE_NAME = /^[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$/;

const OPTIONAL = ["hot_ttl", "infrequentAccessTTL", "telemetryType", "encrypt_conf", "processorId"] as const;

function checkSettings(s: LabRecord): void {
  const ttl = Number(s.ttl);
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > 3650) throw slsError("ParameterInvalid", `ttl ${String(s.ttl)} must be 1 to 3650 days`);
  const shards = Number(s.shardCount);
  if (!Number.isInteger(shards) || shards < 1 || shards > 256)
    throw slsError("ParameterInvalid", `shardCount ${String(s.shardCount)} must be 1 to 256`);
  if (!["standard", "query", "lite"].includes(String(s.mode)))
    throw slsError("ParameterInvalid", `mode ${String(s.mode)} must be standard, query or lite`);
}

/** Shards split the MD5 key space evenly, as a new Logstore's are (Shard: inclusiveBeginKey, exclusiveEndKey, 32 hex digits). */
function shards(count: number, createTime: number): LabRecord[] {
  const space = 1n << 128n;
  const key = (i: number): string => ((space * BigInt(i)) / BigInt(count)).toString(16).padStart(32, "0");
  return Array.from({ length: count }, (_, i) => ({
    shardID: i,
    status: "readwrite",
    inclusiveBeginKey: key(i),
    exclusiveEndKey: i === count - 1 ? "f".repeat(32) : key(i + 1),
    createTime,
  }));
}

function logstoreView(l: LabRecord): LabRecord {
  return Object.fromEntries(Object.entries(l).filter(([k]) => !k.startsWith("_")));
}

const createLogStore: SlsHandler = ({ project, body, store }) => {
  mustProject(store, project);
  const name = checkName("logstoreName", body.logstoreName, LOGSTORE_NAME);
  if (store.get(LOG.logstore, inProject(project, name))) throw slsError("LogStoreAlreadyExist", `logstore ${name} already exists`);
  const now = seconds();
  const record: LabRecord = {
    _project: project,
    _name: name,
    logstoreName: name,
    ttl: body.ttl,
    shardCount: body.shardCount,
    autoSplit: body.autoSplit === true,
    maxSplitShard: typeof body.maxSplitShard === "number" ? body.maxSplitShard : 0,
    enable_tracking: body.enable_tracking === true,
    appendMeta: body.appendMeta === true,
    mode: typeof body.mode === "string" && body.mode ? body.mode : "standard",
    productType: "",
    createTime: now,
    lastModifyTime: now,
    _meteringMode: "ChargeByFunction",
    _shards: [] as LabRecord[],
  };
  for (const key of OPTIONAL) if (body[key] !== undefined) record[key] = body[key];
  checkSettings(record);
  record._shards = shards(Number(record.shardCount), now);
  store.create(LOG.logstore, inProject(project, name), record);
  return undefined;
};

const getLogStore: SlsHandler = ({ project, path, store }) => logstoreView(mustLogstore(store, project, path.logstore as string));

/** UpdateLogStore changes what it is given and keeps the rest; the name and shard count stay. */
const updateLogStore: SlsHandler = ({ project, path, body, store }) => {
  const current = mustLogstore(store, project, path.logstore as string);
  const patch: LabRecord = { lastModifyTime: seconds() };
  for (const key of ["ttl", "autoSplit", "maxSplitShard", "enable_tracking", "appendMeta", "mode", ...OPTIONAL]) {
    if (body[key] !== undefined) patch[key] = body[key];
  }
  checkSettings({ ...current, ...patch });
  store.update(LOG.logstore, inProject(project, String(current.logstoreName)), patch);
  return undefined;
};

const deleteLogStore: SlsHandler = ({ project, path, store }) => {
  const name = String(mustLogstore(store, project, path.logstore as string).logstoreName);
  store.delete(LOG.index, inProject(project, name));
  store.delete(LOG.logstore, inProject(project, name));
  return undefined;
};

const getMeteringMode: SlsHandler = ({ project, path, store }) => ({
  meteringMode: mustLogstore(store, project, path.logstore as string)._meteringMode,
});

const updateMeteringMode: SlsHandler = ({ project, path, body, store }) => {
  const current = mustLogstore(store, project, path.logstore as string);
  if (!["ChargeByFunction", "ChargeByDataIngest"].includes(String(body.meteringMode))) {
    throw slsError("ParameterInvalid", `meteringMode ${String(body.meteringMode)} must be ChargeByFunction or ChargeByDataIngest`);
  }
  store.update(LOG.logstore, inProject(project, String(current.logstoreName)), { _meteringMode: body.meteringMode });
  return undefined;
};

const listShards: SlsHandler = ({ project, path, store }) => mustLogstore(store, project, path.logstore as string)._shards;

export function logstoreRoutes(): RestRoute<SlsHandler>[] {
  const one = "/logstores/{logstore}";
  return [
    { method: "POST", path: "/logstores", action: "CreateLogStore", handle: createLogStore },
    { method: "GET", path: one, action: "GetLogStore", handle: getLogStore },
    { method: "PUT", path: one, action: "UpdateLogStore", handle: updateLogStore },
    { method: "DELETE", path: one, action: "DeleteLogStore", handle: deleteLogStore },
    { method: "GET", path: `${one}/meteringmode`, action: "GetLogStoreMeteringMode", handle: getMeteringMode },
    { method: "PUT", path: `${one}/meteringmode`, action: "UpdateLogStoreMeteringMode", handle: updateMeteringMode },
    { method: "GET", path: `${one}/shards`, action: "ListShards", handle: listShards },
  ];
}
