// The rendered config in a real nginx on loopback, in front of a real Node app: what the phone
// (through the load balancer) and the app actually get. One nginx per config, reused by every test.
import { availableParallelism } from "node:os";
import type { IncomingHttpHeaders } from "node:http";
import WebSocket from "ws";
import { DEFAULT_NGINX_OPTIONS, type NginxOptions } from "../../../lib/instance/nginx";
import { startTestApp, type SeenRequest, type TestApp } from "../../support/apps";
import { checkProjectNginxConfig, startProjectNginx, TEST_DOMAIN, waitForAccessLog, type RunningNginx } from "../../support/nginx";
import { httpGet, jsonBody, type HttpResult } from "./http";

const MB = 1024 * 1024;
const SPOOFED = { "X-Forwarded-For": "198.51.100.9, 203.0.113.7", "X-Forwarded-Proto": "https" };

let app: TestApp;
/** Loopback stands in for the load balancer (trusted range 127.0.0.0/8); short timeouts. */
let viaLb: RunningNginx;
/** The production trust range (100.64.0.0/10): a loopback client is an outsider. Prod-like limits. */
let prodLike: RunningNginx;
/** Nothing listens on its backend port: the app is down. */
let appDown: RunningNginx;
let viaLbOptions: NginxOptions;
let prodLikeOptions: NginxOptions;

beforeAll(async () => {
  app = await startTestApp();
  const closedPort = await startTestApp().then(async (gone) => {
    await gone.close();
    return gone.port;
  });
  viaLbOptions = {
    ...DEFAULT_NGINX_OPTIONS,
    domain: TEST_DOMAIN,
    backendPort: app.port,
    loadBalancerCidr: "127.0.0.0/8",
    requestTimeoutSeconds: 1,
    websocketTimeoutSeconds: 10,
  };
  prodLikeOptions = { ...DEFAULT_NGINX_OPTIONS, domain: TEST_DOMAIN, backendPort: app.port, hstsMaxAge: 63072000, maxUploadSize: "10m" };
  [viaLb, prodLike, appDown] = await Promise.all([
    startProjectNginx(viaLbOptions),
    startProjectNginx(prodLikeOptions),
    startProjectNginx({ ...DEFAULT_NGINX_OPTIONS, domain: TEST_DOMAIN, backendPort: closedPort }),
  ]);
});

afterAll(async () => {
  await Promise.all([viaLb, prodLike, appDown].filter(Boolean).map((nginx) => nginx.stop()));
  await app?.close();
});

function expectHsts(headers: IncomingHttpHeaders, maxAge = 31536000): void {
  expect(headers["strict-transport-security"]).toBe(`max-age=${maxAge}`);
}

function expectJsonError(result: HttpResult, status: number, error: string): void {
  expect(result.status).toBe(status);
  expect(result.headers["content-type"]).toBe("application/json");
  expect(jsonBody<{ error: string }>(result).error).toBe(error);
}

interface OpenSocket {
  readonly ws: WebSocket;
  readonly upgradeHeaders: IncomingHttpHeaders;
}

