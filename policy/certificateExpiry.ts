// How long the server certificate in a PEM chain stays valid, for the certificate policy.
import { DAY_MS } from "./shared/constants";
import { certificatesIn } from "./shared/pem";

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
  // Unreadable blocks are skipped: the policy reports the text as a whole if nothing is readable.
  const certificates = certificatesIn(pem).map((c) => c.cert);
  const leaf = certificates.find((c) => !c.ca) ?? certificates[0];
  if (!leaf) return undefined;
  const notAfter = new Date(leaf.validTo);
  return {
    subject: leaf.subject.split("\n").join(", "),
    notAfter,
    daysLeft: Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS),
  };
}
