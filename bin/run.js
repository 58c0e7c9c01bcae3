#!/usr/bin/env node
// Runs a compiled entry point from dist/ (`node bin/run.js scripts/plan --stack dev`), building first
// when the sources changed.
"use strict";
const path = require("node:path");
const { ensureBuilt, root } = require("./build");

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write("usage: node bin/run.js <entry under the project, without .ts> [args...]\n");
  process.exit(2);
}
if (!ensureBuilt()) {
  process.stderr.write("error: the TypeScript build failed (see above); fix it and run the command again\n");
  process.exit(1);
}
const script = path.join(root, "dist", entry + ".js");
process.argv = [process.argv[0], script, ...args];
require(script);
