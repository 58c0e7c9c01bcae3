// How long the server certificate in a PEM chain stays valid, for the certificate policy.
import { X509Certificate } from "node:crypto";

const DAY_MS = 24 * 60 * 60 * 1000;
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export interface LeafValidity {
  /** The leaf's subject, e.g. "CN=api.example.com". */
  readonly subject: string;
  readonly notAfter: Date;
  /** Whole days from `now` to notAfter; negative once expired. */
  readonly daysLeft: number;
}

/**
 * The validity of the server certificate in `pem` (a chain, leaf first): the first certificate
 * that is not a CA, else the first. Undefined when the text holds no readable certificate.
 */
export function leafValidity(pem: string, now: Date): LeafValidity | undefined {
  const certificates: X509Certificate[] = [];
  for (const block of pem.match(PEM_BLOCK) ?? []) {
    try {
      certificates.push(new X509Certificate(block));
    } catch {
      // An unreadable block is reported as a whole below if nothing else is readable.
    }
  }
  const leaf = certificates.find((c) => !c.ca) ?? certificates[0];
  if (!leaf) return undefined;
  const notAfter = new Date(leaf.validTo);
  return {
    subject: leaf.subject.split("\n").join(", "),
    notAfter,
    daysLeft: Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS),
  };
}
