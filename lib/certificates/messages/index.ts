// The certificate checks' words in a locale: the catalog, and the two lists its sentences embed
// (certificate names, line numbers), joined the way each language joins them.
import { joinList, type Locale } from "../../i18n";
import { quotedList } from "../describe";
import { describeLines } from "../pem";
import { en, type CertificateMessages } from "./en";
import { zhCN } from "./zhCN";

export type { CertificateMessages } from "./en";

export const CERTIFICATE_CATALOGS: Readonly<Record<Locale, CertificateMessages>> = { en, "zh-CN": zhCN };

export interface CertificateWords {
  readonly m: CertificateMessages;
  /** `"a", "b" and "c"` / `"a"、"b" 和 "c"`, at most five named. */
  readonly quoted: (items: readonly string[]) => string;
  /** "line 3", "lines 1, 2 and 7" / "第 3 行", "第 1、2 和 7 行". */
  readonly lines: (lines: readonly number[]) => string;
}

const LIMIT = 5;

function quotedZh(items: readonly string[]): string {
  const quoted = items.slice(0, LIMIT).map((item) => `"${item}"`);
  return items.length > LIMIT ? `${quoted.join("、")} 等 ${items.length} 个` : joinList("zh-CN", quoted);
}

function linesZh(lines: readonly number[]): string {
  const shown = lines.slice(0, 3).map(String);
  return lines.length > shown.length ? `第 ${shown.join("、")} 行等 ${lines.length} 行` : `第 ${joinList("zh-CN", shown)} 行`;
}

export function certificateWords(locale: Locale = "en"): CertificateWords {
  return locale === "zh-CN"
    ? { m: zhCN, quoted: quotedZh, lines: linesZh }
    : { m: en, quoted: (items) => quotedList(items, LIMIT), lines: describeLines };
}
