// Facts about a certificate issued by another party and known only at preview time: one from
// Alibaba Cloud SSL Certificates Service (source cas), or the one an ACME CA returned.
import type { X509Certificate } from "node:crypto";
import { daysLeft, formatName, notAfter } from "./describe";
import { certificatesIn } from "./pem";
import { localeFromEnvironment, type Locale } from "../i18n";
import { certificateWords, type CertificateMessages } from "./messages";

/**
 * The subset of alicloud.cas.getServiceCertificates' result this project reads: `certificateName`,
 * not the `name` the provider deprecated in 1.129.0 and fills only for compatibility.
 */
export interface CasCertificate {
  readonly id: string;
  readonly certificateName: string;
  /** PEM, the leaf first. */
  readonly cert: string;
  /** Its private key, PEM: what the instance edge's nginx needs (the load balancer takes the certificate by id). */
  readonly key?: string;
}

export interface CasFacts {
  readonly name: string;
  readonly notAfter: string;
  readonly issuer: string;
}

/** The first certificate of a PEM chain (the leaf); `source` names the chain in the error. */
function firstCertificate(chainPem: string, source: string, m: CertificateMessages): X509Certificate {
  const [first] = certificatesIn(chainPem);
  if (!first) throw new Error(m.noReadablePem({ source }));
  return first.cert;
}

/**
 * The SHA-256 fingerprint (lowercase hex) of the first certificate of a PEM chain: what names the
 * certificate the instance edge serves (public: every client is sent the certificate).
 */
export function leafFingerprint(chainPem: string): string {
  const m = certificateWords(localeFromEnvironment()).m;
  return firstCertificate(chainPem, m.issuedCertificate(), m).fingerprint256.replace(/:/g, "").toLowerCase();
}

/** The issuer of the first certificate of a PEM chain, "CN=R11, O=Let's Encrypt, C=US". */
export function leafIssuer(chainPem: string): string {
  const m = certificateWords(localeFromEnvironment()).m;
  return formatName(firstCertificate(chainPem, m.issuedCertificate(), m).issuer);
}

/**
 * Checks the certificate `id` found in SSL Certificates Service: it exists, covers the domain and
 * stays valid long enough. Throws the reason and the fix (the preview fails) otherwise, in `locale`
 * (default the environment's, as for the config checks).
 */
export function casCertificateFacts(
  found: readonly CasCertificate[],
  id: string,
  domain: string,
  minDaysRemaining: number,
  now = new Date(),
  locale: Locale = localeFromEnvironment(),
): CasFacts {
  const m = certificateWords(locale).m;
  const entry = found.find((c) => c.id === id);
  if (!entry) throw new Error(m.casNotFound({ id }));
  const certificate = m.casCertificate({ id, name: entry.certificateName });
  const leaf = firstCertificate(entry.cert, certificate, m);
  if (leaf.checkHost(domain) === undefined) throw new Error(m.casOtherDomain({ certificate, domain }));
  const left = daysLeft(leaf, now);
  if (left < minDaysRemaining) {
    throw new Error(
      left < 0
        ? m.casExpired({ certificate, minDays: minDaysRemaining })
        : m.casExpiresSoon({ certificate, days: left, minDays: minDaysRemaining }),
    );
  }
  return { name: entry.certificateName, notAfter: notAfter(leaf).toISOString(), issuer: formatName(leaf.issuer) };
}
