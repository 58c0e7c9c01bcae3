// The instance edge's nginx (nginx ends TLS itself, no load balancer in front) run for real on this
// machine's nginx and on 1.18 (the instances'), with a lab chain (leaf and intermediate under a test
// root): the project's verifier gives it the verdicts the CLB path's lab gives its good site (every
// check passes: test/integration/verifier/sites.test.ts), testssl.sh agrees on versions, suites and
// HSTS, and what only nginx decides at this edge holds (the redirect's target, no session tickets,
// HTTP/2, no forwarding header believed from a client).
import { connect as http2Connect } from "node:http2";
import { request as httpsRequest } from "node:https";
import { mkdtempSync, rmSync } from "node:fs";
import { connect, type TLSSocket } from "node:tls";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHECK_IDS, verify } from "../../../verifier";
import { toSettings } from "../../../verifier/settings";
import { runTestssl, testsslVerdicts, verdictDifferences, verifierVerdicts } from "../../../tools/testssl";
import { startTestApp, type TestApp } from "../../support/apps";
import { NGINX_BUILDS, TEST_DOMAIN, startTlsNginx, testNginxOptions, type RunningTlsNginx } from "../../support/nginx";
import { RSA_2048, chainPem, createPki, type TestPki } from "../../support/pki";
import { httpGet, jsonBody } from "./http";

/** The suites the strict CLB policy's AEAD subset gives an RSA certificate (the project's certificates are RSA). */
const RSA_AEAD_SUITES = ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"];

