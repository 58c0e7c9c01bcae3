// Checks on the chain as served: order, strays, the intermediates, and where trust comes from.
import { buildChain, isSelfSigned, type ServedCertificate, type TrustStore } from "./chain";
import { issuerLabel, label } from "./describe";
import type { Problems } from "../problems";
import { brokenDigest, keyFacts, safeSignatureAlgorithm, weakKeyReason } from "./keyStrength";
import { checkValidity, type ValidityRule } from "./leafChecks";

export interface ChainRule extends ValidityRule {
  readonly selfSignedAllowed: boolean;
}

function named(s: ServedCertificate): string {
  return `"${label(s.cert)}" (certificate ${s.position})`;
}

const PRIVATE_PKI_FIX = "or, for a private test PKI, add its root to trustedRootsPem";

export function checkChain(
  findings: Problems,
  served: readonly ServedCertificate[],
  leaf: ServedCertificate,
  store: TrustStore,
  rule: ChainRule,
): void {
  const chain = buildChain(served, store, leaf);

  if (!chain.inOrder) {
    const order = chain.path.map(named).join(", then ");
    findings.error(
      `certificatePem: the chain is out of order; CLB sends it as uploaded, and it must start with the server ` +
        `certificate, each certificate followed by the one that issued it; order it: ${order}`,
    );
  }
  for (const extra of chain.extras) {
    const original = served.find((s) => s.position < extra.position && s.cert.fingerprint256 === extra.cert.fingerprint256);
    findings.error(
      original
        ? `certificatePem: certificate ${extra.position} is a copy of certificate ${original.position} ("${label(original.cert)}"); remove the copy`
        : `certificatePem: certificate ${extra.position} ("${label(extra.cert)}") is not part of the chain of ` +
            `"${label(leaf.cert)}" (it issued none of its certificates); remove it`,
    );
  }

  const { trust } = chain;
  for (const intermediate of chain.signed.slice(1)) {
    const subject = `the intermediate certificate ${named(intermediate)}`;
    const fix = "get the current intermediate certificate from your CA";
    checkValidity(findings, intermediate.cert, subject, { expired: fix, notYetValid: fix }, rule);
    const weak = weakKeyReason(keyFacts(intermediate.cert));
    if (weak) findings.error(`certificatePem: ${subject} has ${weak}; phones reject it; ${fix}`);
    const algorithm = safeSignatureAlgorithm(intermediate.der);
    const broken = algorithm && brokenDigest(algorithm);
    if (algorithm && broken) {
      findings.error(
        `certificatePem: ${subject} is signed with ${broken} (${algorithm.name}); phones reject SHA-1 and MD5 signatures; ${fix}`,
      );
    }
  }

  switch (trust.kind) {
    case "trusted": {
      const anchor = trust.anchor === undefined ? undefined : chain.path[trust.anchor];
      if (anchor && anchor !== leaf && isSelfSigned(anchor.cert)) {
        findings.warning(
          `certificatePem: the chain includes the root certificate ${named(anchor)}; that is harmless, but phones ` +
            `use their own copy and it adds bytes to every handshake; you may remove it`,
        );
      }
      return;
    }
    case "selfSigned":
      findings.errorIf(
        rule.strict,
        rule.selfSignedAllowed && !rule.strict
          ? "certificatePem: the certificate is self-signed, as expected for a self-signed dev certificate; phones " +
              "reject self-signed certificates, so only the developer tools (with domain checks off) will connect; " +
              "use a certificate from a public CA to test on phones"
          : `certificatePem: the certificate is self-signed; phones reject self-signed certificates; use a certificate from a public CA, ${PRIVATE_PKI_FIX}`,
      );
      return;
    case "untrustedRoot":
      findings.errorIf(
        rule.strict,
        `certificatePem: the chain ends at the root ${named(trust.root)}, which phones do not trust (it is ` +
          `neither a public root nor in trustedRootsPem); use a certificate from a public CA, ${PRIVATE_PKI_FIX}`,
      );
      return;
    case "incomplete":
      findings.errorIf(
        rule.strict,
        `certificatePem: the chain is incomplete: "${label(trust.last.cert)}" was issued by ` +
          `"${issuerLabel(trust.last.cert)}", which is neither in certificatePem nor a trusted root; phones ` +
          `reject such a chain even when desktop browsers fill the gap; append your CA's intermediate certificate(s) ` +
          `after the server certificate (the "full chain" file), ${PRIVATE_PKI_FIX}`,
      );
      return;
  }
}
