// Figures README gives about the code come from the code: the user data limits and the plan's own
// line, rendered from the catalogs. A stack's measured size is left to the plan, since it changes
// with every setting and every change of the instances' files.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { USER_DATA_MAX_BYTES, USER_DATA_OLD_LIMIT_BYTES } from "../../../lib/constants";
import type { Locale } from "../../../lib/i18n";
import { COMMAND_CATALOGS } from "../../../tools/messages";
import { PROJECT_DIR } from "../../support/paths";

const readmes: [string, Locale, string][] = [
  ["README.md", "en", "<bytes>"],
  ["README.zh-CN.md", "zh-CN", "<字节数>"],
].map(([file, locale, bytes]) => [file, locale as Locale, bytes]);

/** The paragraph about user data, its whitespace runs as single spaces. */
function userDataParagraph(file: string): string {
  const text = readFileSync(path.join(PROJECT_DIR, file), "utf8");
  const paragraph = text.split(/\n\s*\n/).find((p) => p.startsWith("**User data**"));
  if (!paragraph) throw new Error(`${file} has no **User data** paragraph`);
  return paragraph.replace(/\s+/g, " ");
}

describe.each(readmes)("%s on user data", (file, locale, bytes) => {
  const paragraph = userDataParagraph(file);

  test("quotes the plan's line as the plan writes it, with no stack's measured size in it", () => {
    const percent = locale === "en" ? "<percent>" : "<百分比>";
    const line = COMMAND_CATALOGS[locale].planUserData({ bytes, limit: USER_DATA_MAX_BYTES, percent } as never).replace(/\s+/g, " ");
    expect(paragraph).toContain(line);
    // Around it, no byte count or share of a particular stack.
    const rest = paragraph.replace(line, "");
    expect(rest).not.toMatch(/\d+ ?(bytes|字节)/);
    expect(rest).not.toMatch(/\d+ ?%/);
  });

  test("gives the limits the plan checks", () => {
    expect(paragraph).toContain(`${USER_DATA_MAX_BYTES / 1024} KB`);
    expect(paragraph).toContain(`${USER_DATA_OLD_LIMIT_BYTES / 1024} KB`);
  });
});
