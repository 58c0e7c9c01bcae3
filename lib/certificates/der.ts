// Just enough DER to read a certificate's outer signatureAlgorithm (RFC 5280 4.1.1.2), which
// Node 20's X509Certificate does not expose. The certificate has already been parsed by OpenSSL
// (X509Certificate), so this only walks a known-good structure; it still checks every bound.
//
//   Certificate ::= SEQUENCE { tbsCertificate SEQUENCE, signatureAlgorithm AlgorithmIdentifier, signatureValue BIT STRING }
//   AlgorithmIdentifier ::= SEQUENCE { algorithm OBJECT IDENTIFIER, parameters ANY OPTIONAL }

const SEQUENCE = 0x30;
const OBJECT_IDENTIFIER = 0x06;

interface Tlv {
  readonly tag: number;
  /** Offset of the value's first byte. */
  readonly start: number;
  /** Offset just past the value. */
  readonly end: number;
}

/** Reads the tag-length-value at `offset`, which must lie within [offset, limit). */
export function readTlv(der: Uint8Array, offset: number, limit = der.length): Tlv {
  if (offset + 2 > limit) throw new Error(`DER: truncated header at offset ${offset}`);
  const tag = der[offset];
  if ((tag & 0x1f) === 0x1f) throw new Error(`DER: multi-byte tag at offset ${offset}`);
  const first = der[offset + 1];
  let length: number;
  let start: number;
  if (first < 0x80) {
    length = first;
    start = offset + 2;
  } else {
    const octets = first & 0x7f;
    // 0x80 is BER's indefinite length, never valid DER; more than 4 octets cannot fit a certificate.
    if (octets === 0 || octets > 4) throw new Error(`DER: unsupported length form at offset ${offset}`);
    if (offset + 2 + octets > limit) throw new Error(`DER: truncated length at offset ${offset}`);
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + der[offset + 2 + i];
    start = offset + 2 + octets;
  }
  const end = start + length;
  if (end > limit) throw new Error(`DER: value at offset ${offset} runs past its container`);
  return { tag, start, end };
}

function expectTag(tlv: Tlv, tag: number, what: string): Tlv {
  if (tlv.tag !== tag) throw new Error(`DER: expected ${what}, found tag 0x${tlv.tag.toString(16)}`);
  return tlv;
}

/** Dotted form of an OBJECT IDENTIFIER's value bytes (X.690 8.19). */
export function decodeOid(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new Error("DER: empty OBJECT IDENTIFIER");
  const arcs: number[] = [];
  let value = 0;
  for (let i = 0; i < bytes.length; i++) {
    value = value * 128 + (bytes[i] & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER / 128) throw new Error("DER: OBJECT IDENTIFIER arc too large");
    if ((bytes[i] & 0x80) === 0) {
      arcs.push(value);
      value = 0;
    } else if (i === bytes.length - 1) {
      throw new Error("DER: truncated OBJECT IDENTIFIER");
    }
  }
  // The first subidentifier packs the first two arcs: 40 * first + second, first in 0..2.
  const head = arcs[0];
  const first = head < 40 ? 0 : head < 80 ? 1 : 2;
  return [first, head - first * 40, ...arcs.slice(1)].join(".");
}

/** The OID of the algorithm the issuer signed this certificate (DER) with. */
export function signatureAlgorithmOid(der: Uint8Array): string {
  const certificate = expectTag(readTlv(der, 0), SEQUENCE, "Certificate SEQUENCE");
  const tbs = expectTag(readTlv(der, certificate.start, certificate.end), SEQUENCE, "TBSCertificate SEQUENCE");
  const algorithm = expectTag(readTlv(der, tbs.end, certificate.end), SEQUENCE, "AlgorithmIdentifier SEQUENCE");
  const oid = expectTag(readTlv(der, algorithm.start, algorithm.end), OBJECT_IDENTIFIER, "OBJECT IDENTIFIER");
  return decodeOid(der.subarray(oid.start, oid.end));
}
