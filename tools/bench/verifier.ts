// `npm run bench -- verifier`: the verifier's protocol, cipher-suite and HSTS checks against
// testssl.sh (`--protocols --each-cipher --headers`) on the same loopback servers, a good one and a
// bad one (TLS 1.0 and an RSA key exchange suite). Prints both wall times, the speedup (target:
// at least 10x) and whether the two tools reach the same verdicts.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toSettings } from "../../verifier/settings";
import { runTestssl, testsslInstalled, testsslVerdicts, verdictDifferences, verifierVerdicts, type TlsVerdicts } from "../testssl";

const HOST = "wechat.test";
const TARGET_SPEEDUP = 10;
const VERIFIER_RUNS = 5;

function openssl(dir: string, args: string[]): void {
  execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
}

/** A CA and two leaves for wechat.test (EC for the good server, RSA so the bad one can do RSA key exchange). */
function makeCertificates(dir: string): { caPem: string; ec: { key: string; cert: string }; rsa: { key: string; cert: string } } {
  writeFileSync(join(dir, "leaf.ext"), `subjectAltName=DNS:${HOST}\nbasicConstraints=critical,CA:false\nextendedKeyUsage=serverAuth\n`);
  openssl(dir, [
    "req",
    "-x509",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:P-256",
    "-nodes",
    "-keyout",
    "ca.key",
    "-out",
    "ca.pem",
    "-days",
    "30",
    "-subj",
    "/CN=verifier bench Root CA",
    "-addext",
    "basicConstraints=critical,CA:true",
    "-addext",
    "keyUsage=critical,keyCertSign,cRLSign",
  ]);
  for (const [name, keyArgs] of [
    ["ec", ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"]],
    ["rsa", ["-newkey", "rsa:2048"]],
  ] as const) {
    openssl(dir, ["req", ...keyArgs, "-nodes", "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", `/CN=${HOST}`]);
    openssl(dir, [
      "x509",
      "-req",
      "-in",
      `${name}.csr`,
      "-CA",
      "ca.pem",
      "-CAkey",
      "ca.key",
      "-CAcreateserial",
      "-days",
      "30",
      "-extfile",
      "leaf.ext",
      "-out",
      `${name}.pem`,
    ]);
  }
  const read = (file: string): string => readFileSync(join(dir, file), "utf8");
  return { caPem: read("ca.pem"), ec: { key: read("ec.key"), cert: read("ec.pem") }, rsa: { key: read("rsa.key"), cert: read("rsa.pem") } };
}

function startServer(options: https.ServerOptions): Promise<https.Server> {
  const server = https.createServer(options, (_req, res) => {
    res.writeHead(200, { "strict-transport-security": "max-age=31536000" }).end("ok\n");
  });
  server.on("tlsClientError", () => undefined);
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function ourVerdicts(port: number, caPem: string): Promise<{ ms: number; verdicts: TlsVerdicts }> {
  return verifierVerdicts(toSettings({ url: `https://${HOST}:${port}/`, resolve: [`${HOST}:${port}:127.0.0.1`], extraRootsPem: [caPem] }));
}

function describe(v: TlsVerdicts): string {
  const yes = (b: boolean): string => (b ? "accepted" : "refused");
  return (
    `TLS 1.0 ${yes(v.tls10)}, 1.1 ${yes(v.tls11)}, 1.2 ${yes(v.tls12)}; non-FS suite ` +
    `${v.nonForwardSecret ? "accepted" : "none"}; HSTS ${v.hsts ? "ok" : "missing/short"}; ${v.suites.length} pre-1.3 suites`
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function runVerifierBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "verifier-bench-"));
  const servers: https.Server[] = [];
  try {
    const certs = makeCertificates(dir);
    const good = await startServer({ key: certs.ec.key, cert: certs.ec.cert });
    const bad = await startServer({
      key: certs.rsa.key,
      cert: certs.rsa.cert,
      minVersion: "TLSv1",
      ciphers: "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA:AES128-GCM-SHA256:AES128-SHA:@SECLEVEL=0",
    });
    servers.push(good, bad);
    const haveTestssl = testsslInstalled();
    if (!haveTestssl) process.stdout.write("testssl.sh is not installed (apt-get install testssl.sh): verifier figures only\n");

    for (const [name, server] of [
      ["good", good],
      ["bad (TLS 1.0 + RSA key exchange)", bad],
    ] as const) {
      const port = (server.address() as AddressInfo).port;
      const runs = [];
      for (let i = 0; i < VERIFIER_RUNS; i++) runs.push(await ourVerdicts(port, certs.caPem));
      const ours = runs[runs.length - 1];
      const ourMs = median(runs.map((r) => r.ms));
      process.stdout.write(
        `\n${name} server\n  verifier: ${ourMs.toFixed(0)} ms (median of ${VERIFIER_RUNS}): ${describe(ours.verdicts)}\n`,
      );
      if (!haveTestssl) continue;
      const theirs = await runTestssl(HOST, port, join(dir, `testssl-${port}.json`));
      const theirVerdicts = testsslVerdicts(theirs.findings);
      const speedup = theirs.ms / ourMs;
      const differences = verdictDifferences(ours.verdicts, theirVerdicts);
      process.stdout.write(
        `  testssl:  ${(theirs.ms / 1000).toFixed(1)} s: ${describe(theirVerdicts)}\n` +
          `  speedup:  ${speedup.toFixed(0)}x (target >= ${TARGET_SPEEDUP}x: ${speedup >= TARGET_SPEEDUP ? "met" : "MISSED"})\n` +
          `  verdicts: ${differences.length === 0 ? "agree (versions, forward secrecy, HSTS, suite list)" : `DISAGREE: ${differences.join("; ")}`}\n`,
      );
    }
  } finally {
    await Promise.all(
      servers.map(
        (s) =>
          new Promise<void>((resolve) => {
            s.close(() => resolve());
            s.closeAllConnections();
          }),
      ),
    );
    rmSync(dir, { recursive: true, force: true });
  }
}
