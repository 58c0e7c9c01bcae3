// The official Alibaba Cloud SDK clients (@alicloud/*) pointed at the emulator, for its contract
// tests: the lifecycle of a test file's lab, the clients' config, a generic RPC caller for products
// with no Node SDK here, the error a refused call ends with, and a plain request as an SDK sends it.
//
// How the requests reach the emulator. The clients take an `httpProxy` setting, but their HTTP layer
// never reads it (@darabonba/typescript dist/core.js and @alicloud/tea-typescript dist/tea.js doAction
// hand httpx no proxy). Of the ways around that, this module patches node:http's `request`: a request
// for a host under cloudlab.invalid leaves for the emulator as a forward proxy receives it (the target
// in absolute form, the original Host), every other request is left alone. Why this one:
// - it works for every product: the clients keep their real endpoint, so the hosts they derive from
//   it arrive as they are, OSS's `<bucket>.oss.cloudlab.invalid` and Log Service's
//   `<project>.log.cloudlab.invalid` (@alicloud/gateway-sls dist/client.js getHost puts the project
//   before the endpoint). A loopback relay given to a client as its endpoint cannot: the client would
//   build `<project>.127.0.0.1:<port>`.
// - it changes the SDK least: the SDK, httpx and everything they choose (the agent and its keep-alive,
//   timeouts, headers, body, signature) stay as they are; only the socket's address and the form of
//   the request line change, which is what a proxy changes. An http.Agent handed to httpx instead
//   would replace the agent the SDK picks (doAction makes its own when RuntimeOptions.keepAlive is set).
// The clients speak plain HTTP to the lab (`protocol: "http"`), so the emulator reads each request.
import http from "node:http";
import { $OpenApiUtil } from "@alicloud/openapi-core";
import OpenApi, * as $OpenApi from "@alicloud/openapi-client";
import { startCloudLab, type CloudLab, type CloudLabOptions } from "../../tools/cloudlab";
import { callRpc } from "../../tools/openApiRpc";
import { LAB_DOMAIN } from "../../tools/cloudlab/server";
import { endpointHost } from "../../tools/cloudlab/settings";

export type { CloudLab };

/** `options` for a request to `host`, rewritten as the emulator on `port` receives it as a forward proxy. */
function viaLab(port: number, host: string, options: http.RequestOptions): http.RequestOptions {
  const target = options.port && Number(options.port) !== 80 ? `${host}:${options.port}` : host;
  return {
    ...options,
    host: "127.0.0.1",
    hostname: "127.0.0.1",
    port,
    path: `http://${target}${options.path ?? "/"}`,
    // The SDK's own Host wins; without one, Node would write the proxy's address there.
    headers: { host: target, ...options.headers },
  };
}

/**
 * Sends this process's plain-HTTP requests for the lab's hosts through the emulator (see the header).
 * The module object itself is patched: httpx reads `http.request` from it at each call. Returns the undo.
 */
export function routeLabHostsThrough(lab: CloudLab): () => void {
  const original = http.request;
  const suffix = `.${LAB_DOMAIN}`;
  const routed = ((options: unknown, ...rest: unknown[]) => {
    const given = typeof options === "object" && options !== null && !(options instanceof URL) ? (options as http.RequestOptions) : {};
    const host = String(given.host ?? given.hostname ?? "");
    const forward = original as (...args: unknown[]) => http.ClientRequest;
    if (!host.endsWith(suffix)) return forward(options, ...rest);
    return forward(viaLab(lab.port, host, given), ...rest);
  }) as typeof http.request;
  (http as { request: typeof http.request }).request = routed;
  return () => {
    (http as { request: typeof http.request }).request = original;
  };
}

export interface LabUse {
  /** A fresh emulator for each test instead of one for the whole file; default false. */
  readonly perTest?: boolean;
  /** The emulator's options, or what gives them when it starts (after the hooks declared before); default none. */
  readonly options?: CloudLabOptions | (() => CloudLabOptions);
}

/**
 * Starts the emulator for the test file (or each test) with the SDK clients routed through it, and
 * stops it after; the returned function answers the running one.
 */
export function useLab(use: LabUse = {}): () => CloudLab {
  let lab: CloudLab | undefined;
  let unroute = (): void => undefined;
  const start = async (): Promise<void> => {
    lab = await startCloudLab(typeof use.options === "function" ? use.options() : use.options);
    unroute = routeLabHostsThrough(lab);
  };
  const stop = async (): Promise<void> => {
    unroute();
    await lab?.stop();
    lab = undefined;
  };
  if (use.perTest) {
    beforeEach(start);
    afterEach(stop);
  } else {
    beforeAll(start);
    afterAll(stop);
  }
  return () => {
    if (!lab) throw new Error("the emulator is not running");
    return lab;
  };
}

/** What every client's Config holds for the product at `<label>.cloudlab.invalid`: the lab's fake keys and region. */
function clientSettings(lab: CloudLab, label: string): Record<string, string> {
  return {
    accessKeyId: lab.environment.ALICLOUD_ACCESS_KEY,
    accessKeySecret: lab.environment.ALICLOUD_SECRET_KEY,
    endpoint: endpointHost(label),
    protocol: "http",
    regionId: lab.store.region,
  };
}

/** The Config the @alicloud/<product> clients (openapi-core) take, for the product with `label`. */
export function sdkConfig(lab: CloudLab, label: string): $OpenApiUtil.Config {
  return new $OpenApiUtil.Config(clientSettings(lab, label));
}

export type RpcCall = <T = Record<string, unknown>>(action: string, query?: Record<string, unknown>) => Promise<T>;

/**
 * RPC actions of the product at `label` through @alicloud/openapi-client's generic callApi, for the
 * products with no Node SDK here (SLB, OOS, Container Registry, the 2018 CAS API). The region is the
 * lab's unless the query names one; a value that is not a string is sent as JSON (lists, maps).
 */
export function rpcCaller(lab: CloudLab, label: string, version: string): RpcCall {
  const client = new OpenApi(new $OpenApi.Config(clientSettings(lab, label)));
  return async <T>(action: string, query: Record<string, unknown> = {}): Promise<T> => {
    const values = Object.entries({ RegionId: lab.store.region, ...query }).map(([k, v]) => [
      k,
      typeof v === "string" ? v : JSON.stringify(v),
    ]);
    // No retries: a test that injects a throttling error must see it.
    return callRpc<T>(client, action, version, Object.fromEntries(values), { protocol: "HTTP", retry: false });
  };
}

/** The cloud's error a call ended with: its code, HTTP status and message (fails when the call succeeds). */
export async function sdkError(call: Promise<unknown>): Promise<{ code: string; statusCode: number; message: string }> {
  try {
    await call;
  } catch (err) {
    const e = err as { code?: string; statusCode?: number; message?: string; data?: { statusCode?: number } };
    return { code: String(e.code), statusCode: Number(e.statusCode ?? e.data?.statusCode), message: String(e.message) };
  }
  throw new Error("the call succeeded; an error was expected");
}

export interface LabAnswer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/**
 * One plain-HTTP request to `host` (e.g. `<bucket>.oss.cloudlab.invalid`) through the emulator, as an
 * SDK's would arrive; needs no routing, so it serves a lab a stack run started too.
 */
export function labRequest(
  lab: CloudLab,
  method: string,
  host: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<LabAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(viaLab(lab.port, host, { method, path, headers: options.headers }), (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(options.body ?? "");
  });
}
