// From the last run's state and this run's verdicts to what changed: checks that started failing
// and checks that pass again. A check that keeps failing changes nothing (its detail may change,
// e.g. one day fewer left on a certificate, and is kept up to date without an alert).
import type { CheckResult } from "../verifier/types";
import type { FailingCheck, MonitorState } from "./state";

/** The pseudo-check for an endpoint nothing answers on: no real check can judge it. */
export const UNREACHABLE = "reachable";

export interface Failure {
  readonly id: string;
  readonly detail: string;
  /** The check's own result, when a check (not the connection) failed. */
  readonly result?: CheckResult;
}

export interface Transitions {
  readonly failed: readonly Failure[];
  readonly recovered: readonly { readonly id: string; readonly since: string }[];
  readonly next: MonitorState;
}

/**
 * Compares this run's failures with the state; `now` is an ISO time. When the endpoint was
 * unreachable no check ran, so what was failing before is carried over rather than called recovered.
 */
export function transitions(previous: MonitorState, failures: readonly Failure[], now: string): Transitions {
  const checksRan = !failures.some((f) => f.id === UNREACHABLE);
  const failing: Record<string, FailingCheck> = {};
  if (!checksRan) {
    for (const [id, was] of Object.entries(previous.failing)) if (id !== UNREACHABLE) failing[id] = was;
  }
  const failed: Failure[] = [];
  for (const failure of failures) {
    const before = previous.failing[failure.id];
    failing[failure.id] = { since: before?.since ?? now, detail: failure.detail };
    if (!before) failed.push(failure);
  }
  const recovered = Object.entries(previous.failing)
    .filter(([id]) => !(id in failing))
    .map(([id, was]) => ({ id, since: was.since }));
  return { failed, recovered, next: { version: 1, failing, checkedAt: now } };
}
