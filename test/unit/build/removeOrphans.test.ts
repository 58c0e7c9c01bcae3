// dist/ keeps no compiled file whose source is gone: a module moved from x.ts to x/index.ts left
// x.js behind, which Node resolves first, so the commands ran the old module.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { removeOrphans } = require("../../../bin/build") as { removeOrphans: (distDir: string, sourceDir: string) => void };

function tree(root: string, files: readonly string[]): void {
  for (const file of files) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), "");
  }
}

describe("removeOrphans", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "orphans-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("removes the old x.js of a module moved to x/index.ts and keeps what has a source", () => {
    const source = path.join(dir, "src");
    const dist = path.join(dir, "dist");
    tree(source, ["products/alidns/index.ts", "products/alidns/records.ts", "index.ts"]);
    tree(dist, [
      "products/alidns.js",
      "products/alidns.js.map",
      "products/alidns/index.js",
      "products/alidns/records.js",
      "products/alidns/records.js.map",
      "index.js",
      "schema.json",
      ".tsbuildinfo",
    ]);
    removeOrphans(dist, source);
    expect(existsSync(path.join(dist, "products/alidns.js"))).toBe(false);
    expect(existsSync(path.join(dist, "products/alidns.js.map"))).toBe(false);
    for (const kept of ["products/alidns/index.js", "products/alidns/records.js.map", "index.js", "schema.json", ".tsbuildinfo"]) {
      expect(existsSync(path.join(dist, kept))).toBe(true);
    }
  });
});
