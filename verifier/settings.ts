// Turns what a caller asked for (CLI flags or the programmatic API) into validated settings.
// Every mistake becomes a UsageError naming the option and the fix, so the CLI can exit 2 with it.
import { isIP } from "node:net";
import type { X509Certificate } from "node:crypto";
import { certificateOf, readPem } from "../lib/certificates/pem";
import { localeFromEnvironment, type Locale } from "../lib/i18n";
import { VERIFIER_CATALOGS, type VerifierMessages } from "./messages";
import { en } from "./messages/en";

export interface VerifyOptions {
  /** The https:// URL under test, e.g. https://api.example.com/ (required). */
  readonly url: string;
  /** Where the HTTP to HTTPS redirect is tested; default http://<host>/ (port 80). */
  readonly httpUrl?: string;
  /** curl-style `host:port:address` overrides; default none (normal DNS). */
  readonly resolve?: readonly string[];
  /** Extra trusted roots, PEM text (one or more certificates each); default none (system roots only). */
  readonly extraRootsPem?: readonly string[];
  /** The certificate must stay valid this many more days; default 30. */
  readonly minDays?: number;
  /** Minimum HSTS max-age in seconds; default 31536000 (one year). */
  readonly hstsMinSeconds?: number;
  /** Path answered by the app's health endpoint; default /api/health. */
  readonly healthPath?: string;
  /** Path tried for the WebSocket upgrade; default the health path. */
  readonly websocketPath?: string;
  /** A missing WebSocket endpoint fails the run instead of being noted; default false. */
  readonly requireWebSocket?: boolean;
  /** Time limit of each probe, milliseconds; default 5000. */
  readonly timeoutMs?: number;
  /** Time limit of the whole verification, seconds: checks still running then fail; default 120. */
  readonly deadlineSeconds?: number;
  /** Language of the report; default the environment's (LC_ALL, LC_MESSAGES, LANG). */
  readonly locale?: Locale;
}

export const DEFAULTS = {
  minDays: 30,
  hstsMinSeconds: 31536000,
  healthPath: "/api/health",
  timeoutMs: 5000,
  deadlineSeconds: 120,
} as const;

/**
 * The bounds of the time options. A probe shorter than 100 ms cannot finish a TLS handshake; one
 * longer than two minutes waits for an answer that is not coming (and Node's timers stop at about
 * 24.8 days: anything larger silently becomes 1 ms). A whole run or a --wait beyond an hour is a typo.
 */
export const LIMITS = {
  timeoutMs: { min: 100, max: 120_000 },
  deadlineSeconds: { min: 1, max: 3600 },
  waitSeconds: { min: 0, max: 3600 },
} as const;

/** Thrown for a bad option; the message names the option and how to fix it, in the run's language. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Where a name is reached: the host (for SNI, Host header and certificate checks) and its port. */
export interface Endpoint {
  readonly host: string;
  readonly port: number;
}

export interface Settings {
  readonly url: URL;
  readonly endpoint: Endpoint;
  readonly httpUrl: URL;
  /** `host:port` (lower-case host) to the address to connect to instead of resolving the host. */
  readonly resolve: ReadonlyMap<string, string>;
  readonly extraRoots: readonly X509Certificate[];
  readonly minDays: number;
  readonly hstsMinSeconds: number;
  readonly healthPath: string;
  readonly websocketPath: string;
  readonly requireWebSocket: boolean;
  readonly timeoutMs: number;
  readonly deadlineMs: number;
  readonly locale: Locale;
}

/** URL.hostname keeps the brackets of an IPv6 literal; sockets and certificates want them off. */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}

export function defaultPort(url: URL): number {
  if (url.port !== "") return Number(url.port);
  return url.protocol === "https:" || url.protocol === "wss:" ? 443 : 80;
}

export function resolveKey(host: string, port: number): string {
  return `${host.toLowerCase()}:${port}`;
}

/** Parses curl's `--resolve host:port:address` (IPv6 address in brackets, several addresses comma-separated: the first is used). */
export function parseResolve(entry: string, m: VerifierMessages = en): { host: string; port: number; address: string } {
  const match = /^([^:\s]+):(\d{1,5}):(.+)$/.exec(entry);
  const hint = m.resolveHint();
  if (!match) throw new UsageError(m.resolveBad({ entry, hint }));
  const [, host, portText, addresses] = match;
  const port = Number(portText);
  if (port < 1 || port > 65535) throw new UsageError(m.resolvePort({ entry, port: portText }));
  const first = addresses
    .split(",")[0]
    .trim()
    .replace(/^\[(.*)\]$/, "$1");
  if (isIP(first) === 0) throw new UsageError(m.resolveNotIp({ entry, address: first, hint }));
  return { host, port, address: first };
}

