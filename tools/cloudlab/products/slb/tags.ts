// Tags of load balancers, server certificates and VServer groups: TagResources, UntagResources and
// ListTagResources (SLB 2014-05-15). Read in terraform-provider-alicloud v1.285.0
// alicloud/service_alicloud_slb.go: SetResourceTags (TagResources with Tag.N.Key/Value, UntagResources
// with TagKey.N) and ListTagResources (generic map: $.TagResources.TagResource[].{TagKey, TagValue},
// NextToken read only to page on); setInstanceTags does the same through the typed SDK for
// certificates. ResourceType is instance, certificate or vservergroup there (also acl and
// masterslaveservergroup in the API reference, which the emulator does not hold).
import type { RpcHandler } from "../../rpc";
import type { LabStore } from "../../store";
import { invalidParameter } from "./errors";
import { SLB_KINDS, tagsOf, type SlbTag } from "./kinds";

const KIND_OF_TYPE: Readonly<Record<string, string>> = {
  instance: SLB_KINDS.loadBalancer,
  certificate: SLB_KINDS.serverCertificate,
  vservergroup: SLB_KINDS.vServerGroup,
};

function kindOf(resourceType: string): string {
  const kind = KIND_OF_TYPE[resourceType.toLowerCase()];
  if (!kind) throw invalidParameter(`The specified parameter ResourceType ${resourceType} is not valid.`);
  return kind;
}

function setTags(store: LabStore, kind: string, id: string, tags: SlbTag[]): void {
  store.update(kind, id, { Tags: { Tag: tags } });
}

/** Tags as a create call gives them (`Tag.N.Key`, `Tag.N.Value`), in the records' shape. */
export function tagList(tags: Record<string, string>): SlbTag[] {
  return Object.entries(tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
}

export const tagActions: Record<string, RpcHandler> = {
  TagResources: ({ params, store }) => {
    const kind = kindOf(params.required("ResourceType"));
    const added = params.tags();
    for (const id of params.list("ResourceId")) {
      const record = store.get(kind, id);
      if (!record) continue; // the API reference lists no error for an unknown id; nothing to tag
      const kept = tagsOf(record).filter((t) => !(t.TagKey in added));
      setTags(store, kind, id, [...kept, ...tagList(added)]);
    }
    return {};
  },
  UntagResources: ({ params, store }) => {
    const kind = kindOf(params.required("ResourceType"));
    const keys = new Set(params.list("TagKey"));
    const all = params.bool("All") === true;
    for (const id of params.list("ResourceId")) {
      const record = store.get(kind, id);
      if (record) setTags(store, kind, id, all ? [] : tagsOf(record).filter((t) => !keys.has(t.TagKey)));
    }
    return {};
  },
  ListTagResources: ({ params, store }) => {
    const resourceType = params.required("ResourceType");
    const kind = kindOf(resourceType);
    const ids = params.list("ResourceId");
    const wanted = params.tags();
    const records =
      ids.length > 0 ? ids.map((id) => [id, store.get(kind, id)] as const) : store.list(kind).map((r) => [idOf(kind, r), r] as const);
    const TagResource = records.flatMap(([id, record]) =>
      record
        ? tagsOf(record)
            .filter((t) => Object.keys(wanted).length === 0 || wanted[t.TagKey] === t.TagValue)
            .map((t) => ({ ResourceType: resourceType.toLowerCase(), ResourceId: id, TagKey: t.TagKey, TagValue: t.TagValue }))
        : [],
    );
    // One page holds them all: the provider stops when NextToken is absent (service_alicloud_slb.go).
    return { TagResources: { TagResource } };
  },
};

function idOf(kind: string, record: Record<string, unknown>): string {
  if (kind === SLB_KINDS.loadBalancer) return String(record.LoadBalancerId);
  if (kind === SLB_KINDS.serverCertificate) return String(record.ServerCertificateId);
  return String(record.VServerGroupId);
}
