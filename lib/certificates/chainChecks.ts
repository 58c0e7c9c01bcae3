// Checks on the chain as served: order, strays, the intermediates, and where trust comes from.
import { buildChain, isSelfSigned, type ServedCertificate, type TrustStore } from "./chain";
import { issuerLabel, label } from "./describe";
import type { Problems } from "../problems";
import { brokenDigest, keyFacts, safeSignatureAlgorithm, weakKeyReason } from "./keyStrength";
import type { CertificateWords } from "./messages";
import { checkValidity, type ValidityRule } from "./leafChecks";

export interface ChainRule extends ValidityRule {
  readonly selfSignedAllowed: boolean;
}

export function checkChain(
  findings: Problems,
  served: readonly ServedCertificate[],
  leaf: ServedCertificate,
  store: TrustStore,
  rule: ChainRule,
  w: CertificateWords,
): void {
  const { m } = w;
  const named = (s: ServedCertificate): string => m.named({ label: label(s.cert), position: s.position });
  const chain = buildChain(served, store, leaf);

  if (!chain.inOrder) findings.error(m.outOfOrder({ order: chain.path.map(named).join(m.thenSeparator()) }));
  for (const extra of chain.extras) {
    const original = served.find((s) => s.position < extra.position && s.cert.fingerprint256 === extra.cert.fingerprint256);
    findings.error(
      original
        ? m.duplicate({ position: extra.position, original: original.position, label: label(original.cert) })
        : m.stray({ position: extra.position, label: label(extra.cert), leaf: label(leaf.cert) }),
    );
  }

  const { trust } = chain;
  const fix = m.intermediateFix();
  // Phones reject an issuer that is not a CA (RFC 5280 6.1.4 (k)) or may not sign certificates
  // (6.1.4 (n)); Node's `ca` is OpenSSL's X509_check_ca, which asks both.
  chain.signed.slice(1).forEach((issuer, i) => {
    if (issuer.cert.ca) return;
    findings.error(m.intermediateNotCa({ subject: m.intermediate({ named: named(issuer) }), issued: label(chain.signed[i].cert), fix }));
  });
  for (const intermediate of chain.signed.slice(1)) {
    const subject = m.intermediate({ named: named(intermediate) });
    checkValidity(findings, intermediate.cert, subject, { expired: fix, notYetValid: fix }, rule, w);
    const weak = weakKeyReason(keyFacts(intermediate.cert), m);
    if (weak) findings.error(m.intermediateWeakKey({ subject, weak, fix }));
    const algorithm = safeSignatureAlgorithm(intermediate.der);
    const broken = algorithm && brokenDigest(algorithm);
    if (algorithm && broken) findings.error(m.intermediateBrokenSignature({ subject, digest: broken, algorithm: algorithm.name, fix }));
  }

  switch (trust.kind) {
    case "trusted": {
      const anchor = trust.anchor === undefined ? undefined : chain.path[trust.anchor];
      if (anchor && anchor !== leaf && isSelfSigned(anchor.cert)) findings.warning(m.rootIncluded({ named: named(anchor) }));
      return;
    }
    case "selfSigned":
      findings.errorIf(rule.strict, rule.selfSignedAllowed && !rule.strict ? m.selfSignedDev() : m.selfSigned());
      return;
    case "untrustedRoot":
      findings.errorIf(rule.strict, m.untrustedRoot({ named: named(trust.root) }));
      return;
    case "incomplete":
      findings.errorIf(rule.strict, m.incomplete({ label: label(trust.last.cert), issuer: issuerLabel(trust.last.cert) }));
      return;
  }
}
