// Function Compute 3.0 triggers: CreateTrigger, GetTrigger, UpdateTrigger, DeleteTrigger,
// ListTriggers. Shapes: the @alicloud/fc20230330 models CreateTriggerInput, UpdateTriggerInput and
// Trigger; terraform-provider-alicloud v1.285.0 alicloud/resource_alicloud_fcv3_trigger.go (Create
// waits until GetTrigger shows a triggerId; Read sets triggerConfig as returned, compared as JSON
// with the configured one, so it is kept as the caller sent it; httpTrigger only when the answer has
// it) and service_alicloud_fcv3_v2.go DescribeFcv3Trigger (not found is TriggerNotFound).
import { ApiError } from "../../apiError";
import type { RestRoute } from "../../restRoutes";
import type { RoaHandler } from "../../roa";
import type { LabRecord, LabStore } from "../../store";
import { functionView, mustFunction } from "./functions";
import { FC, fcId, fcTime } from "./kinds";

/** Trigger types FC 3.0 lists (CreateTriggerInput.triggerType). */
const TYPES = ["oss", "log", "timer", "http", "tablestore", "cdn_events", "mns_topic", "eventbridge"];

const invalid = (message: string): ApiError => new ApiError("InvalidArgument", message, 400);

function key(functionName: string, triggerName: string): string {
  return `${functionName}/${triggerName}`;
}

function mustTrigger(store: LabStore, functionName: string, triggerName: string): LabRecord {
  mustFunction(store, functionName);
  return store.must(FC.trigger, key(functionName, triggerName), () => {
    return new ApiError("TriggerNotFound", `trigger '${triggerName}' of function '${functionName}' does not exist`, 404);
  });
}

/** A timer's triggerConfig is a JSON string with a cronExpression (TimerTriggerConfig: cronExpression, enable, payload). */
function checkConfig(type: string, config: unknown): void {
  if (typeof config !== "string") throw invalid("triggerConfig must be a JSON string");
  let parsed: unknown;
  try {
    parsed = JSON.parse(config);
  } catch {
    throw invalid("triggerConfig is not valid JSON");
  }
  if (type !== "timer") return;
  const cron = (parsed as Record<string, unknown> | null)?.cronExpression;
  if (typeof cron !== "string" || cron.trim() === "") throw invalid("a timer trigger's triggerConfig needs a cronExpression");
}

function triggerView(t: LabRecord): LabRecord {
  return functionView(t);
}

const createTrigger: RoaHandler = ({ path, body, store }) => {
  const functionName = path.functionName as string;
  const fn = mustFunction(store, functionName);
  const type = String(body.triggerType ?? "");
  if (!TYPES.includes(type)) throw invalid(`triggerType '${type}' is not supported`);
  const name = typeof body.triggerName === "string" && body.triggerName ? body.triggerName : `${type}-${fcId().slice(0, 8)}`;
  if (store.get(FC.trigger, key(functionName, name))) throw new ApiError("TriggerAlreadyExists", `trigger '${name}' already exists`, 409);
  checkConfig(type, body.triggerConfig);
  const now = fcTime();
  const qualifier = typeof body.qualifier === "string" && body.qualifier ? body.qualifier : "LATEST";
  const t: LabRecord = {
    _functionName: functionName,
    triggerName: name,
    triggerId: fcId(),
    triggerType: type,
    triggerConfig: body.triggerConfig,
    qualifier,
    description: typeof body.description === "string" ? body.description : "",
    invocationRole: typeof body.invocationRole === "string" ? body.invocationRole : "",
    sourceArn: typeof body.sourceArn === "string" ? body.sourceArn : "",
    targetArn: `${String(fn.functionArn)}/${qualifier}`,
    // Unconfirmed: what status a timer trigger reports; the provider only stores it (Computed).
    status: "",
    createdTime: now,
    lastModifiedTime: now,
  };
  store.create(FC.trigger, key(functionName, name), t);
  return { body: triggerView(t) };
};

const getTrigger: RoaHandler = ({ path, store }) => ({
  body: triggerView(mustTrigger(store, path.functionName as string, path.triggerName as string)),
});

const updateTrigger: RoaHandler = ({ path, body, store }) => {
  const functionName = path.functionName as string;
  const current = mustTrigger(store, functionName, path.triggerName as string);
  const patch: LabRecord = { lastModifiedTime: fcTime() };
  for (const field of ["description", "invocationRole", "qualifier", "triggerConfig"])
    if (body[field] !== undefined) patch[field] = body[field];
  if (patch.triggerConfig !== undefined) checkConfig(String(current.triggerType), patch.triggerConfig);
  return { body: triggerView(store.update(FC.trigger, key(functionName, String(current.triggerName)), patch)) };
};

const deleteTrigger: RoaHandler = ({ path, store }) => {
  const functionName = path.functionName as string;
  const t = mustTrigger(store, functionName, path.triggerName as string);
  store.delete(FC.trigger, key(functionName, String(t.triggerName)));
  return { status: 204 };
};

const listTriggers: RoaHandler = ({ path, store }) => {
  const functionName = path.functionName as string;
  mustFunction(store, functionName);
  const triggers = store.list(FC.trigger).filter((t) => t._functionName === functionName);
  return { body: { triggers: triggers.map(triggerView), nextToken: "" } };
};

export function triggerRoutes(): RestRoute<RoaHandler>[] {
  const one = "/2023-03-30/functions/{functionName}/triggers/{triggerName}";
  return [
    { method: "POST", path: "/2023-03-30/functions/{functionName}/triggers", action: "CreateTrigger", handle: createTrigger },
    { method: "GET", path: "/2023-03-30/functions/{functionName}/triggers", action: "ListTriggers", handle: listTriggers },
    { method: "GET", path: one, action: "GetTrigger", handle: getTrigger },
    { method: "PUT", path: one, action: "UpdateTrigger", handle: updateTrigger },
    { method: "DELETE", path: one, action: "DeleteTrigger", handle: deleteTrigger },
  ];
}
