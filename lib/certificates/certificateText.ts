// Reads a PEM list of certificates (`certificatePem`, `trustedRootsPem`): every block must be a
// certificate and nothing else may be there, because CLB serves the text as uploaded.
import type { ServedCertificate } from "./chain";
import { certificateOf, describeLines, readPem } from "./pem";

export interface CertificateText {
  readonly certificates: ServedCertificate[];
  readonly errors: string[];
  /**
   * false when a block meant as a certificate could not be read: the chain is then unknown, and
   * checking what is left would blame the wrong certificate.
   */
  readonly complete: boolean;
}

/** `order` is said when nothing is found, e.g. "the server certificate first". */
export function readCertificates(text: string, configKey: string, order?: string): CertificateText {
  const pem = readPem(text);
  const errors: string[] = [];
  const certificates: ServedCertificate[] = [];
  const empty = pem.blocks.length === 0 && pem.damaged.length === 0;
  if (empty) {
    errors.push(
      `${configKey}: no certificate found; paste the PEM text, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----${order ? `, ${order}` : ""}`,
    );
    return { certificates, errors, complete: false };
  }
  if (pem.strayLines.length > 0) {
    errors.push(
      `${configKey}: has text outside the certificates on ${describeLines(pem.strayLines)} ` +
        `(comments, "Bag Attributes" or the like); keep only the -----BEGIN CERTIFICATE----- ... -----END CERTIFICATE----- blocks`,
    );
  }
  for (const damage of pem.damaged) {
    errors.push(`${configKey}: PEM block ${damage.position} ${damage.reason}; copy the certificate file again, unchanged`);
  }
  let complete = pem.damaged.length === 0;
  for (const block of pem.blocks) {
    if (/PRIVATE KEY/.test(block.label)) {
      // Say where the key belongs, never what it is.
      errors.push(
        `${configKey}: PEM block ${block.position} is a private key, not a certificate; remove it from ${configKey} (the key belongs in privateKeyPem)`,
      );
      continue;
    }
    if (block.label !== "CERTIFICATE") {
      errors.push(`${configKey}: PEM block ${block.position} is a "${block.label}", not a certificate; remove it`);
      continue;
    }
    const certificate = certificateOf(block);
    if (certificate) {
      certificates.push(certificate);
    } else {
      errors.push(`${configKey}: PEM block ${block.position} is not a valid X.509 certificate; copy it again from your CA's files`);
      complete = false;
    }
  }
  return { certificates, errors, complete };
}
