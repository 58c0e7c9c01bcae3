// For the monitoring products' contract tests: the emulator, and the configuration that points an
// official @alicloud SDK client at it (endpoint `<label>.cloudlab.invalid`, plain HTTP, the lab's
// fake keys). The clients' `httpProxy` setting is ignored by their HTTP layer (@darabonba/typescript
// core.js doAction hands httpx no proxy), so the tests give httpx an agent that speaks to the
// emulator as a forward proxy: the request line in absolute form, the connection to 127.0.0.1.
import * as http from "node:http";
import { $OpenApiUtil } from "@alicloud/openapi-core";
import { startCloudLab, type CloudLab } from "../../../tools/cloudlab";

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
