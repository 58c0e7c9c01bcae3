// Official Alibaba Cloud SDK clients pointed at the emulator, for its contract tests: the endpoint is
// `<label>.cloudlab.invalid` over plain HTTP through the emulator as the proxy, with its fake keys.
// SLB has no Node SDK on npm: its calls go through @alicloud/openapi-client's generic callApi, RPC style.
// The module object itself (a namespace import would be a copy, and patching it would miss httpx).
import http from "node:http";
import { $OpenApiUtil } from "@alicloud/openapi-core";
import OpenApi, * as $OpenApi from "@alicloud/openapi-client";
import { callRpc } from "../../tools/openApiRpc";
import type { CloudLab } from "../../tools/cloudlab";
import { LAB_DOMAIN } from "../../tools/cloudlab/server";
import { LAB_REGION, endpointHost } from "../../tools/cloudlab/settings";

/**
 * Sends this process's plain-HTTP requests for the lab's hosts to the emulator as a forward proxy
 * would receive them (absolute-form target, the original Host). The SDKs take an `httpProxy` setting
 * but their HTTP layers (tea-typescript's and darabonba's doAction, over httpx) never use it, so the
 * tests route at the one place every request passes: http.request. Returns the undo.
 */
export function routeLabHostsThrough(lab: CloudLab): () => void {
  const original = http.request;
  const suffix = `.${LAB_DOMAIN}`;
  const routed = ((options: http.RequestOptions, callback?: (res: http.IncomingMessage) => void) => {
    const host = String(options.host ?? options.hostname ?? "");
    if (typeof options !== "object" || !host.endsWith(suffix)) return original(options, callback);
    const port = options.port && Number(options.port) !== 80 ? `:${options.port}` : "";
    const proxied: http.RequestOptions = {
      ...options,
      host: "127.0.0.1",
      hostname: "127.0.0.1",
      port: lab.port,
      path: `http://${host}${port}${options.path ?? "/"}`,
      headers: { ...options.headers, host: `${host}${port}` },
    };
    return original(proxied, callback);
  }) as typeof http.request;
  (http as { request: typeof http.request }).request = routed;
  return () => {
    (http as { request: typeof http.request }).request = original;
  };
}

/** The settings every SDK client takes, for the product with `label` (its `httpProxy` is not used: see above). */
function clientSettings(lab: CloudLab, label: string): Record<string, string> {
  return {
    accessKeyId: lab.environment.ALICLOUD_ACCESS_KEY,
    accessKeySecret: lab.environment.ALICLOUD_SECRET_KEY,
    endpoint: endpointHost(label),
    protocol: "http",
    regionId: LAB_REGION,
  };
}

/** The Config the @alicloud/<product> clients (openapi-core) take, for the product with `label`. */
export function sdkConfig(lab: CloudLab, label: string): $OpenApiUtil.Config {
  return new $OpenApiUtil.Config(clientSettings(lab, label));
}

/** An RPC caller for a product without a Node SDK: `call(action, parameters)` answers the body. */
export function rpcCaller(lab: CloudLab, label: string, version: string) {
  const client = new OpenApi(new $OpenApi.Config(clientSettings(lab, label)));
  return async <T = Record<string, unknown>>(action: string, query: Record<string, string | number> = {}): Promise<T> => {
    const values = Object.fromEntries(Object.entries({ RegionId: LAB_REGION, ...query }).map(([k, v]) => [k, String(v)]));
    return callRpc<T>(client, action, version, values);
  };
}

/** The cloud's error of a failed SDK call: its code and HTTP status. */
export async function sdkError(call: Promise<unknown>): Promise<{ code: string; statusCode: number; message: string }> {
  try {
    await call;
  } catch (err) {
    const e = err as { code?: string; statusCode?: number; message?: string; data?: { statusCode?: number } };
    return { code: String(e.code), statusCode: Number(e.statusCode ?? e.data?.statusCode), message: String(e.message) };
  }
  throw new Error("the call succeeded; an error was expected");
}
