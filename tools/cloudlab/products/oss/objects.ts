// OSS objects, as far as a bucket's life needs them: PutObject and DeleteObject, ListObjects,
// ListObjectVersions and DeleteMultipleObjects, which the provider's force_destroy uses to empty a
// bucket that DeleteBucket refused as not empty (terraform-provider-alicloud v1.285.0
// alicloud/resource_alicloud_oss_bucket.go Delete: ListObjectVersions, then DeleteObjectVersions,
// i.e. POST /?delete with a Delete document of Object.{Key, VersionId}). The monitoring function
// writes its state object into the bucket, so a real bucket of this stack is not empty at destroy.
// Versioning of objects is not modelled: every object has the one version "null", as in a bucket
// that never had versioning (the ListObjectVersions reference).
import { createHash } from "node:crypto";
import type { RestRoute } from "../../restRoutes";
import { el, xmlDocument, xmlTexts, type OssHandler } from "../../oss";
import type { LabRecord } from "../../store";
import { OSS, mustBucket, objectsOf, ossTime } from "./kinds";

const objectId = (bucket: string, key: string): string => `${bucket}/${key}`;

const putObject: OssHandler = ({ bucket, key, body, store }) => {
  mustBucket(store, bucket);
  const etag = `"${createHash("md5").update(body).digest("hex").toUpperCase()}"`;
  const record: LabRecord = {
    _bucket: bucket,
    Key: key,
    Size: body.length,
    ETag: etag,
    LastModified: ossTime(),
    StorageClass: "Standard",
    VersionId: "null",
  };
  if (store.get(OSS.object, objectId(bucket, key))) store.update(OSS.object, objectId(bucket, key), record);
  else store.create(OSS.object, objectId(bucket, key), record);
  return { headers: { etag } };
};

const deleteObject: OssHandler = ({ bucket, key, store }) => {
  mustBucket(store, bucket);
  store.delete(OSS.object, objectId(bucket, key));
  return { status: 204 };
};

function owner(accountId: string): string {
  return `<Owner>${el("ID", accountId)}${el("DisplayName", accountId)}</Owner>`;
}

/** An object's elements as ListObjects' Contents and ListObjectVersions' Version carry them. */
function objectElements(o: LabRecord, accountId: string): string {
  return [
    el("Key", o.Key),
    el("LastModified", o.LastModified),
    el("ETag", o.ETag),
    el("Type", "Normal"),
    el("Size", o.Size),
    el("StorageClass", o.StorageClass),
    owner(accountId),
  ].join("");
}

const listObjects: OssHandler = ({ bucket, query, store }) => {
  mustBucket(store, bucket);
  const prefix = query.get("prefix") ?? "";
  const objects = objectsOf(store, bucket).filter((o) => String(o.Key).startsWith(prefix));
  const contents = objects.map((o) => `<Contents>${objectElements(o, store.accountId)}</Contents>`).join("");
  const head = el("Name", bucket) + el("Prefix", prefix) + el("Marker", "") + el("MaxKeys", 1000) + el("IsTruncated", false);
  return { xml: xmlDocument("ListBucketResult", head + contents) };
};

const listObjectVersions: OssHandler = ({ bucket, store }) => {
  mustBucket(store, bucket);
  const versions = objectsOf(store, bucket)
    .map((o) => `<Version>${el("VersionId", o.VersionId)}${el("IsLatest", true)}${objectElements(o, store.accountId)}</Version>`)
    .join("");
  const head =
    el("Name", bucket) +
    el("Prefix", "") +
    el("KeyMarker", "") +
    el("VersionIdMarker", "") +
    el("MaxKeys", 1000) +
    el("IsTruncated", false);
  return { xml: xmlDocument("ListVersionsResult", head + versions) };
};

const deleteMultipleObjects: OssHandler = ({ bucket, body, store }) => {
  mustBucket(store, bucket);
  const doc = body.toString("utf8");
  const keys = xmlTexts(doc, "Object").map((o) => xmlTexts(o, "Key")[0] ?? "");
  for (const key of keys) store.delete(OSS.object, objectId(bucket, key));
  const quiet = xmlTexts(doc, "Quiet")[0] === "true";
  return { xml: xmlDocument("DeleteResult", quiet ? "" : keys.map((k) => `<Deleted>${el("Key", k)}</Deleted>`).join("")) };
};

export function objectRoutes(): RestRoute<OssHandler>[] {
  return [
    { method: "GET", path: "/", action: "ListObjects", handle: listObjects },
    { method: "GET", path: "/", query: "versions", action: "ListObjectVersions", handle: listObjectVersions },
    { method: "POST", path: "/", query: "delete", action: "DeleteMultipleObjects", handle: deleteMultipleObjects },
    { method: "PUT", path: "/{key*}", action: "PutObject", handle: putObject },
    { method: "DELETE", path: "/{key*}", action: "DeleteObject", handle: deleteObject },
  ];
}
