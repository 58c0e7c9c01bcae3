#!/usr/bin/env node
// Runs a compiled entry point from dist/ (`node bin/run.js tools/commands/plan --stack dev`), building first
// when the sources changed.
"use strict";
const path = require("node:path");
const Module = require("node:module");
const { ensureBuilt, root } = require("./build");

// Loading the Pulumi SDK is most of a command's time; caching V8's compiled code between runs makes
// every later run start faster. Node 22 has the cache built in; on Node 20, v8-compile-cache.
if (typeof Module.enableCompileCache === "function") Module.enableCompileCache();
else require("v8-compile-cache");
// The commands run the program under the mocks, which never serialize a function: the SDK's
// closure serializer gets a stub instead of TypeScript and npm's arborist (bin/stubClosureSerializer.js).
require("./stubClosureSerializer").stubClosureSerializer();

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
