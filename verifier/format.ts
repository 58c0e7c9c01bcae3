// Human output: one line per check; under a failed one, what the mini program would show and on
// which phones; then a one-line summary. In the report's language.
import type { Locale } from "../lib/i18n";
import { joinPhrases } from "../lib/i18n";
import { VERIFIER_CATALOGS } from "./messages";
import { Report, type CheckResult } from "./types";
import { sourceText } from "./wechatErrors";

const ID_WIDTH = 21;
/** Columns of PASS/FAIL; a Chinese character takes two. */
const LABEL_COLUMNS = 4;

function columns(text: string): number {
  return [...text].reduce(
    (n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]/.test(ch) ? 2 : 1),
    0,
  );
}
/** Under the check's detail, past "FAIL " and the id. */
const INDENT = " ".repeat(5);

function wechatLines(locale: Locale, check: CheckResult): string[] {
  const wechat = check.wechat;
  if (check.ok || !wechat) return [];
  const m = VERIFIER_CATALOGS[locale];
  if (wechat.errors.length === 0) return [`${INDENT}${m.wechatShows({ errors: wechat.devices })}`];
  const source = sourceText(m, wechat.source);
  return [
    `${INDENT}${m.wechatShows({ errors: wechat.errors.join(" / ") })}${source ? ` ${source}` : ""}`,
    `${INDENT}${m.wechatWhere({ devices: wechat.devices })}`,
  ];
}

export function formatReport(report: Report, locale: Locale = "en"): string {
  const m = VERIFIER_CATALOGS[locale];
  const lines = report.checks.flatMap((c) => {
    const label = c.ok ? m.pass() : m.fail();
    const note = c.ok && c.note ? m.note() : "";
    const padded = label + " ".repeat(Math.max(0, LABEL_COLUMNS - columns(label)));
    return [`${padded} ${c.id.padEnd(ID_WIDTH)} ${note}${c.detail}`, ...wechatLines(locale, c)];
  });
  const failed = report.checks.filter((c) => !c.ok).map((c) => c.id);
  const took = `${(report.durationMs / 1000).toFixed(1)} s`;
  lines.push(
    failed.length === 0
      ? m.allPassed({ count: report.checks.length, url: report.url, took })
      : m.someFailed({ failed: failed.length, count: report.checks.length, url: report.url, ids: joinPhrases(locale, failed), took }),
  );
  return lines.join("\n") + "\n";
}
