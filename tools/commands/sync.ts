// `npm run sync`: regenerates what is derived from the code, after a change to the config keys or to
// a module the policy pack shares: Pulumi.yaml's config block, the config tables of README.md and
// README.zh-CN.md, and the policy pack's copies (tools/sharedCopies.ts). Tests fail while any of
// them is out of date.
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { parseDocument } from "yaml";
import { projectConfigDeclarations, renderConfigTable } from "../projectFile";
import { replaceConfigTable } from "../readme";
import { SHARED_WITH_POLICY, sharedCopyText } from "../sharedCopies";

const projectDir = path.resolve(__dirname, "..", "..", "..");

const updated: string[] = [];

function update(relative: string, change: (text: string) => string): void {
  const file = path.join(projectDir, relative);
  const before = readFileSync(file, "utf8");
  const after = change(before);
  if (after === before) return;
  writeFileSync(file, after);
  updated.push(relative);
}

update("Pulumi.yaml", (text) => {
  const doc = parseDocument(text);
  doc.set("config", projectConfigDeclarations());
  return doc.toString({ lineWidth: 0 });
});
update("README.md", (text) => replaceConfigTable(text, renderConfigTable()));
update("README.zh-CN.md", (text) => replaceConfigTable(text, renderConfigTable("zh-CN")));
for (const { source, copy } of SHARED_WITH_POLICY) {
  update(copy, () => sharedCopyText(source, readFileSync(path.join(projectDir, source), "utf8")));
}
process.stdout.write(
  updated.length > 0 ? updated.map((file) => `updated ${file}\n`).join("") : "everything derived from the code is up to date\n",
);
