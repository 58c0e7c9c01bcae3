// The rendered config against what an attacker sends, in a real nginx on loopback, on this
// machine's nginx and on 1.18 (the version the instances run): spoofed forwarding headers, other
// Hosts and absolute request lines, protocol upgrades other than WebSocket, spellings of the health
// path that would hide a request from the log, and clients that send their request a byte at a time.
import WebSocket from "ws";
import { CLEARED_REQUEST_HEADERS } from "../../../lib/instance/nginx";
import { startTestApp, type SeenRequest, type TestApp } from "../../support/apps";
import { NGINX_BUILDS, startProjectNginx, TEST_DOMAIN, testNginxOptions, waitForAccessLog, type RunningNginx } from "../../support/nginx";
import { httpGet, jsonBody } from "./http";
import { rawExchange, trickle } from "./rawHttp";

/** Seconds the test nginx gives a header in all, and a body between two reads (production: 10 and 15). */
const HEADER_TIMEOUT = 1;
const BODY_TIMEOUT = 1;

describe.each(NGINX_BUILDS)("$label: the rendered config against an attacker", ({ binary }) => {
  let app: TestApp;
  let nginx: RunningNginx;

  beforeAll(async () => {
    app = await startTestApp();
    const timeouts = { clientHeaderTimeoutSeconds: HEADER_TIMEOUT, clientBodyTimeoutSeconds: BODY_TIMEOUT };
    nginx = await startProjectNginx(testNginxOptions(app.port, timeouts), binary());
  });

  afterAll(async () => {
    await nginx?.stop();
    await app?.close();
  });

  const reached = (marker: string) => app.requestsSeen().some((target) => target.includes(marker));

  test("forwarding headers a client sends never reach the app; it sees the domain as Host and nginx's own client address", async () => {
    const spoofed = Object.fromEntries(CLEARED_REQUEST_HEADERS.map((name) => [name, "for=6.6.6.6;host=attacker.example;proto=https"]));
    const seen = jsonBody<SeenRequest>(
      await httpGet(nginx.port, "/headers", {
        headers: {
          ...spoofed,
          "X-Forwarded-Host": "attacker.example",
          "X-Real-IP": "6.6.6.6",
          X_Real_IP: "6.6.6.6",
          X_Forwarded_For: "6.6.6.6",
        },
      }),
    );
    for (const name of CLEARED_REQUEST_HEADERS) expect([name, seen.headers[name.toLowerCase()]]).toEqual([name, undefined]);
    expect(seen.headers.host).toBe(TEST_DOMAIN);
    expect(seen.headers["x-forwarded-host"]).toBe(TEST_DOMAIN);
    expect(seen.headers["x-real-ip"]).toBe("127.0.0.1");
    expect(seen.headers["x-forwarded-for"]).toBe("127.0.0.1");
    expect(seen.headers.x_real_ip).toBeUndefined();
    expect(seen.headers.x_forwarded_for).toBeUndefined();
  });

  test("of every forwarding header, the app gets only the ones nginx sets, with nginx's values", async () => {
    // Written out, not taken from the code: headers apps and frameworks trust, each from a real
    // proxy or framework; most of them passed through before.
    const trusted = [
      "X-Forwarded-Protocol",
      "X-Forwarded-Ssl",
      "X-Original-Forwarded-For",
      "X-Forwarded-Client-Cert",
      "X-HTTP-Method-Override",
      "X-HTTP-Method",
      "X-Method-Override",
      "X-Forwarded-Https",
      "X-Forwarded-User",
      "X-Forwarded-Email",
      "X-Forwarded-Groups",
      "X-Forwarded-Method",
      "X-Forwarded-Tls-Client-Cert",
      "X-Envoy-External-Address",
      "CF-Connecting-IPv6",
      "X-Azure-ClientIP",
      "Ali-CDN-Real-IP",
      "X-SSL-Client-Cert",
      "X-ARR-ClientCert",
      "X-Original-For",
    ];
    const seen = jsonBody<SeenRequest>(
      await httpGet(nginx.port, "/headers", { headers: Object.fromEntries(trusted.map((name) => [name, "6.6.6.6"])) }),
    );
    for (const name of trusted) expect([name, seen.headers[name.toLowerCase()]]).toEqual([name, undefined]);
    const forwarding = Object.keys(seen.headers).filter((name) =>
      /forward|original|client|real-ip|method|ssl|scheme|proto|cert|envoy|cdn/i.test(name),
    );
    expect(forwarding.sort()).toEqual(["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-real-ip"]);
    expect(seen.headers["x-forwarded-proto"]).toBe("http");
  });

  test("another Host gets a JSON 421 with HSTS and never reaches the app", async () => {
    for (const host of ["attacker.example", `${TEST_DOMAIN}.attacker.example`, "127.0.0.1", `evil.${TEST_DOMAIN}`]) {
      const marker = `/misdirected-${host}`;
      const answer = await httpGet(nginx.port, marker, { headers: { host } });
      expect([host, answer.status]).toEqual([host, 421]);
      expect(jsonBody(answer)).toMatchObject({ error: "misdirected_request", status: 421, served: TEST_DOMAIN });
      expect(answer.headers["strict-transport-security"]).toBe("max-age=31536000");
      expect(reached(marker)).toBe(false);
    }
    // The domain in another case or with a port is the domain.
    expect((await httpGet(nginx.port, "/ok", { headers: { host: `${TEST_DOMAIN.toUpperCase()}:443` } })).status).toBe(200);
  });

  test("an absolute request line naming another host is misdirected; naming the domain, the app sees the domain whatever the Host header says", async () => {
    const other = await rawExchange(nginx.port, [
      `GET http://attacker.example/absolute-other HTTP/1.1\r\nHost: ${TEST_DOMAIN}\r\nConnection: close\r\n\r\n`,
    ]);
    expect(other.status).toBe(421);
    expect(reached("/absolute-other")).toBe(false);
    const own = await rawExchange(nginx.port, [
      `GET http://${TEST_DOMAIN}/headers HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n`,
    ]);
    expect(own.status).toBe(200);
    const body = own.response.slice(own.response.indexOf("\r\n\r\n") + 4);
    expect((JSON.parse(body) as SeenRequest).headers.host).toBe(TEST_DOMAIN);
  });

  test("a request without Host (HTTP/1.0) is misdirected", async () => {
    const answer = await rawExchange(nginx.port, ["GET /no-host HTTP/1.0\r\n\r\n"]);
    expect(answer.status).toBe(421);
    expect(reached("/no-host")).toBe(false);
  });

  test("the load balancer's health check, with the instance's private address as Host, reaches the app; nothing else does", async () => {
    expect((await httpGet(nginx.port, "/api/health", { headers: { host: "10.0.1.7" } })).status).toBe(200);
    expect((await httpGet(nginx.port, "/api/health", { method: "HEAD", headers: { host: "10.0.1.7:80" } })).status).toBe(200);
    expect((await httpGet(nginx.port, "/api/health/../orders", { headers: { host: "10.0.1.7" } })).status).toBe(421);
  });

  test("Upgrade: h2c (or anything but websocket) gets a JSON 400 and never reaches the app, which would have switched", async () => {
    for (const [path, upgrade, host] of [
      ["/h2c-upgrade", "h2c", TEST_DOMAIN],
      ["/api/health", "h2c", TEST_DOMAIN],
      ["/two-upgrades", "websocket, h2c", TEST_DOMAIN],
      ["/tls-upgrade", "TLS/1.2", TEST_DOMAIN],
      ["/api/health", "h2c", "10.0.1.7"],
    ]) {
      const before = app.requestsSeen().length;
      const answer = await rawExchange(nginx.port, [
        `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: ${upgrade}\r\n` +
          "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n",
      ]);
      expect([path, upgrade, answer.status]).toEqual([path, upgrade, 400]);
      expect(answer.response).toContain('"error":"upgrade_not_allowed"');
      expect(answer.response).not.toContain("101 Switching Protocols");
      expect(app.requestsSeen().length).toBe(before);
    }
  });

  test("a WebSocket still upgrades and echoes", async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${nginx.port}/socket`, { headers: { host: TEST_DOMAIN } });
    try {
      await new Promise((resolve, reject) => {
        ws.once("open", resolve);
        ws.once("error", reject);
      });
      const echoed = new Promise<string>((resolve) => ws.once("message", (data: Buffer) => resolve(data.toString())));
      ws.send("hello");
      expect(await echoed).toBe("hello");
    } finally {
      ws.terminate();
    }
  });

  test("only the exact health check skips the access log; every other spelling nginx resolves to it is logged", async () => {
    const variants = ["/admin/../api/health", "/api%2fhealth", "//api//health", "/api/health?cmd=id", "/api/./health"];
    for (const path of ["/api/health", ...variants]) expect([path, (await httpGet(nginx.port, path)).status]).toEqual([path, 200]);
    await httpGet(nginx.port, "/after-the-variants");
    const entries = await waitForAccessLog(nginx, (e) => e.uri === "/after-the-variants");
    for (const path of variants) expect([path, entries.some((e) => e.uri === path && e.status === 200)]).toEqual([path, true]);
    // (Refused requests to the health path, such as the upgrades above, are logged like any refusal.)
    expect(entries.filter((e) => e.uri === "/api/health" && e.status === 200)).toEqual([]);
  });

  test("a WebSocket or a POST to the exact health path is logged: only the load balancer's GET or HEAD check goes unlogged", async () => {
    // The app (like a `ws` server attached to the whole HTTP server) upgrades on any path.
    const ws = new WebSocket(`ws://127.0.0.1:${nginx.port}/api/health`, { headers: { host: TEST_DOMAIN } });
    try {
      await new Promise((resolve, reject) => {
        ws.once("open", resolve);
        ws.once("error", reject);
      });
    } finally {
      ws.terminate();
    }
    expect((await httpGet(nginx.port, "/api/health", { method: "POST", body: Buffer.from("hidden?") })).status).toBe(200);
    // Each is logged when it ends (the WebSocket when its connection closes), in either order.
    for (const logged of [(e: Record<string, unknown>) => e.status === 101, (e: Record<string, unknown>) => e.method === "POST"]) {
      const entries = await waitForAccessLog(nginx, (e) => e.uri === "/api/health" && logged(e));
      expect(entries.some((e) => e.uri === "/api/health" && logged(e))).toBe(true);
    }
  });

  test("a WebSocket upgrade for another Host is misdirected, on the health path too", async () => {
    for (const path of ["/api/health", "/socket"]) {
      const before = app.requestsSeen().length;
      const answer = await rawExchange(
        nginx.port,
        [
          `GET ${path} HTTP/1.1\r\nHost: attacker.example\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
            "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n",
        ],
        { waitMs: 500 },
      );
      expect([path, answer.status]).toEqual([path, 421]);
      expect(answer.response).not.toContain("101 Switching Protocols");
      expect(app.requestsSeen().length).toBe(before);
    }
  });

  test(`a body that pauses longer than ${BODY_TIMEOUT} s between bytes is cut off, and the app never sees it`, async () => {
    const head = `POST /slow-body HTTP/1.1\r\nHost: ${TEST_DOMAIN}\r\nContent-Length: 20\r\n\r\n`;
    const gapMs = 1500;
    const answer = await rawExchange(nginx.port, trickle(`${head}${"x".repeat(20)}`, head.length + 1), { gapMs });
    // Closed after the first pause, not after the 20 bytes (about 30 s at this pace).
    expect(answer.closedAfterMs).toBeDefined();
    expect(answer.closedAfterMs).toBeLessThan(3 * gapMs);
    expect(reached("/slow-body")).toBe(false);
  });

  test(`a header that trickles in (each pause shorter than the limit) is cut off ${HEADER_TIMEOUT} s after the connection opened`, async () => {
    const request = `GET /slow-header HTTP/1.1\r\nHost: ${TEST_DOMAIN}\r\nX-Padding: ${"a".repeat(30)}\r\n\r\n`;
    const gapMs = 300;
    const answer = await rawExchange(nginx.port, trickle(request, 10), { gapMs });
    // The whole header would take about 20 s at this pace; every pause is under the 1 s limit.
    expect(answer.closedAfterMs).toBeDefined();
    expect(answer.closedAfterMs).toBeLessThan(HEADER_TIMEOUT * 1000 + 2000);
    expect(reached("/slow-header")).toBe(false);
  });
});
