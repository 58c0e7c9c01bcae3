// Function Compute 3.0 tags: TagResources (POST /2023-03-30/tags-v2, body {ResourceId: [arn],
// ResourceType, Tag: [{Key, Value}]}) and UntagResources (DELETE /2023-03-30/tags-v2 with ResourceId
// and TagKey as JSON lists in the query), as the @alicloud/fc20230330 client sends them and
// terraform-provider-alicloud v1.285.0 alicloud/service_alicloud_fcv3_v2.go SetResourceTags calls
// them. GetFunction then lists the function's tags in the same Tag model: [{Key, Value}] (the model maps
// its key and value fields to "Key" and "Value"; the provider's tagsToMap reads either spelling).
import { ApiError } from "../../apiError";
import type { RestRoute } from "../../restRoutes";
import type { RoaHandler } from "../../roa";
import type { LabRecord, LabStore } from "../../store";
import { functionNotFound } from "./functions";
import { FC } from "./kinds";

type Tag = { Key: string; Value: string };

function functionsByArn(store: LabStore, arns: unknown): LabRecord[] {
  if (!Array.isArray(arns) || arns.length === 0) throw new ApiError("InvalidArgument", "ResourceId is required", 400);
  return arns.map((arn) => {
    const f = store.list(FC.function).find((x) => x.functionArn === arn || x.functionName === arn);
    if (!f) throw functionNotFound(String(arn));
    return f;
  });
}

function jsonList(text: string | null): unknown[] {
  try {
    const v = JSON.parse(text ?? "[]") as unknown;
    return Array.isArray(v) ? v : [v];
  } catch {
    return [text];
  }
}

const tagResources: RoaHandler = ({ body, store }) => {
  const added = (Array.isArray(body.Tag) ? body.Tag : []) as { Key?: string; Value?: string }[];
  for (const f of functionsByArn(store, body.ResourceId)) {
    const tags = new Map(((f.tags ?? []) as Tag[]).map((t) => [t.Key, t.Value]));
    for (const t of added) if (t.Key) tags.set(t.Key, t.Value ?? "");
    store.update(FC.function, String(f.functionName), { tags: [...tags].map(([Key, Value]) => ({ Key, Value })) });
  }
  return { status: 204 };
};

const untagResources: RoaHandler = ({ query, store }) => {
  const all = query.get("All") === "true";
  const keys = new Set(jsonList(query.get("TagKey")).map(String));
  for (const f of functionsByArn(store, jsonList(query.get("ResourceId")))) {
    const tags = ((f.tags ?? []) as Tag[]).filter((t) => !all && !keys.has(t.Key));
    store.update(FC.function, String(f.functionName), { tags });
  }
  return { status: 204 };
};

export function tagRoutes(): RestRoute<RoaHandler>[] {
  return [
    { method: "POST", path: "/2023-03-30/tags-v2", action: "TagResources", handle: tagResources },
    { method: "DELETE", path: "/2023-03-30/tags-v2", action: "UntagResources", handle: untagResources },
  ];
}
