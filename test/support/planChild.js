// Runs stack files through the compiled program (dist/, as the commands run it) under the mocks in
// test mode, in a process of its own:
//   node test/support/planChild.js <cases.json>
// where cases.json is [{ "configFile": "...", "catalog": {...}, "deployedStack": {...} }, ...]
// (deployedStack: what the mocks know of the deployed stack, tools/plan/mocks.ts). For tests of programs that
// fail inside an apply, a failure Node reports as an unhandled rejection (which jest would pin on
// whichever test is running). Prints one JSON result per case, in order: { ok, resources } or
// { ok: false, error }. The integration project's global setup builds dist/ first.
"use strict";
const { readFileSync } = require("node:fs");
const path = require("node:path");
require("v8-compile-cache");
require("../../bin/stubClosureSerializer").stubClosureSerializer();

const root = path.resolve(__dirname, "..", "..");
const { planStack } = require(path.join(root, "dist", "tools", "plan", "planStack"));

async function main() {
  const cases = JSON.parse(readFileSync(process.argv[2], "utf8"));
  const results = [];
  for (const { configFile, catalog, deployedStack } of cases) {
    try {
      const loadProgram = () => require(path.join(root, "dist", "index"));
      const plan = await planStack({ projectDir: root, configFile, mode: "test", catalog, deployedStack, loadProgram });
      results.push({ ok: true, resources: plan.run.resources.map((r) => r.name) });
    } catch (err) {
      results.push({ ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  }
  process.stdout.write(JSON.stringify(results) + "\n");
  process.exit(0);
}

void main();