describe.each(NGINX_BUILDS)("the instance edge's TLS on $label", ({ binary }) => {
  let pki: TestPki;
  let app: TestApp;
  let edge: RunningTlsNginx;
  let dir: string;

  beforeAll(async () => {
    pki = await createPki("instance edge test");
    const leaf = await pki.leaf({ dnsNames: [TEST_DOMAIN], key: RSA_2048 });
    app = await startTestApp();
    edge = await startTlsNginx(testNginxOptions(app.port), { chainPem: chainPem(leaf, pki.intermediate), keyPem: leaf.keyPem }, binary());
    dir = mkdtempSync(join(tmpdir(), "edge-testssl-"));
  });
  afterAll(async () => {
    await edge?.nginx.stop();
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const target = () => ({
    url: `https://${TEST_DOMAIN}:${edge.httpsPort}/`,
    httpUrl: `http://${TEST_DOMAIN}:${edge.httpPort}/`,
    resolve: [`${TEST_DOMAIN}:${edge.httpsPort}:127.0.0.1`, `${TEST_DOMAIN}:${edge.httpPort}:127.0.0.1`],
    extraRootsPem: [pki.root.certPem],
  });

  test("the verifier passes every check, WebSocket required, as the CLB lab's good site does", async () => {
    const report = await verify({ ...target(), timeoutMs: 3000, requireWebSocket: true });
    expect({ checks: report.checks }).toMatchObject({ checks: CHECK_IDS.map((id) => ({ id, ok: true })) });
    expect(report.ok).toBe(true);
    const byId = Object.fromEntries(report.checks.map((c) => [c.id, c.detail]));
    expect(byId["tls-versions"]).toBe("TLS 1.2 accepted, TLS 1.3 accepted; TLS 1.0 and 1.1 refused");
    expect(byId["certificate-chain"]).toMatch(/sends 2 certificates/);
  });

  test("TLS 1.2 and 1.3 only, and of TLS 1.2 exactly the ECDHE AEAD suites; testssl.sh agrees", async () => {
    const ours = await verifierVerdicts(toSettings(target()));
    expect(ours.verdicts).toEqual({
      tls10: false,
      tls11: false,
      tls12: true,
      tls13: true,
      nonForwardSecret: false,
      hsts: true,
      suites: RSA_AEAD_SUITES,
    });
    const theirs = await runTestssl(TEST_DOMAIN, edge.httpsPort, join(dir, `testssl-${edge.httpsPort}.json`));
    expect(verdictDifferences(ours.verdicts, testsslVerdicts(theirs.findings))).toEqual([]);
    // testssl.sh alone takes 13-17 s here on an idle machine, and far longer beside the other tests.
  }, 180_000);

  test("port 80 sends every Host to https://<domain> with the path and query, 301", async () => {
    for (const host of [TEST_DOMAIN, "evil.test", "203.0.113.5"]) {
      const answer = await httpGet(edge.httpPort, "/api/items?page=2", { headers: { host } });
      expect(answer.status).toBe(301);
      expect(answer.headers.location).toBe(`https://${TEST_DOMAIN}:${edge.httpsPort}/api/items?page=2`);
    }
  });

  test("HTTP/2 by ALPN, no TLS 1.2 session ticket, and the chain as configured", async () => {
    const socket = await new Promise<TLSSocket>((resolve, reject) => {
      const s = connect({
        host: "127.0.0.1",
        port: edge.httpsPort,
        servername: TEST_DOMAIN,
        ALPNProtocols: ["h2", "http/1.1"],
        maxVersion: "TLSv1.2",
        ca: [pki.root.certPem],
      });
      s.once("secureConnect", () => resolve(s));
      s.once("error", reject);
    });
    try {
      expect(socket.alpnProtocol).toBe("h2");
      expect(socket.getProtocol()).toBe("TLSv1.2");
      // A ticket would arrive with the handshake in TLS 1.2; nginx sends none with tickets off.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(socket.getTLSTicket()).toBeUndefined();
      expect(socket.getPeerCertificate(true).issuerCertificate?.subject?.CN).toBe("instance edge test Intermediate CA");
    } finally {
      socket.destroy();
    }
  });

  test("an HTTP/2 request (what a phone sends when offered h2) reaches the app, with HSTS", async () => {
    const session = http2Connect(`https://${TEST_DOMAIN}:${edge.httpsPort}`, {
      host: "127.0.0.1",
      servername: TEST_DOMAIN,
      ca: [pki.root.certPem],
    } as Parameters<typeof http2Connect>[1]);
    try {
      const answer = await new Promise<{ status: number; hsts: unknown; body: string }>((resolve, reject) => {
        const stream = session.request({ ":path": "/api/health", ":method": "GET" });
        let status = 0;
        let hsts: unknown;
        let body = "";
        stream.on("response", (headers) => {
          status = Number(headers[":status"]);
          hsts = headers["strict-transport-security"];
        });
        stream.on("data", (chunk: Buffer) => (body += chunk.toString()));
        stream.on("end", () => resolve({ status, hsts, body }));
        stream.on("error", reject);
        stream.end();
      });
      expect(answer).toEqual({ status: 200, hsts: "max-age=31536000", body: JSON.stringify({ status: "ok" }) });
    } finally {
      session.close();
    }
  });

  test("the app hears the connection's own address and https, whatever forwarding headers a client sends", async () => {
    const seen = await new Promise<{ headers: Record<string, string> }>((resolve, reject) => {
      const req = httpsRequest(
        {
          host: "127.0.0.1",
          port: edge.httpsPort,
          path: "/headers",
          servername: TEST_DOMAIN,
          headers: { host: TEST_DOMAIN, "x-forwarded-for": "198.51.100.7", "x-forwarded-proto": "http" },
          ca: [pki.root.certPem],
          agent: false,
        },
        (res) => {
          let body = "";
          res.on("data", (chunk: Buffer) => (body += chunk.toString()));
          res.on("end", () => resolve(jsonBody({ status: res.statusCode ?? 0, headers: res.headers, body })));
        },
      );
      req.once("error", reject);
      req.end();
    });
    expect(seen.headers["x-real-ip"]).toBe("127.0.0.1");
    expect(seen.headers["x-forwarded-for"]).toBe("127.0.0.1");
    expect(seen.headers["x-forwarded-proto"]).toBe("https");
  });
});
