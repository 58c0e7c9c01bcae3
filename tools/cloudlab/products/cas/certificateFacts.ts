// What SSL Certificates Service (and CLB, for what is uploaded to it) report about a certificate,
// read from its PEM: names, validity, fingerprint, key. One reader for both products.
import { X509Certificate, createHash, createPrivateKey, type KeyObject } from "node:crypto";

export interface CertificateFacts {
  readonly leaf: X509Certificate;
  readonly commonName: string;
  readonly sans: string[];
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** SHA-1 of the leaf's DER, lower-case hex pairs joined by colons (the APIs' examples). */
  readonly fingerprint: string;
  readonly issuerCommonName: string;
  readonly issuerOrganization: string;
  readonly keyAlgorithm: string;
  readonly keyLength: number;
}

const BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function field(name: string, key: string): string {
  return (
    name
      .split("\n")
      .map((l) => l.trim())
      .find((l) => l.startsWith(`${key}=`))
      ?.slice(key.length + 1) ?? ""
  );
}

/** The facts of the first certificate of a PEM chain; undefined when there is none readable. */
export function certificateFacts(pem: string): CertificateFacts | undefined {
  const first = pem.match(BLOCK)?.[0];
  if (!first) return undefined;
  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(first);
  } catch {
    return undefined;
  }
  const sans = (leaf.subjectAltName ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.startsWith("DNS:"))
    .map((s) => s.slice(4));
  const key = leaf.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  return {
    leaf,
    commonName: field(leaf.subject, "CN"),
    sans,
    notBefore: new Date(leaf.validFrom),
    notAfter: new Date(leaf.validTo),
    fingerprint: createHash("sha1")
      .update(leaf.raw)
      .digest("hex")
      .replace(/(..)(?!$)/g, "$1:"),
    issuerCommonName: field(leaf.issuer, "CN"),
    issuerOrganization: field(leaf.issuer, "O"),
    keyAlgorithm: key.asymmetricKeyType === "ec" ? "ECC" : "RSA",
    keyLength: details.modulusLength ?? (details.namedCurve === "prime256v1" ? 256 : 384),
  };
}

/** The private key, or undefined when it is not a readable unencrypted key. */
export function privateKeyOf(pem: string): KeyObject | undefined {
  try {
    return createPrivateKey(pem);
  } catch {
    return undefined;
  }
}

/** "2026-03-01T12:00:00Z": the date-time form both APIs answer with (no milliseconds). */
export function apiTime(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, "Z");
}
