// The tiny DER walk behind `signatureAlgorithm`, checked against OpenSSL's own reading.
import { execFileSync } from "node:child_process";
import { decodeOid, readTlv, signatureAlgorithmOid } from "../../../lib/certificates/der";
import { signatureAlgorithm } from "../../../lib/certificates/signatureAlgorithms";
import { EC_P256, issue, type Issued } from "../../support/pki";

function opensslSignatureAlgorithm(pem: string): string {
  let text: string;
  try {
    text = execFileSync("openssl", ["x509", "-noout", "-text"], { input: pem }).toString();
  } catch (err) {
    throw new Error(`openssl is needed to cross-check the DER reader (apt-get install openssl): ${String(err)}`, { cause: err });
  }
  const match = /Signature Algorithm: (\S+)/.exec(text);
  if (!match) throw new Error("openssl printed no Signature Algorithm");
  return match[1];
}

describe("signatureAlgorithm", () => {
  let certs: Issued[];
  beforeAll(async () => {
    const ecRoot = await issue({ commonName: "EC Root", isCa: true, key: EC_P256 });
    const rsaRoot = await issue({ commonName: "RSA Root", isCa: true, key: { kind: "rsa", bits: 1024 } });
    certs = [
      ecRoot,
      await issue({ dnsNames: ["a.example.com"], key: EC_P256, hash: "SHA-1" }, ecRoot),
      await issue({ dnsNames: ["b.example.com"], key: EC_P256, hash: "SHA-384" }, ecRoot),
      rsaRoot,
      await issue({ dnsNames: ["c.example.com"], key: EC_P256, hash: "SHA-1" }, rsaRoot),
      await issue({ dnsNames: ["d.example.com"], key: EC_P256, hash: "SHA-384" }, rsaRoot),
    ];
  });

  test("names what `openssl x509 -text` names, for ECDSA and RSA signatures with SHA-1/256/384", () => {
    const ours = certs.map((c) => signatureAlgorithm(Buffer.from(c.cert.rawData)).name);
    expect(ours).toEqual(certs.map((c) => opensslSignatureAlgorithm(c.certPem)));
    expect(ours).toEqual([
      "ecdsa-with-SHA256",
      "ecdsa-with-SHA1",
      "ecdsa-with-SHA384",
      "sha256WithRSAEncryption",
      "sha1WithRSAEncryption",
      "sha384WithRSAEncryption",
    ]);
    expect(signatureAlgorithm(Buffer.from(certs[4].cert.rawData)).digest).toBe("sha1");
  });

  test("an OID it does not know is reported as the OID, without a digest", () => {
    // SEQUENCE { SEQUENCE {}, SEQUENCE { OID 1.2.3.4 }, BIT STRING }
    const der = Uint8Array.from([0x30, 0x0b, 0x30, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2a, 0x03, 0x04, 0x03, 0x00]);
    expect(signatureAlgorithm(der)).toEqual({ oid: "1.2.3.4", name: "1.2.3.4" });
  });
});

describe("DER reader", () => {
  test("decodes OIDs, including multi-byte arcs and the 2.x first arc", () => {
    expect(decodeOid(Uint8Array.from([0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b]))).toBe("1.2.840.113549.1.1.11");
    expect(decodeOid(Uint8Array.from([0x55, 0x1d, 0x25]))).toBe("2.5.29.37");
    expect(decodeOid(Uint8Array.from([0x88, 0x37]))).toBe("2.999");
    expect(() => decodeOid(Uint8Array.from([0x2a, 0x86]))).toThrow("truncated OBJECT IDENTIFIER");
    expect(() => decodeOid(new Uint8Array(0))).toThrow("empty OBJECT IDENTIFIER");
  });

  test("reads short and long lengths", () => {
    expect(readTlv(Uint8Array.from([0x04, 0x02, 0xaa, 0xbb]), 0)).toEqual({ tag: 0x04, start: 2, end: 4 });
    const long = new Uint8Array(4 + 300);
    long.set([0x04, 0x82, 0x01, 0x2c]);
    expect(readTlv(long, 0)).toEqual({ tag: 0x04, start: 4, end: 304 });
  });

  test("refuses what DER forbids or what runs past the buffer", () => {
    expect(() => readTlv(Uint8Array.from([0x30, 0x80, 0x00, 0x00]), 0)).toThrow("unsupported length form");
    expect(() => readTlv(Uint8Array.from([0x30, 0x05, 0x00]), 0)).toThrow("runs past its container");
    expect(() => readTlv(Uint8Array.from([0x30, 0x82, 0x01]), 0)).toThrow("truncated length");
    expect(() => readTlv(Uint8Array.from([0x30]), 0)).toThrow("truncated header");
    expect(() => readTlv(Uint8Array.from([0x1f, 0x01, 0x00]), 0)).toThrow("multi-byte tag");
    // A value may not leave its container even when the buffer goes on.
    expect(() => readTlv(Uint8Array.from([0x04, 0x03, 0x00, 0x00, 0x00]), 0, 3)).toThrow("runs past its container");
  });

  test("refuses a structure that is not a certificate", () => {
    expect(() => signatureAlgorithmOid(Uint8Array.from([0x02, 0x01, 0x00]))).toThrow("expected Certificate SEQUENCE");
    expect(() => signatureAlgorithmOid(Uint8Array.from([0x30, 0x04, 0x30, 0x00, 0x02, 0x00]))).toThrow(
      "expected AlgorithmIdentifier SEQUENCE",
    );
  });
});
