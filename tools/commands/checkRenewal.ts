// `npm run check-renewal -- <preview.json>`: fails unless the targeted preview of a certificate
// renewal (renew.yml: `pulumi preview --json --target <acme certificate> --target-dependents`)
// changes nothing but the certificate chain, the uploaded server certificate, the listener's
// certificate id and the deploy check (tools/renewalScope.ts). Reads stdin for "-".
// Exit codes: 0 only a renewal (or nothing) to apply, 1 anything else or an unreadable preview, 2 bad usage.
import { readFileSync } from "node:fs";
import { localeFromEnvironment, type Locale } from "../../lib/i18n";
import { exitWhenFlushed, parseCommand, usageError } from "../cli";
import { COMMAND_CATALOGS } from "../messages";
import { judgeRenewalPreview, parsePreviewDigest, type JudgedStep } from "../renewalScope";

const usage = (locale: Locale): string => COMMAND_CATALOGS[locale].checkRenewalUsage();

const line = (step: JudgedStep) => `${step.op} ${step.type} "${step.name}"${step.keys.length ? ` (${step.keys.join(", ")})` : ""}`;

function main(): number {
  const parsed = parseCommand({}, usage, { allowPositionals: true });
  if ("exitCode" in parsed) return parsed.exitCode;
  const files = parsed.positionals;
  if (files.length !== 1) {
    const m = COMMAND_CATALOGS[localeFromEnvironment()];
    return usageError(m.oneFile(), m.checkRenewalUsage());
  }
  let verdict;
  try {
    const text = readFileSync(files[0] === "-" ? 0 : files[0], "utf8");
    verdict = judgeRenewalPreview(parsePreviewDigest(text));
  } catch (err) {
    process.stderr.write(`error: ${files[0]}: ${(err as Error).message}\n`);
    return 1;
  }
  for (const step of verdict.allowed) process.stdout.write(`renewal: ${line(step)}: ${step.reason}\n`);
  if (verdict.refused.length === 0) {
    process.stdout.write(
      verdict.allowed.length === 0
        ? "renewal scope: nothing to change (no certificate is due)\n"
        : "renewal scope: only the certificate changes\n",
    );
    return 0;
  }
  const annotate = process.env.GITHUB_ACTIONS === "true";
  for (const step of verdict.refused) {
    const message = `not a renewal: ${line(step)}: ${step.reason}`;
    // A workflow command: GitHub shows it as an error annotation on the run.
    process.stdout.write(
      annotate ? `::error title=renewal scope::${message.replace(/%/g, "%25").replace(/\n/g, "%0A")}\n` : `${message}\n`,
    );
  }
  process.stderr.write(
    `renewal refused: ${verdict.refused.length} change(s) besides the certificate are waiting on main. ` +
      "Deploy main through the deploy workflow (with its approval) first, then run the renewal again.\n",
  );
  return 1;
}

exitWhenFlushed(main());
