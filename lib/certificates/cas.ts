// Facts about a certificate issued by another party and known only at preview time: one from
// Alibaba Cloud SSL Certificates Service (source cas), or the one an ACME CA returned.
import type { X509Certificate } from "node:crypto";
import { daysLeft, formatName, notAfter } from "./describe";
import { certificatesIn } from "./pem";

/**
 * The subset of alicloud.cas.getServiceCertificates' result this project reads: `certificateName`,
 * not the `name` the provider deprecated in 1.129.0 and fills only for compatibility.
 */
export interface CasCertificate {
  readonly id: string;
  readonly certificateName: string;
  /** PEM, the leaf first. */
  readonly cert: string;
}

export interface CasFacts {
  readonly name: string;
  readonly notAfter: string;
  readonly issuer: string;
}

/** The first certificate of a PEM chain (the leaf); `source` names the chain in the error. */
function firstCertificate(chainPem: string, source: string): X509Certificate {
  const [first] = certificatesIn(chainPem);
  if (!first) throw new Error(`${source}: holds no readable PEM certificate`);
  return first.cert;
}

/** The issuer of the first certificate of a PEM chain, "CN=R11, O=Let's Encrypt, C=US". */
export function leafIssuer(chainPem: string): string {
  return formatName(firstCertificate(chainPem, "the issued certificate").issuer);
}

/**
 * Checks the certificate `id` found in SSL Certificates Service: it exists, covers the domain and
 * stays valid long enough. Throws the reason and the fix (the preview fails) otherwise.
 */
export function casCertificateFacts(
  found: readonly CasCertificate[],
  id: string,
  domain: string,
  minDaysRemaining: number,
  now = new Date(),
): CasFacts {
  const entry = found.find((c) => c.id === id);
  if (!entry) {
    throw new Error(
      `alicloudCertificateId: certificate ${id} is not in SSL Certificates Service for this account (the ` +
        `international site does not offer it); check the id in the console, or use certificateSource acme or pem`,
    );
  }
  const leaf = firstCertificate(entry.cert, `alicloudCertificateId: certificate ${id} ("${entry.certificateName}")`);
  if (leaf.checkHost(domain) === undefined) {
    throw new Error(
      `alicloudCertificateId: certificate ${id} ("${entry.certificateName}") does not cover the domain ${domain}; pick a certificate issued for it`,
    );
  }
  const left = daysLeft(leaf, now);
  if (left < minDaysRemaining) {
    throw new Error(
      `alicloudCertificateId: certificate ${id} ("${entry.certificateName}") ${left < 0 ? "has expired" : `expires in ${left} days`} ` +
        `(minDaysRemaining is ${minDaysRemaining}); renew it in SSL Certificates Service and set the new id`,
    );
  }
  return { name: entry.certificateName, notAfter: notAfter(leaf).toISOString(), issuer: formatName(leaf.issuer) };
}
