// The `BackendServers` parameter of the backend actions: a JSON list, in whichever spelling the
// provider's code sends. Read in terraform-provider-alicloud v1.285.0:
// - resource_alicloud_slb_server_group_server_attachment.go builds real JSON through
//   convertListMapToJsonString (common.go), with Port and Weight as numbers on create and Port as a
//   string on delete;
// - resource_alicloud_slb_server_group.go and resource_alicloud_slb_backend_server.go build it with
//   fmt.Sprintf in extension_slb.go, single-quoted: `[{'ServerId':'i-1','Port':'80','Weight':'100', 'Type': 'ecs'}]`.
// The API reference's examples quote the numbers ("Weight": "100", "Port": "80"), so the API accepts
// all of these; the emulator does too, and keeps numbers as numbers.
import { ApiError } from "../../apiError";
import type { Params } from "../../params";

export interface BackendServerInput {
  readonly ServerId: string;
  readonly Port?: number;
  readonly Weight?: number;
  readonly Type?: string;
  readonly Description?: string;
  readonly ServerIp?: string;
}

function parseList(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // The provider's single-quoted form; no value it sends contains a quote of its own.
    return JSON.parse(text.replace(/'/g, '"'));
  }
}

function optionalNumber(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new ApiError("InvalidParameter", `The specified parameter "BackendServers.${name}" is not valid.`);
  return n;
}

export function backendServers(params: Params, name = "BackendServers"): BackendServerInput[] {
  const text = params.required(name);
  let list: unknown;
  try {
    list = parseList(text);
  } catch {
    throw new ApiError("InvalidParameter", `The specified parameter "${name}" is not valid JSON.`);
  }
  if (!Array.isArray(list)) throw new ApiError("InvalidParameter", `The specified parameter "${name}" is not a list.`);
  return list
    .filter((item): item is Record<string, unknown> => typeof item === "object" && item !== null)
    .map((item) => {
      if (typeof item.ServerId !== "string" || item.ServerId === "") {
        throw new ApiError("InvalidParameter", `The specified parameter "${name}.ServerId" is not valid.`);
      }
      return {
        ServerId: item.ServerId.trim(),
        Port: optionalNumber(item.Port, "Port"),
        Weight: optionalNumber(item.Weight, "Weight"),
        Type: typeof item.Type === "string" && item.Type.trim() !== "" ? item.Type.trim() : undefined,
        Description: typeof item.Description === "string" ? item.Description : undefined,
        ServerIp: typeof item.ServerIp === "string" && item.ServerIp.trim() !== "" ? item.ServerIp.trim() : undefined,
      };
    });
}
