// certificate-chain, certificate-hostname, certificate-expiry: three separate verdicts on the one
// certificate the server presents, so an expired certificate fails only the expiry check, a wrong
// name only the hostname check, and so on.
import { X509Certificate } from "node:crypto";
import { isIP } from "node:net";
import { joinPhrases } from "../../lib/i18n";
import { CheckContext } from "../context";
import type { VerifierMessages } from "../messages";
import { Handshake } from "../probe";
import { verifyServedChain, type ChainProblem } from "../trust";
import { CheckId, CheckResult } from "../types";
import { DAY_MS } from "../../lib/constants";
import { commonName, hostNames, label, notAfter as validTo, notBefore as validFrom } from "../../lib/certificates/describe";

type Served = { ok: true; chain: readonly X509Certificate[] } | { ok: false; result: CheckResult };

/** The served chain, or the failure of a check that has no certificate to judge (which phones see as a failed handshake). */
function served(ctx: CheckContext, id: CheckId, outcome: Handshake): Served {
  if (outcome.kind === "accepted" && outcome.servedChain.length > 0) return { ok: true, chain: outcome.servedChain };
  const detail = outcome.kind === "accepted" ? ctx.m.noCertificateSent() : ctx.m.noCertificateHandshake({ reason: outcome.reason });
  return { ok: false, result: { id, ok: false, detail, wechat: ctx.wechat({ symptom: "handshake", params: { devices: "all" } }) } };
}

/** A chain problem in the report's words. */
export function chainProblemText(m: VerifierMessages, problem: ChainProblem): string {
  switch (problem.kind) {
    case "noCertificate":
      return m.noCertificateSent();
    case "selfSigned":
      return m.chainSelfSigned();
    case "untrustedRoot":
      return m.chainUntrustedRoot({ root: problem.root });
    case "incomplete":
      return m.chainIncomplete({
        onlyLeaf: problem.onlyLeaf ? "yes" : "no",
        issuer: problem.issuer,
        subject: problem.subject ?? "",
        aia: problem.aia ?? "",
      });
    case "notCa":
      return m.chainNotCa({ issuer: problem.issuer, subject: problem.subject });
    case "expiredIntermediate":
      return m.chainExpiredIntermediate({ issuer: problem.issuer, date: problem.date });
    case "tooLong":
      return m.chainTooLong({ max: problem.max });
  }
}

export async function checkCertificateChain(ctx: CheckContext): Promise<CheckResult> {
  const got = served(ctx, "certificate-chain", await ctx.certificate());
  if (!got.ok) return got.result;
  const verdict = verifyServedChain(got.chain, ctx.settings.extraRoots);
  if (!verdict.ok) {
    // Phones stop at an issuer they cannot find or do not trust: ERR_CERT_AUTHORITY_INVALID.
    return {
      id: "certificate-chain",
      ok: false,
      detail: chainProblemText(ctx.m, verdict.problem),
      wechat: ctx.wechat({ symptom: "authorityInvalid" }),
    };
  }
  const anchor = label(verdict.anchor);
  return {
    id: "certificate-chain",
    ok: true,
    detail: ctx.m.chainGood({ count: got.chain.length, intermediates: verdict.path.length - 1, anchor }),
  };
}

export async function checkCertificateHostname(ctx: CheckContext): Promise<CheckResult> {
  const { m } = ctx;
  const got = served(ctx, "certificate-hostname", await ctx.certificate());
  if (!got.ok) return got.result;
  const leaf = got.chain[0];
  const host = ctx.settings.endpoint.host;
  // Browsers and phones ignore the subject CN when matching names, and reject partial wildcards (w*.example.com).
  const match = isIP(host) ? leaf.checkIP(host) : leaf.checkHost(host, { subject: "never", partialWildcards: false });
  const names = hostNames(leaf);
  if (match) return { id: "certificate-hostname", ok: true, detail: m.hostCovered({ host, through: match === host ? "" : match }) };
  const cnOnly = commonName(leaf);
  const detail =
    names.length > 0
      ? m.hostNotCovered({ names: joinPhrases(ctx.settings.locale, names), host })
      : m.hostNoNames({ commonName: cnOnly ?? "", host });
  return { id: "certificate-hostname", ok: false, detail, wechat: ctx.wechat({ symptom: "commonNameInvalid" }) };
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export async function checkCertificateExpiry(ctx: CheckContext): Promise<CheckResult> {
  const { m } = ctx;
  const got = served(ctx, "certificate-expiry", await ctx.certificate());
  if (!got.ok) return got.result;
  const leaf = got.chain[0];
  const notBefore = validFrom(leaf);
  const notAfter = validTo(leaf);
  const now = Date.now();
  const min = ctx.settings.minDays;
  const dateInvalid = ctx.wechat({ symptom: "dateInvalid" });
  if (notBefore.getTime() > now) {
    return { id: "certificate-expiry", ok: false, detail: m.notYetValid({ date: day(notBefore) }), wechat: dateInvalid };
  }
  const daysLeft = Math.floor((notAfter.getTime() - now) / DAY_MS);
  const facts = { notAfter: notAfter.toISOString(), daysLeft };
  if (notAfter.getTime() <= now) {
    const days = Math.floor((now - notAfter.getTime()) / DAY_MS);
    return { id: "certificate-expiry", ok: false, facts, detail: m.expired({ date: day(notAfter), days }), wechat: dateInvalid };
  }
  if (daysLeft < min) {
    return {
      id: "certificate-expiry",
      ok: false,
      facts,
      detail: m.expiresSoon({ date: day(notAfter), days: daysLeft, min }),
      wechat: ctx.wechat({ symptom: "expiresSoon", params: { date: day(notAfter) } }),
    };
  }
  return { id: "certificate-expiry", ok: true, facts, detail: m.validUntil({ date: day(notAfter), days: daysLeft, min }) };
}
