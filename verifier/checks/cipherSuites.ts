// cipher-suites: every TLS 1.2 suite the server accepts must be forward secret (ECDHE/DHE) and none
// may be 3DES, RC4, NULL, EXPORT or anonymous. Suites are found by elimination, as testssl.sh does:
// offer a whole family, note the suite the server picks, offer the family again without it, until
// the server refuses. The families run side by side, so the depth is the largest family's size.
import { createSecureContext, getCiphers } from "node:tls";
import { joinList, joinPhrases } from "../../lib/i18n";
import { CheckContext, noTlsAnswer } from "../context";
import { en, type VerifierMessages } from "../messages/en";
import { LEGACY_SUITES } from "../legacySuites";
import { tlsHandshake } from "../probe";
import { offerSuites } from "../rawHello";
import { CheckResult } from "../types";

/** Together these cover every TLS 1.2 suite OpenSSL can offer without a pre-shared key or SRP password. */
const FAMILIES = ["kECDHE+aECDSA", "kECDHE+aRSA", "kDHE", "kRSA", "aNULL"] as const;
/** Elimination stops after this many picks per family, in case a server keeps picking something unexpected. */
const MAX_PICKS = 64;

export interface AcceptedSuite {
  /** OpenSSL name when OpenSSL knows the suite, else the IANA name. */
  readonly name: string;
  /** IANA name, e.g. TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256. */
  readonly standardName: string;
}

/** Why a suite is unacceptable, or undefined when it is fine. Judged on the IANA name. */
export function weakness(standardName: string, m: VerifierMessages = en): string | undefined {
  if (/_anon_/i.test(standardName)) return m.weakAnonymous();
  if (/_WITH_NULL_|^TLS_NULL/i.test(standardName)) return m.weakNull();
  if (/EXPORT/i.test(standardName)) return m.weakExport();
  if (/3DES/i.test(standardName)) return "3DES";
  if (/RC4/i.test(standardName)) return "RC4";
  if (/_DES_|_DES40_/i.test(standardName)) return "single DES";
  if (!/^TLS_(ECDHE|DHE)_/i.test(standardName)) return m.weakNotForwardSecret();
  return undefined;
}

interface Enumeration {
  readonly accepted: AcceptedSuite[];
  /** Families whose enumeration ended on something other than a clean refusal. */
  readonly incomplete: string[];
}

async function eliminate(ctx: CheckContext, family: string): Promise<Enumeration> {
  const accepted: AcceptedSuite[] = [];
  const excluded: string[] = [];
  for (let i = 0; i < MAX_PICKS; i++) {
    const ciphers = [family, ...excluded.map((name) => `!${name}`), "@SECLEVEL=0"].join(":");
    const outcome = await tlsHandshake(ctx.env, ctx.settings.endpoint, { minVersion: "TLSv1.2", maxVersion: "TLSv1.2", ciphers });
    if (outcome.kind === "refused" || outcome.kind === "local") return { accepted, incomplete: [] };
    if (outcome.kind === "failed") return { accepted, incomplete: [`${family} (${outcome.reason})`] };
    if (excluded.includes(outcome.cipher.name)) return { accepted, incomplete: [`${family} (the server picked a suite not offered)`] };
    excluded.push(outcome.cipher.name);
    accepted.push({ name: outcome.cipher.name, standardName: outcome.cipher.standardName ?? outcome.cipher.name });
  }
  return { accepted, incomplete: [`${family} (stopped after ${MAX_PICKS} suites)`] };
}

/** The same elimination with a hand-built ClientHello, for the suites OpenSSL cannot offer. */
async function eliminateLegacy(ctx: CheckContext): Promise<Enumeration> {
  const remaining = new Map(LEGACY_SUITES);
  const accepted: AcceptedSuite[] = [];
  while (remaining.size > 0) {
    const answer = await offerSuites(ctx.env, ctx.settings.endpoint, [...remaining.keys()]);
    if (answer.kind === "refused") return { accepted, incomplete: [] };
    if (answer.kind === "failed") return { accepted, incomplete: [`legacy suites (${answer.reason})`] };
    const name = remaining.get(answer.suite);
    if (!name) return { accepted, incomplete: [`legacy suites (the server picked 0x${answer.suite.toString(16)}, which was not offered)`] };
    remaining.delete(answer.suite);
    accepted.push({ name, standardName: name });
  }
  return { accepted, incomplete: [] };
}

/** TLS 1.3 suites are all forward secret and AEAD; listed for information, one handshake each. */
async function tls13Suites(ctx: CheckContext): Promise<string[]> {
  const names = getCiphers()
    .filter((c) => c.startsWith("tls_"))
    .map((c) => c.toUpperCase());
  const outcomes = await Promise.all(
    names.map((name) => tlsHandshake(ctx.env, ctx.settings.endpoint, { minVersion: "TLSv1.3", maxVersion: "TLSv1.3", ciphers: name })),
  );
  return names.filter((_, i) => outcomes[i].kind === "accepted");
}

