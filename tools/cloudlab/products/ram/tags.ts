// Tags on roles and policies. Shapes read in terraform-provider-alicloud v1.285.0
// alicloud/service_alicloud_ram_v2.go: DescribeRoleListTagResources / DescribePolicyListTagResources
// call ListTagResources with ResourceType "role" | "policy" and ResourceNames as a JSON array, and
// read `TagResources` as a flat list of {TagKey, TagValue} (tags.go tagsToMap); SetResourceTags
// sends TagResources (Tag: JSON [{Key, Value}]) and UntagResources (TagKeys: JSON array, and
// TagKey.N). The Node SDK model @alicloud/ram20150501 ListTagResourcesResponseBody agrees:
// TagResources[] {ResourceName, ResourceType, TagKey, TagValue}, NextToken.
import { ApiError } from "../../apiError";
import type { Params } from "../../params";
import type { RpcHandler } from "../../rpc";
import type { LabRecord, LabStore } from "../../store";
import { RAM_KINDS, policyNotFound, roleNotFound } from "./kinds";

type Tags = Record<string, string>;

/** The `Tag` parameter of CreateRole, CreatePolicy and TagResources: a JSON list of {Key, Value}. */
export function tagParameter(params: Params): Tags {
  const list = params.json<{ Key?: string; Value?: string }[]>("Tag") ?? [];
  if (!Array.isArray(list)) throw new ApiError("InvalidParameter.Tag", `The parameter - "Tag" is not a list of {Key, Value}.`);
  return Object.fromEntries(list.filter((t) => t.Key).map((t) => [t.Key as string, t.Value ?? ""]));
}

function resourceKind(params: Params): { kind: string; missing: () => ApiError; type: string } {
  const type = params.required("ResourceType");
  if (type === "role") return { kind: RAM_KINDS.role, missing: roleNotFound, type };
  if (type === "policy") return { kind: RAM_KINDS.policy, missing: policyNotFound, type };
  throw new ApiError("InvalidParameter.ResourceType", `The parameter - "ResourceType" is incorrect: ${type}.`);
}

/** `ResourceNames` as the JSON array the API defines, or the `.N` list some clients send. */
function resourceNames(params: Params): string[] {
  return params.json<string[]>("ResourceNames") ?? params.list("ResourceNames");
}

function taggedRecords(store: LabStore, params: Params): [string, LabRecord][] {
  const { kind, missing } = resourceKind(params);
  const names = resourceNames(params);
  if (names.length === 0) return store.list(kind).map((r) => [String(r.RoleName ?? r.PolicyName), r]);
  return names.map((name) => [name, store.must(kind, name, missing)]);
}

const listTagResources: RpcHandler = ({ params, store }) => {
  const { type } = resourceKind(params);
  const rows = taggedRecords(store, params).flatMap(([name, record]) =>
    Object.entries((record.Tags ?? {}) as Tags).map(([TagKey, TagValue]) => ({ ResourceName: name, ResourceType: type, TagKey, TagValue })),
  );
  return { TagResources: rows, NextToken: "" };
};

const tagResources: RpcHandler = ({ params, store }) => {
  const { kind } = resourceKind(params);
  const added = tagParameter(params);
  for (const [name, record] of taggedRecords(store, params)) {
    store.update(kind, name, { Tags: { ...((record.Tags ?? {}) as Tags), ...added } });
  }
  return {};
};

const untagResources: RpcHandler = ({ params, store }) => {
  const { kind } = resourceKind(params);
  const keys = new Set([...(params.json<string[]>("TagKeys") ?? []), ...params.list("TagKey")]);
  const all = params.bool("All") === true;
  for (const [name, record] of taggedRecords(store, params)) {
    const kept = Object.entries((record.Tags ?? {}) as Tags).filter(([k]) => !all && !keys.has(k));
    store.update(kind, name, { Tags: Object.fromEntries(kept) });
  }
  return {};
};

export const tagActions: Record<string, RpcHandler> = {
  ListTagResources: listTagResources,
  TagResources: tagResources,
  UntagResources: untagResources,
};
