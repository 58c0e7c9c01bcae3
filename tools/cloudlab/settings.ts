// What points a stack at the emulator: the provider's own settings (stack config) and the
// environment of the `pulumi` process. Read in terraform-provider-alicloud v1.285.0:
// - alicloud/provider.go providerConfigure: `endpoints` per product (host[:port]); `protocol` HTTP;
//   `skip_region_validation` (no region list check); `account_type` set, so no BSS
//   QueryAvailableInstances call at configure; `account_id` set, so no STS call to learn it.
// - credentials: ALICLOUD_ACCESS_KEY / ALICLOUD_SECRET_KEY, fake ones. Never an ECS RAM role (that
//   credential asks the metadata address 100.100.100.200, off loopback).
// - HTTP_PROXY/HTTPS_PROXY: every SDK layer the provider uses honours them (Go's
//   http.ProxyFromEnvironment); NO_PROXY keeps the engine's own gRPC on 127.0.0.1 direct (Go never
//   proxies loopback anyway; Node's gRPC reads only lower-case variables, set for it too).
// - SSL_CERT_FILE: the lab CA, so the HTTPS some clients insist on ends at the emulator.
import { LAB_DOMAIN } from "./server";

/** The `endpoints` keys of the products the stacks use (provider.go endpointsSchema). */
export const ENDPOINT_KEYS = [
  "ecs",
  "vpc",
  "slb",
  "alidns",
  "sts",
  "cas",
  "ram",
  "oos",
  "cms",
  "cr",
  "fc",
  "log",
  "oss",
  "kms",
  "bssopenapi",
  "location",
] as const;

export const LAB_REGION = "cn-hangzhou";
export const LAB_ACCOUNT_ID = "1234567890123456";
export const LAB_ACCESS_KEY = "LTAI5labAccessKeyId0001";
const LAB_SECRET_KEY = "labSecretKeyNotARealOne0000000";

export function endpointHost(key: string): string {
  return `${key}.${LAB_DOMAIN}`;
}

/** Stack config entries (Pulumi.<stack>.yaml `config:` form) that point the provider at the lab. */
export function providerConfig(): Record<string, unknown> {
  return {
    "alicloud:endpoints": [Object.fromEntries(ENDPOINT_KEYS.map((k) => [k, endpointHost(k)]))],
    "alicloud:protocol": "HTTP",
    "alicloud:skipRegionValidation": true,
    "alicloud:accountType": "Domestic",
    "alicloud:accountId": LAB_ACCOUNT_ID,
  };
}

/** Environment for `pulumi` runs against the emulator on `port`, with its CA in `caFile`. */
export function labEnvironment(port: number, caFile: string): Record<string, string> {
  const proxy = `http://127.0.0.1:${port}`;
  return {
    ALICLOUD_ACCESS_KEY: LAB_ACCESS_KEY,
    ALICLOUD_SECRET_KEY: LAB_SECRET_KEY,
    HTTP_PROXY: proxy,
    HTTPS_PROXY: proxy,
    NO_PROXY: "127.0.0.1,localhost",
    no_proxy: "127.0.0.1,localhost",
    SSL_CERT_FILE: caFile,
  };
}
