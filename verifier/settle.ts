// The end of a probe: the first outcome wins, later ones (the close that follows an error, a late
// timeout) are ignored; the timer is cleared and the connection closed before the promise resolves.

export interface ProbeTimeout<T> {
  readonly ms: number;
  /** The outcome when nothing else came first: the time ran out, or the run was aborted. */
  readonly outcome: () => T;
}

/**
 * Returns the probe's `finish`; with `timeout`, finishes by itself after `timeout.ms`, and at once
 * with the same outcome when `signal` aborts (verify()'s overall deadline), so no socket outlives it.
 */
export function settleOnce<T>(
  resolve: (outcome: T) => void,
  close: () => void,
  timeout?: ProbeTimeout<T>,
  signal?: AbortSignal,
): (outcome: T) => void {
  let settled = false;
  let timer: NodeJS.Timeout | undefined;
  const onAbort = (): void => {
    if (timeout) finish(timeout.outcome());
  };
  const finish = (outcome: T): void => {
    if (settled) return;
    settled = true;
    if (timer !== undefined) clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
    close();
    resolve(outcome);
  };
  if (timeout) timer = setTimeout(() => finish(timeout.outcome()), timeout.ms);
  if (signal?.aborted) queueMicrotask(onAbort);
  else signal?.addEventListener("abort", onAbort, { once: true });
  return finish;
}
