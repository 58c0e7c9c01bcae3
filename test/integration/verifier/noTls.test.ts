// Endpoints that accept TCP on the HTTPS port but never complete a TLS handshake: silence, a close,
// a reset, plain HTTP. A check that saw nothing must not pass: every one of the nine fails, and
// those that could only have reported "nothing weak seen" (cipher-suites, the optional WebSocket)
// say that the server did not answer TLS. The HTTP redirect is asked of the same port.
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { CHECK_IDS, EndpointUnreachableError, verify, type Report } from "../../../verifier";
import { rawTcpServer, type RawServer } from "../../support/tlsServers";

const HOST = "no-tls.test";
const TIMEOUT_MS = 400;

/** Plain HTTP on the port: 200 with an HSTS header for everything, as a misrouted listener would. */
async function plainHttpServer(): Promise<RawServer> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "strict-transport-security": "max-age=31536000", "content-type": "text/plain" }).end("ok\n");
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

const SERVERS: readonly [string, () => Promise<RawServer>][] = [
  ["accepts and says nothing", () => rawTcpServer(() => undefined)],
  ["closes at once", () => rawTcpServer((socket) => socket.end())],
  ["resets on the first bytes it reads", () => rawTcpServer((socket) => socket.once("data", () => socket.resetAndDestroy()))],
  ["speaks plain HTTP on the HTTPS port", plainHttpServer],
];

const servers: RawServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function verifyAgainst(server: RawServer, locale: "en" | "zh-CN" = "en"): Promise<Report> {
  const { port } = server;
  return verify({
    url: `https://${HOST}:${port}/`,
    httpUrl: `http://${HOST}:${port}/`,
    resolve: [`${HOST}:${port}:127.0.0.1`],
    timeoutMs: TIMEOUT_MS,
    deadlineSeconds: 10,
    locale,
  });
}

describe("a server that completes no TLS handshake", () => {
  test.each(SERVERS)("one that %s fails every check, none passes on what it did not see", async (_name, start) => {
    const server = await start();
    servers.push(server);
    const report = await verifyAgainst(server);
    expect(report.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
    expect(report.checks.filter((c) => c.ok).map((c) => c.id)).toEqual([]);
    expect(report.ok).toBe(false);
    for (const id of ["cipher-suites", "websocket"] as const) {
      const check = report.checks.find((c) => c.id === id);
      expect(check?.detail).toMatch(/did not answer a TLS handshake/);
      expect(check?.note).toBeUndefined();
    }
    expect(report.durationMs).toBeLessThan(8_000);
  });

  test("one that resets as it accepts is unreachable, or fails every check", async () => {
    const server = await rawTcpServer((socket) => socket.resetAndDestroy());
    servers.push(server);
    // Whether the reset beats the connect event is up to the kernel: both outcomes are a failure.
    const outcome = await verifyAgainst(server).catch((err: unknown) => err);
    if (outcome instanceof EndpointUnreachableError) {
      // Unreachable names the origin and why, and is not a report that could pass.
      expect(outcome.message).toMatch(new RegExp(`^https://${HOST.replace(/\./g, "\\.")}:${server.port} is unreachable: \\S`));
      return;
    }
    expect(outcome).toMatchObject({ ok: false, checks: expect.any(Array) });
    expect((outcome as Report).checks.filter((c) => c.ok)).toEqual([]);
  });

  test("the reason is in the report's language", async () => {
    const server = await rawTcpServer(() => undefined);
    servers.push(server);
    const report = await verifyAgainst(server, "zh-CN");
    expect(report.checks.find((c) => c.id === "cipher-suites")).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/没有应答 TLS 握手/),
    });
  });
});
