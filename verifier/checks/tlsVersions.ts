// tls-versions: WeChat needs TLS 1.2; TLS 1.0 and 1.1 must be refused (SSL Labs caps the grade at B
// otherwise). TLS 1.3 is reported, not required.
import { SecureVersion } from "node:tls";
import { CheckContext } from "../context";
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

function whyUnknown(outcome: Handshake): string {
  if (outcome.kind === "local") return `this machine's OpenSSL cannot offer it (${outcome.reason})`;
  return outcome.kind === "failed" ? outcome.reason : "";
}

/** ["TLS 1.0", "TLS 1.1"] -> "TLS 1.0 and 1.1". */
function list(labels: string[]): string {
  if (labels.length <= 1) return labels.join("");
  const shortTail = labels.slice(1).map((l) => l.replace(/^TLS /, ""));
  return `${labels[0]} and ${shortTail.join(" and ")}`;
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
  const seen = await probeVersions(ctx);
  const [v10, v11, v12, v13] = seen;
  const problems: string[] = [];
  const legacyAccepted = [v10, v11].filter((v) => v.verdict === "accepted").map((v) => v.label);
  if (legacyAccepted.length > 0) {
    problems.push(
      `${list(legacyAccepted)} accepted: turn ${legacyAccepted.length > 1 ? "them" : "it"} off ` +
        "(nginx: ssl_protocols TLSv1.2 TLSv1.3; CLB: a TLS 1.2+ policy); SSL Labs caps the grade at B",
    );
  }
  for (const v of [v10, v11].filter((x) => x.verdict === "unknown")) {
    problems.push(`could not tell whether ${v.label} is refused: ${whyUnknown(v.outcome)}`);
  }
  if (v12.verdict !== "accepted") {
    const why = v12.verdict === "unknown" ? ` (${whyUnknown(v12.outcome)})` : "";
    problems.push(`TLS 1.2 refused${why}: WeChat needs TLS 1.2, and many phones cannot use TLS 1.3 alone`);
  }

  const accepted = [v12, v13].filter((v) => v.verdict === "accepted").map((v) => `${v.label} accepted`);
  const v13Note =
    v13.verdict === "accepted"
      ? ""
      : v13.verdict === "refused"
        ? "TLS 1.3 refused (optional)"
        : `TLS 1.3 not tested (${whyUnknown(v13.outcome)})`;
  const refused = [v10, v11].filter((v) => v.verdict === "refused").map((v) => v.label);
  const seenParts = [[...accepted, v13Note].filter(Boolean).join(", "), refused.length > 0 ? `${list(refused)} refused` : ""].filter(
    Boolean,
  );
  if (problems.length > 0) return { id: "tls-versions", ok: false, detail: `${problems.join("; ")} (seen: ${seenParts.join("; ")})` };
  return { id: "tls-versions", ok: true, detail: seenParts.join("; ") };
}
