// Where `npm run miniprogram` writes config/env.js: into the code package the developer tools
// upload, which project.config.json may put in a folder of its own (miniprogramRoot).
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { envJsTarget } from "../../../tools/miniprogram/codeRoot";

function project(config?: string, folders: string[] = []): string {
  const dir = mkdtempSync(path.join(tmpdir(), "miniprogram-root-"));
  if (config !== undefined) writeFileSync(path.join(dir, "project.config.json"), config);
  for (const folder of folders) mkdirSync(path.join(dir, folder), { recursive: true });
  return dir;
}

test("a project whose code is in miniprogram/ gets env.js there, where app.js can require it", () => {
  const dir = project(JSON.stringify({ miniprogramRoot: "miniprogram/", appid: "wx0000000000000000" }), ["miniprogram"]);
  expect(envJsTarget(dir)).toEqual({ file: path.join(dir, "miniprogram", "config", "env.js"), miniprogramRoot: "miniprogram/" });
  // Nested roots are relative to the project too.
  const nested = project(JSON.stringify({ miniprogramRoot: "src/mp" }), ["src/mp"]);
  expect(envJsTarget(nested)).toMatchObject({ file: path.join(nested, "src", "mp", "config", "env.js") });
});

test.each([
  ["no project file (--out is the code folder)", undefined],
  ["no miniprogramRoot", JSON.stringify({ appid: "wx0000000000000000" })],
  ["an empty one", JSON.stringify({ miniprogramRoot: "" })],
  ["the project itself", JSON.stringify({ miniprogramRoot: "./" })],
  ["the project itself, written as /", JSON.stringify({ miniprogramRoot: "/" })],
])("%s: env.js goes into --out", (_, config) => {
  const dir = project(config);
  expect(envJsTarget(dir)).toEqual({ file: path.join(dir, "config", "env.js") });
});

test.each([
  ["unreadable", "{ miniprogramRoot: 'miniprogram/' }", []],
  ["notString", JSON.stringify({ miniprogramRoot: ["miniprogram/"] }), []],
  ["outside", JSON.stringify({ miniprogramRoot: "../elsewhere/" }), []],
  ["outside", JSON.stringify({ miniprogramRoot: "/srv/mp/" }), []],
  ["missing", JSON.stringify({ miniprogramRoot: "miniprogram/" }), []],
])("refused (%s) for %s: nothing is written outside the code package", (reason, config, folders) => {
  const dir = project(config, folders);
  expect(envJsTarget(dir)).toMatchObject({ refused: reason, projectFile: path.join(dir, "project.config.json") });
});
