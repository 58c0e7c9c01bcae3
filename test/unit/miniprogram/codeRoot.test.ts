// Where `npm run miniprogram` writes config/env.js: into the code package the developer tools
// upload, which project.config.json may put in a folder of its own (miniprogramRoot).
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { envJsTarget, refusalMessage, type EnvJsTarget } from "../../../tools/miniprogram/codeRoot";
import { MINIPROGRAM_CATALOGS } from "../../../tools/miniprogram/messages";

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

describe("what a refusal says: the file, the root, and the way on (--out at the folder with app.json)", () => {
  const file = "shop/project.config.json";
  const refused = (reason: "unreadable" | "notString" | "outside" | "missing", root?: string) =>
    ({ refused: reason, projectFile: file, root }) as Extract<EnvJsTarget, { refused: string }>;

  test.each([
    [refused("unreadable"), /^shop\/project\.config\.json is not valid JSON.*give --out the folder with app\.json$/],
    [refused("notString"), /^miniprogramRoot in shop\/project\.config\.json is not a path: .*"miniprogram\/"$/],
    [
      refused("outside", "../shared/"),
      /^miniprogramRoot "\.\.\/shared\/" in .* is not a folder inside the project .*give --out the folder with app\.json$/,
    ],
    [refused("missing", "mp/"), /^miniprogramRoot "mp\/" in .* is no folder here, so config\/env\.js would land outside the code package/],
  ])("%o in English", (target, expected) => {
    expect(refusalMessage(MINIPROGRAM_CATALOGS.en, target)).toMatch(expected);
  });

  test.each([
    [refused("unreadable"), /^shop\/project\.config\.json 不是有效的 JSON.*有 app\.json 的目录$/],
    [refused("notString"), /^shop\/project\.config\.json 中的 miniprogramRoot 不是路径/],
    [refused("outside", "../shared/"), /miniprogramRoot "\.\.\/shared\/" 不是项目内的目录/],
    [refused("missing", "mp/"), /miniprogramRoot "mp\/" 在这里不是目录，config\/env\.js 会落在代码包之外/],
  ])("%o in Chinese", (target, expected) => {
    expect(refusalMessage(MINIPROGRAM_CATALOGS["zh-CN"], target)).toMatch(expected);
  });
});
