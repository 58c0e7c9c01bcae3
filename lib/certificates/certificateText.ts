// Reads a PEM list of certificates (`certificatePem`, `trustedRootsPem`): every block must be a
// certificate and nothing else may be there, because CLB serves the text as uploaded.
import type { ServedCertificate } from "./chain";
import { certificateWords, type CertificateWords } from "./messages";
import { certificateOf, readPem } from "./pem";

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
export function readCertificates(text: string, configKey: string, w: CertificateWords = certificateWords(), order = ""): CertificateText {
  const { m } = w;
  const pem = readPem(text);
  const errors: string[] = [];
  const certificates: ServedCertificate[] = [];
  const empty = pem.blocks.length === 0 && pem.damaged.length === 0;
  if (empty) {
    errors.push(m.noCertificate({ key: configKey, order }));
    return { certificates, errors, complete: false };
  }
  if (pem.strayLines.length > 0) {
    errors.push(m.textOutsideCertificates({ key: configKey, lines: w.lines(pem.strayLines) }));
  }
  for (const damage of pem.damaged) {
    errors.push(m.certificateBlockDamaged({ key: configKey, position: damage.position, reason: damage.reason }));
  }
  let complete = pem.damaged.length === 0;
  for (const block of pem.blocks) {
    if (/PRIVATE KEY/.test(block.label)) {
      // Say where the key belongs, never what it is.
      errors.push(m.privateKeyAmongCertificates({ key: configKey, position: block.position }));
      continue;
    }
    if (block.label !== "CERTIFICATE") {
      errors.push(m.otherBlockAmongCertificates({ key: configKey, position: block.position, label: block.label }));
      continue;
    }
    const certificate = certificateOf(block);
    if (certificate) {
      certificates.push(certificate);
    } else {
      errors.push(m.notX509({ key: configKey, position: block.position }));
      complete = false;
    }
  }
  return { certificates, errors, complete };
}
