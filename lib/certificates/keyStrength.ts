// What phones and CLB accept as certificate keys and signatures.
import type { X509Certificate } from "node:crypto";
import type { CertificateMessages } from "./messages";
import { en } from "./messages/en";
import { BROKEN_DIGESTS, signatureAlgorithm, type SignatureAlgorithm } from "./signatureAlgorithms";

export interface KeyFacts {
  /** node:crypto's asymmetricKeyType: "rsa", "ec", "rsa-pss", "ed25519", ... */
  readonly type: string;
  /** RSA modulus bits, or the EC curve's size. */
  readonly bits?: number;
  /** OpenSSL curve name, e.g. "prime256v1". */
  readonly curve?: string;
}

const CURVES: Record<string, { label: string; bits: number }> = {
  prime256v1: { label: "P-256", bits: 256 },
  secp384r1: { label: "P-384", bits: 384 },
  secp521r1: { label: "P-521", bits: 521 },
};

/** P-256 and P-384 are what every phone's TLS stack verifies; other curves are hit and miss. */
const ACCEPTED_CURVES = new Set(["prime256v1", "secp384r1"]);

/**
 * RSA sizes CLB documents for uploaded certificates ("Certificate requirements and format
 * conversion", CLB user guide): 1024, 2048 and 4096 bits; 1024 is rejected here as too weak.
 */
export const CLB_RSA_BITS: readonly number[] = [2048, 4096];

export function keyFacts(cert: X509Certificate): KeyFacts {
  const key = cert.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  const type = key.asymmetricKeyType ?? "unknown";
  if (details.namedCurve) {
    return { type, curve: details.namedCurve, bits: CURVES[details.namedCurve]?.bits };
  }
  return { type, bits: details.modulusLength };
}

export function curveLabel(curve: string | undefined): string {
  if (!curve) return "unknown curve";
  return CURVES[curve]?.label ?? curve;
}

/** Why phones would refuse this key in any certificate of the chain, or undefined when they accept it. */
export function weakKeyReason(facts: KeyFacts, m: CertificateMessages = en): string | undefined {
  if (facts.type === "rsa" || facts.type === "rsa-pss") {
    return facts.bits !== undefined && facts.bits < 2048 ? m.weakRsa({ bits: facts.bits }) : undefined;
  }
  if (facts.type === "ec") return ACCEPTED_CURVES.has(facts.curve ?? "") ? undefined : m.weakCurve({ curve: curveLabel(facts.curve) });
  return m.weakKeyType({ type: facts.type });
}

const DIGEST_LABELS: Record<string, string> = { md2: "MD2", md5: "MD5", sha1: "SHA-1" };

/** The broken digest a certificate is signed with ("SHA-1"), or undefined. */
export function brokenDigest(algorithm: SignatureAlgorithm): string | undefined {
  return algorithm.digest && BROKEN_DIGESTS.has(algorithm.digest) ? DIGEST_LABELS[algorithm.digest] : undefined;
}

/** The signature algorithm, or undefined when the DER cannot be walked (never for a parsed certificate). */
export function safeSignatureAlgorithm(der: Uint8Array): SignatureAlgorithm | undefined {
  try {
    return signatureAlgorithm(der);
  } catch {
    return undefined;
  }
}
