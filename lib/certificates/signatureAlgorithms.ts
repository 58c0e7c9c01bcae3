// Names and digests of the certificate signature algorithms a server chain can carry.
//
// Node 20's X509Certificate does not expose a certificate's outer signatureAlgorithm (RFC 5280
// 4.1.1.2), so the DER is read with @peculiar/asn1-x509 (the RFC 5280 ASN.1 schema, kept by the
// PKI.js authors; unlike @peculiar/x509 it needs no reflect-metadata at run time). The table of
// names and digests stays here: what matters is which digests phones refuse, which no library says.
import { AsnConvert } from "@peculiar/asn1-schema";
import { Certificate } from "@peculiar/asn1-x509";

export type Digest = "md2" | "md5" | "sha1" | "sha224" | "sha256" | "sha384" | "sha512" | "sm3";

export interface SignatureAlgorithm {
  readonly oid: string;
  /** OpenSSL's name when known (what `openssl x509 -text` prints), else the OID. */
  readonly name: string;
  /** The digest the signature covers, when the OID alone says so (RSASSA-PSS keeps it in parameters). */
  readonly digest?: Digest;
}

const KNOWN: Record<string, { name: string; digest?: Digest }> = {
  "1.2.840.113549.1.1.2": { name: "md2WithRSAEncryption", digest: "md2" },
  "1.2.840.113549.1.1.4": { name: "md5WithRSAEncryption", digest: "md5" },
  "1.2.840.113549.1.1.5": { name: "sha1WithRSAEncryption", digest: "sha1" },
  "1.3.14.3.2.29": { name: "sha1WithRSA", digest: "sha1" },
  "1.2.840.113549.1.1.14": { name: "sha224WithRSAEncryption", digest: "sha224" },
  "1.2.840.113549.1.1.11": { name: "sha256WithRSAEncryption", digest: "sha256" },
  "1.2.840.113549.1.1.12": { name: "sha384WithRSAEncryption", digest: "sha384" },
  "1.2.840.113549.1.1.13": { name: "sha512WithRSAEncryption", digest: "sha512" },
  "1.2.840.113549.1.1.10": { name: "rsassaPss" },
  "1.2.840.10045.4.1": { name: "ecdsa-with-SHA1", digest: "sha1" },
  "1.2.840.10045.4.3.1": { name: "ecdsa-with-SHA224", digest: "sha224" },
  "1.2.840.10045.4.3.2": { name: "ecdsa-with-SHA256", digest: "sha256" },
  "1.2.840.10045.4.3.3": { name: "ecdsa-with-SHA384", digest: "sha384" },
  "1.2.840.10045.4.3.4": { name: "ecdsa-with-SHA512", digest: "sha512" },
  "1.2.840.10040.4.3": { name: "dsa_with_SHA1", digest: "sha1" },
  "2.16.840.1.101.3.4.3.2": { name: "dsa_with_SHA256", digest: "sha256" },
  "1.3.101.112": { name: "ED25519" },
  "1.3.101.113": { name: "ED448" },
  "1.2.156.10197.1.501": { name: "SM2-with-SM3", digest: "sm3" },
};

/** Digests phones and browsers no longer accept in certificate signatures (collisions are practical). */
export const BROKEN_DIGESTS: ReadonlySet<Digest> = new Set<Digest>(["md2", "md5", "sha1"]);

/** The OID of the algorithm the issuer signed this certificate (DER) with. Throws on a malformed certificate. */
function signatureAlgorithmOid(der: Uint8Array): string {
  return AsnConvert.parse(der, Certificate).signatureAlgorithm.algorithm;
}

/** The signature algorithm of a DER certificate. Throws only on a malformed certificate. */
export function signatureAlgorithm(der: Uint8Array): SignatureAlgorithm {
  const oid = signatureAlgorithmOid(der);
  const known = KNOWN[oid];
  return known ? { oid, ...known } : { oid, name: oid };
}
