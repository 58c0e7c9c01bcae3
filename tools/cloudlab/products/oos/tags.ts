// Tags on OOS secret parameters. Shapes read in terraform-provider-alicloud v1.285.0
// alicloud/service_alicloud_oos_v2.go DescribeSecretParameterListTagResources: ListTagResources with
// ResourceType "secretparameter" and ResourceIds (a list, sent as ResourceIds.N by the tea-rpc
// client; the API reference defines it as a JSON array, accepted too), read as
// `$.TagResources.TagResource[]` {TagKey, TagValue}; InvalidResourceId.NotFound is not-found (its
// HTTP status is not documented in the sources read: 404 here). TagResources (Tags: a JSON object)
// and UntagResources (TagKeys: a JSON array) per the OOS API reference.
import { ApiError, notFound } from "../../apiError";
import type { Params } from "../../params";
import type { RpcHandler } from "../../rpc";
import type { LabRecord, LabStore } from "../../store";
import { OOS_SECRET_PARAMETER } from "./secretParameters";

function tagged(params: Params, store: LabStore): LabRecord[] {
  const type = params.required("ResourceType");
  if (type !== "secretparameter") throw new ApiError("CloudLab.Unsupported", `the emulator holds no OOS resources of type ${type}`);
  const ids = params.json<string[]>("ResourceIds") ?? params.list("ResourceIds");
  if (ids.length === 0) return store.list(OOS_SECRET_PARAMETER);
  return ids.map((id) =>
    store.must(OOS_SECRET_PARAMETER, id, () => notFound("InvalidResourceId.NotFound", `The resource ${id} does not exist.`)),
  );
}

const listTagResources: RpcHandler = ({ params, store }) => ({
  TagResources: {
    TagResource: tagged(params, store).flatMap((p) =>
      Object.entries(p.Tags as Record<string, string>).map(([TagKey, TagValue]) => ({
        ResourceId: p.Name,
        ResourceType: "ALIYUN::OOS::SECRETPARAMETER",
        TagKey,
        TagValue,
      })),
    ),
  },
  NextToken: "",
});

const tagResources: RpcHandler = ({ params, store }) => {
  const added = params.json<Record<string, string>>("Tags") ?? {};
  for (const p of tagged(params, store)) store.update(OOS_SECRET_PARAMETER, String(p.Name), { Tags: { ...(p.Tags as object), ...added } });
  return {};
};

const untagResources: RpcHandler = ({ params, store }) => {
  const keys = new Set(params.json<string[]>("TagKeys") ?? []);
  const all = params.bool("All") === true;
  for (const p of tagged(params, store)) {
    const kept = Object.entries(p.Tags as Record<string, string>).filter(([k]) => !all && !keys.has(k));
    store.update(OOS_SECRET_PARAMETER, String(p.Name), { Tags: Object.fromEntries(kept) });
  }
  return {};
};

export const oosTagActions: Record<string, RpcHandler> = {
  ListTagResources: listTagResources,
  TagResources: tagResources,
  UntagResources: untagResources,
};
