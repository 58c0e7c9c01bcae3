// OSS buckets stay private: the stack's one bucket holds the monitoring function's state, which no
// one outside the account should read or write; a public bucket serves (and, public-read-write, takes)
// every object to anyone with its name. checkov CKV_ALI_1 ("OSS bucket accessible to public":
// acl public-read or public-read-write), KICS oss_bucket_public_access_enabled (Alibaba Cloud queries).
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { NOT_KNOWN, peekString } from "./props";
import { TYPES } from "./resourceTypes";

/** The ACLs that make a bucket's objects readable, or writable, by anyone (OSS PutBucketAcl). */
const PUBLIC_ACLS: readonly string[] = ["public-read", "public-read-write"];

export const ossBucketsPrivate: ResourceValidationPolicy = {
  name: "oss-buckets-private",
  description:
    "OSS buckets are private: no acl of public-read or public-read-write, on the bucket or in a BucketAcl " +
    "(checkov CKV_ALI_1, KICS oss_bucket_public_access_enabled).",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    // alicloud.oss.Bucket's own acl is deprecated in favour of oss.BucketAcl; both still set it.
    if (args.type !== TYPES.ossBucket && args.type !== TYPES.ossBucketAcl) return;
    const acl = peekString(args.props, "acl");
    const what = args.type === TYPES.ossBucket ? `OSS bucket "${args.name}"` : `OSS bucket ACL "${args.name}"`;
    if (acl === NOT_KNOWN) {
      reportViolation(`${what} has an acl not known before it is applied, so it cannot be shown to be private: set acl to "private"`);
    } else if (acl !== undefined && PUBLIC_ACLS.includes(acl)) {
      reportViolation(
        `${what} has acl "${acl}", which lets anyone ${acl === "public-read" ? "read" : "read and write"} its objects: set acl to "private"`,
      );
    }
  },
};
