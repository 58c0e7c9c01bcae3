// OSS bucket subresources, as terraform-provider-alicloud v1.285.0 reads and writes them for
// alicloud_oss_bucket (alicloud/resource_alicloud_oss_bucket.go Read and Update): versioning,
// encryption, lifecycle and tagging can be written; CORS, website, logging, referer, policy,
// transfer acceleration and the resource group are read on every refresh. What a bucket that never
// had one answers matters, because Read turns it into attributes: no CORS rules, website, lifecycle
// or policy is a 404 with a NoSuch… code (GetBucketCors, GetBucketWebsite, GetBucketLifecycle,
// GetBucketPolicy references; the provider takes those as "none"); logging and referer always answer
// a document (the provider fails on any error there); transfer acceleration never set is a 404
// NoSuchTransferAccelerationConfiguration (unconfirmed; an <Enabled>false</Enabled> answer would read
// as a transfer_acceleration block the program never set, a diff on every preview).
import type { RestRoute } from "../../restRoutes";
import { el, ossError, xmlDocument, xmlTexts, type OssHandler } from "../../oss";
import type { LabRecord } from "../../store";
import { sseRule } from "./buckets";
import { OSS, mustBucket } from "./kinds";

type Tag = { Key: string; Value: string };

const malformed = (): ReturnType<typeof ossError> =>
  ossError("MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema.", 400);

const noSuch = (code: string, message: string): OssHandler => {
  return ({ bucket, store }) => {
    mustBucket(store, bucket);
    throw ossError(code, message, 404);
  };
};

const getVersioning: OssHandler = ({ bucket, store }) => {
  const status = mustBucket(store, bucket).Versioning;
  return { xml: xmlDocument("VersioningConfiguration", status ? el("Status", status) : "") };
};

const putVersioning: OssHandler = ({ bucket, body, store }) => {
  mustBucket(store, bucket);
  const status = xmlTexts(body.toString("utf8"), "Status")[0];
  if (status !== "Enabled" && status !== "Suspended") throw malformed();
  store.update(OSS.bucket, bucket, { Versioning: status });
  return {};
};

const getEncryption: OssHandler = ({ bucket, store }) => {
  const rule = mustBucket(store, bucket).ServerSideEncryptionRule as Record<string, string>;
  if (rule.SSEAlgorithm === "None")
    throw ossError("NoSuchServerSideEncryptionRule", "The server side encryption configuration was not found.", 404);
  const inner = Object.entries(rule)
    .map(([k, v]) => el(k, v))
    .join("");
  return {
    xml: xmlDocument("ServerSideEncryptionRule", `<ApplyServerSideEncryptionByDefault>${inner}</ApplyServerSideEncryptionByDefault>`),
  };
};

const putEncryption: OssHandler = ({ bucket, body, store }) => {
  mustBucket(store, bucket);
  const doc = body.toString("utf8");
  const algorithm = xmlTexts(doc, "SSEAlgorithm")[0];
  if (!algorithm) throw malformed();
  store.update(OSS.bucket, bucket, {
    ServerSideEncryptionRule: sseRule(algorithm, xmlTexts(doc, "KMSMasterKeyID")[0], xmlTexts(doc, "KMSDataEncryption")[0]),
  });
  return {};
};

const deleteEncryption: OssHandler = ({ bucket, store }) => {
  mustBucket(store, bucket);
  store.update(OSS.bucket, bucket, { ServerSideEncryptionRule: { SSEAlgorithm: "None" } });
  return { status: 204 };
};

/** The lifecycle document is kept as sent and answered as kept (GetBucketLifecycle returns the configuration PutBucketLifecycle set). */
const getLifecycle: OssHandler = ({ bucket, store }) => {
  const lifecycle = mustBucket(store, bucket).Lifecycle;
  if (typeof lifecycle !== "string") throw ossError("NoSuchLifecycle", "No Row found in Lifecycle Table.", 404);
  return { xml: lifecycle };
};

const putLifecycle: OssHandler = ({ bucket, body, store }) => {
  mustBucket(store, bucket);
  const doc = body.toString("utf8");
  if (xmlTexts(doc, "LifecycleConfiguration").length !== 1 || xmlTexts(doc, "Rule").length === 0) throw malformed();
  store.update(OSS.bucket, bucket, { Lifecycle: doc });
  return {};
};

