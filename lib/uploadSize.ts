// Request body sizes in nginx's syntax (client_max_body_size: digits with an optional k/m/g), and the
// range maxUploadSize must keep to. Shared by the config checks and the nginx renderer.
import { NGINX_SIZE_PATTERN } from "./constants";

/**
 * The largest body maxUploadSize may allow: 1 GiB. Two limits meet here. nginx reads the whole body
 * onto the instance's system disk before the app sees any of it (proxy_request_buffering on), and a
 * phone sends nothing near that size within WeChat's 60 s request timeout. The load balancer's own
 * limit is not documented for CLB (not found in its listener docs or FAQ: unconfirmed), so none is
 * assumed beyond this one.
 */
export const MAX_UPLOAD_SIZE = "1g";

/** Bytes of an nginx size ("20m", "512k", "1g", "100"). */
export function nginxSizeBytes(size: string): number {
  const unit = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[size.slice(-1).toLowerCase()];
  return unit ? Number(size.slice(0, -1)) * unit : Number(size);
}

/**
 * True for a size nginx can enforce as a real limit: at least one byte (client_max_body_size 0 turns
 * the check off, so any body reaches the app) and at most MAX_UPLOAD_SIZE (nginx cannot even parse
 * the largest values, 99999999999g fails `nginx -t`).
 */
export function isUploadSizeInRange(size: string): boolean {
  if (!NGINX_SIZE_PATTERN.test(size)) return false;
  const bytes = nginxSizeBytes(size);
  return bytes >= 1 && bytes <= nginxSizeBytes(MAX_UPLOAD_SIZE);
}
