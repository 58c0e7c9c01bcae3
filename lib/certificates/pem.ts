// A strict reader for PEM text (RFC 7468, with the RFC 1421 headers OpenSSL still writes for
// encrypted PKCS#1 keys). Node's own parsers take the first block of a PEM string and skip
// whatever surrounds it; CLB serves exactly what was uploaded, so every block and every stray
// line has to be accounted for before anything is declared. This is the project's one PEM reader:
// the stack's checks, the CLB upload, the verifier's --cacert and the policy pack (through its copy
// in policy/shared, which is why this file imports nothing of the program) all read PEM with it.
// No kept library fits: PEM libraries (and Node) hand back the blocks they can decode and drop the
// rest silently, while the checks here must name every damaged block and stray line.
import { X509Certificate } from "node:crypto";

export interface PemBlock {
  /** 1-based position among the blocks of the text. */
  readonly position: number;
  /** The label between BEGIN and END, e.g. "CERTIFICATE" or "RSA PRIVATE KEY". */
  readonly label: string;
  /** RFC 1421 headers such as Proc-Type (only encrypted PKCS#1/SEC1 keys have them). */
  readonly headers: ReadonlyMap<string, string>;
  readonly der: Buffer;
}

export interface PemDamage {
  readonly position: number;
  /** What is wrong, in words for the message ("has no END line", ...). */
  readonly reason: string;
}

export interface PemText {
  readonly blocks: PemBlock[];
  /** Blocks that could not be read; they are not in `blocks`. */
  readonly damaged: PemDamage[];
  /** 1-based numbers of non-blank lines outside any block (comments, "Bag Attributes", ...). */
  readonly strayLines: number[];
}

const BEGIN = /^-----BEGIN ([A-Z0-9][A-Z0-9 ]*)-----$/;
const END = /^-----END ([A-Z0-9][A-Z0-9 ]*)-----$/;
const HEADER = /^([A-Za-z0-9-]+):\s*(.*)$/;
const BASE64_LINE = /^[A-Za-z0-9+/]*={0,2}$/;

interface OpenBlock {
  readonly position: number;
  readonly label: string;
  readonly headers: Map<string, string>;
  base64: string;
  inBody: boolean;
  bad?: string;
}

function finish(open: OpenBlock, endLabel: string): PemBlock | PemDamage {
  if (endLabel !== open.label) {
    return { position: open.position, reason: `ends with "END ${endLabel}" instead of "END ${open.label}"` };
  }
  if (open.bad) return { position: open.position, reason: open.bad };
  const der = Buffer.from(open.base64, "base64");
  // Node's decoder silently drops invalid characters and padding; a round trip proves nothing was lost.
  if (open.base64.length === 0 || der.toString("base64") !== open.base64) {
    return { position: open.position, reason: "has a damaged base64 body" };
  }
  return { position: open.position, label: open.label, headers: open.headers, der };
}

/** Splits PEM text into blocks; never throws. */
export function readPem(text: string): PemText {
  const blocks: PemBlock[] = [];
  const damaged: PemDamage[] = [];
  const strayLines: number[] = [];
  let open: OpenBlock | undefined;
  let count = 0;

  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    const lineNumber = index + 1;
    if (!open) {
      const begin = BEGIN.exec(line);
      if (begin) open = { position: ++count, label: begin[1], headers: new Map(), base64: "", inBody: false };
      else if (line !== "") strayLines.push(lineNumber);
      return;
    }
    const end = END.exec(line);
    if (end) {
      const result = finish(open, end[1]);
      if ("der" in result) blocks.push(result);
      else damaged.push(result);
      open = undefined;
      return;
    }
    if (BEGIN.test(line)) {
      damaged.push({ position: open.position, reason: `has no "END ${open.label}" line` });
      const begin = BEGIN.exec(line) as RegExpExecArray;
      open = { position: ++count, label: begin[1], headers: new Map(), base64: "", inBody: false };
      return;
    }
    if (line === "") {
      // A blank line separates RFC 1421 headers from the body; anywhere else it is tolerated.
      if (open.headers.size > 0) open.inBody = true;
      return;
    }
    const header = open.inBody || open.base64 !== "" ? null : HEADER.exec(line);
    if (header) {
      open.headers.set(header[1].toLowerCase(), header[2]);
      return;
    }
    open.inBody = true;
    if (!BASE64_LINE.test(line)) open.bad ??= "has characters that are not base64";
    else open.base64 += line;
  });
  if (open) damaged.push({ position: open.position, reason: `has no "END ${open.label}" line` });
  return { blocks, damaged, strayLines };
}

/** Line numbers for a message: "line 3" or "lines 1, 2, 7 and 2 more". */
export function describeLines(lines: readonly number[]): string {
  if (lines.length === 1) return `line ${lines[0]}`;
  const shown = lines.slice(0, 3);
  const rest = lines.length - shown.length;
  return rest > 0 ? `lines ${shown.join(", ")} and ${rest} more` : `lines ${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}

/** Canonical PEM for one block (64-character lines, no headers). */
export function toPem(label: string, der: Uint8Array): string {
  const body = Buffer.from(der)
    .toString("base64")
    .replace(/(.{64})/g, "$1\n")
    .replace(/\n$/, "");
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

/** A CERTIFICATE block read as X.509. */
export interface PemCertificate {
  /** 1-based position among the blocks of the text. */
  readonly position: number;
  readonly cert: X509Certificate;
  readonly der: Buffer;
}

/** The block's bytes as an X.509 certificate (whatever its label), or undefined when they are not one. */
export function certificateOf(block: PemBlock): PemCertificate | undefined {
  try {
    return { position: block.position, cert: new X509Certificate(block.der), der: block.der };
  } catch {
    return undefined;
  }
}

/**
 * The readable certificates among the CERTIFICATE blocks of `text`, in order, skipping anything
 * else: for lenient readers (trust bundles, the policy's expiry check). Strict readers use readPem.
 */
export function certificatesIn(text: string): PemCertificate[] {
  return readPem(text)
    .blocks.filter((block) => block.label === "CERTIFICATE")
    .flatMap((block) => certificateOf(block) ?? []);
}