const deleteLifecycle: OssHandler = ({ bucket, store }) => {
  mustBucket(store, bucket);
  store.update(OSS.bucket, bucket, { Lifecycle: undefined });
  return { status: 204 };
};

const getTagging: OssHandler = ({ bucket, store }) => {
  const tags = (mustBucket(store, bucket).Tags ?? []) as Tag[];
  return {
    xml: xmlDocument("Tagging", `<TagSet>${tags.map((t) => `<Tag>${el("Key", t.Key)}${el("Value", t.Value)}</Tag>`).join("")}</TagSet>`),
  };
};

/** PutBucketTags replaces the bucket's tags with the document's TagSet. */
const putTagging: OssHandler = ({ bucket, body, store }) => {
  mustBucket(store, bucket);
  const doc = body.toString("utf8");
  if (xmlTexts(doc, "Tagging").length !== 1) throw malformed();
  const tags = xmlTexts(doc, "Tag").map((tag) => ({ Key: xmlTexts(tag, "Key")[0] ?? "", Value: xmlTexts(tag, "Value")[0] ?? "" }));
  if (tags.some((t) => t.Key === "")) throw malformed();
  store.update(OSS.bucket, bucket, { Tags: tags });
  return {};
};

/** DeleteBucketTags removes the keys named in ?tagging=k1,k2, or every tag. */
const deleteTagging: OssHandler = ({ bucket, query, store }) => {
  const b: LabRecord = mustBucket(store, bucket);
  const keys = (query.get("tagging") ?? "").split(",").filter(Boolean);
  store.update(OSS.bucket, bucket, { Tags: keys.length === 0 ? [] : ((b.Tags ?? []) as Tag[]).filter((t) => !keys.includes(t.Key)) });
  return { status: 204 };
};

const getLogging: OssHandler = ({ bucket, store }) => {
  mustBucket(store, bucket);
  return { xml: xmlDocument("BucketLoggingStatus", "") };
};

const getReferer: OssHandler = ({ bucket, store }) => {
  mustBucket(store, bucket);
  return { xml: xmlDocument("RefererConfiguration", `${el("AllowEmptyReferer", true)}<RefererList></RefererList>`) };
};

const getResourceGroup: OssHandler = ({ bucket, store }) => ({
  xml: xmlDocument("BucketResourceGroupConfiguration", el("ResourceGroupId", mustBucket(store, bucket).ResourceGroupId)),
});

export function bucketSettingRoutes(): RestRoute<OssHandler>[] {
  const on = (method: string, query: string, action: string, handle: OssHandler): RestRoute<OssHandler> => ({
    method,
    path: "/",
    query,
    action,
    handle,
  });
  return [
    on("GET", "versioning", "GetBucketVersioning", getVersioning),
    on("PUT", "versioning", "PutBucketVersioning", putVersioning),
    on("GET", "encryption", "GetBucketEncryption", getEncryption),
    on("PUT", "encryption", "PutBucketEncryption", putEncryption),
    on("DELETE", "encryption", "DeleteBucketEncryption", deleteEncryption),
    on("GET", "lifecycle", "GetBucketLifecycle", getLifecycle),
    on("PUT", "lifecycle", "PutBucketLifecycle", putLifecycle),
    on("DELETE", "lifecycle", "DeleteBucketLifecycle", deleteLifecycle),
    on("GET", "tagging", "GetBucketTags", getTagging),
    on("PUT", "tagging", "PutBucketTags", putTagging),
    on("DELETE", "tagging", "DeleteBucketTags", deleteTagging),
    on("GET", "cors", "GetBucketCors", noSuch("NoSuchCORSConfiguration", "The CORS Configuration does not exist.")),
    on(
      "GET",
      "website",
      "GetBucketWebsite",
      noSuch("NoSuchWebsiteConfiguration", "The specified bucket does not have a website configuration."),
    ),
    on("GET", "logging", "GetBucketLogging", getLogging),
    on("GET", "referer", "GetBucketReferer", getReferer),
    on("GET", "policy", "GetBucketPolicy", noSuch("NoSuchBucketPolicy", "The bucket policy does not exist.")),
    on(
      "GET",
      "transferAcceleration",
      "GetBucketTransferAcceleration",
      noSuch("NoSuchTransferAccelerationConfiguration", "The bucket transfer acceleration configuration does not exist."),
    ),
    on("GET", "resourceGroup", "GetBucketResourceGroup", getResourceGroup),
  ];
}
