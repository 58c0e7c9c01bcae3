// checkCertificate on the server certificate itself: names, dates, purpose, key and signature.
import { X509Certificate } from "node:crypto";
import { checkCertificate } from "../../../lib/certificates/checkCertificate";
import { DAY_MS, DOMAIN, EC_P256, chainPem, makeFixtures, type Fixtures } from "./fixtures";

let f: Fixtures;
beforeAll(async () => {
  f = await makeFixtures();
});

/** How messages print instants: minutes, UTC. */
function utc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** A check of `pem` (leaf, then the intermediate) with everything else good. */
async function checkLeaf(options: Parameters<Fixtures["leaf"]>[0], overrides: Parameters<Fixtures["input"]>[0] = {}) {
  const leaf = await f.leaf(options);
  return { leaf, report: checkCertificate(f.input({ certificatePem: chainPem(leaf, f.pki.intermediate), ...overrides })) };
}

describe("a good chain", () => {
  test("leaf + intermediate with the root in trustedRootsPem: no errors, no warnings, a correct summary", () => {
    const notAfter = f.good.cert.notAfter;
    const now = new Date(notAfter.getTime() - 89.5 * DAY_MS);
    for (const strict of [true, false]) {
      const report = checkCertificate(f.input({ strict, now }));
      expect(report.errors).toEqual([]);
      expect(report.warnings).toEqual([]);
      expect(report.summary).toEqual({
        subject: `CN=${DOMAIN}, O=wechat-https-backend tests`,
        issuer: "CN=checks Intermediate CA, O=wechat-https-backend tests",
        dnsNames: [DOMAIN],
        notBefore: f.good.cert.notBefore.toISOString(),
        notAfter: notAfter.toISOString(),
        daysLeft: 89,
        keyType: "rsa",
        keySize: 2048,
        curve: undefined,
        signatureAlgorithm: "ecdsa-with-SHA256",
        fingerprint256: new X509Certificate(f.good.certPem).fingerprint256,
        chainLength: 2,
      });
    }
  });

  test("without a private key (ACME/CAS sources) the certificate is still checked", () => {
    expect(checkCertificate(f.input({ privateKeyPem: undefined }))).toMatchObject({ errors: [], warnings: [] });
  });
});

