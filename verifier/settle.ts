// The end of a probe: the first outcome wins, later ones (the close that follows an error, a late
// timeout) are ignored; the timer is cleared and the connection closed before the promise resolves.

export interface ProbeTimeout<T> {
  readonly ms: number;
  /** The outcome when nothing else came first. */
  readonly outcome: () => T;
}

/** Returns the probe's `finish`; with `timeout`, finishes by itself after `timeout.ms`. */
export function settleOnce<T>(resolve: (outcome: T) => void, close: () => void, timeout?: ProbeTimeout<T>): (outcome: T) => void {
  let settled = false;
  let timer: NodeJS.Timeout | undefined;
  const finish = (outcome: T): void => {
    if (settled) return;
    settled = true;
    if (timer !== undefined) clearTimeout(timer);
    close();
    resolve(outcome);
  };
  if (timeout) timer = setTimeout(() => finish(timeout.outcome()), timeout.ms);
  return finish;
}
