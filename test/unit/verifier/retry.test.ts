import { retryUntilOk } from "../../../verifier/retry";
import type { Report } from "../../../verifier/types";

const report = (ok: boolean): Report => ({
  url: "https://api.example.com/",
  ok,
  checks: [{ id: "health", ok, detail: ok ? "200" : "503" }],
  durationMs: 1,
});

function fakeClock() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms) };
}

describe("--wait", () => {
  test("asks again until every check passes, telling about each retry", async () => {
    const answers = [report(false), report(false), report(true)];
    const retries: number[] = [];
    const result = await retryUntilOk(async () => answers.shift()!, {
      waitMs: 60_000,
      intervalMs: 10_000,
      onRetry: (n) => retries.push(n),
      ...fakeClock(),
    });
    expect(result.ok).toBe(true);
    expect(retries).toEqual([1, 2]);
  });

  test("returns the last failing report when time is up", async () => {
    let calls = 0;
    const result = await retryUntilOk(async () => (calls++, report(false)), { waitMs: 25_000, intervalMs: 10_000, ...fakeClock() });
    expect(result.ok).toBe(false);
    expect(calls).toBe(3);
  });

  test("an unreachable endpoint is retried, a usage error is not", async () => {
    let calls = 0;
    const unreachable = retryUntilOk(
      async () => {
        calls++;
        throw new Error("connect ECONNREFUSED");
      },
      { waitMs: 15_000, intervalMs: 10_000, ...fakeClock() },
    );
    await expect(unreachable).rejects.toThrow("ECONNREFUSED");
    expect(calls).toBe(2);
    let usageCalls = 0;
    const usage = retryUntilOk(
      async () => {
        usageCalls++;
        throw new TypeError("bad option");
      },
      { waitMs: 60_000, intervalMs: 10_000, retryable: (e) => !(e instanceof TypeError), ...fakeClock() },
    );
    await expect(usage).rejects.toThrow("bad option");
    expect(usageCalls).toBe(1);
  });

  test("without --wait there is one attempt", async () => {
    let calls = 0;
    await retryUntilOk(async () => (calls++, report(false)), { waitMs: 0, intervalMs: 10_000, ...fakeClock() });
    expect(calls).toBe(1);
  });
});
