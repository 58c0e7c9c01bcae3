// Checks on the server certificate itself: names, dates, purpose, key and signature.
import type { X509Certificate } from "node:crypto";
import { daysLeft, dnsNames, formatDate, label, notAfter, notBefore, quotedList } from "./describe";
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

function days(n: number): string {
  return `${n} ${n === 1 ? "day" : "days"}`;
}

/** Browsers' rules: subjectAltName only, a wildcard stands for exactly one whole left-most label. */
export function checkCoversDomain(findings: Problems, leaf: X509Certificate, domain: string): void {
  const strictRules = { wildcards: true, partialWildcards: false, multiLabelWildcards: false, singleLabelSubdomains: false };
  if (leaf.checkHost(domain, { ...strictRules, subject: "never" }) !== undefined) return;
  if (leaf.checkHost(domain, { ...strictRules, subject: "always" }) !== undefined) {
    findings.error(
      `certificatePem: the certificate names "${domain}" only in its subject common name (CN), which phones ` +
        `ignore; have it reissued with ${domain} in the subjectAltName`,
    );
    return;
  }
  const names = dnsNames(leaf);
  const parent = domain.split(".").slice(1);
  const wildcard = parent.length >= 2 ? ` (or *.${parent.join(".")})` : "";
  const covers = names.length > 0 ? `covers ${quotedList(names)}` : "lists no DNS names (subjectAltName)";
  findings.error(
    `certificatePem: the certificate ${covers} but not the stack's domain "${domain}"; issue a certificate that lists ${domain}${wildcard}, or change domain`,
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
export function checkValidity(findings: Problems, cert: X509Certificate, subject: string, fixes: ValidityFixes, rule: ValidityRule): void {
  const start = notBefore(cert);
  const end = notAfter(cert);
  if (rule.now < start) {
    findings.error(
      `certificatePem: ${subject} is not valid before ${formatDate(start)}; phones reject it until then; ${fixes.notYetValid}`,
    );
    return;
  }
  if (rule.now > end) {
    findings.error(`certificatePem: ${subject} expired on ${formatDate(end)}; ${fixes.expired}`);
    return;
  }
  const left = daysLeft(cert, rule.now);
  if (rule.minDaysRemaining !== undefined && left < rule.minDaysRemaining) {
    findings.errorIf(
      rule.strict,
      `certificatePem: ${subject} expires on ${formatDate(end)}, in ${days(left)}, fewer than minDaysRemaining ` +
        `(${rule.minDaysRemaining}); ${fixes.expired} (or lower minDaysRemaining)`,
    );
  }
}

export function checkServerUsage(findings: Problems, leaf: X509Certificate, domain: string, options: { allowCa: boolean }): void {
  if (leaf.ca && !options.allowCa) {
    findings.error(
      `certificatePem: the server certificate "${label(leaf)}" is a CA certificate (basicConstraints CA:TRUE); ` +
        `phones refuse a CA certificate as a server certificate; issue a server certificate (CA:FALSE) for ${domain}`,
    );
  }
  // Node names the extendedKeyUsage list `keyUsage`; undefined when the extension is absent (any use allowed).
  const eku = leaf.keyUsage;
  if (eku && !eku.includes(SERVER_AUTH)) {
    const allowed = eku.map((oid) => EKU_NAMES[oid] ?? oid).join(", ");
    findings.error(
      `certificatePem: the certificate "${label(leaf)}" is not meant for TLS servers: its extended key usage ` +
        `allows ${allowed} but not serverAuth; issue a certificate with the serverAuth extended key usage`,
    );
  }
}

/**
 * CLB's certificate requirements page says it takes RSA certificates only ("ECDSA (Elliptic
 * Curve) certificates are not supported"), whatever the listener's policy. Should that change,
 * keep the error only for RSA-only policies, with the fix tls_cipher_policy_1_2_strict_with_1_3.
 */
export function checkClbKey(findings: Problems, leaf: X509Certificate, domain: string, tlsPolicy: TlsPolicy): void {
  const facts = keyFacts(leaf);
  if (facts.type === "rsa") {
    const bits = facts.bits ?? 0;
    if (bits < 2048) {
      findings.error(
        `certificatePem: the certificate's RSA key has ${bits} bits; phones and browsers reject RSA keys under ` +
          `2048 bits; issue a new certificate with a 2048-bit RSA key`,
      );
    } else if (!CLB_RSA_BITS.includes(bits)) {
      findings.error(
        `certificatePem: the certificate's RSA key has ${bits} bits, but CLB documents only 2048- and 4096-bit ` +
          `RSA keys (and 1024, too weak); issue the certificate with a 2048-bit RSA key`,
      );
    }
    return;
  }
  const kind = facts.type === "ec" ? `an ECDSA key (${curveLabel(facts.curve)})` : `an ${facts.type} key`;
  const policyNote = RSA_ONLY_POLICIES.has(tlsPolicy) ? `, and tlsPolicy ${tlsPolicy} offers only RSA cipher suites` : "";
  findings.error(
    `certificatePem: the certificate has ${kind}, but Alibaba Cloud CLB accepts only RSA certificates${policyNote}; ` +
      `issue an RSA certificate (2048-bit key) for ${domain}`,
  );
}

export function checkLeafSignature(findings: Problems, leaf: X509Certificate, der: Uint8Array): void {
  const algorithm = safeSignatureAlgorithm(der);
  const broken = algorithm && brokenDigest(algorithm);
  if (algorithm && broken) {
    findings.error(
      `certificatePem: the certificate "${label(leaf)}" is signed with ${broken} (${algorithm.name}); phones ` +
        `reject SHA-1 and MD5 signatures; have it reissued with SHA-256`,
    );
  }
}
