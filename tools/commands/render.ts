// `npm run render -- --stack <name> --out <dir>`: writes exactly what a backend instance of that
// stack receives: the cloud-init user data, the nginx config inside it (runnable with
// `nginx -c <dir>/nginx.conf`) and the readiness check. Exit codes: 0 written, 1 invalid config, 2 bad usage.
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { localeFromEnvironment, type Locale } from "../../lib/i18n";
import { commandLocale, exitWhenFlushed, parseCommand, usageError } from "../cli";
import { COMMAND_CATALOGS } from "../messages";
import { renderInstanceFiles } from "../../lib/instance/files";
import { loadStack } from "../plan/stackFiles";
import { resolveStackConfig } from "../../lib/config/stackConfig";

const projectDir = path.resolve(__dirname, "..", "..", "..");
const usage = (locale: Locale): string => COMMAND_CATALOGS[locale].renderUsage();

function main(): number {
  const parsed = parseCommand(
    { stack: { type: "string" }, "config-file": { type: "string" }, out: { type: "string" }, lang: { type: "string" } },
    usage,
  );
  if ("exitCode" in parsed) return parsed.exitCode;
  const values = parsed.values;
  const locale = commandLocale(values.lang);
  if (locale === undefined) {
    const envLocale = localeFromEnvironment();
    return usageError(COMMAND_CATALOGS[envLocale].badLang({ value: values.lang ?? "" }), usage(envLocale));
  }
  const m = COMMAND_CATALOGS[locale];
  if ((!values.stack && !values["config-file"]) || !values.out) return usageError(m.stackOrOutMissing(), m.renderUsage());
  try {
    const { stack, config } = loadStack(projectDir, { stack: values.stack, configFile: values["config-file"] });
    const { settings } = resolveStackConfig({ values: config.values, stack, locale });
    const files = renderInstanceFiles(settings);
    mkdirSync(values.out, { recursive: true });
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(path.join(values.out, name), text);
      process.stdout.write(`${m.wrote({ file: path.join(values.out, name), bytes: Buffer.byteLength(text) })}\n`);
    }
    return 0;
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n`);
    return 1;
  }
}

exitWhenFlushed(main());
