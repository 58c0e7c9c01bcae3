// The command line: options to VerifyOptions, the report to text or JSON, verdicts to exit codes
// (0 every check passes, 1 a check fails, 2 bad usage or an unreachable endpoint). The language is
// --lang, else the environment's (LC_ALL, LC_MESSAGES, LANG).
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { parseArgs } from "node:util";
import { joinPhrases, localeFromEnvironment, parseLocale, type Locale } from "../lib/i18n";
import { formatReport } from "./format";
import { VERIFIER_CATALOGS, type VerifierMessages } from "./messages";
import { en } from "./messages/en";
import { EndpointUnreachableError, verify } from "./index";
import { retryUntilOk } from "./retry";
import { DEFAULTS, LIMITS, UsageError, VerifyOptions } from "./settings";

/** Pause between attempts with --wait: two CLB health-check intervals. */
const RETRY_INTERVAL_MS = 10_000;

/** The --help text in a language. */
export function usage(locale: Locale): string {
  return VERIFIER_CATALOGS[locale].usage({
    minDays: DEFAULTS.minDays,
    hstsMin: DEFAULTS.hstsMinSeconds,
    healthPath: DEFAULTS.healthPath,
    timeoutMs: DEFAULTS.timeoutMs,
    deadlineSeconds: DEFAULTS.deadlineSeconds,
    timeoutMin: LIMITS.timeoutMs.min,
    timeoutMax: LIMITS.timeoutMs.max,
    deadlineMax: LIMITS.deadlineSeconds.max,
    waitMax: LIMITS.waitSeconds.max,
  });
}

export interface Output {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Told, once the options are read, how long the whole run may take at most (its attempts, pauses and deadlines). */
  readonly budget?: (ms: number) => void;
}

/** The most a run with these options takes: each attempt ends by its deadline, --wait bounds the attempts. */
export function runBudgetMs(waitSeconds: number, deadlineSeconds: number): number {
  return (waitSeconds + deadlineSeconds) * 1000 + RETRY_INTERVAL_MS;
}

const OPTIONS = {
  "http-url": { type: "string" },
  resolve: { type: "string", multiple: true },
  cacert: { type: "string", multiple: true },
  "min-days": { type: "string" },
  "hsts-min": { type: "string" },
  "health-path": { type: "string" },
  "websocket-path": { type: "string" },
  "require-websocket": { type: "boolean" },
  timeout: { type: "string" },
  deadline: { type: "string" },
  wait: { type: "string" },
  json: { type: "boolean" },
  lang: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

function numberOption(value: string | undefined, option: string, example: string, m: VerifierMessages): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n)) throw new UsageError(m.notANumber({ option, value, example }));
  return n;
}

/** More than any bundle of root certificates (Mozilla's whole store is about 200 KB). */
export const MAX_CACERT_BYTES = 1024 * 1024;

/**
 * Reads a --cacert file, refusing what is not a regular file or is larger than MAX_CACERT_BYTES:
 * /dev/zero or a pipe would otherwise be read until memory runs out. Opened without blocking: opening
 * a named pipe nobody writes to would otherwise wait forever, before any time limit is set.
 */
