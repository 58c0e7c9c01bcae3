// OSS buckets: ListBuckets (GetService), PutBucket, GetBucketInfo, DeleteBucket, and the bucket ACL.
// Read in terraform-provider-alicloud v1.285.0 alicloud/resource_alicloud_oss_bucket.go and
// service_alicloud_oss.go: Create asks IsBucketExist (aliyun-oss-go-sdk: ListBuckets with prefix =
// the name and max-keys 1, true when that one bucket comes back) before and after PutBucket, whose
// headers carry x-oss-acl, x-oss-server-side-encryption and whose body is a
// CreateBucketConfiguration (StorageClass, DataRedundancyType); Read takes GetBucketInfo's
// Bucket.{AccessControlList.Grant, CreationDate, ExtranetEndpoint, IntranetEndpoint, Location,
// Owner.ID, StorageClass, DataRedundancyType, ServerSideEncryptionRule.SSEAlgorithm ("None" when
// unset), Versioning (absent until versioning is first set), AccessMonitor}; Delete retries
// DeleteBucket after emptying the bucket when force_destroy is set and OSS answers 409 BucketNotEmpty
// (the PutBucket and DeleteBucket references' error codes).
import type { RestRoute } from "../../restRoutes";
import { el, ossError, xmlDocument, xmlTexts, type OssHandler } from "../../oss";
import type { LabRecord, LabStore } from "../../store";
import { defaultResourceGroupId } from "../resourceGroups";
import { OSS, mustBucket, objectsOf, ossTime } from "./kinds";

/** 3-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit (PutBucket). */
const BUCKET_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
const ACLS = ["private", "public-read", "public-read-write"];
const STORAGE_CLASSES = ["Standard", "IA", "Archive", "ColdArchive", "DeepColdArchive"];
const SSE = ["AES256", "KMS", "SM4"];

const invalid = (message: string): ReturnType<typeof ossError> => ossError("InvalidArgument", message, 400);

function header(headers: Record<string, unknown>, name: string): string | undefined {
  const v = headers[name];
  return typeof v === "string" && v !== "" ? v : undefined;
}

export function checkAcl(acl: string): string {
  if (!ACLS.includes(acl)) throw invalid(`no such bucket access control exists: ${acl}`);
  return acl;
}

/** The encryption a bucket keeps: SSEAlgorithm and, for KMS, the key and the data encryption. */
export function sseRule(algorithm: string | undefined, keyId: string | undefined, dataEncryption: string | undefined): LabRecord {
  if (algorithm === undefined) return { SSEAlgorithm: "None" };
  if (!SSE.includes(algorithm))
    throw ossError("InvalidEncryptionAlgorithmError", `The encryption method specified is not supported: ${algorithm}`, 400);
  return {
    SSEAlgorithm: algorithm,
    ...(keyId ? { KMSMasterKeyID: keyId } : {}),
    ...(dataEncryption ? { KMSDataEncryption: dataEncryption } : {}),
  };
}

const putBucket: OssHandler = ({ bucket, headers, body, store }) => {
  if (!BUCKET_NAME.test(bucket)) throw ossError("InvalidBucketName", "The specified bucket is not valid.", 400);
  if (store.get(OSS.bucket, bucket)) throw ossError("BucketAlreadyExists", "The requested bucket name is not available.", 409);
  const config = body.toString("utf8");
  const storageClass = xmlTexts(config, "StorageClass")[0] || "Standard";
  if (!STORAGE_CLASSES.includes(storageClass)) throw invalid(`StorageClass ${storageClass} is not valid`);
  const redundancy = xmlTexts(config, "DataRedundancyType")[0] || "LRS";
  if (!["LRS", "ZRS"].includes(redundancy)) throw invalid(`DataRedundancyType ${redundancy} is not valid`);
  const region = `oss-${store.region}`;
  store.create(OSS.bucket, bucket, {
    Name: bucket,
    Location: region,
    CreationDate: ossTime(),
    ExtranetEndpoint: `${region}.aliyuncs.com`,
    IntranetEndpoint: `${region}-internal.aliyuncs.com`,
    StorageClass: storageClass,
    DataRedundancyType: redundancy,
    AccessControlList: { Grant: checkAcl(header(headers, "x-oss-acl") ?? "private") },
    Owner: { ID: store.accountId, DisplayName: store.accountId },
    ServerSideEncryptionRule: sseRule(
      header(headers, "x-oss-server-side-encryption"),
      header(headers, "x-oss-server-side-encryption-key-id"),
      header(headers, "x-oss-server-side-data-encryption"),
    ),
    AccessMonitor: "Disabled",
    TransferAcceleration: "Disabled",
    CrossRegionReplication: "Disabled",
    ResourceGroupId: header(headers, "x-oss-resource-group-id") ?? defaultResourceGroupId(store),
    Tags: [],
  });
  return {};
};

