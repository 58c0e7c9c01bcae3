// `npm run bench -- verifier`: the verifier's protocol, cipher-suite and HSTS checks against
// testssl.sh (`--protocols --each-cipher --headers`) on the same loopback servers, a good one and a
// bad one (TLS 1.0 and an RSA key exchange suite). Prints both wall times, the speedup (target:
// at least 10x) and whether the two tools reach the same verdicts.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { enumerateSuites, weakness } from "../../verifier/checks/cipherSuites";
import { checkHsts } from "../../verifier/checks/hsts";
import { probeVersions } from "../../verifier/checks/tlsVersions";
import { createContext } from "../../verifier/context";
import { toSettings } from "../../verifier/settings";

const HOST = "wechat.test";
const TARGET_SPEEDUP = 10;
/** testssl.sh takes tens of seconds per server; this bounds a hung run. */
const TESTSSL_LIMIT_MS = 240_000;
const VERIFIER_RUNS = 5;

interface Verdicts {
  tls10: boolean;
  tls11: boolean;
  tls12: boolean;
  /** Some accepted TLS 1.2 (or older) suite is not forward secret. */
  nonForwardSecret: boolean;
  hsts: boolean;
  /** IANA names of the accepted pre-TLS 1.3 suites, sorted. */
  suites: string[];
}

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

async function verifierVerdicts(port: number, caPem: string): Promise<{ ms: number; verdicts: Verdicts }> {
  const settings = toSettings({ url: `https://${HOST}:${port}/`, resolve: [`${HOST}:${port}:127.0.0.1`], extraRootsPem: [caPem] });
  const started = process.hrtime.bigint();
  const ctx = createContext(settings);
  const [versions, suites, hsts] = await Promise.all([probeVersions(ctx), enumerateSuites(ctx), checkHsts(ctx)]);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const accepted = (label: string): boolean => versions.find((v) => v.label === label)?.verdict === "accepted";
  return {
    ms,
    verdicts: {
      tls10: accepted("TLS 1.0"),
      tls11: accepted("TLS 1.1"),
      tls12: accepted("TLS 1.2"),
      nonForwardSecret: suites.accepted.some((s) => weakness(s.standardName) === "not forward secret"),
      hsts: hsts.ok,
      suites: suites.accepted.map((s) => s.standardName).sort(),
    },
  };
}

interface TestsslFinding {
  id: string;
  finding: string;
}

function testsslInstalled(): boolean {
  try {
    execFileSync("testssl", ["--version"], { stdio: "ignore", timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

function runTestssl(port: number, jsonFile: string): Promise<{ ms: number; findings: TestsslFinding[] }> {
  const args = [
    "--protocols",
    "--each-cipher",
    "--headers",
    "--jsonfile",
    jsonFile,
    "--ip",
    "127.0.0.1",
    "--nodns",
    "none",
    "--warnings",
    "off",
    "--quiet",
    "--color",
    "0",
    `${HOST}:${port}`,
  ];
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn("testssl", args, { stdio: "ignore" });
    const timer = setTimeout(() => child.kill("SIGKILL"), TESTSSL_LIMIT_MS);
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (signal) return reject(new Error(`testssl stopped after ${TESTSSL_LIMIT_MS / 1000} s (${signal})`));
      try {
        resolve({ ms, findings: JSON.parse(readFileSync(jsonFile, "utf8")) as TestsslFinding[] });
      } catch (err) {
        reject(new Error(`testssl exited ${code} without a readable --jsonfile: ${(err as Error).message}`));
      }
    });
  });
}

/** testssl's verdicts from its flat JSON: protocol ids TLS1..TLS1_3, HSTS_time or HSTS, cipher_x.... */
function testsslVerdicts(findings: TestsslFinding[]): Verdicts {
  const finding = (id: string): string => findings.find((f) => f.id === id)?.finding ?? "";
  const offered = (id: string): boolean => /^offered/.test(finding(id));
  // Cipher lines: "xc02f   ECDHE-RSA-AES128-GCM-SHA256   ECDH 253   AESGCM   128   TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256".
  const ciphers = findings.filter((f) => f.id.startsWith("cipher_x")).map((f) => f.finding.trim().split(/\s+/));
  const pre13 = ciphers.filter((cols) => !cols[1]?.startsWith("TLS_"));
  return {
    tls10: offered("TLS1"),
    tls11: offered("TLS1_1"),
    tls12: offered("TLS1_2"),
    // testssl's own key exchange column: RSA (static) means no forward secrecy.
    nonForwardSecret: pre13.some((cols) => cols[2] === "RSA"),
    hsts: findings.some((f) => f.id === "HSTS_time") && !/not offered/.test(finding("HSTS")),
    suites: pre13.map((cols) => cols[cols.length - 1]).sort(),
  };
}

function sameVerdicts(a: Verdicts, b: Verdicts): string[] {
  const differences: string[] = [];
  for (const key of ["tls10", "tls11", "tls12", "nonForwardSecret", "hsts"] as const) {
    if (a[key] !== b[key]) differences.push(`${key}: verifier ${a[key]}, testssl ${b[key]}`);
  }
  if (a.suites.join() !== b.suites.join()) differences.push(`suites: verifier [${a.suites.join(" ")}], testssl [${b.suites.join(" ")}]`);
  return differences;
}

function describe(v: Verdicts): string {
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
      for (let i = 0; i < VERIFIER_RUNS; i++) runs.push(await verifierVerdicts(port, certs.caPem));
      const ours = runs[runs.length - 1];
      const ourMs = median(runs.map((r) => r.ms));
      process.stdout.write(
        `\n${name} server\n  verifier: ${ourMs.toFixed(0)} ms (median of ${VERIFIER_RUNS}): ${describe(ours.verdicts)}\n`,
      );
      if (!haveTestssl) continue;
      const theirs = await runTestssl(port, join(dir, `testssl-${port}.json`));
      const theirVerdicts = testsslVerdicts(theirs.findings);
      const speedup = theirs.ms / ourMs;
      const differences = sameVerdicts(ours.verdicts, theirVerdicts);
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
