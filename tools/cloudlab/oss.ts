// The OSS dialect: XML over REST. A bucket is the first label of the host
// (`<bucket>.oss.cloudlab.invalid`, the virtual-hosted style aliyun-oss-go-sdk uses for a named
// endpoint); the service host `oss.cloudlab.invalid` answers ListBuckets. The operation is the method,
// the path (`/` for the bucket, `/<key>` for an object) and a subresource in the query (`?acl`,
// `?tagging`...). Answers are XML; a success is 200, or 204 for the deletes (the SDK checks the exact
// code: aliyun-oss-go-sdk v2.2.9 client.go CheckRespCode); an error is a 4xx with
// <Error><Code/><Message/><RequestId/><HostId/></Error> and x-oss-request-id (the SDK's ServiceError,
// error.go; the provider's ossNotFoundError takes a 404 or a code starting with NoSuch as "not found",
// terraform-provider-alicloud alicloud/extension_oss.go).
import { ApiError, unsupported } from "./apiError";
import type { LabHttpRequest, LabHttpResponse } from "./http";
import { failedExchange, openExchange, type RestRoute } from "./restRoutes";
import { requestId, type LabStore } from "./store";

export interface OssCall {
  readonly action: string;
  /** The bucket the host names; "" on the service host. */
  readonly bucket: string;
  /** The object key, for object operations. */
  readonly key: string;
  readonly query: URLSearchParams;
  readonly headers: LabHttpRequest["headers"];
  readonly body: Buffer;
  readonly store: LabStore;
}

/** An answer: an XML document (200), or nothing (204 for deletes; 200 with no body for puts). */
export type OssResult = { readonly status?: 200 | 204; readonly xml?: string; readonly headers?: Record<string, string> };
export type OssHandler = (call: OssCall) => OssResult;

export interface OssProduct {
  readonly name: string;
  /** Calls on the service host (no bucket). */
  readonly service: readonly RestRoute<OssHandler>[];
  /** Calls on a bucket's host. */
  readonly bucket: readonly RestRoute<OssHandler>[];
}

/** Subresources OSS has: a request naming one no route answers is not taken for a plain bucket or object call. */
const SUBRESOURCES = [
  "acl",
  "bucketInfo",
  "location",
  "versioning",
  "encryption",
  "lifecycle",
  "tagging",
  "cors",
  "website",
  "logging",
  "referer",
  "policy",
  "transferAcceleration",
  "resourceGroup",
  "versions",
  "delete",
  "worm",
  "replication",
  "inventory",
  "accessmonitor",
  "stat",
  "uploads",
];

export const ossError = (code: string, message: string, status: number): ApiError => new ApiError(code, message, status);

export function escapeXml(value: unknown): string {
  return String(value).replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] as string);
}

/** `<name>value</name>`, the value escaped; a list of elements for an array. */
export function el(name: string, value: unknown): string {
  return Array.isArray(value) ? value.map((v) => el(name, v)).join("") : `<${name}>${escapeXml(value)}</${name}>`;
}

export function xmlDocument(root: string, inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}>${inner}</${root}>`;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * The text of every `<tag>` element of a request document, in order. OSS's request documents are
 * small, flat and fixed (Tagging, VersioningConfiguration, ServerSideEncryptionRule, Delete...), and
 * Node has no XML parser, so this reads them with no more than they need.
 */
export function xmlTexts(document: string, tag: string): string[] {
  const out: string[] = [];
  const pattern = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, "g");
  for (const m of document.matchAll(pattern))
    out.push((m[1] as string).replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ENTITIES[e] as string).trim());
  return out;
}

export function serveOss(product: OssProduct, req: LabHttpRequest, sub: readonly string[], store: LabStore): LabHttpResponse {
  const bucket = sub.join(".");
  const routes = bucket ? product.bucket : product.service;
  const { match, action, query, logged } = openExchange(product.name, routes, req, store, bucket ? { bucket } : {});
  const id = requestId().replace(/-/g, "").slice(0, 24).toUpperCase();
  const headers = { "x-oss-request-id": id, server: "AliyunOSS" };
  try {
    const subresource = [...req.url.searchParams.keys()].find((k) => SUBRESOURCES.includes(k));
    if (!match || (subresource && match.route.query !== subresource)) {
      throw unsupported(`${product.name} ${req.method} ${req.url.pathname}${subresource ? `?${subresource}` : ""}`);
    }
    store.takeFault(product.name, action, { ...query, ...match.params, bucket });
    const call = { action, bucket, key: match.params.key ?? "", query: req.url.searchParams, headers: req.headers, body: req.body, store };
    const result = match.route.handle(call);
    const status = result.status ?? 200;
    logged.status = status;
    const type: Record<string, string> = result.xml === undefined ? {} : { "content-type": "application/xml" };
    return { status, headers: { ...headers, ...type, ...result.headers }, body: result.xml ?? "" };
  } catch (err) {
    const e = failedExchange(err, logged);
    const inner =
      el("Code", e.code) +
      el("Message", e.message) +
      el("RequestId", id) +
      el("HostId", req.host) +
      (bucket ? el("BucketName", bucket) : "");
    return { status: e.status, headers: { ...headers, "content-type": "application/xml" }, body: xmlDocument("Error", inner) };
  }
}
