// `node bin/run.js tools/commands/syncReadme`: rewrites README's config table from the code's declarations.
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { renderConfigTable } from "../projectFile";
import { replaceConfigTable } from "../readme";

const file = path.resolve(__dirname, "..", "..", "..", "README.md");
writeFileSync(file, replaceConfigTable(readFileSync(file, "utf8"), renderConfigTable()));
process.stdout.write("README.md config table updated\n");
