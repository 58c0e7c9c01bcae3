// Builds the monitoring function's code at `pulumi up`: the handler and everything it imports (the
// project's own verifier, the ws library) bundled by esbuild into one index.js, zipped the way
// Function Compute takes code inline (V3Function code.zipFile, base64).
//
// The zip must be byte-for-byte the same whenever the sources are: the provider sends `code` again
// whenever its value changes (alicloud/resource_alicloud_fcv3_function.go, Update: d.HasChange("code"))
// and never reads it back, so a zip with the build time in it would update the function on every
// `pulumi up`. Hence fixed entry times and attributes, paths relative to the project, and no
// machine-specific text in the bundle.
import * as esbuild from "esbuild";
import { zipSync } from "fflate";
import { existsSync } from "node:fs";
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
 * Bundles and zips the handler; built once per process (the code does not depend on the stack's
 * config) unless `fresh` asks for a new build.
 */
export function buildFunctionBundle(root = projectRoot(), fresh = false): FunctionBundle {
  if (cached && !fresh) return cached;
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
  });
  const script = result.outputFiles[0].text;
  const zip = zipSync(
    // Unix regular file, rw-r--r--: FC runs the code as another user than the one that unpacks it.
    { "index.js": [result.outputFiles[0].contents, { mtime: FIXED_TIME, os: 3, attrs: 0o100644 << 16 }] },
    { level: 9 },
  );
  cached = { zipBase64: Buffer.from(zip).toString("base64"), script, zipBytes: zip.length };
  return cached;
}
