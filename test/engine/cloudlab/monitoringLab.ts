// For the monitoring products' contract tests: the emulator, and the configuration that points an
// official @alicloud SDK client at it (endpoint `<label>.cloudlab.invalid`, plain HTTP, the lab's
// fake keys). The clients' `httpProxy` setting is ignored by their HTTP layer (@darabonba/typescript
// core.js doAction hands httpx no proxy), so the tests give httpx an agent that speaks to the
// emulator as a forward proxy: the request line in absolute form, the connection to 127.0.0.1.
import * as http from "node:http";
import { $OpenApiUtil } from "@alicloud/openapi-core";
import { startCloudLab, type CloudLab } from "../../../tools/cloudlab";
import type { LabRecord } from "../../../tools/cloudlab/store";

type Httpx = { request: (url: string, opts: Record<string, unknown>) => Promise<unknown> };

/** An agent that sends every plain-HTTP request through the proxy on 127.0.0.1:`port`. */
class ForwardProxyAgent extends http.Agent {
  constructor(private readonly port: number) {
    super({ keepAlive: false });
  }

  // Node's Agent calls addRequest before the request line is written, so the path can still become absolute.
  addRequest(req: http.ClientRequest, options: http.RequestOptions): void {
    const port = options.port && Number(options.port) !== 80 ? `:${options.port}` : "";
    req.path = `http://${options.host}${port}${req.path}`;
    (http.Agent.prototype as unknown as { addRequest: (r: unknown, o: unknown) => void }).addRequest.call(this, req, {
      ...options,
      host: "127.0.0.1",
      port: this.port,
    });
  }
}

/** Routes the SDK clients' requests through the emulator until the returned function restores them. */
function routeSdkThrough(lab: CloudLab): () => void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const httpx = require("httpx") as Httpx;
  const original = httpx.request;
  const agent = new ForwardProxyAgent(lab.port);
  httpx.request = (url, opts) => original(url, { ...opts, agent });
  return () => {
    httpx.request = original;
    agent.destroy();
  };
}

export type { CloudLab };

export function sdkConfig(lab: CloudLab, label: string, extra: Record<string, unknown> = {}): $OpenApiUtil.Config {
  return new $OpenApiUtil.Config({
    accessKeyId: lab.environment.ALICLOUD_ACCESS_KEY,
    accessKeySecret: lab.environment.ALICLOUD_SECRET_KEY,
    endpoint: `${label}.cloudlab.invalid`,
    protocol: "http",
    regionId: "cn-hangzhou",
    ...extra,
  });
}

/** Starts the emulator before the file's tests and stops it after; `current()` is the running one. */
export function useLab(): () => CloudLab {
  let lab: CloudLab | undefined;
  let restore = (): void => undefined;
  beforeAll(async () => {
    lab = await startCloudLab();
    restore = routeSdkThrough(lab);
  });
  afterAll(async () => {
    restore();
    await lab?.stop();
  });
  return () => {
    if (!lab) throw new Error("the emulator is not running");
    return lab;
  };
}

/** The error an SDK call failed with: its code and HTTP status, for asserting a refusal. */
export async function failure(call: Promise<unknown>): Promise<{ code: string; statusCode: number; message: string }> {
  try {
    await call;
  } catch (err) {
    const e = err as { code?: string; statusCode?: number; message?: string; data?: { statusCode?: number } };
    return { code: String(e.code), statusCode: Number(e.statusCode ?? e.data?.statusCode), message: String(e.message) };
  }
  throw new Error("the call succeeded; a refusal was expected");
}

export interface LabAnswer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** One plain request through the emulator's proxy to `host` (e.g. `<bucket>.oss.cloudlab.invalid`), as an SDK would send it. */
export function labRequest(
  lab: CloudLab,
  method: string,
  host: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<LabAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: lab.port, method, path: `http://${host}${path}`, headers: { host, ...options.headers } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(options.body ?? "");
  });
}

/**
 * What terraform-provider-alicloud v1.285.0 sends as OptionsJson for the monitoring component's
 * optionJson {httpMethod: "get", minTlsVersion: "1.2", timeout: 10000}: those three, and every number
 * and bool option at its zero value with an empty assertions list
 * (alicloud/resource_alicloud_cms_site_monitor.go Create skips only empty strings).
 */
export const PROGRAM_SITE_OPTIONS = {
  assertions: [],
  attempts: 0,
  diagnosis_mtr: false,
  diagnosis_ping: false,
  http_method: "get",
  isBase64Encode: false,
  match_rule: 0,
  min_tls_version: "1.2",
  ping_num: 0,
  ping_port: 0,
  port: 0,
  time_out: 10000,
} as const;

/** The one record of a kind the emulator holds (the test fails if there are more or none). */
export function only(state: Record<string, LabRecord[]>, kind: string): LabRecord {
  expect(state[kind]).toHaveLength(1);
  return state[kind]?.[0] as LabRecord;
}
