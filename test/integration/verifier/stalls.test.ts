// Endpoints that never finish a conversation: a TCP server that accepts and says nothing, one that
// sends five bytes of a TLS record and stops, and one that finishes the TLS handshake and then never
// answers HTTP. Every probe must give up after --timeout, verify() after its deadline, and the
// command line must exit on its own, or `pulumi up` (DeployVerification) would wait forever.
import { execFile } from "node:child_process";
import * as tls from "node:tls";
import { resolve } from "node:path";
import { verify, type Report } from "../../../verifier";
import { createPki, type TestPki } from "../../support/pki";
import { listenOnLoopback, rawTcpServer, type RawServer } from "../../support/tlsServers";

const HOST = "stall.test";
const BIN = resolve(__dirname, "..", "..", "..", "bin", "verify.js");

/** A TLS server that completes the handshake and then never answers anything. */
async function silentTlsServer(pki: TestPki): Promise<RawServer> {
  const leaf = await pki.leaf({ dnsNames: [HOST] });
  const server = tls.createServer({ key: leaf.keyPem, cert: leaf.certPem + pki.intermediate.certPem }, (socket) => {
    socket.on("error", () => undefined);
  });
  server.on("tlsClientError", () => undefined);
  return listenOnLoopback(server);
}

/** Runs `work`, or reports that it did not finish within `ms` (so a hang fails the test instead of jest's timeout). */
async function within<T>(ms: number, work: Promise<T>): Promise<T | "still running"> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"still running">((done) => (timer = setTimeout(() => done("still running"), ms)));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

function target(port: number) {
  return {
    url: `https://${HOST}:${port}/`,
    httpUrl: `http://${HOST}:${port}/`,
    resolve: [`${HOST}:${port}:127.0.0.1`],
  };
}

let pki: TestPki;
const servers: RawServer[] = [];
beforeAll(async () => {
  pki = await createPki();
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function started(server: Promise<RawServer>): Promise<RawServer> {
  const running = await server;
  servers.push(running);
  return running;
}

describe("stalling endpoints", () => {
  test.each([
    ["accepts TCP and never answers", () => rawTcpServer(() => undefined)],
    [
      "sends five bytes of a TLS record and stops",
      () => rawTcpServer((socket) => socket.write(Buffer.from([0x16, 0x03, 0x03, 0x00, 0x40]))),
    ],
  ])("a server that %s fails every check within the probe timeout, the WebSocket one included", async (_name, start) => {
    const server = await started(start());
    const report = await within(15_000, verify({ ...target(server.port), timeoutMs: 400 }));
    expect(report).not.toBe("still running");
    const checks = (report as Report).checks;
    expect(checks.filter((c) => c.ok).map((c) => c.id)).toEqual([]);
    expect(checks.find((c) => c.id === "websocket")?.detail).toMatch(/no answer within 400 ms/);
  });

  test("a TLS server that never answers HTTP or the upgrade is given up on after the probe timeout", async () => {
    const server = await started(silentTlsServer(pki));
    const report = await within(15_000, verify({ ...target(server.port), timeoutMs: 400, requireWebSocket: true }));
    expect(report).not.toBe("still running");
    const websocket = (report as Report).checks.find((c) => c.id === "websocket");
    expect(websocket).toMatchObject({ ok: false });
    expect(websocket?.detail).toMatch(/no answer within 400 ms/);
  });

  test("verify() stops at its deadline and reports the checks that had not finished", async () => {
    const server = await started(silentTlsServer(pki));
    const started_ = Date.now();
    // Probes that would each wait 20 s; the deadline of 1 s ends the run.
    const report = await within(8_000, verify({ ...target(server.port), timeoutMs: 20_000, deadlineSeconds: 1 }));
    expect(report).not.toBe("still running");
    expect(Date.now() - started_).toBeLessThan(5_000);
    const unfinished = (report as Report).checks.filter((c) => /did not finish within the 1 s deadline/.test(c.detail));
    expect(unfinished.length).toBeGreaterThan(0);
    expect(unfinished.every((c) => !c.ok)).toBe(true);
  });

  test("the command exits by itself against a server that never answers (what DeployVerification runs)", async () => {
    const server = await started(silentTlsServer(pki));
    const args = [
      BIN,
      `https://${HOST}:${server.port}/`,
      "--resolve",
      `${HOST}:${server.port}:127.0.0.1`,
      "--timeout",
      "500",
      "--deadline",
      "3",
      "--require-websocket",
    ];
    const outcome = await within(
      20_000,
      new Promise<{ code: number | null; stdout: string }>((done) => {
        const child = execFile(process.execPath, args, { timeout: 30_000 }, (err, stdout) =>
          done({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout }),
        );
        child.stdin?.end();
      }),
    );
    expect(outcome).not.toBe("still running");
    expect((outcome as { code: number | null }).code).toBe(1);
    expect((outcome as { stdout: string }).stdout).toMatch(/FAIL websocket .*no answer within 500 ms/);
  });
});