function parseUrl(text: string, option: string, protocol: "https:" | "http:", m: VerifierMessages): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(m.urlInvalid({ option, text, protocol }));
  }
  if (url.protocol !== protocol) throw new UsageError(m.urlScheme({ option, text, protocol, got: url.protocol }));
  return url;
}

function nonNegativeNumber(value: number | undefined, fallback: number, option: string, integer: boolean, m: VerifierMessages): number {
  const n = value ?? fallback;
  if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) {
    const problem = { option, value: String(value) };
    throw new UsageError(integer ? m.notWholeNonNegative(problem) : m.notNonNegative(problem));
  }
  return n;
}

function pathOption(value: string | undefined, fallback: string, option: string, m: VerifierMessages): string {
  const path = value ?? fallback;
  if (!path.startsWith("/")) throw new UsageError(m.pathNoSlash({ option, path }));
  return path;
}

/**
 * The certificates of a trust bundle. Comments and other blocks are skipped, as in any CA bundle;
 * a damaged or unreadable certificate, or a file without any, is a usage error.
 */
export function parseRootsPem(text: string, source: string, m: VerifierMessages = en): X509Certificate[] {
  const pem = readPem(text);
  const [damage] = pem.damaged;
  if (damage) throw new UsageError(m.cacertDamaged({ source, position: damage.position, reason: damage.reason }));
  const blocks = pem.blocks.filter((block) => block.label === "CERTIFICATE");
  if (blocks.length === 0) throw new UsageError(m.cacertNoCertificate({ source }));
  return blocks.map((block, i) => {
    const certificate = certificateOf(block);
    if (!certificate) throw new UsageError(m.cacertNotX509({ source, n: i + 1 }));
    return certificate.cert;
  });
}

export function toSettings(options: VerifyOptions): Settings {
  const locale = options.locale ?? localeFromEnvironment();
  const m = VERIFIER_CATALOGS[locale];
  const url = parseUrl(options.url, m.theUrl(), "https:", m);
  const host = bareHost(url);
  const endpoint = { host, port: defaultPort(url) };
  const httpUrl = options.httpUrl ? parseUrl(options.httpUrl, "--http-url", "http:", m) : new URL(`http://${url.hostname}/`);
  const resolve = new Map<string, string>();
  for (const entry of options.resolve ?? []) {
    const { host: name, port, address } = parseResolve(entry, m);
    resolve.set(resolveKey(name, port), address);
  }
  const extraRoots = (options.extraRootsPem ?? []).flatMap((pem, i) => parseRootsPem(pem, `#${i + 1}`, m));
  const healthPath = pathOption(options.healthPath, DEFAULTS.healthPath, "--health-path", m);
  const timeoutMs = nonNegativeNumber(options.timeoutMs, DEFAULTS.timeoutMs, "--timeout", true, m);
  if (timeoutMs < LIMITS.timeoutMs.min) throw new UsageError(m.timeoutTooShort({ value: timeoutMs, min: LIMITS.timeoutMs.min }));
  if (timeoutMs > LIMITS.timeoutMs.max) throw new UsageError(m.timeoutTooLong({ value: timeoutMs, max: LIMITS.timeoutMs.max }));
  const deadlineSeconds = nonNegativeNumber(options.deadlineSeconds, DEFAULTS.deadlineSeconds, "--deadline", false, m);
  if (deadlineSeconds < LIMITS.deadlineSeconds.min || deadlineSeconds > LIMITS.deadlineSeconds.max) {
    const { min, max } = LIMITS.deadlineSeconds;
    throw new UsageError(m.deadlineRange({ value: deadlineSeconds, min, max, example: DEFAULTS.deadlineSeconds }));
  }
  return {
    url,
    endpoint,
    httpUrl,
    resolve,
    extraRoots,
    minDays: nonNegativeNumber(options.minDays, DEFAULTS.minDays, "--min-days", false, m),
    hstsMinSeconds: nonNegativeNumber(options.hstsMinSeconds, DEFAULTS.hstsMinSeconds, "--hsts-min", true, m),
    healthPath,
    websocketPath: pathOption(options.websocketPath, healthPath, "--websocket-path", m),
    requireWebSocket: options.requireWebSocket ?? false,
    timeoutMs,
    deadlineMs: deadlineSeconds * 1000,
    locale,
  };
}
