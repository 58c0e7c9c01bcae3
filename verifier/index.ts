// Programmatic entry: `verify(options)` probes a live HTTPS endpoint and reports, check by check,
// whether it meets WeChat's rules. The CLI (verifier/cli.ts) is a thin shell around it.
import { setMaxListeners } from "node:events";
import { CHECKS } from "./checks";
import { createContext } from "./context";
import { VERIFIER_CATALOGS } from "./messages";
import { tcpProbe } from "./probe";
import { VerifyOptions, toSettings } from "./settings";
import { CheckResult, Report } from "./types";

export { CHECK_IDS } from "./types";
export type { CheckId, CheckResult, Report } from "./types";
export { DEFAULTS, UsageError } from "./settings";
export type { VerifyOptions } from "./settings";

/** The endpoint cannot be reached at all (no DNS answer, nothing listening, no route): no check can judge it. */
export class EndpointUnreachableError extends Error {
  override readonly name = "EndpointUnreachableError";
}

/**
 * Runs every check concurrently. Throws UsageError for bad options and EndpointUnreachableError when
 * the HTTPS endpoint cannot be connected to; otherwise returns the verdicts, failing ones included.
 * Every probe gives up after `timeoutMs`, and the whole run after `deadlineSeconds`: checks still
 * running then fail, and their connections are closed, so a server that never answers cannot hold it.
 */
export async function verify(options: VerifyOptions): Promise<Report> {
  const started = Date.now();
  const settings = toSettings(options);
  const m = VERIFIER_CATALOGS[settings.locale];
  const deadline = new AbortController();
  // Every probe of the run listens for the deadline: dozens at once, by design.
  setMaxListeners(0, deadline.signal);
  const timer = setTimeout(() => deadline.abort(), settings.deadlineMs);
  const stopped = new Promise<void>((resolve) => deadline.signal.addEventListener("abort", () => resolve(), { once: true }));
  try {
    const ctx = createContext(settings, deadline.signal);
    const unreachable = await tcpProbe(ctx.env, settings.endpoint);
    if (unreachable) throw new EndpointUnreachableError(m.unreachable({ origin: settings.url.origin, reason: unreachable }));
    const checks = await Promise.all(
      CHECKS.map(({ id, run }) =>
        Promise.race([
          run(ctx).catch((err: unknown): CheckResult => ({
            id,
            ok: false,
            detail: m.checkCrashed({ reason: err instanceof Error ? err.message : String(err) }),
          })),
          stopped.then((): CheckResult => ({ id, ok: false, detail: m.checkPastDeadline({ seconds: settings.deadlineMs / 1000 }) })),
        ]),
      ),
    );
    return { url: settings.url.href, ok: checks.every((c) => c.ok), checks, durationMs: Date.now() - started };
  } finally {
    clearTimeout(timer);
    // Whatever is still open closes now.
    deadline.abort();
  }
}
