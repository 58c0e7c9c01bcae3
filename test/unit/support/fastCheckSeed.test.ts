// The run's fast-check seed: FC_SEED as given (so a printed seed replays a run), a random one when
// unset, and a clear error for a value that could not replay anything.
import fc from "fast-check";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the jest globalSetup module is CommonJS
const { seedFrom } = require("../../fastCheckSeed") as { seedFrom: (value: string | undefined) => { seed: number; given: boolean } };

test("FC_SEED is taken as written, negative and 32-bit bounds included", () => {
  expect(seedFrom("42")).toEqual({ seed: 42, given: true });
  expect(seedFrom(" -2147483648 ")).toEqual({ seed: -2147483648, given: true });
  expect(seedFrom("2147483647")).toEqual({ seed: 2147483647, given: true });
});

test("unset or blank, a random 31-bit seed is drawn", () => {
  const drawn = [seedFrom(undefined), seedFrom(""), seedFrom("  ")];
  for (const { seed, given } of drawn) expect([Number.isInteger(seed) && seed >= 0 && seed < 2 ** 31, given]).toEqual([true, false]);
});

test.each(["abc", "1.5", "2147483648", "-2147483649", "1e3", "0x10"])("FC_SEED=%s is refused, saying what it must be", (value) => {
  expect(() => seedFrom(value)).toThrow(
    `FC_SEED must be a whole number from -2147483648 to 2147483647 (the seed a jest run printed), not "${value}"`,
  );
});

test("this test file draws from the run's seed", () => {
  expect(fc.readConfigureGlobal().seed).toBe(Number(process.env.FC_SEED));
  expect(Number.isInteger(Number(process.env.FC_SEED))).toBe(true);
});
