// Keeps dist/ current: rebuilds when any TypeScript source is newer than the last build, so the
// commands never run stale code after an edit and never pay for the TypeScript compiler otherwise.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const root = path.resolve(__dirname, "..");
const stamp = path.join(root, "dist", ".build-stamp");
const sources = ["index.ts", "components", "lib", "tools", "verifier", "monitor", "policy", "tsconfig.json", "tsconfig.build.json"];

function newest(entry) {
  const full = path.join(root, entry);
  let stat;
  try {
    stat = fs.statSync(full);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return /\.(ts|json)$/.test(entry) ? stat.mtimeMs : 0;
  let latest = 0;
  for (const child of fs.readdirSync(full)) latest = Math.max(latest, newest(path.join(entry, child)));
  return latest;
}

function builtAt() {
  try {
    return fs.statSync(stamp).mtimeMs;
  } catch {
    return -1;
  }
}

/**
 * Removes compiled files whose source is gone. A module moved into a folder of the same name
 * (x.ts to x/index.ts) would otherwise keep its old x.js, which Node resolves before x/index.js.
 */
function removeOrphans(distDir = path.join(root, "dist"), sourceDir = root) {
  for (const entry of fs.readdirSync(distDir, { withFileTypes: true })) {
    const full = path.join(distDir, entry.name);
    if (entry.isDirectory()) {
      removeOrphans(full, path.join(sourceDir, entry.name));
      continue;
    }
    const compiled = /^(.*)\.(js|js\.map|d\.ts)$/.exec(entry.name);
    if (compiled && !fs.existsSync(path.join(sourceDir, `${compiled[1]}.ts`))) fs.rmSync(full);
  }
}

/** Builds dist/ when it is missing or older than the sources. Returns false when the build failed. */
function ensureBuilt() {
  if (builtAt() >= Math.max(...sources.map(newest))) return true;
  const tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
  const result = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.build.json")], { stdio: "inherit" });
  if (result.status !== 0) return false;
  removeOrphans();
  fs.writeFileSync(stamp, new Date().toISOString() + "\n");
  return true;
}

module.exports = { ensureBuilt, removeOrphans, root };

if (require.main === module) process.exit(ensureBuilt() ? 0 : 1);
