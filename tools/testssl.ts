// testssl.sh as a second opinion on a loopback TLS server: its run (`--protocols --each-cipher
// --headers`, JSON findings), and the verdicts the project's verifier reaches too (TLS versions,
// forward secrecy of the suites, HSTS, the suite list), so the two can be compared. Used by the
// verifier benchmark and by the tests of the instance edge's nginx.
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { enumerateSuites, weakness } from "../verifier/checks/cipherSuites";
import { checkHsts } from "../verifier/checks/hsts";
import { probeVersions } from "../verifier/checks/tlsVersions";
import { createContext } from "../verifier/context";
import type { Settings } from "../verifier/settings";

/** testssl.sh takes tens of seconds per server; this bounds a hung run. */
export const TESTSSL_LIMIT_MS = 240_000;

export interface TlsVerdicts {
  tls10: boolean;
  tls11: boolean;
  tls12: boolean;
  tls13: boolean;
  /** Some accepted TLS 1.2 (or older) suite is not forward secret. */
  nonForwardSecret: boolean;
  hsts: boolean;
  /** IANA names of the accepted pre-TLS 1.3 suites, sorted. */
  suites: string[];
}

export interface TestsslFinding {
  readonly id: string;
  readonly finding: string;
}

export function testsslInstalled(): boolean {
  try {
    execFileSync("testssl", ["--version"], { stdio: "ignore", timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

/** testssl.sh against `host:port` dialled at 127.0.0.1 (no DNS), its findings from --jsonfile. */
export function runTestssl(host: string, port: number, jsonFile: string): Promise<{ ms: number; findings: TestsslFinding[] }> {
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
    `${host}:${port}`,
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
export function testsslVerdicts(findings: readonly TestsslFinding[]): TlsVerdicts {
  const finding = (id: string): string => findings.find((f) => f.id === id)?.finding ?? "";
  const offered = (id: string): boolean => /^offered/.test(finding(id));
  // Cipher lines: "xc02f   ECDHE-RSA-AES128-GCM-SHA256   ECDH 253   AESGCM   128   TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256".
  const ciphers = findings.filter((f) => f.id.startsWith("cipher_x")).map((f) => f.finding.trim().split(/\s+/));
  const pre13 = ciphers.filter((cols) => !cols[1]?.startsWith("TLS_"));
  return {
    tls10: offered("TLS1"),
    tls11: offered("TLS1_1"),
    tls12: offered("TLS1_2"),
    tls13: offered("TLS1_3"),
    // testssl's own key exchange column: RSA (static) means no forward secrecy.
    nonForwardSecret: pre13.some((cols) => cols[2] === "RSA"),
    hsts: findings.some((f) => f.id === "HSTS_time") && !/not offered/.test(finding("HSTS")),
    suites: pre13.map((cols) => cols[cols.length - 1]).sort(),
  };
}

/** The project verifier's verdicts on the same points, and how long it took. */
export async function verifierVerdicts(settings: Settings): Promise<{ ms: number; verdicts: TlsVerdicts }> {
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
      tls13: accepted("TLS 1.3"),
      nonForwardSecret: suites.accepted.some((s) => weakness(s.standardName) === "not forward secret"),
      hsts: hsts.ok,
      suites: suites.accepted.map((s) => s.standardName).sort(),
    },
  };
}

/** Where two sets of verdicts differ, one line each; empty when they agree. */
export function verdictDifferences(ours: TlsVerdicts, theirs: TlsVerdicts): string[] {
  const differences: string[] = [];
  for (const key of ["tls10", "tls11", "tls12", "tls13", "nonForwardSecret", "hsts"] as const) {
    if (ours[key] !== theirs[key]) differences.push(`${key}: verifier ${ours[key]}, testssl ${theirs[key]}`);
  }
  if (ours.suites.join() !== theirs.suites.join()) {
    differences.push(`suites: verifier [${ours.suites.join(" ")}], testssl [${theirs.suites.join(" ")}]`);
  }
  return differences;
}
