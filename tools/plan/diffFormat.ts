// The plan diff for people: Markdown for a pull request comment (summary table, then details) and
// plain text for a terminal. Secrets appear only as "changed"; values come from diff.ts's display
// form, which never holds a secret.
import type { InputChange, Op, ResourceChange, ValueChange } from "./diff";
import type { PlanDiffResult } from "./planDiff";

const OPS: readonly Op[] = ["create", "update", "replace", "delete"];

function opLabel(change: ResourceChange): string {
  if (change.op !== "replace") return change.op;
  return change.deleteBeforeReplace ? "replace (delete, then create)" : "replace (create, then delete)";
}

function shortWhy(input: InputChange): string {
  if (!input.replaces) return "";
  if (input.replaces === "the program's replacementTrigger") return "replaces it (replacementTrigger)";
  return input.replaces.startsWith("the program") ? "replaces it (replaceOnChanges)" : "replaces it (provider)";
}

function baseLabel(result: PlanDiffResult): string {
  return `${result.base.ref} (${result.base.commit.slice(0, 12)})`;
}

function changedValue(change: ValueChange): string {
  if (change.secret) return `${change.status} (secret, value not shown)`;
  if (change.status === "added") return `added: ${change.after}`;
  if (change.status === "removed") return `removed (was ${change.before})`;
  return `${change.before} → ${change.after}`;
}

/** Inline code that survives any content, in a table cell too. */
function code(text: string): string {
  const fence = text.includes("`") ? "``" : "`";
  return `${fence}${text.replace(/\|/g, "\\|").replace(/\n/g, " ")}${fence}`;
}

function inputLine(input: InputChange, format: (text: string) => string): string {
  const why = shortWhy(input);
  const what = input.secret
    ? "changed (secret, value not shown)"
    : `${input.before === undefined ? "(unset)" : format(input.before)} → ${input.after === undefined ? "(unset)" : format(input.after)}`;
  return `${format(input.key)}: ${what}${why ? ` — ${why}` : ""}`;
}

export function formatDiffMarkdown(result: PlanDiffResult): string {
  const lines: string[] = [];
  lines.push(`### Offline plan diff of stack \`${result.stack}\` against ${code(baseLabel(result))}`, "");
  lines.push("| create | update | replace | delete | unchanged |", "|---:|---:|---:|---:|---:|");
  lines.push(`| ${OPS.map((op) => result.summary[op]).join(" | ")} | ${result.summary.unchanged} |`, "");
  if (result.changes.length === 0) {
    lines.push("No resource changes.");
  } else {
    lines.push("| op | resource | type | changed inputs |", "|---|---|---|---|");
    for (const change of result.changes) {
      const bold = change.op === "replace" || change.op === "delete" ? `**${opLabel(change)}**` : opLabel(change);
      lines.push(`| ${bold} | ${code(change.name)} | ${code(change.type)} | ${change.changedInputs.map(code).join(", ")} |`);
    }
  }
  const details = result.changes.filter((c) => c.inputs.length > 0 || c.notes.length > 0);
  if (details.length > 0) {
    lines.push("", "<details><summary>Changed inputs</summary>", "");
    for (const change of details) {
      lines.push(`#### ${opLabel(change)} ${code(change.name)}`, "");
      for (const input of change.inputs) lines.push(`- ${inputLine(input, code)}`);
      for (const note of change.notes) lines.push(`- ⚠ ${note}`);
      lines.push("");
    }
    lines.push("</details>");
  }
  const sections: [string, string[]][] = [
    ["Order of operations (pulumi up)", result.operations.map((o, i) => `${i + 1}. ${o}`)],
    ["Stack config", result.config.map((c) => `- ${code(c.name)}: ${changedValue(c)}`)],
    ["Stack outputs (update the WeChat console if domains change)", result.outputs.map((o) => `- ${code(o.name)}: ${changedValue(o)}`)],
    ["Resource options", result.optionChanges.map((o) => `- ${code(o.name)} ${code(o.option)}: ${o.before} → ${o.after}`)],
    ["Notes", result.notes.map((n) => `- ${n}`)],
  ];
  for (const [title, items] of sections) if (items.length > 0) lines.push("", `**${title}**`, "", ...items);
  lines.push(
    "",
    "<sub>Computed offline from the program and the committed stack files, without cloud access: values " +
      "only Alibaba Cloud knows show as references. `pulumi preview` has the last word.</sub>",
  );
  return lines.join("\n") + "\n";
}

export function formatDiffText(result: PlanDiffResult): string {
  const plain = (text: string) => text;
  const lines: string[] = [];
  lines.push(`Offline plan diff of stack "${result.stack}" against ${baseLabel(result)}`);
  lines.push(`${OPS.map((op) => `${result.summary[op]} to ${op}`).join(", ")}, ${result.summary.unchanged} unchanged.`, "");
  for (const change of result.changes) {
    lines.push(`${opLabel(change).padEnd(8)} ${change.type}  ${change.name}`);
    for (const input of change.inputs) lines.push(`    ${inputLine(input, plain)}`);
    for (const note of change.notes) lines.push(`    ! ${note}`);
  }
  const sections: [string, string[]][] = [
    ["Order of operations (pulumi up):", result.operations.map((o, i) => `  ${i + 1}. ${o}`)],
    ["Stack config:", result.config.map((c) => `  ${c.name}: ${changedValue(c)}`)],
    ["Stack outputs:", result.outputs.map((o) => `  ${o.name}: ${changedValue(o)}`)],
    ["Resource options:", result.optionChanges.map((o) => `  ${o.name} ${o.option}: ${o.before} → ${o.after}`)],
    ["Notes:", result.notes.map((n) => `  ! ${n}`)],
  ];
  for (const [title, items] of sections) if (items.length > 0) lines.push("", title, ...items);
  return lines.join("\n") + "\n";
}
