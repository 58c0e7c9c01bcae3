// `npm run plan -- --stack <name> [--config-file <path>] [--json]`: the offline plan of a stack.
// `--diff <git-ref> [--markdown | --json]`: what changes against the program at that ref (docs/review.md).
// Exit codes: 0 planned, 1 invalid config, program error or unusable ref, 2 bad usage.
import * as path from "node:path";
import { localeFromEnvironment, type Locale } from "../../lib/i18n";
import { commandLocale, exitWhenFlushed, parseCommand, usageError } from "../cli";
import { COMMAND_CATALOGS } from "../messages";

const projectDir = path.resolve(__dirname, "..", "..", "..");
const usage = (locale: Locale): string => COMMAND_CATALOGS[locale].planUsage();

async function main(): Promise<number> {
  const parsed = parseCommand(
    {
      stack: { type: "string" },
      "config-file": { type: "string" },
      json: { type: "boolean" },
      diff: { type: "string" },
      markdown: { type: "boolean" },
      lang: { type: "string" },
    },
    usage,
  );
  if ("exitCode" in parsed) return parsed.exitCode;
  const values = parsed.values;
  // Config messages of the program follow it (through the environment, as under pulumi preview).
  const locale = commandLocale(values.lang);
  if (locale === undefined) {
    const envLocale = localeFromEnvironment();
    return usageError(COMMAND_CATALOGS[envLocale].badLang({ value: values.lang ?? "" }), usage(envLocale));
  }
  const m = COMMAND_CATALOGS[locale];
  if (!values.stack && !values["config-file"]) return usageError(m.stackMissing(), m.planUsage());
  if (values.markdown && !values.diff) return usageError(m.markdownWithoutDiff(), m.planUsage());
  if (values.markdown && values.json) return usageError(m.markdownAndJson(), m.planUsage());
  if (values.diff !== undefined) return diff(values.diff, values);
  try {
    // Loaded only now, so a usage error answers at once instead of after loading the Pulumi SDK.
    const { planStack } = await import("../plan/planStack");
    const { formatPlan } = await import("../plan/present");
    const plan = await planStack({
      projectDir,
      stack: values.stack,
      configFile: values["config-file"],
      // The compiled program next to this script.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only once the mocks are set
      loadProgram: () => require("../../index") as unknown,
    });
    const source = path.basename(plan.config.file);
    process.stdout.write(values.json ? JSON.stringify(plan.document, null, 2) + "\n" : formatPlan(plan.document, source, locale));
    return 0;
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n`);
    return 1;
  }
}

async function diff(ref: string, values: { stack?: string; "config-file"?: string; json?: boolean; markdown?: boolean }): Promise<number> {
  try {
    const { planDiff } = await import("../plan/planDiff");
    const { formatDiffMarkdown, formatDiffText } = await import("../plan/diffFormat");
    const result = await planDiff({ projectDir, ref, stack: values.stack, configFile: values["config-file"] });
    const text = values.json
      ? JSON.stringify(result, null, 2) + "\n"
      : values.markdown
        ? formatDiffMarkdown(result)
        : formatDiffText(result);
    process.stdout.write(text);
    return 0;
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n`);
    return 1;
  }
}

main().then(exitWhenFlushed, (err: unknown) => {
  process.stderr.write(`error: ${err instanceof Error ? err.stack : String(err)}\n`);
  exitWhenFlushed(1);
});
