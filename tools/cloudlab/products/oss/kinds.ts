// The records OSS keeps, under the API's own element names (GetBucketInfo's Bucket, ListObjects'
// Contents): a bucket by name, an object by `<bucket>/<key>`.
import type { LabRecord, LabStore } from "../../store";
import { ossError } from "../../oss";

export const OSS = { bucket: "oss.bucket", object: "oss.object" } as const;

/** OSS's times: ISO 8601 with milliseconds (CreationDate, LastModified). */
export const ossTime = (at = new Date()): string => at.toISOString();

export function mustBucket(store: LabStore, bucket: string): LabRecord {
  return store.must(OSS.bucket, bucket, () => ossError("NoSuchBucket", "The specified bucket does not exist.", 404));
}

export function objectsOf(store: LabStore, bucket: string): LabRecord[] {
  return store
    .list(OSS.object)
    .filter((o) => o._bucket === bucket)
    .sort((a, b) => String(a.Key).localeCompare(String(b.Key)));
}
