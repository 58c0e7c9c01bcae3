// A build's stamp: a hash of everything its output is made from (the Go module's files, the version
// it is built for, the flags, the Go toolchain). A matching stamp and an existing output mean there
// is nothing to rebuild; anything else rebuilds.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { stampDir } from "./layout";

/** The hash of the files of a Go module folder that a build reads, in a stable order. */
export function hashModule(dir: string, hash = createHash("sha256")): ReturnType<typeof createHash> {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) hashModule(full, hash);
    // schema.json is generated during the build from the module itself.
    else if (/\.go$|^go\.(mod|sum)$/.test(name)) hash.update(`${full}\0`).update(readFileSync(full)).update("\0");
  }
  return hash;
}

export function stampOf(parts: readonly string[], moduleDir: string): string {
  const hash = hashModule(moduleDir);
  for (const part of parts) hash.update(`${part}\0`);
  return hash.digest("hex");
}

function stampFile(name: string): string {
  return path.join(stampDir, `${name}.stamp`);
}

export function isCurrent(name: string, stamp: string, outputs: readonly string[]): boolean {
  const file = stampFile(name);
  return existsSync(file) && readFileSync(file, "utf8").trim() === stamp && outputs.every((o) => existsSync(o));
}

export function recordStamp(name: string, stamp: string): void {
  mkdirSync(stampDir, { recursive: true });
  writeFileSync(stampFile(name), `${stamp}\n`);
}