describe("domain coverage (subjectAltName, one-label wildcards)", () => {
  test("a certificate for other names names them, the domain and the fix", async () => {
    const { report } = await checkLeaf({ dnsNames: ["www.example.com", "*.foo.example.com"] });
    expect(report.errors).toEqual([
      'certificatePem: the certificate covers "www.example.com" and "*.foo.example.com" but not the stack\'s ' +
        'domain "dev.example.com"; issue a certificate that lists dev.example.com (or *.example.com), or change domain',
    ]);
  });

  test("a certificate that names the domain only in its CN, with no subjectAltName, is refused with the reason", async () => {
    const { report } = await checkLeaf({ commonName: DOMAIN });
    expect(report.errors).toEqual([
      'certificatePem: the certificate names "dev.example.com" only in its subject common name (CN), which phones ignore; ' +
        "have it reissued with dev.example.com in the subjectAltName",
    ]);
  });

  test("*.example.com covers dev.example.com (any case, trailing dot) but neither example.com nor a.b.example.com", async () => {
    const wildcard = await f.leaf({ dnsNames: ["*.example.com"] });
    const check = (domain: string) => checkCertificate(f.input({ certificatePem: chainPem(wildcard, f.pki.intermediate), domain })).errors;
    expect(check("dev.example.com")).toEqual([]);
    expect(check("Dev.Example.com.")).toEqual([]);
    expect(check("example.com")).toEqual([
      'certificatePem: the certificate covers "*.example.com" but not the stack\'s domain "example.com"; ' +
        "issue a certificate that lists example.com, or change domain",
    ]);
    expect(check("a.b.example.com")).toEqual([
      'certificatePem: the certificate covers "*.example.com" but not the stack\'s domain "a.b.example.com"; ' +
        "issue a certificate that lists a.b.example.com (or *.b.example.com), or change domain",
    ]);
  });

  test("a partial wildcard (d*.example.com) does not count, as in browsers", async () => {
    const { report } = await checkLeaf({ dnsNames: ["d*.example.com"] });
    expect(report.errors).toEqual([
      expect.stringMatching(/^certificatePem: the certificate covers "d\*\.example\.com" but not the stack's domain "dev\.example\.com"/),
    ]);
  });

  test("a name only in the subject CN is ignored by phones", async () => {
    const { report } = await checkLeaf({ commonName: DOMAIN });
    expect(report.errors).toEqual([
      'certificatePem: the certificate names "dev.example.com" only in its subject common name (CN), which ' +
        "phones ignore; have it reissued with dev.example.com in the subjectAltName",
    ]);
  });

  test("a long name list is shortened", async () => {
    const names = Array.from({ length: 8 }, (_, i) => `h${i}.example.org`);
    const { report } = await checkLeaf({ dnsNames: names });
    expect(report.errors[0]).toContain(
      'covers "h0.example.org", "h1.example.org", "h2.example.org", "h3.example.org", "h4.example.org" and 3 more but not',
    );
  });
});

describe("dates", () => {
  test("expired: an error even in dev", async () => {
    const { leaf, report } = await checkLeaf({ dnsNames: [DOMAIN], notBeforeDays: -100, notAfterDays: -1 }, { strict: false });
    expect(report.errors).toEqual([
      `certificatePem: the certificate expired on ${utc(leaf.cert.notAfter)}; renew it and put the new chain in certificatePem`,
    ]);
    expect(report.summary?.daysLeft).toBeLessThan(0);
  });

  test("not yet valid", async () => {
    const { leaf, report } = await checkLeaf({ dnsNames: [DOMAIN], notBeforeDays: 2, notAfterDays: 90 });
    expect(report.errors).toEqual([
      `certificatePem: the certificate is not valid before ${utc(leaf.cert.notBefore)}; phones reject it ` +
        `until then; put the currently valid certificate in certificatePem (or check the issuing machine's clock)`,
    ]);
  });

  test("fewer than minDaysRemaining: an error when strict, a warning otherwise", async () => {
    const leaf = await f.leaf({ dnsNames: [DOMAIN], notAfterDays: 12 });
    const now = new Date(leaf.cert.notAfter.getTime() - 10 * DAY_MS - 60_000);
    const message =
      `certificatePem: the certificate expires on ${utc(leaf.cert.notAfter)}, in 10 days, fewer than ` +
      `minDaysRemaining (30); renew it and put the new chain in certificatePem (or lower minDaysRemaining)`;
    const input = { certificatePem: chainPem(leaf, f.pki.intermediate), now };
    expect(checkCertificate(f.input({ ...input, strict: true }))).toMatchObject({ errors: [message], warnings: [] });
    expect(checkCertificate(f.input({ ...input, strict: false }))).toMatchObject({ errors: [], warnings: [message] });
    expect(checkCertificate(f.input({ ...input, minDaysRemaining: 10 }))).toMatchObject({ errors: [], warnings: [] });
    expect(checkCertificate(f.input({ ...input, now: new Date(now.getTime() + 60_000 + 1) })).errors[0]).toContain("in 9 days,");
  });

  test("an impossible minDaysRemaining is reported, not silently ignored", () => {
    expect(checkCertificate(f.input({ minDaysRemaining: Number.NaN })).errors).toEqual([
      "minDaysRemaining: NaN is not a number of days; set it to 0 or more (default 30)",
    ]);
  });
});

describe("purpose", () => {
  test("a CA certificate as the server certificate", async () => {
    const { report } = await checkLeaf({ dnsNames: [DOMAIN], isCa: true });
    expect(report.errors).toEqual([
      'certificatePem: the server certificate "dev.example.com" is a CA certificate (basicConstraints ' +
        "CA:TRUE); phones refuse a CA certificate as a server certificate; issue a server certificate (CA:FALSE) " +
        "for dev.example.com",
    ]);
  });

  test("an extendedKeyUsage without serverAuth", async () => {
    const pem = await f.craftLeaf({ usages: ["1.3.6.1.5.5.7.3.2", "1.3.6.1.5.5.7.3.4"] });
    const report = checkCertificate(f.input({ certificatePem: pem + f.pki.intermediate.certPem }));
    expect(report.errors).toEqual([
      'certificatePem: the certificate "dev.example.com" is not meant for TLS servers: its extended key ' +
        "usage allows clientAuth, emailProtection but not serverAuth; issue a certificate with the serverAuth extended key usage",
    ]);
  });

  test("no extendedKeyUsage at all allows any use", async () => {
    const { report } = await checkLeaf({ dnsNames: [DOMAIN], serverAuth: false });
    expect(report.errors).toEqual([]);
  });
});

describe("keys and signatures", () => {
  test("RSA 1024", () => {
    const report = checkCertificate(f.input({ certificatePem: chainPem(f.weak, f.pki.intermediate), privateKeyPem: f.weakKeyPkcs1 }));
    expect(report.errors).toEqual([
      "certificatePem: the certificate's RSA key has 1024 bits; phones and browsers reject RSA keys under " +
        "2048 bits; issue a new certificate with a 2048-bit RSA key",
    ]);
  });

  test("an RSA size CLB does not document (3072)", async () => {
    const { report } = await checkLeaf({ dnsNames: [DOMAIN], key: { kind: "rsa", bits: 3072 } }, { privateKeyPem: undefined });
    expect(report.errors).toEqual([
      "certificatePem: the certificate's RSA key has 3072 bits, but CLB documents only 2048- and 4096-bit " +
        "RSA keys (and 1024, too weak); issue the certificate with a 2048-bit RSA key",
    ]);
  });

  test("SHA-1 signature on the leaf", async () => {
    const { report } = await checkLeaf({ dnsNames: [DOMAIN], hash: "SHA-1" });
    expect(report.errors).toEqual([
      'certificatePem: the certificate "dev.example.com" is signed with SHA-1 (ecdsa-with-SHA1); phones ' +
        "reject SHA-1 and MD5 signatures; have it reissued with SHA-256",
    ]);
    expect(report.summary?.signatureAlgorithm).toBe("ecdsa-with-SHA1");
  });

  test("ECDSA under an RSA-only policy: CLB takes no ECDSA certificate, and the policy has no ECDSA suites", async () => {
    const leaf = await f.leaf({ dnsNames: [DOMAIN], key: EC_P256 });
    const input = { certificatePem: chainPem(leaf, f.pki.intermediate), privateKeyPem: leaf.keyPem };
    for (const tlsPolicy of ["tls_cipher_policy_1_2", "tls_cipher_policy_1_2_strict"] as const) {
      expect(checkCertificate(f.input({ ...input, tlsPolicy })).errors).toEqual([
        `certificatePem: the certificate has an ECDSA key (P-256), but Alibaba Cloud CLB accepts only RSA ` +
          `certificates, and tlsPolicy ${tlsPolicy} offers only RSA cipher suites; issue an RSA certificate ` +
          `(2048-bit key) for dev.example.com`,
      ]);
    }
    // strict_with_1_3 offers ECDHE-ECDSA suites, but CLB's certificate requirements accept RSA only.
    const report = checkCertificate(f.input({ ...input, tlsPolicy: "tls_cipher_policy_1_2_strict_with_1_3" }));
    expect(report.errors).toEqual([
      "certificatePem: the certificate has an ECDSA key (P-256), but Alibaba Cloud CLB accepts only RSA " +
        "certificates; issue an RSA certificate (2048-bit key) for dev.example.com",
    ]);
    expect(report.summary).toMatchObject({ keyType: "ec", keySize: 256, curve: "prime256v1" });
  });

  test("many problems at once: all reported, once each, in a fixed order", async () => {
    const leaf = await f.leaf({
      dnsNames: ["other.example.org"],
      key: { kind: "rsa", bits: 1024 },
      hash: "SHA-1",
      notBeforeDays: -30,
      notAfterDays: -2,
    });
    const report = checkCertificate(f.input({ certificatePem: chainPem(leaf, f.pki.intermediate), privateKeyPem: f.goodKeyPkcs1 }));
    expect(report.errors).toEqual([
      expect.stringMatching(/^privateKeyPem: the private key does not belong to the certificate "other\.example\.org"/),
      expect.stringMatching(/^certificatePem: the certificate covers "other\.example\.org" but not the stack's domain/),
      `certificatePem: the certificate expired on ${utc(leaf.cert.notAfter)}; renew it and put the new chain in certificatePem`,
      expect.stringMatching(/^certificatePem: the certificate's RSA key has 1024 bits/),
      expect.stringMatching(/^certificatePem: the certificate "other\.example\.org" is signed with SHA-1/),
    ]);
    expect(new Set(report.errors).size).toBe(report.errors.length);
  });
});
