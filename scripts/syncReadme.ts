// `node bin/run.js scripts/syncReadme`: rewrites README's config table from the code's declarations.
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { renderConfigTable } from "../lib/projectFile";
import { replaceConfigTable } from "../lib/readme";

const file = path.resolve(__dirname, "..", "..", "README.md");
writeFileSync(file, replaceConfigTable(readFileSync(file, "utf8"), renderConfigTable()));
process.stdout.write("README.md config table updated\n");
