// Programmatic entry: `verify(options)` probes a live HTTPS endpoint and reports, check by check,
// whether it meets WeChat's rules. The CLI (verifier/cli.ts) is a thin shell around it.
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
 */
export async function verify(options: VerifyOptions): Promise<Report> {
  const started = Date.now();
  const settings = toSettings(options);
  const ctx = createContext(settings);
  const m = VERIFIER_CATALOGS[settings.locale];
  const unreachable = await tcpProbe(ctx.env, settings.endpoint);
  if (unreachable) throw new EndpointUnreachableError(m.unreachable({ origin: settings.url.origin, reason: unreachable }));
  const checks = await Promise.all(
    CHECKS.map(({ id, run }) =>
      run(ctx).catch((err: unknown): CheckResult => ({
        id,
        ok: false,
        detail: m.checkCrashed({ reason: err instanceof Error ? err.message : String(err) }),
      })),
    ),
  );
  return { url: settings.url.href, ok: checks.every((c) => c.ok), checks, durationMs: Date.now() - started };
}
