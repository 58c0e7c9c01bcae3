// `--wait <seconds>`: right after a deploy the load balancer needs a few health-check intervals
// before it sends traffic to new instances, so the post-deploy check asks again until every check
// passes or the time is up, and reports the last attempt.
import type { Report } from "./types";

export interface RetryOptions {
  /** Total time to keep trying, milliseconds; 0 tries once. */
  readonly waitMs: number;
  /** Pause between attempts, milliseconds. */
  readonly intervalMs: number;
  /** Told about each failed attempt that will be retried. */
  readonly onRetry?: (attempt: number, report: Report | undefined, error: unknown) => void;
  /** Errors worth another attempt; others (bad usage) end the run at once. Default: all. */
  readonly retryable?: (error: unknown) => boolean;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

/**
 * Runs `attempt` until its report is ok or `waitMs` has passed. Returns the last report; rethrows
 * the last error when the final attempt threw (unreachable endpoint, usage).
 */
export async function retryUntilOk(attempt: () => Promise<Report>, options: RetryOptions): Promise<Report> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadline = now() + options.waitMs;
  for (let n = 1; ; n++) {
    let report: Report | undefined;
    let error: unknown;
    try {
      report = await attempt();
      if (report.ok) return report;
    } catch (err) {
      if (options.retryable && !options.retryable(err)) throw err;
      error = err;
    }
    if (now() + options.intervalMs > deadline) {
      if (report) return report;
      throw error;
    }
    options.onRetry?.(n, report, error);
    await sleep(options.intervalMs);
  }
}
