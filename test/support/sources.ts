// The project's TypeScript sources and the modules each imports, read as text: for the tests that
// hold the tree to its layout.
import { readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";

/** Every .ts file under `dir`, recursively. */
export function typescriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.name === "node_modules"
      ? []
      : entry.isDirectory()
        ? typescriptFiles(path.join(dir, entry.name))
        : entry.name.endsWith(".ts")
          ? [path.join(dir, entry.name)]
          : [],
  );
}

/** The module specifiers a file imports, re-exports, requires or loads with import(). */
export function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^import\s+)["']([^"']+)["']/gm)].map((m) => m[1]);
}
