// Properties of the schema-driven config checks, for every key the schema has (keys added later are
// covered without touching this file): a value that breaks its key's enum, range or shape is one
// problem that names the key and the command that fixes it; a key typed with one slip is refused
// with the key that was meant.
import fc from "fast-check";
import { CONFIG_KEYS, PROJECT, type ConfigKeySpec } from "../../../lib/config/keys";
import { ConfigError, resolveStackConfig } from "../../../lib/config/stackConfig";

const RUNS = { numRuns: 40 };

/** A dev stack that passes: every property adds one thing to it. */
const BASE: Record<string, string> = {
  "alicloud:region": "cn-hangzhou",
  [`${PROJECT}:domain`]: "dev.example.com",
  [`${PROJECT}:certificateSource`]: "selfSigned",
};

/** The problems of a config, or [] when it is accepted. */
function problemsOf(values: Record<string, string>): string[] {
  try {
    resolveStackConfig({ stack: "dev", values });
    return [];
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return err.problems;
  }
}

const entries = Object.entries(CONFIG_KEYS) as [string, ConfigKeySpec][];
const enumKeys = entries.flatMap(([key, spec]) => (spec.type === "string" && spec.enum && !spec.secret ? [[key, spec.enum] as const] : []));
const rangeKeys = entries.flatMap(([key, spec]) => (spec.type === "integer" ? [[key, spec.min, spec.max] as const] : []));
const shapeKeys = entries.flatMap(([key, spec]) =>
  spec.type === "string" && spec.shape && !spec.secret ? [[key, spec.shape] as const] : [],
);

/** Text a user might type: printable, no line breaks, not blank. */
const typed = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== "" && !/[\r\n]/.test(s));

/**
 * The problems of the base stack with `key` set to its documented example: some keys bring
 * problems of their own in the base stack whatever their value (e.g. "set but appImage is not").
 */
function baseline(key: string): ReadonlySet<string> {
  const known = baselines.get(key);
  if (known) return known;
  const example = (CONFIG_KEYS as Record<string, ConfigKeySpec>)[key].example;
  const problems = new Set(example.startsWith("pulumi ") ? problemsOf(BASE) : problemsOf({ ...BASE, [`${PROJECT}:${key}`]: example }));
  baselines.set(key, problems);
  return problems;
}
const baselines = new Map<string, ReadonlySet<string>>();

/** `key` set to `value` gives exactly one problem more than its example does, naming the key and the fix. */
function expectOneProblemNaming(key: string, value: string): void {
  const before = baseline(key);
  const added = problemsOf({ ...BASE, [`${PROJECT}:${key}`]: value }).filter((p) => !before.has(p));
  expect(added).toHaveLength(1);
  expect(added[0]).toContain(key);
  expect(added[0]).toMatch(/pulumi config set/);
}

test("the schema has keys of every checked kind (so the properties below test something)", () => {
  expect(enumKeys.length).toBeGreaterThanOrEqual(3);
  expect(rangeKeys.length).toBeGreaterThanOrEqual(3);
  expect(shapeKeys.length).toBeGreaterThanOrEqual(3);
});

describe.each(enumKeys)("%s: a value outside its allowed values", (key, allowed) => {
  test("is one problem naming the key and the fix", () => {
    fc.assert(
      fc.property(
        typed.filter((v) => !allowed.includes(v.trim())),
        (value) => expectOneProblemNaming(key, value),
      ),
      RUNS,
    );
  });
});

describe.each(rangeKeys)("%s: an integer outside %i-%i", (key, min, max) => {
  test("is one problem naming the key and the fix", () => {
    const outside = fc.oneof(fc.integer({ min: -999_999_999, max: min - 1 }), fc.integer({ min: max + 1, max: 9_999_999_999 }));
    fc.assert(
      fc.property(outside, (value) => expectOneProblemNaming(key, String(value))),
      RUNS,
    );
  });

  test("so is a value that is not a whole number", () => {
    fc.assert(
      fc.property(
        typed.filter((v) => !/^-?\d{1,10}$/.test(v.trim())),
        (value) => expectOneProblemNaming(key, value),
      ),
      RUNS,
    );
  });
});

describe.each(shapeKeys)("%s: a value of the wrong shape", (key, shape) => {
  test("is one problem naming the key and the fix", () => {
    const tooLong = shape.maxLength === undefined ? [] : [fc.constant("a".repeat(shape.maxLength + 1))];
    const wrong = fc.oneof(
      typed.filter((v) => !shape.pattern.test(v.trim())),
      ...tooLong,
    );
    fc.assert(
      fc.property(wrong, (value) => expectOneProblemNaming(key, value)),
      RUNS,
    );
  });
});

/** One typing slip in `name`: a letter dropped, doubled, replaced, or two letters swapped. */
function slip(name: string): fc.Arbitrary<string> {
  const at = fc.integer({ min: 0, max: name.length - 1 });
  const letter = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz");
  return fc.oneof(
    at.map((i) => name.slice(0, i) + name.slice(i + 1)),
    at.map((i) => name.slice(0, i + 1) + name.slice(i)),
    fc.tuple(at, letter).map(([i, c]) => name.slice(0, i) + c + name.slice(i + 1)),
    fc.integer({ min: 0, max: name.length - 2 }).map((i) => name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2)),
  );
}

const known = new Set([...Object.keys(CONFIG_KEYS), "region"]);

describe.each([...Object.keys(CONFIG_KEYS).map((key) => [PROJECT, key]), ["alicloud", "region"]])(
  "%s:%s typed with one slip",
  (namespace, key) => {
    test("is refused with the key that was meant", () => {
      fc.assert(
        fc.property(
          slip(key).filter((typo) => typo.toLowerCase() !== key.toLowerCase() && !known.has(typo)),
          (typo) => {
            const problems = problemsOf({ ...BASE, [`${namespace}:${typo}`]: "x" });
            expect(problems).toHaveLength(1);
            expect(problems[0]).toContain(`${namespace}:${typo} is not a config key`);
            expect(problems[0]).toContain(`did you mean ${namespace === PROJECT ? key : `${namespace}:${key}`}?`);
          },
        ),
        RUNS,
      );
    });
  },
);