/** Weak families this machine's OpenSSL cannot offer, named for the report (covered by the raw ClientHello instead). */
function locallyMissingFamilies(): string[] {
  const samples: [string, string][] = [
    ["3DES", "DES-CBC3-SHA"],
    ["RC4", "RC4-SHA"],
    ["DES", "DES-CBC-SHA"],
    ["EXPORT", "EXP-RC4-MD5"],
    ["IDEA", "IDEA-CBC-SHA"],
    ["SEED", "SEED-SHA"],
  ];
  return samples
    .filter(([, name]) => {
      try {
        createSecureContext({ ciphers: `${name}:@SECLEVEL=0` });
        return false;
      } catch {
        return true;
      }
    })
    .map(([family]) => family);
}

function dedupe(suites: AcceptedSuite[]): AcceptedSuite[] {
  const byName = new Map<string, AcceptedSuite>();
  for (const s of suites) if (!byName.has(s.standardName)) byName.set(s.standardName, s);
  return [...byName.values()];
}

export interface SuiteEnumeration {
  /** TLS 1.2 suites the server accepts (OpenSSL families and the hand-built legacy hello together). */
  readonly accepted: readonly AcceptedSuite[];
  /** TLS 1.3 suites the server accepts. */
  readonly tls13: readonly string[];
  /** Families whose enumeration could not be finished, with the reason. */
  readonly incomplete: readonly string[];
}

/** Lists the suites the server accepts; the families, the legacy hello and TLS 1.3 all run at once. */
export async function enumerateSuites(ctx: CheckContext): Promise<SuiteEnumeration> {
  const [families, legacy, tls13] = await Promise.all([
    Promise.all(FAMILIES.map((family) => eliminate(ctx, family))),
    eliminateLegacy(ctx),
    tls13Suites(ctx),
  ]);
  const all = [...families, legacy];
  return { accepted: dedupe(all.flatMap((e) => e.accepted)), tls13, incomplete: all.flatMap((e) => e.incomplete) };
}

export async function checkCipherSuites(ctx: CheckContext): Promise<CheckResult> {
  const { m } = ctx;
  const locale = ctx.settings.locale;
  const { accepted, tls13, incomplete } = await enumerateSuites(ctx);
  if (accepted.length === 0 && tls13.length === 0) {
    // Silence, a close or a reset reads as a refusal of each suite offered: a server that answers no
    // TLS at all would pass as "no weak suite". No handshake at all, not even the tolerant one, is no evidence.
    const silence = await noTlsAnswer(ctx);
    if (silence) return { id: "cipher-suites", ok: false, ...silence };
  }
  const weak = accepted.filter((s) => weakness(s.standardName) !== undefined);
  const strong = accepted.filter((s) => weakness(s.standardName) === undefined);
  const names = (suites: readonly AcceptedSuite[]) =>
    joinPhrases(
      locale,
      suites.map((s) => s.name),
    );

  const missing = locallyMissingFamilies();
  const coverage = m.suiteCoverage({ missing: missing.length > 0 ? joinList(locale, missing) : "" });
  const tls13Text = tls13.length > 0 ? m.tls13Suites({ suites: joinPhrases(locale, tls13) }) : "";
  const incompleteText = incomplete.length > 0 ? m.enumerationIncomplete({ families: joinPhrases(locale, incomplete) }) : "";

  if (weak.length > 0) {
    const list = joinPhrases(
      locale,
      weak.map((s) => `${s.name} (${weakness(s.standardName, m)})`),
    );
    const detail = m.weakSuites({ list, count: weak.length, strong: names(strong), tls13: tls13Text, incomplete: incompleteText });
    // Phones take a forward-secret suite when one is there; iOS (ATS) refuses all others.
    const wechat =
      strong.length > 0 ? ctx.wechat({ symptom: "noneWeakSuites" }) : ctx.wechat({ symptom: "handshake", params: { devices: "ios" } });
    return { id: "cipher-suites", ok: false, detail, wechat };
  }
  // A family that could not be finished may hide a weak suite: no pass on partial evidence.
  const ok = incomplete.length === 0;
  const verdict = ok ? "" : m.couldNotList();
  if (accepted.length === 0) {
    return { id: "cipher-suites", ok, detail: m.noTls12Suite({ verdict, tls13: tls13Text, incomplete: incompleteText, coverage }) };
  }
  const detail = m.suitesGood({
    verdict,
    count: accepted.length,
    strong: names(strong),
    tls13: tls13Text,
    incomplete: incompleteText,
    coverage,
  });
  return { id: "cipher-suites", ok, detail };
}
