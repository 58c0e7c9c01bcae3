import { execFileSync } from "node:child_process";
import { X509Certificate, createPrivateKey } from "node:crypto";
import { DAY_MS } from "../../../lib/constants";
import { EC_P256, createPki, issue, chainPem } from "../../support/pki";

function opensslText(pem: string): string {
  return execFileSync("openssl", ["x509", "-noout", "-text"], { input: pem }).toString();
}

test("test PKI issues verifiable chains and defective leaves", async () => {
  const pki = await createPki();
  const leaf = await pki.leaf({ dnsNames: ["dev.example.com"] });
  const c = new X509Certificate(leaf.certPem);
  expect(c.checkIssued(new X509Certificate(pki.intermediate.certPem))).toBe(true);
  expect(c.verify(new X509Certificate(pki.intermediate.certPem).publicKey)).toBe(true);
  expect(c.checkPrivateKey(createPrivateKey(leaf.keyPem))).toBe(true);
  expect(c.checkHost("dev.example.com")).toBe("dev.example.com");
  // The intermediate is an EC key: a SHA-1 leaf under it is signed ecdsa-with-SHA1, and still verifies.
  const sha1 = await pki.leaf({ dnsNames: ["a.example.com"], hash: "SHA-1" });
  expect(opensslText(sha1.certPem)).toMatch(/Signature Algorithm: ecdsa-with-SHA1/);
  expect(new X509Certificate(sha1.certPem).verify(new X509Certificate(pki.intermediate.certPem).publicKey)).toBe(true);
  const rsaRoot = await issue({ commonName: "R", isCa: true });
  const weak = await issue({ dnsNames: ["w.example.com"], key: { kind: "rsa", bits: 1024 }, hash: "SHA-1" }, rsaRoot);
  const wc = new X509Certificate(weak.certPem);
  expect(wc.publicKey.asymmetricKeyDetails?.modulusLength).toBe(1024);
  expect(wc.verify(new X509Certificate(rsaRoot.certPem).publicKey)).toBe(true);
  const expired = await pki.leaf({ dnsNames: ["e.example.com"], notBeforeDays: -100, notAfterDays: -1 });
  expect(new Date(new X509Certificate(expired.certPem).validTo).getTime()).toBeLessThan(Date.now());
  expect(chainPem(leaf, pki.intermediate).match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
  expect(opensslText(weak.certPem)).toMatch(/Signature Algorithm: sha1WithRSAEncryption/);
});

test("test PKI makes issuers that are not CAs, and leaves named only in their CN or not valid yet", async () => {
  const pki = await createPki();
  const text = async (options: Parameters<typeof issue>[0]) =>
    opensslText((await issue({ key: EC_P256, ...options }, pki.intermediate)).certPem);
  expect(await text({ commonName: "CA", isCa: true })).toMatch(/Basic Constraints: critical\s+CA:TRUE[\s\S]*Certificate Sign/);
  const caFalse = await text({ commonName: "not a CA", isCa: true, basicConstraints: "notCa" });
  expect(caFalse).toMatch(/Basic Constraints: critical\s+CA:FALSE[\s\S]*Certificate Sign/);
  const absent = await text({ commonName: "no constraints", isCa: true, basicConstraints: "absent" });
  expect([absent.includes("Basic Constraints"), /Certificate Sign/.test(absent)]).toEqual([false, true]);
  const cnOnly = new X509Certificate((await pki.leaf({ commonName: "cn.example.com", key: EC_P256 })).certPem);
  expect([cnOnly.subject.split("\n")[0], cnOnly.subjectAltName]).toEqual(["CN=cn.example.com", undefined]);
  const later = new X509Certificate((await pki.leaf({ dnsNames: ["a.example.com"], key: EC_P256, notBeforeDays: 2 })).certPem);
  expect(new Date(later.validFrom).getTime()).toBeGreaterThan(Date.now() + DAY_MS);
});
