#!/usr/bin/env node
// Runs a compiled entry point from dist/, rebuilding first when any TypeScript source is newer
// than the last build. The commands stay fast (no TypeScript compiler at run time) and never run
// stale code after an edit.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const root = path.resolve(__dirname, "..");
const stamp = path.join(root, "dist", ".build-stamp");
const sourceDirs = ["index.ts", "components", "lib", "scripts", "bench", "verifier", "policy"];

function newestSource(entry) {
  const full = path.join(root, entry);
  let stat;
  try {
    stat = fs.statSync(full);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return entry.endsWith(".ts") ? stat.mtimeMs : 0;
  let newest = 0;
  for (const child of fs.readdirSync(full)) newest = Math.max(newest, newestSource(path.join(entry, child)));
  return newest;
}

function builtAt() {
  try {
    return fs.statSync(stamp).mtimeMs;
  } catch {
    return -1;
  }
}

function ensureBuilt() {
  const newest = Math.max(...sourceDirs.map(newestSource), fs.statSync(path.join(root, "tsconfig.json")).mtimeMs);
  if (builtAt() >= newest) return;
  const tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
  const result = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.build.json")], { stdio: "inherit" });
  if (result.status !== 0) {
    process.stderr.write("error: the TypeScript build failed (see above); fix it and run the command again\n");
    process.exit(1);
  }
  fs.writeFileSync(stamp, new Date().toISOString() + "\n");
}

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write("usage: node bin/run.js <entry under the project, without .ts> [args...]\n");
  process.exit(2);
}
ensureBuilt();
process.argv = [process.argv[0], path.join(root, "dist", entry + ".js"), ...args];
require(path.join(root, "dist", entry + ".js"));