function bucketInfo(b: LabRecord): string {
  const sse = b.ServerSideEncryptionRule as Record<string, string>;
  const owner = b.Owner as Record<string, string>;
  return (
    el("Name", b.Name) +
    el("AccessMonitor", b.AccessMonitor) +
    el("Location", b.Location) +
    el("CreationDate", b.CreationDate) +
    el("ExtranetEndpoint", b.ExtranetEndpoint) +
    el("IntranetEndpoint", b.IntranetEndpoint) +
    `<AccessControlList>${el("Grant", (b.AccessControlList as Record<string, string>).Grant)}</AccessControlList>` +
    el("DataRedundancyType", b.DataRedundancyType) +
    `<Owner>${el("DisplayName", owner.DisplayName)}${el("ID", owner.ID)}</Owner>` +
    el("StorageClass", b.StorageClass) +
    el("ResourceGroupId", b.ResourceGroupId) +
    `<ServerSideEncryptionRule>${Object.entries(sse)
      .map(([k, v]) => el(k, v))
      .join("")}</ServerSideEncryptionRule>` +
    (b.Versioning ? el("Versioning", b.Versioning) : "") +
    el("TransferAcceleration", b.TransferAcceleration) +
    el("CrossRegionReplication", b.CrossRegionReplication)
  );
}

const getBucketInfo: OssHandler = ({ bucket, store }) => ({
  xml: xmlDocument("BucketInfo", `<Bucket>${bucketInfo(mustBucket(store, bucket))}</Bucket>`),
});

const deleteBucket: OssHandler = ({ bucket, store }) => {
  mustBucket(store, bucket);
  if (objectsOf(store, bucket).length > 0) throw ossError("BucketNotEmpty", "The bucket you tried to delete is not empty.", 409);
  store.delete(OSS.bucket, bucket);
  return { status: 204 };
};

const getBucketAcl: OssHandler = ({ bucket, store }) => {
  const b = mustBucket(store, bucket);
  const owner = b.Owner as Record<string, string>;
  const grant = (b.AccessControlList as Record<string, string>).Grant;
  return {
    xml: xmlDocument(
      "AccessControlPolicy",
      `<Owner>${el("ID", owner.ID)}${el("DisplayName", owner.DisplayName)}</Owner><AccessControlList>${el("Grant", grant)}</AccessControlList>`,
    ),
  };
};

const putBucketAcl: OssHandler = ({ bucket, headers, store }) => {
  mustBucket(store, bucket);
  store.update(OSS.bucket, bucket, { AccessControlList: { Grant: checkAcl(header(headers, "x-oss-acl") ?? "") } });
  return {};
};

/** ListBuckets (GetService) on the service host: prefix, marker and max-keys as the SDK sends them. */
function listBuckets(store: LabStore, query: URLSearchParams): string {
  const prefix = query.get("prefix") ?? "";
  const marker = query.get("marker") ?? "";
  const max = Number(query.get("max-keys") ?? 100);
  const all = store
    .list(OSS.bucket)
    .map((b) => b as LabRecord & { Name: string })
    .filter((b) => b.Name.startsWith(prefix) && b.Name > marker)
    .sort((a, b) => a.Name.localeCompare(b.Name));
  const page = all.slice(0, max);
  const truncated = all.length > page.length;
  const buckets = page
    .map(
      (b) =>
        `<Bucket>${el("Name", b.Name)}${el("Location", b.Location)}${el("CreationDate", b.CreationDate)}${el("StorageClass", b.StorageClass)}</Bucket>`,
    )
    .join("");
  return xmlDocument(
    "ListAllMyBucketsResult",
    el("Prefix", prefix) +
      el("Marker", marker) +
      el("MaxKeys", max) +
      el("IsTruncated", truncated) +
      (truncated ? el("NextMarker", page[page.length - 1]?.Name) : "") +
      `<Owner>${el("ID", store.accountId)}${el("DisplayName", store.accountId)}</Owner>` +
      `<Buckets>${buckets}</Buckets>`,
  );
}

export function serviceRoutes(): RestRoute<OssHandler>[] {
  return [{ method: "GET", path: "/", action: "ListBuckets", handle: ({ store, query }) => ({ xml: listBuckets(store, query) }) }];
}

export function bucketRoutes(): RestRoute<OssHandler>[] {
  return [
    { method: "PUT", path: "/", action: "PutBucket", handle: putBucket },
    { method: "GET", path: "/", query: "bucketInfo", action: "GetBucketInfo", handle: getBucketInfo },
    { method: "DELETE", path: "/", action: "DeleteBucket", handle: deleteBucket },
    { method: "GET", path: "/", query: "acl", action: "GetBucketAcl", handle: getBucketAcl },
    { method: "PUT", path: "/", query: "acl", action: "PutBucketAcl", handle: putBucketAcl },
  ];
}
