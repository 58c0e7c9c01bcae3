// Cloud Assistant invocations (ECS API version 2014-05-26). Shapes read in
// terraform-provider-alicloud v1.285.0:
// - alicloud/resource_alicloud_ecs_invocation.go: InvokeCommand (CommandId, InstanceId as a list,
//   sent InstanceId.N, RegionId, RepeatMode, Timed, Frequency, Parameters as a JSON object,
//   Username, WindowsPasswordName), the id from `InvokeId`; then it polls DescribeInvocations until
//   InvocationStatus is Scheduled or Success and fails on Failed, PartialFailed or Stopped. Read
//   copies CommandId, Frequency, RepeatMode, Parameters (it type-asserts a string holding a JSON
//   object), Timed, Username, InvocationStatus and InvokeInstances.InvokeInstance[].InstanceId.
//   Delete is StopInvocation (InvokeId, RegionId) and ignores no error at all: once the service has
//   forgotten the invocation, deleting the resource fails.
// - alicloud/service_alicloud_ecs.go DescribeEcsInvocation: DescribeInvocations (RegionId, InvokeId),
//   `$.Invocations.Invocation[0]` must carry the InvokeId asked for; an empty list is not-found.
// The Node SDK model @alicloud/ecs20140526 (DescribeInvocationsResponseBody,
// DescribeInvocationResultsResponseBody): field names and types (ExitCode, Dropped, Repeats numbers;
// Timed a boolean). The ECS API reference: the overall InvocationStatus is Pending, Scheduled,
// Running, Success, Failed, PartialFailed, Stopping or Stopped; an instance's is also Aborted (the
// command could not be delivered: the instance must be Running), Invalid, Error, Timeout,
// Cancelled, Terminated; a script that exits non-zero is Failed with ErrorCode ExitCodeNonzero;
// Output is Base64 unless ContentEncoding=PlainText, and DescribeInvocations includes it only with
// IncludeOutput=true; records are kept four weeks. Errors (InvokeCommand, StopInvocation): 404
// InvalidInstance.NotFound, 404 InvalidCmdId.NotFound, 403 InstanceIds.ExceedLimit (over 50
// instances), 403 MissingParam.Frequency, 404 Parameter.Disabled, 404 InvalidInvokeId.NotFound.
import { ApiError, notFound } from "../../apiError";
import type { Params } from "../../params";
import type { RpcHandler } from "../../rpc";
import { newId, settle, startTransition, type LabRecord, type LabStore } from "../../store";
import { apiTime } from "./apiTime";
import { mustCommand } from "./assistantCommands";
import { ASSISTANT_KINDS } from "./assistantKinds";
import { KINDS } from "./kinds";
import { pageOf } from "./paging";

const MAX_INSTANCES = 50;
const FAILED = ["Failed", "Aborted", "Invalid", "Error", "Timeout", "Terminated", "Cancelled"];
/** The deprecated InvokeStatus / InstanceInvokeStatus beside each InvocationStatus (API reference). */
const OLD_STATUS: Record<string, string> = {
  Pending: "Running",
  Running: "Running",
  Scheduled: "Running",
  Success: "Finished",
  Failed: "Failed",
  PartialFailed: "PartialFinished",
  Stopped: "Stopped",
  Aborted: "Failed",
  Terminated: "Stopped",
};

interface InstanceRun {
  InstanceId: string;
  InvocationStatus: string;
  ExitCode?: number;
  Output: string;
  ErrorCode: string;
  ErrorInfo: string;
  StartTime: string;
  FinishTime: string;
}

/** How the invocation ends on one instance: scripted by a test, else as a stopped or a Running instance allows. */
function runOn(store: LabStore, instance: LabRecord | undefined, instanceId: string, commandId: string, now: string): InstanceRun {
  const base = { InstanceId: instanceId, Output: "", ErrorCode: "", ErrorInfo: "", StartTime: now, FinishTime: now };
  if (instance?.Status !== "Running") {
    return {
      ...base,
      InvocationStatus: "Aborted",
      ErrorCode: "InstanceNotRunning",
      ErrorInfo: "the instance is not running when create task",
      StartTime: "",
    };
  }
  const scripted = store.get(ASSISTANT_KINDS.outcome, instanceId);
  if (scripted && (scripted.CommandId === undefined || scripted.CommandId === commandId)) {
    const left = Number(scripted.Times) - 1;
    if (left > 0) store.update(ASSISTANT_KINDS.outcome, instanceId, { Times: left });
    else store.delete(ASSISTANT_KINDS.outcome, instanceId);
    const code = Number(scripted.ExitCode);
    return code === 0
      ? { ...base, InvocationStatus: "Success", ExitCode: 0, Output: String(scripted.Output) }
      : {
          ...base,
          InvocationStatus: "Failed",
          ExitCode: code,
          Output: String(scripted.Output),
          ErrorCode: "ExitCodeNonzero",
          ErrorInfo: "the command execution exit code is not zero",
        };
  }
  return { ...base, InvocationStatus: "Success", ExitCode: 0 };
}

