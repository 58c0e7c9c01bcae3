#!/usr/bin/env node
// `npm test`: the type checks, the lint and the tests, run at the same time. tsc and eslint each use
// one core and the integration tests mostly wait on servers, so on two cores running them side by
// side takes about as long as the tests alone. The tests print as they go; the checks print when
// they finish, each under its name. Exits non-zero when any of them fails. Extra arguments go to jest.
"use strict";
const { spawn } = require("node:child_process");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** The checks that only report at the end; their output is kept until they finish. */
const CHECKS = [
  ["typecheck", [npm, "run", "--silent", "typecheck"]],
  ["lint", [npm, "run", "--silent", "lint"]],
];

function run(name, [command, ...args], live) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, { cwd: root, stdio: live ? "inherit" : ["ignore", "pipe", "pipe"] });
    let output = "";
    if (!live) {
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
    }
    child.on("error", (err) => {
      output += `${err.message}\n`;
    });
    child.on("close", (code, signal) => {
      const ok = code === 0;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (!live || !ok) {
        const status = ok ? "passed" : `FAILED (${signal ?? `exit ${code}`})`;
        process.stdout.write(`\n== ${name} ${status} in ${seconds} s\n${output}`);
      }
      resolve(ok);
    });
  });
}

async function main() {
  const jestArgs = process.argv.slice(2);
  const results = await Promise.all([
    ...CHECKS.map(([name, command]) => run(name, command, false)),
    run("jest", [process.execPath, require.resolve("jest/bin/jest", { paths: [root] }), ...jestArgs], true),
  ]);
  process.exit(results.every(Boolean) ? 0 : 1);
}

void main();
