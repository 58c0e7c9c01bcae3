// checkCertificate on the chain: order, strays, intermediates and trust.
import { X509Certificate } from "node:crypto";
import * as tls from "node:tls";
import { checkCertificate } from "../../../lib/certificates/checkCertificate";
import { TrustStore, judgeTrust } from "../../../lib/certificates/chain";
import { DOMAIN, EC_P256, chainPem, issue, makeFixtures, type Fixtures } from "./fixtures";
import type { Issued } from "../../support/pki";

let f: Fixtures;
let selfSigned: Issued;
beforeAll(async () => {
  f = await makeFixtures();
  selfSigned = await issue({ dnsNames: [DOMAIN] }, undefined, f.good.keys);
});

const INCOMPLETE_FIX =
  "phones reject such a chain even when desktop browsers fill the gap; append your CA's intermediate " +
  'certificate(s) after the server certificate (the "full chain" file), or, for a private test PKI, add ' +
  "its root to trustedRootsPem";

describe("incomplete chains", () => {
  test("a missing intermediate: an error in prod, a warning in dev", () => {
    const message =
      `certificatePem: the chain is incomplete: "dev.example.com" was issued by "checks Intermediate CA", ` +
      `which is neither in certificatePem nor a trusted root; ${INCOMPLETE_FIX}`;
    expect(checkCertificate(f.input({ certificatePem: f.good.certPem, strict: true }))).toMatchObject({ errors: [message], warnings: [] });
    expect(checkCertificate(f.input({ certificatePem: f.good.certPem, strict: false }))).toMatchObject({ errors: [], warnings: [message] });
  });

  test("a root that is neither served nor trusted", () => {
    const report = checkCertificate(f.input({ trustedRootsPem: undefined }));
    expect(report.errors).toEqual([
      `certificatePem: the chain is incomplete: "checks Intermediate CA" was issued by "checks Root CA", ` +
        `which is neither in certificatePem nor a trusted root; ${INCOMPLETE_FIX}`,
    ]);
  });

  test("a signature that does not verify breaks the chain, even with the issuer's name and key identifier", async () => {
    const forged = await f.craftLeaf({ signingKey: f.pki.root.keys.privateKey });
    expect(checkCertificate(f.input({ certificatePem: forged + f.pki.intermediate.certPem })).errors).toEqual([
      'certificatePem: certificate 2 ("checks Intermediate CA") is not part of the chain of "dev.example.com" (it issued none of its certificates); remove it',
      `certificatePem: the chain is incomplete: "dev.example.com" was issued by "checks Intermediate CA", ` +
        `which is neither in certificatePem nor a trusted root; ${INCOMPLETE_FIX}`,
    ]);
    const genuine = await f.craftLeaf({});
    expect(checkCertificate(f.input({ certificatePem: genuine + f.pki.intermediate.certPem })).errors).toEqual([]);
  });

  test("an intermediate from another CA does not complete the chain, and is a stray", async () => {
    const otherIntermediate = await issue({ commonName: "checks Intermediate CA", isCa: true, key: EC_P256 }, f.pki.root);
    const report = checkCertificate(f.input({ certificatePem: chainPem(f.good, otherIntermediate) }));
    expect(report.errors).toEqual([
      'certificatePem: certificate 2 ("checks Intermediate CA") is not part of the chain of "dev.example.com" (it issued none of its certificates); remove it',
      `certificatePem: the chain is incomplete: "dev.example.com" was issued by "checks Intermediate CA", ` +
        `which is neither in certificatePem nor a trusted root; ${INCOMPLETE_FIX}`,
    ]);
  });
});

describe("issuers that are not CAs", () => {
  /** A leaf under a "Fake CA" that the root issued with these extensions, served with it. */
  async function throughFakeCa(extensions: { isCa: boolean; basicConstraints: "ca" | "notCa" | "absent" }) {
    const fake = await issue({ commonName: "checks Fake CA", key: EC_P256, ...extensions }, f.pki.intermediate);
    const leaf = await f.leaf({ dnsNames: [DOMAIN] }, fake);
    return checkCertificate(f.input({ certificatePem: chainPem(leaf, fake, f.pki.intermediate), strict: false }));
  }
  const NOT_CA =
    'certificatePem: the intermediate certificate "checks Fake CA" (certificate 2) signed "dev.example.com" but is not a ' +
    "CA certificate (it lacks basicConstraints CA:TRUE or the keyCertSign key usage); phones reject a chain through it; " +
    "get the current intermediate certificate from your CA";

  test.each([
    ["basicConstraints CA:FALSE", "notCa"],
    ["no basicConstraints at all", "absent"],
  ] as const)("an issuer with %s but allowed to sign certificates is an error, even in dev", async (_what, basicConstraints) => {
    expect(await throughFakeCa({ isCa: true, basicConstraints })).toMatchObject({ errors: [NOT_CA], warnings: [] });
  });

  test("an issuer without keyCertSign (a server certificate used as one) is named, not taken for a missing intermediate or a stray", async () => {
    for (const basicConstraints of ["ca", "notCa", "absent"] as const) {
      expect(await throughFakeCa({ isCa: false, basicConstraints })).toMatchObject({ errors: [NOT_CA], warnings: [] });
    }
  });
});