function overallStatus(runs: readonly InstanceRun[]): string {
  const failed = runs.filter((r) => FAILED.includes(r.InvocationStatus)).length;
  if (failed === 0) return "Success";
  return failed === runs.length ? "Failed" : "PartialFailed";
}

function instanceIds(params: Params): string[] {
  const ids = params.list("InstanceId");
  if (ids.length > 0) return ids;
  return params.json<string[]>("InstanceId") ?? [];
}

const invokeCommand: RpcHandler = ({ params, store }) => {
  const token = params.get("ClientToken");
  const earlier = token ? store.list(ASSISTANT_KINDS.invocation).find((i) => i.ClientToken === token) : undefined;
  if (earlier) return { InvokeId: earlier.InvokeId };
  const command = mustCommand(store, params.required("CommandId"));
  const ids = instanceIds(params);
  if (ids.length === 0)
    throw new ApiError(
      "MissingParameter.InstanceIds",
      "The input parameter InstanceId that is mandatory for processing this request is not supplied.",
    );
  if (ids.length > MAX_INSTANCES) throw new ApiError("InstanceIds.ExceedLimit", "The number of instance IDs exceeds the upper limit.", 403);
  const instances = ids.map((id) =>
    store.must(KINDS.instance, id, () => notFound("InvalidInstance.NotFound", "The specified instance does not exist.")),
  );
  const timed = params.bool("Timed") === true;
  const frequency = params.get("Frequency") ?? "";
  if (timed && !frequency)
    throw new ApiError("MissingParam.Frequency", "The frequency must be specified when you create a timed task.", 403);
  const parameters = params.json<Record<string, unknown>>("Parameters");
  if (parameters && Object.keys(parameters).length > 0 && !command.EnableParameter) {
    throw notFound("Parameter.Disabled", "Parameters cannot be passed in when the command customization function is disabled.");
  }
  const repeatMode = params.get("RepeatMode") ?? (timed ? "Period" : "Once");
  const now = apiTime();
  const runs = ids.map((id, i) => runOn(store, instances[i], id, String(command.CommandId), now));
  const id = newId("t-hz0", 13);
  const record: LabRecord = {
    InvokeId: id,
    CommandId: command.CommandId,
    CommandName: command.Name,
    CommandType: command.Type,
    CommandContent: command.CommandContent,
    CommandDescription: command.Description,
    WorkingDir: params.get("WorkingDir") ?? command.WorkingDir,
    Timeout: params.int("Timeout") ?? command.Timeout,
    Parameters: JSON.stringify(parameters ?? {}),
    RepeatMode: repeatMode,
    Timed: timed,
    Frequency: frequency,
    Username: params.get("Username") ?? "root",
    CreationTime: now,
    // How each instance ends; answered only once the invocation has left Running (see invocationView).
    InvokeInstances: { InvokeInstance: runs },
    ...(token ? { ClientToken: token } : {}),
  };
  if (repeatMode === "Once") startTransition(record, "InvocationStatus", "Running", overallStatus(runs));
  else record.InvocationStatus = "Scheduled";
  store.create(ASSISTANT_KINDS.invocation, id, record);
  store.update(ASSISTANT_KINDS.command, String(command.CommandId), { InvokeTimes: Number(command.InvokeTimes) + 1 });
  return { InvokeId: id };
};

/** One instance's run as the API shows it while the invocation is in `status`. */
function runView(run: InstanceRun, status: string, output: (text: string) => string | undefined): Record<string, unknown> {
  const live = status === "Running" || status === "Scheduled";
  const state = live && run.InvocationStatus !== "Aborted" ? status : run.InvocationStatus;
  const ended = !live || run.InvocationStatus === "Aborted";
  return {
    InstanceId: run.InstanceId,
    InvocationStatus: state,
    InstanceInvokeStatus: OLD_STATUS[state] ?? "Failed",
    ...(ended && run.ExitCode !== undefined ? { ExitCode: run.ExitCode } : {}),
    ...(ended ? { Output: output(run.Output) } : {}),
    ErrorCode: ended ? run.ErrorCode : "",
    ErrorInfo: ended ? run.ErrorInfo : "",
    Dropped: 0,
    Repeats: ended ? 1 : 0,
    StartTime: run.StartTime,
    FinishTime: ended ? run.FinishTime : "",
    StopTime: "",
  };
}

