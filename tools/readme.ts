// README's config table lives between two markers so it can be regenerated and checked.
export const TABLE_START = "<!-- config-table:start -->";
export const TABLE_END = "<!-- config-table:end -->";

export function configTableOf(readme: string): string | undefined {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) return undefined;
  return readme.slice(start + TABLE_START.length, end).trim();
}

export function replaceConfigTable(readme: string, table: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${TABLE_START} ... ${TABLE_END} markers`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}

// README.zh-CN.md is a full translation of README.md. What must not drift between them is what a
// reader runs or looks up: the sections, the commands (code blocks and inline), the names in the
// tables' first columns (components, checks, outputs, config keys). Prose and comments are free.

export interface ReadmeOutline {
  /** Heading levels below the title, in order, e.g. [2, 2, 3, 2]. */
  readonly headings: number[];
  /** Lines of the sh and js code blocks, in order, without comments, blank lines or placeholder names. */
  readonly code: string[];
  /** Inline code that is a command (npm, pulumi, curl, ...), placeholder names left out, each once, sorted. */
  readonly inlineCommands: string[];
  /** The code spans in the first column of every table row, in order. */
  readonly tableKeys: string[];
}

const COMMAND_SPAN = /^(npm|npx|pulumi|node|curl|git|LANG=|LC_ALL=)\b/;

function withoutComment(line: string, language: string): string {
  const comment = language === "js" ? /(^|\s+)\/\/ .*$/ : /(^|\s+)# .*$/;
  return line.replace(comment, "").trim();
}

/** Placeholders such as <dir> may be translated: they compare as <>. */
function withoutPlaceholders(text: string): string {
  return text.replace(/<[^<>\s][^<>]*>/g, "<>");
}

export function outlineOf(markdown: string): ReadmeOutline {
  const headings: number[] = [];
  const code: string[] = [];
  const inline = new Set<string>();
  const tableKeys: string[] = [];
  /** Text outside code blocks: inline code may wrap over a line break. */
  const prose: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split("\n")) {
    const opening = /^```(\w*)\s*$/.exec(line);
    if (opening && fence === undefined) {
      fence = opening[1];
      continue;
    }
    if (/^```\s*$/.test(line) && fence !== undefined) {
      fence = undefined;
      continue;
    }
    if (fence !== undefined) {
      const kept = ["sh", "bash", "js"].includes(fence) ? withoutPlaceholders(withoutComment(line, fence)) : "";
      if (kept !== "") code.push(kept);
      continue;
    }
    const heading = /^(#{2,6}) /.exec(line);
    if (heading) headings.push(heading[1].length);
    prose.push(line);
    if (line.startsWith("|") && !/^\|[-|\s]+\|$/.test(line)) {
      const first = line.split(/(?<!\\)\|/)[1] ?? "";
      for (const span of first.matchAll(/`([^`]+)`/g)) tableKeys.push(span[1]);
    }
  }
  for (const span of prose.join("\n").matchAll(/`([^`]+)`/g)) {
    const text = span[1].replace(/\s+/g, " ").trim();
    if (COMMAND_SPAN.test(text)) inline.add(withoutPlaceholders(text));
  }
  return { headings, code, inlineCommands: [...inline].sort(), tableKeys };
}

function missing(from: readonly string[], in_: readonly string[]): string[] {
  const left = [...in_];
  return from.filter((item) => {
    const at = left.indexOf(item);
    if (at < 0) return true;
    left.splice(at, 1);
    return false;
  });
}

/** How README.zh-CN.md differs from README.md in what must not drift; empty when in step. */
export function readmeDrift(english: string, chinese: string): string[] {
  const en = outlineOf(english);
  const zh = outlineOf(chinese);
  const problems: string[] = [];
  const levels = (h: number[]) => h.map((level) => "#".repeat(level)).join(" ");
  if (levels(en.headings) !== levels(zh.headings)) {
    problems.push(`sections differ: README.md has ${levels(en.headings)}; README.zh-CN.md has ${levels(zh.headings)}`);
  }
  const say = (what: string, lacking: string[], file: string) => {
    if (lacking.length > 0) problems.push(`${file} lacks ${what}: ${lacking.map((item) => JSON.stringify(item)).join(", ")}`);
  };
  say("code lines", missing(en.code, zh.code), "README.zh-CN.md");
  say("code lines", missing(zh.code, en.code), "README.md");
  if (problems.length === 0 && en.code.join("\n") !== zh.code.join("\n"))
    problems.push("the code blocks hold the same lines in another order");
  say("commands", missing(en.inlineCommands, zh.inlineCommands), "README.zh-CN.md");
  say("commands", missing(zh.inlineCommands, en.inlineCommands), "README.md");
  say("table entries", missing(en.tableKeys, zh.tableKeys), "README.zh-CN.md");
  say("table entries", missing(zh.tableKeys, en.tableKeys), "README.md");
  return problems;
}