describe("order and strays", () => {
  test("the intermediate before the leaf", () => {
    const report = checkCertificate(f.input({ certificatePem: chainPem(f.pki.intermediate, f.good) }));
    expect(report.errors).toEqual([
      "certificatePem: the chain is out of order; CLB sends it as uploaded, and it must start with the server " +
        'certificate, each certificate followed by the one that issued it; order it: "dev.example.com" ' +
        '(certificate 2), then "checks Intermediate CA" (certificate 1)',
    ]);
    expect(report.summary?.subject).toBe(`CN=${DOMAIN}, O=wechat-https-backend tests`);
  });

  test("intermediates that do not each issue the previous one", async () => {
    const sub = await issue({ commonName: "checks Sub CA", isCa: true, key: EC_P256 }, f.pki.intermediate);
    const leaf = await f.leaf({ dnsNames: [DOMAIN] }, sub);
    expect(checkCertificate(f.input({ certificatePem: chainPem(leaf, sub, f.pki.intermediate) })).errors).toEqual([]);
    expect(checkCertificate(f.input({ certificatePem: chainPem(leaf, f.pki.intermediate, sub) })).errors).toEqual([
      "certificatePem: the chain is out of order; CLB sends it as uploaded, and it must start with the server " +
        'certificate, each certificate followed by the one that issued it; order it: "dev.example.com" ' +
        '(certificate 1), then "checks Sub CA" (certificate 3), then "checks Intermediate CA" (certificate 2)',
    ]);
  });

  test("an unrelated certificate and a duplicate", async () => {
    const unrelated = await issue({ commonName: "Unrelated CA", isCa: true, key: EC_P256 });
    const report = checkCertificate(f.input({ certificatePem: chainPem(f.good, f.pki.intermediate, unrelated, f.pki.intermediate) }));
    expect(report.errors).toEqual([
      'certificatePem: certificate 3 ("Unrelated CA") is not part of the chain of "dev.example.com" (it issued none of its certificates); remove it',
      'certificatePem: certificate 4 is a copy of certificate 2 ("checks Intermediate CA"); remove the copy',
    ]);
    expect(report.summary?.chainLength).toBe(4);
  });

  test("serving the root is harmless: a warning only", () => {
    const report = checkCertificate(f.input({ certificatePem: chainPem(f.good, f.pki.intermediate, f.pki.root) }));
    expect(report).toMatchObject({
      errors: [],
      warnings: [
        'certificatePem: the chain includes the root certificate "checks Root CA" (certificate 3); that is ' +
          "harmless, but phones use their own copy and it adds bytes to every handshake; you may remove it",
      ],
    });
  });

  test("a served root nobody trusts: an error in prod, a warning in dev", () => {
    const message =
      'certificatePem: the chain ends at the root "checks Root CA" (certificate 3), which phones do not ' +
      "trust (it is neither a public root nor in trustedRootsPem); use a certificate from a public CA, or, " +
      "for a private test PKI, add its root to trustedRootsPem";
    const input = { certificatePem: chainPem(f.good, f.pki.intermediate, f.pki.root), trustedRootsPem: undefined };
    expect(checkCertificate(f.input({ ...input, strict: true }))).toMatchObject({ errors: [message], warnings: [] });
    expect(checkCertificate(f.input({ ...input, strict: false }))).toMatchObject({ errors: [], warnings: [message] });
  });
});

