// README.zh-CN.md is README.md in Chinese: same sections, same commands, same table entries, and the
// config table generated from the key schema (descriptionZh). The troubleshooting pages name every
// error text the verifier reports, in both languages.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { renderConfigTable } from "../../../tools/projectFile";
import { configTableOf, outlineOf, readmeDrift } from "../../../tools/readme";
import { SYMPTOMS } from "../../../verifier/wechatErrors";
import { CHECK_IDS } from "../../../verifier/types";
import { HAN } from "../../support/catalogs";
import { PROJECT_DIR } from "../../support/paths";

const read = (file: string) => readFileSync(path.join(PROJECT_DIR, file), "utf8");
const english = read("README.md");
const chinese = read("README.zh-CN.md");

describe("README.zh-CN.md", () => {
  test("is linked from the top of README.md", () => {
    expect(english.split("\n").slice(0, 5).join("\n")).toContain("[README.zh-CN.md](README.zh-CN.md)");
  });

  test("has the same sections, commands and table entries as README.md", () => {
    expect(readmeDrift(english, chinese)).toEqual([]);
  });

  test("its config table is generated from the key schema in Chinese (npm run sync)", () => {
    expect(configTableOf(chinese)).toBe(renderConfigTable("zh-CN"));
    expect(renderConfigTable("zh-CN").split("\n").slice(2)).toEqual(
      renderConfigTable("en")
        .split("\n")
        .slice(2)
        .map(() => expect.stringMatching(HAN)),
    );
  });

  test("is a translation, not a summary: as long as README.md give or take, and in Chinese", () => {
    const prose = (text: string) =>
      text.replace(/```[\s\S]*?```/g, "").replace(/<!-- config-table:start -->[\s\S]*<!-- config-table:end -->/, "");
    const han = prose(chinese).match(new RegExp(HAN, "g"))?.length ?? 0;
    // A Chinese character carries about as much as an English word of 3-4 letters.
    const words = prose(english).split(/\s+/).length;
    expect(han).toBeGreaterThan(words * 0.9);
  });
});

describe("the drift check", () => {
  const base = [
    "# t",
    "",
    "## A",
    "",
    "```sh",
    "npm run plan -- --stack dev   # the plan",
    "```",
    "",
    "| x | y |",
    "|---|---|",
    "| `one` | a |",
    "",
  ].join("\n");

  test("ignores translated prose, comments and placeholder names", () => {
    const translated = base.replace("## A", "## 甲").replace("# the plan", "# 计划").replace("| a |", "| 甲 |");
    expect(readmeDrift(base, translated)).toEqual([]);
    expect(readmeDrift("`npm run x -- --out <dir>`", "`npm run x -- --out <目录>`")).toEqual([]);
  });

  test("names a missing section, command or table entry", () => {
    expect(readmeDrift(base, base.replace("## A", "A"))).toEqual([expect.stringMatching(/^sections differ/)]);
    expect(readmeDrift(base, base.replace("--stack dev", "--stack prod"))).toEqual([
      'README.zh-CN.md lacks code lines: "npm run plan -- --stack dev"',
      'README.md lacks code lines: "npm run plan -- --stack prod"',
    ]);
    expect(readmeDrift(`${base}\nrun \`npm run bench\``, base)).toEqual(['README.zh-CN.md lacks commands: "npm run bench"']);
    expect(readmeDrift(base, base.replace("`one`", "`two`"))).toEqual([
      'README.zh-CN.md lacks table entries: "one"',
      'README.md lacks table entries: "two"',
    ]);
  });

  test("reads what the outline says it reads", () => {
    expect(outlineOf(base)).toEqual({ headings: [2], code: ["npm run plan -- --stack dev"], inlineCommands: [], tableKeys: ["one"] });
  });
});

describe("docs/troubleshooting", () => {
  const pages = {
    "troubleshooting.md": read("docs/troubleshooting.md"),
    "troubleshooting.zh-CN.md": read("docs/troubleshooting.zh-CN.md"),
  };

  test.each(Object.keys(pages))("%s quotes every WeChat error text the verifier reports, and names the checks", (page) => {
    const text = pages[page as keyof typeof pages];
    for (const symptom of Object.values(SYMPTOMS)) {
      for (const error of symptom.errors.filter((e) => !e.startsWith("wx."))) expect(text).toContain(error);
    }
    for (const id of CHECK_IDS.filter((id) => id !== "http-redirect" && id !== "hsts")) expect(text).toContain(`\`${id}\``);
    expect(text).toContain("不校验合法域名、web-view（业务域名）、TLS 版本以及 HTTPS 证书");
    expect(text).toContain("url not in domain list");
  });

  test("the two pages have the same sections and commands", () => {
    const [en, zh] = Object.values(pages);
    const outline = (t: string) => ({ ...outlineOf(t), headings: outlineOf(t).headings.length });
    expect(outline(zh).headings).toBe(outline(en).headings);
    expect(outline(zh).code).toEqual(
      outline(en)
        .code.map((line) => line.replace(" --lang zh-CN", ""))
        .map((l) => expect.stringContaining(l)),
    );
  });
});