export function readCaFile(file: string, m: VerifierMessages = en): string {
  if (file === "-") return readBounded(0, file, m);
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw new UsageError(m.cacertUnreadable({ file, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }));
  }
  try {
    if (!fstatSync(fd).isFile()) throw new UsageError(m.cacertNotFile({ file }));
    return readBounded(fd, file, m);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads at most one byte past MAX_CACERT_BYTES (the size stat reports cannot be trusted for every
 * file, /proc): more is refused. `--cacert -` reads standard input so (what `pulumi up`'s deploy
 * check hands the stack's trusted roots on).
 */
function readBounded(fd: number, file: string, m: VerifierMessages): string {
  const buffer = Buffer.alloc(MAX_CACERT_BYTES + 1);
  let length = 0;
  while (length < buffer.length) {
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) break;
    length += n;
  }
  if (length > MAX_CACERT_BYTES) throw new UsageError(m.cacertTooLarge({ file, max: MAX_CACERT_BYTES }));
  return buffer.subarray(0, length).toString("utf8");
}

/** The language of a run: --lang when given (a UsageError when it is neither language), else the environment's. */
function localeOption(value: string | undefined): Locale {
  if (value === undefined) return localeFromEnvironment();
  const locale = parseLocale(value);
  if (locale === undefined) throw new UsageError(VERIFIER_CATALOGS[localeFromEnvironment()].badLang({ value }));
  return locale;
}

/** Parses argv (without node and the script); returns the options, or "help" (in the run's language). */
export function parseCommandLine(
  argv: readonly string[],
): { options: VerifyOptions; json: boolean; waitSeconds: number; locale: Locale } | { help: Locale } {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    // Node's own words; --lang is not read yet, so the environment picks the language of the rest.
    throw new UsageError(VERIFIER_CATALOGS[localeFromEnvironment()].badOption({ reason: (err as Error).message }));
  }
  const { values, positionals } = parsed;
  const locale = localeOption(values.lang);
  const m = VERIFIER_CATALOGS[locale];
  if (values.help) return { help: locale };
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0 ? m.urlMissing() : m.urlsTooMany({ count: positionals.length, urls: positionals.join(" ") }),
    );
  }
  const options: VerifyOptions = {
    url: positionals[0],
    httpUrl: values["http-url"],
    resolve: values.resolve,
    extraRootsPem: values.cacert?.map((file) => readCaFile(file, m)),
    minDays: numberOption(values["min-days"], "--min-days", "21", m),
    hstsMinSeconds: numberOption(values["hsts-min"], "--hsts-min", "31536000", m),
    healthPath: values["health-path"],
    websocketPath: values["websocket-path"],
    requireWebSocket: values["require-websocket"],
    timeoutMs: numberOption(values.timeout, "--timeout", "5000", m),
    deadlineSeconds: numberOption(values.deadline, "--deadline", String(DEFAULTS.deadlineSeconds), m),
    locale,
  };
  const waitSeconds = numberOption(values.wait, "--wait", "300", m) ?? 0;
  if (waitSeconds < LIMITS.waitSeconds.min || waitSeconds > LIMITS.waitSeconds.max) {
    throw new UsageError(m.waitRange({ value: waitSeconds, min: LIMITS.waitSeconds.min, max: LIMITS.waitSeconds.max }));
  }
  return { options, json: values.json ?? false, waitSeconds, locale };
}

/** Runs the command; resolves to the exit code. */
export async function runCommand(argv: readonly string[], out: Output): Promise<number> {
  let command: ReturnType<typeof parseCommandLine>;
  try {
    command = parseCommandLine(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      out.stderr(`error: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  if ("help" in command) {
    out.stdout(usage(command.help));
    return 0;
  }
  const { options, json, waitSeconds, locale } = command;
  const m = VERIFIER_CATALOGS[locale];
  out.budget?.(runBudgetMs(waitSeconds, options.deadlineSeconds ?? DEFAULTS.deadlineSeconds));
  try {
    const report = await retryUntilOk(() => verify(options), {
      waitMs: waitSeconds * 1000,
      intervalMs: RETRY_INTERVAL_MS,
      retryable: (err) => !(err instanceof UsageError),
      onRetry: (attempt, failed, error) => {
        const seconds = RETRY_INTERVAL_MS / 1000;
        const ids = failed?.checks.filter((c) => !c.ok).map((c) => c.id);
        const line = ids
          ? m.attemptFailing({ attempt, ids: joinPhrases(locale, ids), seconds })
          : m.attemptError({ attempt, reason: (error as Error).message, seconds });
        out.stderr(`${line}\n`);
      },
    });
    out.stdout(json ? JSON.stringify(report, null, 2) + "\n" : formatReport(report, locale));
    return report.ok ? 0 : 1;
  } catch (err) {
    if (err instanceof UsageError) {
      out.stderr(`error: ${err.message}\n`);
      return 2;
    }
    if (err instanceof EndpointUnreachableError) {
      if (json) out.stdout(JSON.stringify({ url: options.url, ok: false, error: err.message, checks: [] }, null, 2) + "\n");
      out.stderr(`error: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
