// The message of the error a call throws, for tests that assert on what it says.

/** The message `run` throws with; fails the test when it throws nothing. */
export function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error("expected an error");
}