function openSocket(port: number): Promise<OpenSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/socket`, { headers: { host: TEST_DOMAIN } });
    let upgradeHeaders: IncomingHttpHeaders = {};
    ws.once("upgrade", (res) => (upgradeHeaders = res.headers));
    ws.once("open", () => resolve({ ws, upgradeHeaders }));
    ws.once("unexpected-response", (_req, res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        reject(
          Object.assign(new Error(`upgrade refused: ${res.statusCode}`), {
            status: res.statusCode,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        ),
      );
    });
    ws.once("error", reject);
  });
}

function echo(ws: WebSocket, message: string): Promise<string> {
  return new Promise((resolve, reject) => {
    ws.once("message", (data: Buffer) => resolve(data.toString()));
    ws.once("close", () => reject(new Error("socket closed before the echo")));
    ws.send(message);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("nginx in front of the app (real nginx on loopback)", () => {
  it("passes nginx -t with the test ports and paths", () => {
    expect(checkProjectNginxConfig(viaLbOptions).ok).toBe(true);
    expect(viaLb.config).toContain(`server 127.0.0.1:${app.port};`);
  });

  it("proxies the health path to the app, with HSTS", async () => {
    const result = await httpGet(viaLb.port, "/api/health");
    expect(result.status).toBe(200);
    expect(jsonBody(result)).toEqual({ status: "ok" });
    expectHsts(result.headers);
    expect(result.headers.server).toBe("nginx"); // server_tokens off: no version
  });

  it("sends HSTS on the app's 200 and 404 and replaces the app's own HSTS", async () => {
    expectHsts((await httpGet(viaLb.port, "/anything")).headers);
    const missing = await httpGet(viaLb.port, "/missing");
    expect(missing.status).toBe(404);
    expectHsts(missing.headers);
    const own = await httpGet(prodLike.port, "/own-hsts");
    expectHsts(own.headers, 63072000); // one value, nginx's
  });

  it("answers JSON 502 with HSTS when the app is down", async () => {
    const result = await httpGet(appDown.port, "/api/things");
    expectJsonError(result, 502, "app_unavailable");
    expect(jsonBody<{ status: number; request_id: string }>(result)).toMatchObject({ status: 502 });
    expectHsts(result.headers);
    const health = await httpGet(appDown.port, "/api/health");
    expectJsonError(health, 502, "app_unavailable"); // the load balancer sees the app is down
  });

  it("answers JSON 502 with HSTS to a WebSocket upgrade when the app is down", async () => {
    const refused = await openSocket(appDown.port).then(
      () => undefined,
      (error: { status?: number; headers?: IncomingHttpHeaders; body?: string }) => error,
    );
    expect(refused?.status).toBe(502);
    expect(refused?.headers?.["strict-transport-security"]).toBe("max-age=31536000");
    expect(JSON.parse(refused?.body ?? "{}")).toMatchObject({ error: "app_unavailable" });
  });

  it("echoes WebSocket messages through the proxy", async () => {
    const { ws, upgradeHeaders } = await openSocket(viaLb.port);
    try {
      expect(await echo(ws, "hello wss")).toBe("hello wss");
      expect(await echo(ws, "x".repeat(100000))).toHaveLength(100000);
      expectHsts(upgradeHeaders);
    } finally {
      ws.terminate();
    }
  });

  it("gives plain requests the request timeout (JSON 504) but lets an idle WebSocket live longer", async () => {
    const socket = await openSocket(viaLb.port);
    try {
      const [slow] = await Promise.all([httpGet(viaLb.port, "/slow?ms=1600"), sleep(1600)]);
      expectJsonError(slow, 504, "app_unavailable");
      expect(jsonBody<{ status: number }>(slow).status).toBe(504);
      expectHsts(slow.headers);
      // Silent for 1.6 s, longer than the 1 s request timeout: still open.
      expect(await echo(socket.ws, "still here")).toBe("still here");
    } finally {
      socket.ws.terminate();
    }
  });

  it("passes a 15 MB upload and refuses one over the limit with JSON 413 and HSTS", async () => {
    const ok = await httpGet(viaLb.port, "/upload", { method: "POST", body: Buffer.alloc(15 * MB, 1) });
    expect(ok.status).toBe(200);
    expect(jsonBody(ok)).toEqual({ bytes: 15 * MB });

    const tooLarge = await httpGet(viaLb.port, "/upload", { method: "POST", body: Buffer.alloc(21 * MB, 1) });
    expectJsonError(tooLarge, 413, "payload_too_large");
    expectHsts(tooLarge.headers);

    const prodTooLarge = await httpGet(prodLike.port, "/upload", { method: "POST", body: Buffer.alloc(11 * MB, 1) });
    expectJsonError(prodTooLarge, 413, "payload_too_large");
    expect(jsonBody<{ limit: string }>(prodTooLarge).limit).toBe("10m");
    expectHsts(prodTooLarge.headers, 63072000);
  });

  it("gives the app the client address and scheme from the load balancer's range", async () => {
    const seen = jsonBody<SeenRequest>(await httpGet(viaLb.port, "/headers", { headers: SPOOFED }));
    // The CLB appends the real client last; earlier entries are whatever the client sent.
    expect(seen.headers["x-real-ip"]).toBe("203.0.113.7");
    expect(seen.headers["x-forwarded-for"]).toBe("203.0.113.7");
    expect(seen.headers["x-forwarded-proto"]).toBe("https");
    expect(seen.headers["x-request-id"]).toMatch(/^[0-9a-f]{32}$/);
    expect(seen.headers.connection).toBeUndefined(); // cleared, so the app connection stays reusable

    const junkProto = jsonBody<SeenRequest>(await httpGet(viaLb.port, "/headers", { headers: { "X-Forwarded-Proto": "gopher" } }));
    expect(junkProto.headers["x-forwarded-proto"]).toBe("http");
    expect(junkProto.headers["x-real-ip"]).toBe("127.0.0.1");
  });

  it("ignores X-Forwarded-For and X-Forwarded-Proto from outside the load balancer's range", async () => {
    const seen = jsonBody<SeenRequest>(await httpGet(prodLike.port, "/headers", { headers: SPOOFED }));
    expect(seen.headers["x-real-ip"]).toBe("127.0.0.1");
    expect(seen.headers["x-forwarded-for"]).toBe("127.0.0.1");
    expect(seen.headers["x-forwarded-proto"]).toBe("http");
  });

  it("logs one JSON object per request with the real client and the load balancer's address", async () => {
    await httpGet(viaLb.port, "/logged", { headers: SPOOFED });
    const entries = await waitForAccessLog(viaLb, (entry) => entry.uri === "/logged");
    const entry = entries.find((e) => e.uri === "/logged");
    expect(entry).toMatchObject({ client: "203.0.113.7", peer: "127.0.0.1", status: 200, proto: "https", method: "GET" });
    expect(typeof entry?.request_time).toBe("number");
    expect(entries.some((e) => e.uri === "/api/health")).toBe(false); // health checks are not logged
  });

  it("reuses connections to the app across requests (upstream keep-alive)", async () => {
    // Every request comes on a new client connection; without keep-alive each would open one to
    // the app too. With it, a worker opens at most as many as it has requests in flight.
    const workers = availableParallelism(); // worker_processes auto
    let before = app.connectionCount();
    for (let i = 0; i < 60; i++) {
      expect((await httpGet(viaLb.port, `/keepalive/${i}`)).status).toBe(200);
    }
    expect(app.connectionCount() - before).toBeLessThanOrEqual(workers);

    before = app.connectionCount();
    const concurrency = 10;
    for (let round = 0; round < 6; round++) {
      const results = await Promise.all(Array.from({ length: concurrency }, (_, i) => httpGet(viaLb.port, `/burst/${round}/${i}`)));
      expect(results.every((r) => r.status === 200)).toBe(true);
    }
    expect(app.connectionCount() - before).toBeLessThanOrEqual(concurrency * workers); // of 60 requests
  });
});