describe("self-signed certificates", () => {
  const GENERIC =
    "certificatePem: the certificate is self-signed; phones reject self-signed certificates; use a " +
    "certificate from a public CA, or, for a private test PKI, add its root to trustedRootsPem";
  const EXPECTED_IN_DEV =
    "certificatePem: the certificate is self-signed, as expected for a self-signed dev certificate; phones " +
    "reject self-signed certificates, so only the developer tools (with domain checks off) will connect; " +
    "use a certificate from a public CA to test on phones";

  test("in prod: an error, even when selfSignedAllowed", () => {
    for (const selfSignedAllowed of [false, true]) {
      const report = checkCertificate(f.input({ certificatePem: selfSigned.certPem, selfSignedAllowed, strict: true }));
      expect(report).toMatchObject({ errors: [GENERIC], warnings: [] });
    }
  });

  test("in dev with selfSignedAllowed: a warning that phones reject it", () => {
    const report = checkCertificate(f.input({ certificatePem: selfSigned.certPem, selfSignedAllowed: true, strict: false }));
    expect(report).toMatchObject({ errors: [], warnings: [EXPECTED_IN_DEV] });
    expect(report.summary).toMatchObject({
      issuer: `CN=${DOMAIN}, O=wechat-https-backend tests`,
      signatureAlgorithm: "sha256WithRSAEncryption",
    });
  });

  test("in dev without selfSignedAllowed: the generic warning", () => {
    const report = checkCertificate(f.input({ certificatePem: selfSigned.certPem, strict: false }));
    expect(report).toMatchObject({ errors: [], warnings: [GENERIC] });
  });

  test("CA:TRUE (what `openssl req -x509` writes) is tolerated only for an allowed self-signed dev certificate", async () => {
    const caSelfSigned = await issue({ dnsNames: [DOMAIN], isCa: true }, undefined, f.good.keys);
    const dev = checkCertificate(f.input({ certificatePem: caSelfSigned.certPem, selfSignedAllowed: true, strict: false }));
    expect(dev).toMatchObject({ errors: [], warnings: [EXPECTED_IN_DEV] });
    const prod = checkCertificate(f.input({ certificatePem: caSelfSigned.certPem, selfSignedAllowed: true, strict: true }));
    expect(prod.errors).toEqual([
      expect.stringMatching(/^certificatePem: the server certificate "dev\.example\.com" is a CA certificate/),
      GENERIC,
    ]);
  });

  test("a self-signed certificate listed in trustedRootsPem is trusted", () => {
    const report = checkCertificate(f.input({ certificatePem: selfSigned.certPem, trustedRootsPem: selfSigned.certPem }));
    expect(report).toMatchObject({ errors: [], warnings: [] });
  });
});

describe("intermediates", () => {
  const FIX = "get the current intermediate certificate from your CA";

  test("SHA-1, expired, weak RSA key, odd curve", async () => {
    const sha1 = await issue({ commonName: "SHA1 CA", isCa: true, key: EC_P256, hash: "SHA-1" }, f.pki.root);
    const expired = await issue({ commonName: "Old CA", isCa: true, key: EC_P256, notBeforeDays: -400, notAfterDays: -5 }, f.pki.root);
    const rsa1024 = await issue({ commonName: "Weak CA", isCa: true, key: { kind: "rsa", bits: 1024 } }, f.pki.root);
    const p521 = await issue({ commonName: "P521 CA", isCa: true, key: { kind: "ec", curve: "P-521" } }, f.pki.root);
    const under = async (ca: Issued) => {
      const leaf = await f.leaf({ dnsNames: [DOMAIN] }, ca);
      return checkCertificate(f.input({ certificatePem: chainPem(leaf, ca) })).errors;
    };
    expect(await under(sha1)).toEqual([
      `certificatePem: the intermediate certificate "SHA1 CA" (certificate 2) is signed with SHA-1 ` +
        `(ecdsa-with-SHA1); phones reject SHA-1 and MD5 signatures; ${FIX}`,
    ]);
    expect(await under(expired)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^certificatePem: the intermediate certificate "Old CA" \\(certificate 2\\) expired on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC; ${FIX}$`,
        ),
      ),
    ]);
    expect(await under(rsa1024)).toEqual([
      `certificatePem: the intermediate certificate "Weak CA" (certificate 2) has a 1024-bit RSA key (under 2048 bits); phones reject it; ${FIX}`,
    ]);
    expect(await under(p521)).toEqual([
      `certificatePem: the intermediate certificate "P521 CA" (certificate 2) has an EC key on P-521 (only ` +
        `P-256 and P-384 work everywhere); phones reject it; ${FIX}`,
    ]);
  });

  test("the root's own SHA-1 self-signature does not matter", async () => {
    const sha1Root = await issue({ commonName: "SHA1 Root", isCa: true, key: EC_P256, hash: "SHA-1" });
    const ca = await issue({ commonName: "Good CA", isCa: true, key: EC_P256 }, sha1Root);
    const leaf = await f.leaf({ dnsNames: [DOMAIN] }, ca);
    const report = checkCertificate(f.input({ certificatePem: chainPem(leaf, ca), trustedRootsPem: sha1Root.certPem }));
    expect(report).toMatchObject({ errors: [], warnings: [] });
  });
});

describe("system roots", () => {
  test("Node's bundled public roots are trust anchors without trustedRootsPem", () => {
    const publicRoot = new X509Certificate(tls.rootCertificates[0]);
    const store = new TrustStore([]);
    expect(store.contains(publicRoot)).toBe(true);
    expect(store.contains(new X509Certificate(f.pki.root.certPem))).toBe(false);
    const trust = judgeTrust([{ position: 1, cert: publicRoot, der: publicRoot.raw }], store);
    expect(trust.kind === "trusted" && [trust.anchor, trust.root.fingerprint256]).toEqual([0, publicRoot.fingerprint256]);
  });
});
