// The policy pack is published on its own (`pulumi policy publish policy/` packs that folder and
// nothing else), so it cannot import the program's modules. The few it needs, which import nothing
// themselves, are copied into policy/shared by `npm run sync`, each under a header naming its
// source; a test fails when a copy differs from its source, so lib/ stays the one home of each idea.
import * as path from "node:path";

/** Program module → its copy in the policy pack, relative to the project directory. */
export const SHARED_WITH_POLICY: readonly { readonly source: string; readonly copy: string }[] = [
  { source: "lib/constants.ts", copy: "policy/shared/constants.ts" },
  { source: "lib/cidr.ts", copy: "policy/shared/cidr.ts" },
  { source: "lib/certificates/pem.ts", copy: "policy/shared/pem.ts" },
];

export function copyHeader(source: string): string {
  return `// Copied from ${source} by \`npm run sync\` (the policy pack cannot import outside policy/): edit that file, not this one.\n`;
}

/** The text the copy must have, given its source's text. */
export function sharedCopyText(source: string, sourceText: string): string {
  return copyHeader(source) + sourceText;
}

export function copyPath(projectDir: string, relative: string): string {
  return path.join(projectDir, relative);
}
