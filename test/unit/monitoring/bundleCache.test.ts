// The monitoring function's build is kept on disk between runs; a kept build is used only while
// every file esbuild read for it is unchanged.
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { readCachedBuild, writeCachedBuild, type FunctionBundle } from "../../../lib/monitoring/bundle";

const bundle: FunctionBundle = { zipBase64: "UEsDBA==", script: "exports.handler = () => {};\n", zipBytes: 4 };
let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "bundle-cache-"));
  writeFileSync(path.join(root, "handler.ts"), "export const handler = () => {};\n");
  writeFileSync(path.join(root, "helper.ts"), "export const x = 1;\n");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

test("a kept build is used while its inputs are unchanged", () => {
  writeCachedBuild(root, ["handler.ts", "helper.ts"], bundle);
  expect(readCachedBuild(root)).toEqual(bundle);
});

test("a changed input makes the kept build stale", () => {
  writeCachedBuild(root, ["handler.ts", "helper.ts"], bundle);
  writeFileSync(path.join(root, "helper.ts"), "export const x = 2;\n");
  expect(readCachedBuild(root)).toBeUndefined();
});

test("a removed input makes the kept build stale", () => {
  writeCachedBuild(root, ["handler.ts", "helper.ts"], bundle);
  unlinkSync(path.join(root, "helper.ts"));
  expect(readCachedBuild(root)).toBeUndefined();
});

test("no kept build, or a damaged one, is no build", () => {
  expect(readCachedBuild(root)).toBeUndefined();
  writeCachedBuild(root, ["handler.ts"], bundle);
  writeFileSync(path.join(root, "node_modules", ".cache", "wechat-https-backend", "monitor-function.json"), "{");
  expect(readCachedBuild(root)).toBeUndefined();
});
