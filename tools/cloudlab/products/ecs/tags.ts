// ECS tags: TagResources / UntagResources (alibaba-cloud-sdk-go ecs typed requests: ResourceType
// "instance", "securitygroup", "disk"...; ResourceId.N; Tag.N.Key/Value; TagKey.N), as
// terraform-provider-alicloud v1.285.0 alicloud/tags.go updateTags and service_alicloud_ecs_v2.go
// SetResourceTags call them. A record's tags live in its `Tags` map.
import { ApiError } from "../../apiError";
import type { RpcHandler } from "../../rpc";
import type { LabRecord } from "../../store";
import { KINDS } from "./kinds";

const KIND_OF_TYPE: Record<string, string> = { instance: KINDS.instance, securitygroup: KINDS.securityGroup };

function targets(resourceType: string, ids: string[], get: (kind: string, id: string) => LabRecord | undefined): [string, string][] {
  const kind = KIND_OF_TYPE[resourceType.toLowerCase()];
  if (!kind) throw new ApiError("InvalidResourceType.NotFound", `The ResourceType ${resourceType} is not supported here.`, 404);
  return ids.map((id) => {
    if (!get(kind, id)) throw new ApiError("InvalidResourceId.NotFound", `The specified ResourceIds ${id} are not found.`, 404);
    return [kind, id];
  });
}

export const tagResources: RpcHandler = ({ params, store }) => {
  for (const [kind, id] of targets(params.required("ResourceType"), params.list("ResourceId"), (k, i) => store.get(k, i))) {
    const current = store.get(kind, id) as LabRecord;
    store.update(kind, id, { Tags: { ...(current.Tags as object), ...params.tags() } });
  }
  return {};
};

export const untagResources: RpcHandler = ({ params, store }) => {
  const all = params.bool("All") === true;
  const keys = new Set(params.list("TagKey"));
  for (const [kind, id] of targets(params.required("ResourceType"), params.list("ResourceId"), (k, i) => store.get(k, i))) {
    const current = store.get(kind, id) as LabRecord;
    const kept = Object.entries(current.Tags as Record<string, string>).filter(([k]) => !all && !keys.has(k));
    store.update(kind, id, { Tags: Object.fromEntries(kept) });
  }
  return {};
};

/** ECS answers tags as Tags.Tag[] of {TagKey, TagValue} (DescribeInstances, DescribeSecurityGroups, DescribeDisks). */
export function tagList(tags: unknown): { Tag: { TagKey: string; TagValue: string }[] } {
  return { Tag: Object.entries((tags ?? {}) as Record<string, string>).map(([TagKey, TagValue]) => ({ TagKey, TagValue })) };
}