function outputEncoder(params: Params, included: boolean): (text: string) => string | undefined {
  const plain = params.get("ContentEncoding") === "PlainText";
  return (text) => (!included ? undefined : plain ? text : Buffer.from(text, "utf8").toString("base64"));
}

function runs(record: LabRecord): InstanceRun[] {
  return (record.InvokeInstances as { InvokeInstance: InstanceRun[] }).InvokeInstance;
}

const describeInvocations: RpcHandler = ({ params, store }) => {
  const want = (field: string, value: unknown): boolean => params.get(field) === undefined || params.get(field) === String(value);
  const instance = params.get("InstanceId");
  const encode = outputEncoder(params, params.bool("IncludeOutput") === true);
  const found = store
    .list(ASSISTANT_KINDS.invocation)
    .filter(
      (r) =>
        want("InvokeId", r.InvokeId) &&
        want("CommandId", r.CommandId) &&
        want("CommandType", r.CommandType) &&
        want("RepeatMode", r.RepeatMode),
    )
    .filter((r) => !instance || runs(r).some((run) => run.InstanceId === instance))
    .map((r) => {
      const status = String(settle(r, "InvocationStatus"));
      const { InvokeInstances: _runs, ClientToken: _token, _settle, ...fields } = r;
      return {
        ...fields,
        InvocationStatus: status,
        InvokeStatus: OLD_STATUS[status],
        InvokeInstances: {
          InvokeInstance: runs(r).map((run) => ({
            ...runView(run, status, encode),
            Timed: r.Timed,
            CreationTime: r.CreationTime,
            UpdateTime: apiTime(),
          })),
        },
        Tags: { Tag: [] },
      };
    })
    .filter((v) => want("InvokeStatus", v.InvokeStatus));
  const { items, ...page } = pageOf(found, params);
  return { ...page, Invocations: { Invocation: items } };
};

const describeInvocationResults: RpcHandler = ({ params, store }) => {
  const want = (field: string, value: unknown): boolean => params.get(field) === undefined || params.get(field) === String(value);
  const encode = outputEncoder(params, true);
  const results = store
    .list(ASSISTANT_KINDS.invocation)
    .filter((r) => want("InvokeId", r.InvokeId) && want("CommandId", r.CommandId))
    .flatMap((r) => {
      const status = String(settle(r, "InvocationStatus"));
      return runs(r)
        .filter((run) => want("InstanceId", run.InstanceId))
        .map((run) => {
          const { InstanceInvokeStatus: _old, FinishTime, ...view } = runView(run, status, encode);
          return {
            ...view,
            CommandId: r.CommandId,
            InvokeId: r.InvokeId,
            InvokeRecordStatus: OLD_STATUS[String(view.InvocationStatus)],
            FinishedTime: FinishTime,
            Username: r.Username,
          };
        });
    })
    .filter((v) => want("InvokeRecordStatus", v.InvokeRecordStatus));
  const { items, ...page } = pageOf(results, params);
  return { Invocation: { ...page, InvocationResults: { InvocationResult: items } } };
};

const stopInvocation: RpcHandler = ({ params, store }) => {
  const id = params.required("InvokeId");
  const record = store.must(ASSISTANT_KINDS.invocation, id, () =>
    notFound("InvalidInvokeId.NotFound", "The specified InvokeId does not exist."),
  );
  const status = String(settle(record, "InvocationStatus"));
  if (status === "Running" || status === "Scheduled" || status === "Pending") {
    const stopped = runs(record).map((run) =>
      run.InvocationStatus === "Aborted" ? run : { ...run, InvocationStatus: "Terminated", ExitCode: undefined, FinishTime: apiTime() },
    );
    store.update(ASSISTANT_KINDS.invocation, id, {
      InvocationStatus: "Stopped",
      InvokeInstances: { InvokeInstance: stopped },
      _settle: {},
    });
  }
  return {};
};

export const invocationActions: Record<string, RpcHandler> = {
  InvokeCommand: invokeCommand,
  DescribeInvocations: describeInvocations,
  DescribeInvocationResults: describeInvocationResults,
  StopInvocation: stopInvocation,
};
