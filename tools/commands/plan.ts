// `npm run plan -- --stack <name> [--config-file <path>] [--json]`: the offline plan of a stack.
// `--diff <git-ref> [--markdown | --json]`: what changes against the program at that ref (docs/review.md).
// Exit codes: 0 planned, 1 invalid config, program error or unusable ref, 2 bad usage.
import * as path from "node:path";
import { localeFromEnvironment, type Locale } from "../../lib/i18n";
import { commandLocale, parseCommand, runMain, usageError } from "../cli";
import { COMMAND_CATALOGS, type CommandMessages } from "../messages";
import { DEFAULT_ASSUMPTIONS, type CostAssumptions } from "../costs/estimate";

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
      hours: { type: "string" },
      "traffic-gb": { type: "string" },
      requests: { type: "string" },
      lcu: { type: "string" },
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
  const assumptions = costAssumptions(values, m);
  if (typeof assumptions === "string") return usageError(assumptions, m.planUsage());
  try {
    // Loaded only now, so a usage error answers at once instead of after loading the Pulumi SDK.
    const { planStack } = await import("../plan/planStack");
    const { formatPlan } = await import("../plan/present");
    const { planCost } = await import("../costs/planCost");
    const { formatCost } = await import("../costs/format");
    const request = {
      projectDir,
      stack: values.stack,
      configFile: values["config-file"],
      // The compiled program next to this script.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only once the mocks are set
      loadProgram: () => require("../../index") as unknown,
    };
    const plan = await planStack(request);
    const cost = await planCost(plan, assumptions, (configChanges) => planStack({ ...request, configChanges }));
    const source = path.basename(plan.config.file);
    process.stdout.write(
      values.json
        ? JSON.stringify({ ...plan.document, cost }, null, 2) + "\n"
        : formatPlan(plan.document, source, locale) + "\n" + formatCost(cost.estimate, cost.otherEdge, locale).join("\n") + "\n",
    );
    return 0;
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n`);
    return 1;
  }
}

/** The cost assumptions from the command line, over the defaults; a usage error naming the flag otherwise. */
function costAssumptions(
  values: { hours?: string; "traffic-gb"?: string; requests?: string; lcu?: string },
  m: CommandMessages,
): CostAssumptions | string {
  const assumptions: Record<string, number> = { ...DEFAULT_ASSUMPTIONS } as unknown as Record<string, number>;
  const flags = [
    ["hours", "hoursPerMonth", 744],
    ["traffic-gb", "trafficGbPerMonth", 1_000_000],
    ["requests", "requestsPerMonth", 1e12],
    ["lcu", "lcuPerHour", 10_000],
  ] as const;
  for (const [flag, key, max] of flags) {
    const text = values[flag];
    if (text === undefined) continue;
    const value = Number(text);
    if (text.trim() === "" || !Number.isFinite(value) || value < 0 || value > max) return m.costBadNumber({ flag, value: text, max });
    assumptions[key] = value;
  }
  return assumptions as unknown as CostAssumptions;
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

runMain(main);
