// Reads `privateKeyPem` and says, in words, why CLB would refuse it. Messages never quote the
// key: they name PEM labels and line numbers only.
import { createPrivateKey, type KeyObject } from "node:crypto";
import { certificateWords, type CertificateWords } from "./messages";
import { certificateOf, readPem, toPem, type PemBlock } from "./pem";

// `-traditional` writes RSA keys in the PKCS#1 form CLB documents ("BEGIN RSA PRIVATE KEY");
// OpenSSL 3 otherwise writes PKCS#8, even from `openssl rsa`.
export const DECRYPT_KEY_COMMAND = "openssl pkey -in key.pem -out key-nopass.pem -traditional";

export interface PrivateKeyReading {
  /** The key, when it could be read. */
  readonly key?: KeyObject;
  /** PEM label of the key block, e.g. "RSA PRIVATE KEY". */
  readonly label?: string;
  readonly errors: string[];
}

const KEY_LABELS = new Set(["RSA PRIVATE KEY", "PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY"]);
const PUBLIC_KEY_LABELS = new Set(["PUBLIC KEY", "RSA PUBLIC KEY"]);

function isEncrypted(block: PemBlock): boolean {
  // PKCS#8 has its own label; PKCS#1 and SEC1 keys carry an RFC 1421 "Proc-Type: 4,ENCRYPTED" header.
  return block.label === "ENCRYPTED PRIVATE KEY" || /ENCRYPTED/i.test(block.headers.get("proc-type") ?? "");
}

export function readPrivateKey(text: string, w: CertificateWords = certificateWords()): PrivateKeyReading {
  const { m } = w;
  const pem = readPem(text);
  const errors: string[] = [];
  if (pem.strayLines.length > 0 && (pem.blocks.length > 0 || pem.damaged.length > 0)) {
    errors.push(m.textOutsideKey({ lines: w.lines(pem.strayLines) }));
  }
  for (const damage of pem.damaged) {
    errors.push(m.keyBlockDamaged({ position: damage.position, reason: damage.reason }));
  }
  // `openssl ecparam -genkey` writes the curve name in its own block before the key: harmless.
  const blocks = pem.blocks.filter((b) => b.label !== "EC PARAMETERS");
  if (blocks.length === 0) {
    if (pem.damaged.length === 0) errors.push(m.noKey());
    return { errors };
  }
  if (blocks.length > 1) {
    errors.push(m.keyManyBlocks({ count: blocks.length }));
    return { errors };
  }
  const block = blocks[0];
  if (block.label === "CERTIFICATE" || certificateOf(block)) {
    errors.push(m.keyIsCertificate());
    return { errors };
  }
  if (PUBLIC_KEY_LABELS.has(block.label)) {
    errors.push(m.keyIsPublic());
    return { errors };
  }
  if (!KEY_LABELS.has(block.label)) {
    errors.push(m.keyOtherBlock({ label: block.label }));
    return { errors };
  }
  if (isEncrypted(block)) {
    errors.push(m.keyEncrypted({ command: DECRYPT_KEY_COMMAND }));
    return { label: block.label, errors };
  }
  try {
    // Only this block: OpenSSL would otherwise skip stray text and blocks on its own.
    const key = createPrivateKey({ key: toPem(block.label, block.der), format: "pem" });
    return { key, label: block.label, errors };
  } catch {
    errors.push(m.keyUnreadable({ label: block.label }));
    return { label: block.label, errors };
  }
}
