// `npm run miniprogram -- --out <dir>`: writes config/env.js into the mini program's code folder (<dir>,
// or the miniprogramRoot its project.config.json names), with the API and socket URLs of the
// development stack (default dev) and the production stack (default prod), after validating both the
// way `pulumi preview` does. Exit codes: 0 written, 1 invalid config or project file, 2 bad usage.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { StackSettings } from "../../lib/config/stackConfig";
import { localeFromEnvironment, type Locale } from "../../lib/i18n";
import { commandLocale, exitWhenFlushed, parseCommand, usageError } from "../cli";
import { PROJECT_CONFIG_FILE, envJsTarget, refusalMessage } from "../miniprogram/codeRoot";
import { ENVIRONMENTS, renderEnvJs, type EnvSource, type MiniprogramEnvironment, type Provenance } from "../miniprogram/envJs";
import { MINIPROGRAM_CATALOGS, type MiniprogramMessages } from "../miniprogram/messages";

const projectDir = path.resolve(__dirname, "..", "..", "..");
const DEFAULT_STACKS: Record<MiniprogramEnvironment, string> = { development: "dev", production: "prod" };

/**
 * `--stack development=qa` or `--stack production=path/to/Pulumi.prod.yaml` over the defaults; a
 * value ending in .yaml is a stack file anywhere, anything else a stack of this project.
 */
function stacksFrom(options: readonly string[]): Record<MiniprogramEnvironment, string> | { bad: string } {
  const stacks = { ...DEFAULT_STACKS };
  for (const option of options) {
    const match = /^(development|production)=(\S+)$/.exec(option);
    if (!match) return { bad: option };
    stacks[match[1] as MiniprogramEnvironment] = match[2];
  }
  return stacks;
}

function stackRequest(value: string): { stack?: string; configFile?: string } {
  return /\.ya?ml$/.test(value) ? { configFile: value } : { stack: value };
}

function git(args: string[]): string | undefined {
  try {
    return execFileSync("git", args, { cwd: projectDir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}

/** The commit the stack files come from, and those of them that differ from it. */
function provenanceOf(files: readonly string[]): Provenance {
  const commit = git(["rev-parse", "--short=12", "HEAD"]);
  if (commit === undefined) return {};
  const status = git(["status", "--porcelain", "--", "Pulumi.yaml", ...files]) ?? "";
  const dirtyFiles = status
    .split("\n")
    .filter((line) => line.length > 3)
    .map((line) => path.basename(line.slice(3)));
  return { commit, dirtyFiles };
}

/** What would make the develop build fail in WeChat's review, said before the file is used. */
function reviewWarning(m: MiniprogramMessages, stack: string, settings: StackSettings): string | undefined {
  const certificate = settings.certificate;
  if (certificate.source === "selfSigned") return m.reviewUnreachable({ stack, certificate: m.selfSignedCertificate() });
  if (certificate.source === "acme" && certificate.staging) return m.reviewUnreachable({ stack, certificate: m.stagingCertificate() });
  return undefined;
}

async function generate(out: string, stacks: Record<MiniprogramEnvironment, string>, locale: Locale): Promise<number> {
  const target = envJsTarget(out);
  if ("refused" in target) {
    process.stderr.write(`error: ${refusalMessage(MINIPROGRAM_CATALOGS[locale], target)}\n`);
    return 1;
  }
  // Loaded only now: reading config loads the provider SDK, and a usage error should answer at once.
  const { ConfigError, resolveStackConfig } = await import("../../lib/config/stackConfig");
  const { StackFileError, loadStack } = await import("../plan/stackFiles");
  const m = MINIPROGRAM_CATALOGS[locale];
  const sources = {} as Record<MiniprogramEnvironment, EnvSource>;
  const warnings: string[] = [];
  for (const environment of ENVIRONMENTS) {
    let resolved;
    try {
      const { stack, config } = loadStack(projectDir, stackRequest(stacks[environment]));
      resolved = { stack, config, ...resolveStackConfig({ values: config.values, stack, locale }) };
    } catch (err) {
      if (!(err instanceof ConfigError || err instanceof StackFileError)) throw err;
      process.stderr.write(`error: ${err.message}\n`);
      return 1;
    }
    const { stack, config, settings, warnings: stackWarnings } = resolved;
    warnings.push(...stackWarnings.map((warning) => m.stackWarning({ stack, warning })));
    if (environment === "development") {
      const review = reviewWarning(m, stack, settings);
      if (review) warnings.push(review);
    }
    const file = path.relative(projectDir, config.file);
    sources[environment] = { stack, file, domain: settings.domain, apiBasePath: settings.apiBasePath, healthPath: settings.healthPath };
  }
  const text = renderEnvJs(sources, provenanceOf(ENVIRONMENTS.map((env) => sources[env].file)), locale);
  const file = target.file;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  for (const warning of [...new Set(warnings)]) process.stderr.write(`${warning}\n`);
  process.stdout.write(`${m.wrote({ file, bytes: Buffer.byteLength(text) })}\n`);
  if (target.miniprogramRoot !== undefined) {
    process.stdout.write(`${m.wroteIntoRoot({ root: target.miniprogramRoot, projectFile: path.join(out, PROJECT_CONFIG_FILE) })}\n`);
  }
  return 0;
}

async function main(): Promise<number> {
  const usage = (locale: Locale): string => MINIPROGRAM_CATALOGS[locale].usage();
  const parsed = parseCommand({ out: { type: "string" }, stack: { type: "string", multiple: true }, lang: { type: "string" } }, usage);
  if ("exitCode" in parsed) return parsed.exitCode;
  const locale = commandLocale(parsed.values.lang);
  if (locale === undefined) {
    const envLocale = localeFromEnvironment();
    return usageError(MINIPROGRAM_CATALOGS[envLocale].badLang({ value: parsed.values.lang ?? "" }), usage(envLocale));
  }
  const m = MINIPROGRAM_CATALOGS[locale];
  if (!parsed.values.out) return usageError(m.outMissing(), m.usage());
  const stacks = stacksFrom(parsed.values.stack ?? []);
  if ("bad" in stacks) return usageError(m.badStackOption({ value: stacks.bad }), m.usage());
  return generate(parsed.values.out, stacks, locale);
}

main().then(exitWhenFlushed, (err: unknown) => {
  process.stderr.write(`error: ${err instanceof Error ? err.stack : String(err)}\n`);
  exitWhenFlushed(1);
});
