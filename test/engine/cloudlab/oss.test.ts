// Contract of the emulator's OSS with plain HTTP requests and the XML the OSS API reference
// documents (no official Node SDK is among the project's clients): the bucket calls
// alicloud_oss_bucket makes, the subresources its Read asks for, and the refusals.
import { labRequest, useLab, type LabAnswer } from "../../support/labClients";

const lab = useLab();
const bucket = "whb-dev-monitor-0a1b2c3d";

/** One request as the OSS SDK sends it: to `<bucket>.oss.cloudlab.invalid` or the service host. */
const oss = (
  method: string,
  host: string,
  path: string,
  options?: { headers?: Record<string, string>; body?: string },
): Promise<LabAnswer> => labRequest(lab(), method, host, path, options);

const onBucket = (method: string, path: string, options?: { headers?: Record<string, string>; body?: string }): Promise<LabAnswer> =>
  oss(method, `${bucket}.oss.cloudlab.invalid`, path, options);

/** The first `<tag>` text of an answer. */
const text = (xml: string, tag: string): string | undefined => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];

const code = (answer: LabAnswer): [string | undefined, number] => [text(answer.body, "Code"), answer.status];

describe("buckets", () => {
  test("PutBucket with the provider's headers and body; ListBuckets by prefix finds it, as IsBucketExist asks", async () => {
    const created = await onBucket("PUT", "/", {
      headers: { "x-oss-acl": "private", "x-oss-server-side-encryption": "AES256", "content-type": "application/xml" },
      body: "<CreateBucketConfiguration><StorageClass>Standard</StorageClass><DataRedundancyType>LRS</DataRedundancyType></CreateBucketConfiguration>",
    });
    expect(created.status).toBe(200);
    expect(created.headers["x-oss-request-id"]).toBeTruthy();

    const listed = await oss("GET", "oss.cloudlab.invalid", `/?prefix=${bucket}&max-keys=1`);
    expect(listed.status).toBe(200);
    expect(text(listed.body, "Name")).toBe(bucket);
    const none = await oss("GET", "oss.cloudlab.invalid", "/?prefix=other&max-keys=1");
    expect(none.body).toContain("<Buckets></Buckets>");
  });

  test("GetBucketInfo answers the Bucket the provider reads: ACL grant, location, encryption, no Versioning until set", async () => {
    const info = await onBucket("GET", "/?bucketInfo");
    expect(info.status).toBe(200);
    expect(info.headers["content-type"]).toBe("application/xml");
    expect(text(info.body, "Name")).toBe(bucket);
    expect(text(info.body, "Grant")).toBe("private");
    expect(text(info.body, "Location")).toBe("oss-cn-hangzhou");
    expect(text(info.body, "StorageClass")).toBe("Standard");
    expect(text(info.body, "DataRedundancyType")).toBe("LRS");
    expect(text(info.body, "SSEAlgorithm")).toBe("AES256");
    expect(text(info.body, "CreationDate")).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(info.body).not.toContain("<Versioning>");
  });

  test("PutBucket refuses a taken name (409 BucketAlreadyExists), a bad name and an unknown encryption; a missing bucket is 404 NoSuchBucket", async () => {
    expect(code(await onBucket("PUT", "/"))).toEqual(["BucketAlreadyExists", 409]);
    expect(code(await oss("PUT", "Bad_Name.oss.cloudlab.invalid", "/"))).toEqual(["InvalidBucketName", 400]);
    expect(
      code(await oss("PUT", "other-bucket.oss.cloudlab.invalid", "/", { headers: { "x-oss-server-side-encryption": "ROT13" } })),
    ).toEqual(["InvalidEncryptionAlgorithmError", 400]);
    expect(code(await oss("GET", "no-such-bucket.oss.cloudlab.invalid", "/?bucketInfo"))).toEqual(["NoSuchBucket", 404]);
  });
});

