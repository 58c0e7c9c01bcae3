// `npm run plan -- --stack <name> [--config-file <path>] [--json]`: the offline plan of a stack.
// `--diff <git-ref> [--markdown | --json]`: what changes against the program at that ref (docs/review.md).
// Exit codes: 0 planned, 1 invalid config, program error or unusable ref, 2 bad usage.
import * as path from "node:path";
import { parseArgs } from "node:util";

const projectDir = path.resolve(__dirname, "..", "..");
const usage =
  "usage: npm run plan -- --stack <name> [--config-file <Pulumi.<stack>.yaml>] [--json]\n" +
  "       npm run plan -- --stack <name> --diff <git-ref> [--markdown | --json]";

async function main(): Promise<number> {
  let values: { stack?: string; "config-file"?: string; json?: boolean; diff?: string; markdown?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        stack: { type: "string" },
        "config-file": { type: "string" },
        json: { type: "boolean" },
        diff: { type: "string" },
        markdown: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${usage}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (!values.stack && !values["config-file"]) {
    process.stderr.write(`give a stack (--stack dev) or a stack file (--config-file path)\n${usage}\n`);
    return 2;
  }
  if (values.markdown && !values.diff) {
    process.stderr.write(`--markdown formats a plan diff: add --diff <git-ref>\n${usage}\n`);
    return 2;
  }
  if (values.markdown && values.json) {
    process.stderr.write(`give --markdown or --json, not both\n${usage}\n`);
    return 2;
  }
  if (values.diff !== undefined) return diff(values.diff, values);
  try {
    // Loaded only now, so a usage error answers at once instead of after loading the Pulumi SDK.
    const { planStack } = await import("../lib/plan/planStack");
    const { formatPlan } = await import("../lib/plan/present");
    const plan = await planStack({
      projectDir,
      stack: values.stack,
      configFile: values["config-file"],
      // The compiled program next to this script.
      loadProgram: () => require("../index") as unknown,
    });
    const source = path.basename(plan.config.file);
    process.stdout.write(values.json ? JSON.stringify(plan.document, null, 2) + "\n" : formatPlan(plan.document, source));
    return 0;
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n`);
    return 1;
  }
}

async function diff(ref: string, values: { stack?: string; "config-file"?: string; json?: boolean; markdown?: boolean }): Promise<number> {
  try {
    const { planDiff } = await import("../lib/plan/planDiff");
    const { formatDiffMarkdown, formatDiffText } = await import("../lib/plan/diffFormat");
    const result = await planDiff({ projectDir, ref, stack: values.stack, configFile: values["config-file"] });
    const text = values.json ? JSON.stringify(result, null, 2) + "\n" : values.markdown ? formatDiffMarkdown(result) : formatDiffText(result);
    process.stdout.write(text);
    return 0;
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n`);
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`error: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
