// Cloud Assistant commands (ECS API version 2014-05-26). Shapes read in
// terraform-provider-alicloud v1.285.0:
// - alicloud/resource_alicloud_ecs_command.go: CreateCommand (CommandContent, Description,
//   EnableParameter, Name, RegionId, Timeout, Type, WorkingDir), the id from `CommandId`; every field
//   is ForceNew, so there is no ModifyCommand; Delete is DeleteCommand, done on
//   InvalidCmdId.NotFound, InvalidRegionId.NotFound or Operation.Forbidden.
// - alicloud/service_alicloud_ecs.go DescribeEcsCommand: DescribeCommands (RegionId, CommandId),
//   `$.Commands.Command[0]` must carry the CommandId asked for, else not-found; Read copies
//   CommandContent, Description, EnableParameter (a boolean), Name, Timeout (a number), Type,
//   WorkingDir.
// The Node SDK model @alicloud/ecs20140526 DescribeCommandsResponseBody: Commands.Command[]
// {CommandId, Name, Description, Type, CommandContent, WorkingDir, Timeout, EnableParameter,
// CreationTime, InvokeTimes, Category, Provider, Version, Latest, ParameterNames.ParameterName[],
// Tags.Tag[], ResourceGroupId, Launcher}, PageNumber, PageSize, TotalCount, NextToken. Errors, ECS
// API reference (CreateCommand, DeleteCommand, InvokeCommand): 404 InvalidCmdType.NotFound, 404
// InvalidCmdId.NotFound.
import { ApiError, notFound } from "../../apiError";
import type { RpcHandler } from "../../rpc";
import { newId, type LabRecord, type LabStore } from "../../store";
import { apiTime } from "./apiTime";
import { ASSISTANT_KINDS } from "./assistantKinds";
import { pageOf } from "./paging";

const TYPES = ["RunShellScript", "RunBatScript", "RunPowerShellScript"];

export const commandNotFound = (): ApiError => notFound("InvalidCmdId.NotFound", "The specified command ID does not exist.");

export function mustCommand(store: LabStore, id: string): LabRecord {
  return store.must(ASSISTANT_KINDS.command, id, commandNotFound);
}

/** The names a command's content declares as custom parameters ({{name}}), when EnableParameter is on. */
function parameterNames(content: string, enabled: boolean): string[] {
  if (!enabled) return [];
  const text = Buffer.from(content, "base64").toString("utf8");
  return [...new Set([...text.matchAll(/\{\{\s*([A-Za-z0-9_-]+)\s*\}\}/g)].map((m) => m[1] as string))];
}

const createCommand: RpcHandler = ({ params, store }) => {
  const type = params.required("Type");
  if (!TYPES.includes(type)) throw notFound("InvalidCmdType.NotFound", "The specified command type does not exist");
  const content = params.required("CommandContent");
  const enabled = params.bool("EnableParameter") === true;
  const id = newId("c-hz0", 13);
  store.create(ASSISTANT_KINDS.command, id, {
    CommandId: id,
    Name: params.required("Name"),
    Description: params.get("Description") ?? "",
    Type: type,
    CommandContent: content,
    WorkingDir: params.get("WorkingDir") ?? "",
    Timeout: params.int("Timeout", 60),
    EnableParameter: enabled,
    ParameterNames: { ParameterName: parameterNames(content, enabled) },
    CreationTime: apiTime(),
    InvokeTimes: 0,
    Category: "",
    Provider: "",
    Version: 1,
    Latest: true,
    Launcher: params.get("Launcher") ?? "",
    ResourceGroupId: params.get("ResourceGroupId") ?? "",
    Tags: { Tag: params.objects("Tag").map((t) => ({ TagKey: t.Key, TagValue: t.Value ?? "" })) },
  });
  return { CommandId: id };
};

const describeCommands: RpcHandler = ({ params, store }) => {
  const id = params.get("CommandId");
  const name = params.get("Name");
  const type = params.get("Type");
  const commands = store
    .list(ASSISTANT_KINDS.command)
    .filter((c) => (!id || c.CommandId === id) && (!name || c.Name === name) && (!type || c.Type === type));
  const { items, ...page } = pageOf(commands, params);
  return { ...page, Commands: { Command: items } };
};

const deleteCommand: RpcHandler = ({ params, store }) => {
  const id = params.required("CommandId");
  mustCommand(store, id);
  store.delete(ASSISTANT_KINDS.command, id);
  return {};
};

export const commandActions: Record<string, RpcHandler> = {
  CreateCommand: createCommand,
  DescribeCommands: describeCommands,
  DeleteCommand: deleteCommand,
};
