// Imports flow one way: constants and config → components → the program; the tools, the verifier,
// the monitoring function and the tests may use the program, never the reverse; the policy pack
// stands alone (selfContained.test.ts). A module that reaches the wrong way fails here, naming it.
import * as path from "node:path";
import { PROJECT_DIR } from "../../support/paths";
import { importsOf, typescriptFiles } from "../../support/sources";

/** Top-level folder (or file) → the folders its relative imports may reach. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  lib: ["lib"],
  components: ["components", "lib"],
  "index.ts": ["components", "lib"],
  verifier: ["verifier", "lib"],
  monitor: ["monitor", "verifier", "lib"],
  policy: ["policy"],
  // Declarations for tsc only (tsconfig.json "paths"): nothing imports them by a relative path.
  types: [],
  tools: ["tools", "lib", "components", "index.ts", "verifier", "policy"],
  // bin/ holds the launcher (JavaScript: its build step is what a test may reach).
  test: ["test", "bin", "tools", "lib", "components", "index.ts", "verifier", "policy", "monitor"],
};

function topOf(file: string): string {
  return path.relative(PROJECT_DIR, file).split(path.sep)[0];
}

/** The layer a resolved import lands in; the program's entry is imported as ".../index". */
function layerOf(target: string): string {
  const top = topOf(target);
  return top === "index" ? "index.ts" : top;
}

const files = Object.keys(MAY_IMPORT).flatMap((top) =>
  top.endsWith(".ts") ? [path.join(PROJECT_DIR, top)] : typescriptFiles(path.join(PROJECT_DIR, top)),
);

test.each(files.map((f) => [path.relative(PROJECT_DIR, f), f]))("%s imports only what its layer may", (_name, file) => {
  const allowed = MAY_IMPORT[topOf(file)];
  const wrong = importsOf(file)
    .filter((specifier) => specifier.startsWith("."))
    .map((specifier) => path.resolve(path.dirname(file), specifier))
    .filter((target) => !allowed.includes(layerOf(target)));
  expect(wrong.map((target) => path.relative(PROJECT_DIR, target))).toEqual([]);
});

test("the layers are all there is: every TypeScript folder of the project has a rule", () => {
  const tops = new Set(
    typescriptFiles(PROJECT_DIR)
      .filter((f) => !f.includes(`${path.sep}dist${path.sep}`))
      .map(topOf),
  );
  expect([...tops].filter((top) => !(top in MAY_IMPORT)).sort()).toEqual([]);
});
