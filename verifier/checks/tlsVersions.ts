// tls-versions: WeChat needs TLS 1.2; TLS 1.0 and 1.1 must be refused (SSL Labs caps the grade at B
// otherwise). TLS 1.3 is reported, not required.
import { SecureVersion } from "node:tls";
import { joinClauses, joinList, joinPhrases, type Locale } from "../../lib/i18n";
import { CheckContext } from "../context";
import type { VerifierMessages } from "../messages";
import { Handshake, OFFER_EVERYTHING, tlsHandshake } from "../probe";
import { CheckResult } from "../types";

const VERSIONS: readonly { readonly version: SecureVersion; readonly label: string }[] = [
  { version: "TLSv1", label: "TLS 1.0" },
  { version: "TLSv1.1", label: "TLS 1.1" },
  { version: "TLSv1.2", label: "TLS 1.2" },
  { version: "TLSv1.3", label: "TLS 1.3" },
];

export type Verdict = "accepted" | "refused" | "unknown";

function verdictOf(outcome: Handshake): Verdict {
  if (outcome.kind === "accepted") return "accepted";
  if (outcome.kind === "refused") return "refused";
  return "unknown";
}

function whyUnknown(m: VerifierMessages, outcome: Handshake): string {
  if (outcome.kind === "local") return m.localOpenSsl({ reason: outcome.reason });
  return outcome.kind === "failed" ? outcome.reason : "";
}

/** ["TLS 1.0", "TLS 1.1"] -> "TLS 1.0 and 1.1". */
function list(locale: Locale, labels: string[]): string {
  return joinList(locale, [labels[0], ...labels.slice(1).map((l) => l.replace(/^TLS /, ""))].filter(Boolean));
}

export interface VersionProbe {
  readonly version: SecureVersion;
  /** "TLS 1.0" ... "TLS 1.3". */
  readonly label: string;
  readonly verdict: Verdict;
  readonly outcome: Handshake;
}

/** One handshake per version, pinned with min = max, all at once; in the order 1.0, 1.1, 1.2, 1.3. */
export async function probeVersions(ctx: CheckContext): Promise<VersionProbe[]> {
  const outcomes = await Promise.all(
    VERSIONS.map(({ version }) =>
      tlsHandshake(ctx.env, ctx.settings.endpoint, { minVersion: version, maxVersion: version, ciphers: OFFER_EVERYTHING }),
    ),
  );
  return VERSIONS.map((v, i) => ({ ...v, outcome: outcomes[i], verdict: verdictOf(outcomes[i]) }));
}

export async function checkTlsVersions(ctx: CheckContext): Promise<CheckResult> {
  const { m } = ctx;
  const locale = ctx.settings.locale;
  const seen = await probeVersions(ctx);
  const [v10, v11, v12, v13] = seen;
  const problems: string[] = [];
  const legacyAccepted = [v10, v11].filter((v) => v.verdict === "accepted").map((v) => v.label);
  if (legacyAccepted.length > 0) {
    problems.push(m.versionsAccepted({ versions: list(locale, legacyAccepted), count: legacyAccepted.length }));
  }
  for (const v of [v10, v11].filter((x) => x.verdict === "unknown")) {
    problems.push(m.versionUnknown({ version: v.label, reason: whyUnknown(m, v.outcome) }));
  }
  if (v12.verdict !== "accepted") {
    problems.push(m.tls12Refused({ why: v12.verdict === "unknown" ? whyUnknown(m, v12.outcome) : "" }));
  }

  const accepted = [v12, v13].filter((v) => v.verdict === "accepted").map((v) => m.versionAccepted({ version: v.label }));
  const v13Note =
    v13.verdict === "accepted"
      ? ""
      : v13.verdict === "refused"
        ? m.tls13Refused()
        : m.tls13NotTested({ reason: whyUnknown(m, v13.outcome) });
  const refused = [v10, v11].filter((v) => v.verdict === "refused").map((v) => v.label);
  const seenParts = [
    joinPhrases(locale, [...accepted, v13Note].filter(Boolean)),
    refused.length > 0 ? m.versionsRefused({ versions: list(locale, refused) }) : "",
  ].filter(Boolean);
  const seenText = joinClauses(locale, seenParts);
  if (problems.length === 0) return { id: "tls-versions", ok: true, detail: seenText };
  // TLS 1.2 refused is what phones hit (all of them, or those without TLS 1.3); old versions
  // accepted, or an unknown verdict, show no error in the mini program.
  const wechat =
    v12.verdict === "refused"
      ? ctx.wechat({ symptom: "handshake", params: { devices: v13.verdict === "accepted" ? "older" : "all" } })
      : legacyAccepted.length > 0
        ? ctx.wechat({ symptom: "noneLegacyVersions" })
        : undefined;
  return { id: "tls-versions", ok: false, detail: m.versionsFailed({ problems: joinClauses(locale, problems), seen: seenText }), wechat };
}
