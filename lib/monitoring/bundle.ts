// Builds the monitoring function's code at `pulumi up`: the handler and everything it imports (the
// project's own verifier, the ws library) bundled by esbuild into one index.js, zipped the way
// Function Compute takes code inline (V3Function code.zipFile, base64).
//
// The zip must be byte-for-byte the same whenever the sources are: the provider sends `code` again
// whenever its value changes (alicloud/resource_alicloud_fcv3_function.go, Update: d.HasChange("code"))
// and never reads it back, so a zip with the build time in it would update the function on every
// `pulumi up`. Hence fixed entry times and attributes, paths relative to the project, and no
// machine-specific text in the bundle.
import type * as Esbuild from "esbuild";
import { zipSync } from "fflate";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import * as path from "node:path";

/** The handler's entry, relative to the project root; FC calls `index.handler` in the zip. */
export const HANDLER_ENTRY = "monitor/handler.ts";
export const HANDLER = "index.handler";

/** The zip format's earliest date (1980-01-01, local time as the format has it): nothing about the build leaks in. */
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);

export interface FunctionBundle {
  /** The zip, base64: V3Function code.zipFile. */
  readonly zipBase64: string;
  /** The bundled index.js, for tests and size figures. */
  readonly script: string;
  readonly zipBytes: number;
}

/** The project root: the nearest directory above this file with the handler in it (from sources or from dist/). */
export function projectRoot(from = __dirname): string {
  let dir = from;
  for (;;) {
    if (existsSync(path.join(dir, HANDLER_ENTRY)) && existsSync(path.join(dir, "package.json"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find ${HANDLER_ENTRY} above ${from}; run the program from the project checkout`);
    dir = parent;
  }
}

let cached: FunctionBundle | undefined;

/**
 * Where a build is kept between runs: bundling and zipping take a few hundred milliseconds, most of
 * an offline plan's own time, while the sources rarely change. node_modules/.cache is where tools
 * keep such things (it goes with `npm ci`).
 */
export function bundleCachePath(root: string): string {
  return path.join(root, "node_modules", ".cache", "wechat-https-backend", "monitor-function.json");
}

interface CachedBuild {
  /** What the build depended on: esbuild's version and every input file's hash (esbuild's own list of inputs). */
  readonly key: string;
  readonly inputs: readonly string[];
  readonly bundle: FunctionBundle;
}

/** esbuild's version from its package file: loading esbuild itself costs a tenth of a second, needed only to build. */
function esbuildVersion(): string {
  return (JSON.parse(readFileSync(require.resolve("esbuild/package.json"), "utf8")) as { version: string }).version;
}

function inputsKey(root: string, inputs: readonly string[]): string | undefined {
  const hash = createHash("sha256").update(`esbuild ${esbuildVersion()}\n`);
  for (const input of inputs) {
    try {
      hash.update(`${input}\n`).update(readFileSync(path.join(root, input)));
    } catch {
      return undefined; // an input is gone: the build is stale
    }
  }
  return hash.digest("hex");
}

export function readCachedBuild(root: string): FunctionBundle | undefined {
  let stored: CachedBuild;
  try {
    stored = JSON.parse(readFileSync(bundleCachePath(root), "utf8")) as CachedBuild;
  } catch {
    return undefined;
  }
  // Any changed input (a new import shows as a change to the file that imports it) means a new build.
  return stored.key === inputsKey(root, stored.inputs) ? stored.bundle : undefined;
}

export function writeCachedBuild(root: string, inputs: readonly string[], bundle: FunctionBundle): void {
  const key = inputsKey(root, inputs);
  if (key === undefined) return;
  const file = bundleCachePath(root);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    // Written aside and renamed, so a concurrent run never reads half a file.
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, JSON.stringify({ key, inputs, bundle } satisfies CachedBuild));
    renameSync(partial, file);
  } catch {
    // A read-only checkout only loses the speed-up.
  }
}

/**
 * Bundles and zips the handler; built once per process (the code does not depend on the stack's
 * config) and kept on disk for later runs, unless `fresh` asks for a new build.
 */
export function buildFunctionBundle(root = projectRoot(), fresh = false): FunctionBundle {
  if (cached && !fresh) return cached;
  const stored = fresh ? undefined : readCachedBuild(root);
  if (stored) return (cached = stored);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when a build is needed (see esbuildVersion)
  const esbuild = require("esbuild") as typeof Esbuild;
  const result = esbuild.buildSync({
    absWorkingDir: root,
    entryPoints: [HANDLER_ENTRY],
    bundle: true,
    platform: "node",
    // FC's nodejs20 runtime.
    target: "node20",
    format: "cjs",
    write: false,
    outfile: "index.js",
    // ws loads these native speed-ups when installed and works without them.
    external: ["bufferutil", "utf-8-validate"],
    legalComments: "none",
    sourcemap: false,
    logLevel: "silent",
    metafile: true,
  });
  const script = result.outputFiles[0].text;
  const zip = zipSync(
    // Unix regular file, rw-r--r--: FC runs the code as another user than the one that unpacks it.
    { "index.js": [result.outputFiles[0].contents, { mtime: FIXED_TIME, os: 3, attrs: 0o100644 << 16 }] },
    { level: 9 },
  );
  cached = { zipBase64: Buffer.from(zip).toString("base64"), script, zipBytes: zip.length };
  writeCachedBuild(root, Object.keys(result.metafile.inputs).sort(), cached);
  return cached;
}