describe("the subresources Read asks for", () => {
  test("no CORS, website, lifecycle, policy or transfer acceleration: 404 with a NoSuch code; logging and referer answer a document", async () => {
    expect(code(await onBucket("GET", "/?cors"))).toEqual(["NoSuchCORSConfiguration", 404]);
    expect(code(await onBucket("GET", "/?website"))).toEqual(["NoSuchWebsiteConfiguration", 404]);
    expect(code(await onBucket("GET", "/?lifecycle"))).toEqual(["NoSuchLifecycle", 404]);
    expect(code(await onBucket("GET", "/?policy"))).toEqual(["NoSuchBucketPolicy", 404]);
    expect(code(await onBucket("GET", "/?transferAcceleration"))).toEqual(["NoSuchTransferAccelerationConfiguration", 404]);
    const logging = await onBucket("GET", "/?logging");
    expect([logging.status, logging.body]).toEqual([200, expect.stringContaining("<BucketLoggingStatus></BucketLoggingStatus>")]);
    const referer = await onBucket("GET", "/?referer");
    expect(text(referer.body, "AllowEmptyReferer")).toBe("true");
    expect(text((await onBucket("GET", "/?resourceGroup")).body, "ResourceGroupId")).toMatch(/^rg-/);
  });

  test("tagging: PutBucketTags replaces the TagSet, GetBucketTags reads it, DeleteBucketTags (204) removes it", async () => {
    expect(text((await onBucket("GET", "/?tagging")).body, "TagSet")).toBe("");
    const put = await onBucket("PUT", "/?tagging", {
      body: "<Tagging><TagSet><Tag><Key>stack</Key><Value>dev</Value></Tag><Tag><Key>team</Key><Value>a&amp;b</Value></Tag></TagSet></Tagging>",
    });
    expect(put.status).toBe(200);
    expect(lab().store.get("oss.bucket", bucket)?.Tags).toEqual([
      { Key: "stack", Value: "dev" },
      { Key: "team", Value: "a&b" },
    ]);
    expect((await onBucket("GET", "/?tagging")).body).toContain("<Tag><Key>team</Key><Value>a&amp;b</Value></Tag>");
    expect((await onBucket("DELETE", "/?tagging")).status).toBe(204);
    expect(lab().store.get("oss.bucket", bucket)?.Tags).toEqual([]);
    expect(code(await onBucket("PUT", "/?tagging", { body: "<Tagging><TagSet><Tag><Value>x</Value></Tag></TagSet></Tagging>" }))).toEqual([
      "MalformedXML",
      400,
    ]);
  });

  test("ACL, versioning, encryption and lifecycle can be written and read back", async () => {
    expect((await onBucket("PUT", "/?acl", { headers: { "x-oss-acl": "public-read" } })).status).toBe(200);
    expect(text((await onBucket("GET", "/?acl")).body, "Grant")).toBe("public-read");
    expect(code(await onBucket("PUT", "/?acl", { headers: { "x-oss-acl": "everyone" } }))).toEqual(["InvalidArgument", 400]);

    await onBucket("PUT", "/?versioning", { body: "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>" });
    expect(text((await onBucket("GET", "/?bucketInfo")).body, "Versioning")).toBe("Enabled");

    const kms = "<SSEAlgorithm>KMS</SSEAlgorithm><KMSMasterKeyID>key-1</KMSMasterKeyID>";
    await onBucket("PUT", "/?encryption", {
      body: `<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault>${kms}</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>`,
    });
    const encryption = await onBucket("GET", "/?encryption");
    expect([text(encryption.body, "SSEAlgorithm"), text(encryption.body, "KMSMasterKeyID")]).toEqual(["KMS", "key-1"]);
    expect((await onBucket("DELETE", "/?encryption")).status).toBe(204);
    expect(code(await onBucket("GET", "/?encryption"))).toEqual(["NoSuchServerSideEncryptionRule", 404]);

    const rule = "<Rule><ID>old</ID><Prefix></Prefix><Status>Enabled</Status><Expiration><Days>30</Days></Expiration></Rule>";
    const lifecycle = `<LifecycleConfiguration>${rule}</LifecycleConfiguration>`;
    expect((await onBucket("PUT", "/?lifecycle", { body: lifecycle })).status).toBe(200);
    expect((await onBucket("GET", "/?lifecycle")).body).toBe(lifecycle);
    expect((await onBucket("DELETE", "/?lifecycle")).status).toBe(204);
    expect(code(await onBucket("PUT", "/?lifecycle", { body: "<LifecycleConfiguration></LifecycleConfiguration>" }))).toEqual([
      "MalformedXML",
      400,
    ]);
  });

  test("a subresource the emulator does not answer is CloudLab.Unsupported, never taken for a plain bucket call", async () => {
    expect(code(await onBucket("GET", "/?worm"))).toEqual(["CloudLab.Unsupported", 400]);
  });
});

describe("deleting a bucket", () => {
  test("DeleteBucket refuses a bucket with objects (409 BucketNotEmpty); emptied as force_destroy does, it is deleted (204)", async () => {
    expect((await onBucket("PUT", "/state/last.json", { body: '{"ok":true}' })).status).toBe(200);
    expect(code(await onBucket("DELETE", "/"))).toEqual(["BucketNotEmpty", 409]);

    const versions = await onBucket("GET", "/?versions");
    expect([text(versions.body, "Key"), text(versions.body, "VersionId")]).toEqual(["state/last.json", "null"]);
    const deleted = await onBucket("POST", "/?delete", {
      body: "<Delete><Quiet>false</Quiet><Object><Key>state/last.json</Key><VersionId>null</VersionId></Object></Delete>",
    });
    expect(text(deleted.body, "Key")).toBe("state/last.json");

    expect((await onBucket("DELETE", "/")).status).toBe(204);
    expect(code(await onBucket("GET", "/?bucketInfo"))).toEqual(["NoSuchBucket", 404]);
  });
});
