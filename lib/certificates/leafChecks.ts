// Checks on the server certificate itself: names, dates, purpose, key and signature.
import type { X509Certificate } from "node:crypto";
import { daysLeft, dnsNames, formatDate, label, notAfter, notBefore } from "./describe";
import type { CertificateWords } from "./messages";
import type { Problems } from "../problems";
import { CLB_RSA_BITS, brokenDigest, curveLabel, keyFacts, safeSignatureAlgorithm } from "./keyStrength";
import type { TlsPolicy } from "../constants";

/** Policies whose TLS 1.2 suites are all ECDHE-RSA/RSA (see shared/reference/alicloud.md). */
const RSA_ONLY_POLICIES: ReadonlySet<string> = new Set(["tls_cipher_policy_1_2", "tls_cipher_policy_1_2_strict"]);

const SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
const EKU_NAMES: Record<string, string> = {
  [SERVER_AUTH]: "serverAuth",
  "1.3.6.1.5.5.7.3.2": "clientAuth",
  "1.3.6.1.5.5.7.3.3": "codeSigning",
  "1.3.6.1.5.5.7.3.4": "emailProtection",
  "1.3.6.1.5.5.7.3.8": "timeStamping",
  "1.3.6.1.5.5.7.3.9": "OCSPSigning",
  "2.5.29.37.0": "anyExtendedKeyUsage",
};

/** Browsers' rules: subjectAltName only, a wildcard stands for exactly one whole left-most label. */
export function checkCoversDomain(findings: Problems, leaf: X509Certificate, domain: string, w: CertificateWords): void {
  const strictRules = { wildcards: true, partialWildcards: false, multiLabelWildcards: false, singleLabelSubdomains: false };
  if (leaf.checkHost(domain, { ...strictRules, subject: "never" }) !== undefined) return;
  if (leaf.checkHost(domain, { ...strictRules, subject: "always" }) !== undefined) {
    findings.error(w.m.domainInCnOnly({ domain }));
    return;
  }
  const names = dnsNames(leaf);
  const parent = domain.split(".").slice(1);
  const wildcard = parent.length >= 2 ? `*.${parent.join(".")}` : "";
  findings.error(
    names.length > 0
      ? w.m.domainNotCovered({ names: w.quoted(names), domain, wildcard })
      : w.m.domainNotCoveredNoNames({ domain, wildcard }),
  );
}

export interface ValidityRule {
  readonly now: Date;
  readonly minDaysRemaining?: number;
  readonly strict: boolean;
}

export interface ValidityFixes {
  /** For an expired certificate or one expiring soon. */
  readonly expired: string;
  readonly notYetValid: string;
}

/** Expired, not yet valid, or too close to expiry. `subject` names the certificate in the message. */
export function checkValidity(
  findings: Problems,
  cert: X509Certificate,
  subject: string,
  fixes: ValidityFixes,
  rule: ValidityRule,
  w: CertificateWords,
): void {
  const start = notBefore(cert);
  const end = notAfter(cert);
  if (rule.now < start) {
    findings.error(w.m.notYetValid({ subject, date: formatDate(start), fix: fixes.notYetValid }));
    return;
  }
  if (rule.now > end) {
    findings.error(w.m.expired({ subject, date: formatDate(end), fix: fixes.expired }));
    return;
  }
  const left = daysLeft(cert, rule.now);
  if (rule.minDaysRemaining !== undefined && left < rule.minDaysRemaining) {
    findings.errorIf(
      rule.strict,
      w.m.expiresSoon({ subject, date: formatDate(end), days: left, min: rule.minDaysRemaining, fix: fixes.expired }),
    );
  }
}

export function checkServerUsage(
  findings: Problems,
  leaf: X509Certificate,
  domain: string,
  options: { allowCa: boolean },
  w: CertificateWords,
): void {
  if (leaf.ca && !options.allowCa) findings.error(w.m.leafIsCa({ label: label(leaf), domain }));
  // Node names the extendedKeyUsage list `keyUsage`; undefined when the extension is absent (any use allowed).
  const eku = leaf.keyUsage;
  if (eku && !eku.includes(SERVER_AUTH)) {
    const allowed = eku.map((oid) => EKU_NAMES[oid] ?? oid).join(", ");
    findings.error(w.m.notServerAuth({ label: label(leaf), allowed }));
  }
}

/**
 * CLB's certificate requirements page says it takes RSA certificates only ("ECDSA (Elliptic
 * Curve) certificates are not supported"), whatever the listener's policy. Should that change,
 * keep the error only for RSA-only policies, with the fix tls_cipher_policy_1_2_strict_with_1_3.
 */
export function checkClbKey(findings: Problems, leaf: X509Certificate, domain: string, tlsPolicy: TlsPolicy, w: CertificateWords): void {
  const facts = keyFacts(leaf);
  if (facts.type === "rsa") {
    const bits = facts.bits ?? 0;
    if (bits < 2048) findings.error(w.m.rsaTooSmall({ bits }));
    else if (!CLB_RSA_BITS.includes(bits)) findings.error(w.m.rsaOddSize({ bits }));
    return;
  }
  const kind = facts.type === "ec" ? w.m.ecdsaKey({ curve: curveLabel(facts.curve) }) : w.m.otherKey({ type: facts.type });
  const policyNote = RSA_ONLY_POLICIES.has(tlsPolicy) ? w.m.rsaOnlyPolicy({ policy: tlsPolicy }) : "";
  findings.error(w.m.notRsa({ kind, policyNote, domain }));
}

export function checkLeafSignature(findings: Problems, leaf: X509Certificate, der: Uint8Array, w: CertificateWords): void {
  const algorithm = safeSignatureAlgorithm(der);
  const broken = algorithm && brokenDigest(algorithm);
  if (algorithm && broken) findings.error(w.m.leafBrokenSignature({ label: label(leaf), digest: broken, algorithm: algorithm.name }));
}
