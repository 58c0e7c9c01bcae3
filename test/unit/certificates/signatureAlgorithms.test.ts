// `signatureAlgorithm` (the certificate's outer signatureAlgorithm, read with @peculiar/asn1-x509),
// checked against OpenSSL's own reading.
import { execFileSync } from "node:child_process";
import { safeSignatureAlgorithm } from "../../../lib/certificates/keyStrength";
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
    // The RSA root's outer sha256WithRSAEncryption (1.2.840.113549.1.1.11) turned into ...1.1.99:
    // the last copy of the OID in the DER is the outer one (the TBS copy comes first).
    const der = Buffer.from(certs[3].cert.rawData);
    const sha256WithRsa = Buffer.from([0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b]);
    const outer = der.lastIndexOf(sha256WithRsa);
    expect(outer).toBeGreaterThan(der.indexOf(sha256WithRsa));
    der[outer + sha256WithRsa.length - 1] = 99;
    expect(signatureAlgorithm(der)).toEqual({ oid: "1.2.840.113549.1.1.99", name: "1.2.840.113549.1.1.99" });
  });

  test("bytes that are not a certificate throw, and safeSignatureAlgorithm turns that into undefined", () => {
    const der = Buffer.from(certs[0].cert.rawData);
    for (const broken of [Uint8Array.from([0x02, 0x01, 0x00]), der.subarray(0, der.length - 10), new Uint8Array(0)]) {
      expect(() => signatureAlgorithm(broken)).toThrow();
      expect(safeSignatureAlgorithm(broken)).toBeUndefined();
    }
  });
});
