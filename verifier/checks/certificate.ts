// certificate-chain, certificate-hostname, certificate-expiry: three separate verdicts on the one
// certificate the server presents, so an expired certificate fails only the expiry check, a wrong
// name only the hostname check, and so on.
import { X509Certificate } from "node:crypto";
import { isIP } from "node:net";
import { CheckContext } from "../context";
import { Handshake } from "../probe";
import { systemRoots, verifyServedChain } from "../trust";
import { CheckId, CheckResult } from "../types";
import { DAY_MS } from "../../lib/constants";

type Served = { ok: true; chain: readonly X509Certificate[] } | { ok: false; result: CheckResult };

function served(id: CheckId, outcome: Handshake): Served {
  if (outcome.kind === "accepted" && outcome.servedChain.length > 0) return { ok: true, chain: outcome.servedChain };
  const why = outcome.kind === "accepted" ? "the server sent no certificate" : `the TLS handshake failed: ${outcome.reason}`;
  return { ok: false, result: { id, ok: false, detail: `no certificate to check, ${why}` } };
}

export async function checkCertificateChain(ctx: CheckContext): Promise<CheckResult> {
  const got = served("certificate-chain", await ctx.certificate());
  if (!got.ok) return got.result;
  const anchors = [...ctx.settings.extraRoots, ...systemRoots()];
  const verdict = verifyServedChain(got.chain, anchors);
  if (!verdict.ok) return { id: "certificate-chain", ok: false, detail: verdict.reason };
  const intermediates = verdict.path.length - 1;
  const sent = got.chain.length === 1 ? "1 certificate" : `${got.chain.length} certificates`;
  const anchorCn = /(?:^|\n)CN=([^\n]+)/.exec(verdict.anchor.subject)?.[1] ?? verdict.anchor.subject;
  const via = intermediates === 0 ? "directly" : `through ${intermediates} intermediate${intermediates > 1 ? "s" : ""} it sends`;
  return { id: "certificate-chain", ok: true, detail: `the server sends ${sent}; they lead ${via} to the trusted root "${anchorCn}"` };
}

/** DNS names and IPs the certificate covers, for messages. */
function coveredNames(cert: X509Certificate): string[] {
  return (cert.subjectAltName ?? "")
    .split(/,\s*/)
    .filter((entry) => /^(DNS|IP Address):/.test(entry))
    .map((entry) => entry.replace(/^(DNS|IP Address):/, ""));
}

export async function checkCertificateHostname(ctx: CheckContext): Promise<CheckResult> {
  const got = served("certificate-hostname", await ctx.certificate());
  if (!got.ok) return got.result;
  const leaf = got.chain[0];
  const host = ctx.settings.endpoint.host;
  // Browsers and phones ignore the subject CN when matching names, and reject partial wildcards (w*.example.com).
  const match = isIP(host) ? leaf.checkIP(host) : leaf.checkHost(host, { subject: "never", partialWildcards: false });
  const names = coveredNames(leaf);
  if (match)
    return { id: "certificate-hostname", ok: true, detail: `the certificate covers ${host}${match === host ? "" : ` (through ${match})`}` };
  const cnOnly = /(?:^|\n)CN=([^\n]+)/.exec(leaf.subject)?.[1];
  const detail =
    names.length > 0
      ? `the certificate is for ${names.join(", ")}, not ${host}: issue one that lists ${host} ` +
        "(a wildcard *.example.com covers one label only, and not example.com itself)"
      : `the certificate lists no subject alternative names${cnOnly ? ` (only the common name ${cnOnly}, which phones ignore)` : ""}: ` +
        `issue one with ${host} as a DNS name`;
  return { id: "certificate-hostname", ok: false, detail };
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export async function checkCertificateExpiry(ctx: CheckContext): Promise<CheckResult> {
  const got = served("certificate-expiry", await ctx.certificate());
  if (!got.ok) return got.result;
  const leaf = got.chain[0];
  const notBefore = new Date(leaf.validFrom);
  const notAfter = new Date(leaf.validTo);
  const now = Date.now();
  const min = ctx.settings.minDays;
  if (notBefore.getTime() > now) {
    return {
      id: "certificate-expiry",
      ok: false,
      detail: `the certificate is not valid yet: it starts on ${day(notBefore)} (check the server clock or the issue date)`,
    };
  }
  const daysLeft = Math.floor((notAfter.getTime() - now) / DAY_MS);
  const facts = { notAfter: notAfter.toISOString(), daysLeft };
  if (notAfter.getTime() <= now) {
    return {
      id: "certificate-expiry",
      ok: false,
      facts,
      detail: `the certificate expired on ${day(notAfter)} (${plural(Math.floor((now - notAfter.getTime()) / DAY_MS), "day")} ago): renew it and upload the new one`,
    };
  }
  if (daysLeft < min) {
    return {
      id: "certificate-expiry",
      ok: false,
      facts,
      detail: `the certificate expires on ${day(notAfter)}, in ${plural(daysLeft, "day")}, fewer than the ${min}-day minimum: renew it now`,
    };
  }
  return {
    id: "certificate-expiry",
    ok: true,
    facts,
    detail: `valid until ${day(notAfter)}, ${plural(daysLeft, "day")} left (minimum ${min})`,
  };
}
