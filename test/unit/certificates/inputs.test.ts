// checkCertificate on what the user pastes: PEM that is not a chain, keys CLB cannot take.
import { createPrivateKey, createPublicKey } from "node:crypto";
import { checkCertificate, type CertificateReport } from "../../../lib/certificates/checkCertificate";
import { DOMAIN, EC_P256, chainPem, encryptedPkcs1, encryptedPkcs8, makeFixtures, type Fixtures } from "./fixtures";

let f: Fixtures;
beforeAll(async () => {
  f = await makeFixtures();
});

/** Every message of a report, for the no-secrets assertion. */
const seen: string[] = [];
function check(overrides: Parameters<Fixtures["input"]>[0]): CertificateReport {
  const report = checkCertificate(f.input(overrides));
  seen.push(...report.errors, ...report.warnings);
  return report;
}

describe("privateKeyPem", () => {
  test("a key that belongs to another certificate", () => {
    expect(check({ privateKeyPem: f.weakKeyPkcs1 }).errors).toEqual([
      'privateKeyPem: the private key does not belong to the certificate "dev.example.com" (their public ' +
        "keys differ); use the key made with this certificate's request, or the certificate issued for this key",
    ]);
  });

  test("an encrypted key, PKCS#8 or PKCS#1 with Proc-Type", () => {
    const message =
      "privateKeyPem: the private key is protected by a passphrase, which CLB cannot use; remove the " +
      "passphrase: openssl pkey -in key.pem -out key-nopass.pem -traditional";
    expect(check({ privateKeyPem: encryptedPkcs8(f.good) }).errors).toEqual([message]);
    expect(check({ privateKeyPem: encryptedPkcs1(f.good) }).errors).toEqual([message]);
  });

  test("an unencrypted PKCS#8 RSA key is accepted: the upload converts it to PKCS#1", () => {
    expect(check({ privateKeyPem: f.good.keyPem }).errors).toEqual([]);
  });

  test("an EC key in SEC1 form after its EC PARAMETERS block is read; the EC certificate is the one problem", async () => {
    const leaf = await f.leaf({ dnsNames: [DOMAIN], key: EC_P256 });
    const sec1 = createPrivateKey(leaf.keyPem).export({ type: "sec1", format: "pem" }) as string;
    const params = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n";
    const report = check({ certificatePem: chainPem(leaf, f.pki.intermediate), privateKeyPem: params + sec1 });
    expect(report.errors).toEqual([
      expect.stringMatching(
        /^certificatePem: the certificate has an ECDSA key \(P-256\), but Alibaba Cloud CLB accepts only RSA certificates;/,
      ),
    ]);
  });

  test("a certificate, a public key, garbage, two keys, stray text, a damaged body", () => {
    const publicKey = createPublicKey(f.goodKeyPkcs1).export({ type: "spki", format: "pem" }) as string;
    expect(check({ privateKeyPem: f.good.certPem }).errors).toEqual([
      "privateKeyPem: holds a certificate, not a private key; put the certificate chain in certificatePem " +
        "and the key file (-----BEGIN RSA PRIVATE KEY-----) in privateKeyPem",
    ]);
    expect(check({ privateKeyPem: publicKey }).errors).toEqual([
      "privateKeyPem: holds a public key, not a private key; use the private key file made together with the certificate request",
    ]);
    expect(check({ privateKeyPem: "my key" }).errors).toEqual([
      "privateKeyPem: no PEM private key found; paste the whole key file, from -----BEGIN RSA PRIVATE KEY----- to -----END RSA PRIVATE KEY-----",
    ]);
    expect(check({ privateKeyPem: f.goodKeyPkcs1 + f.weakKeyPkcs1 }).errors).toEqual([
      "privateKeyPem: holds 2 PEM blocks; keep only the private key of the server certificate",
    ]);
    expect(check({ privateKeyPem: `key for ${DOMAIN}:\n${f.goodKeyPkcs1}` }).errors).toEqual([
      "privateKeyPem: has text outside the key on line 1; keep only the key, from its -----BEGIN line to its -----END line",
    ]);
    const damaged = f.goodKeyPkcs1.replace(/\n([A-Za-z0-9+/]{10})/, "\n$1!");
    expect(check({ privateKeyPem: damaged }).errors).toEqual([
      "privateKeyPem: PEM block 1 has characters that are not base64; copy the key file again, unchanged",
    ]);
  });
});

describe("certificatePem and trustedRootsPem", () => {
  test("garbage", () => {
    const report = check({ certificatePem: "hello world" });
    expect(report).toEqual({
      errors: [
        "certificatePem: no certificate found; paste the PEM text, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----, the server certificate first",
      ],
      warnings: [],
    });
  });

  test('"Bag Attributes" from openssl pkcs12 around the certificates', () => {
    const bag = (subject: string) => `Bag Attributes\n    localKeyID: 01 02\nsubject=${subject}\n`;
    const pem = bag(`CN=${DOMAIN}`) + f.good.certPem + bag("CN=checks Intermediate CA") + f.pki.intermediate.certPem;
    expect(check({ certificatePem: pem }).errors).toEqual([
      'certificatePem: has text outside the certificates on lines 1, 2, 3 and 3 more (comments, "Bag ' +
        'Attributes" or the like); keep only the -----BEGIN CERTIFICATE----- ... -----END CERTIFICATE----- blocks',
    ]);
  });

  test("a private key pasted into certificatePem is named, never shown", () => {
    const report = check({ certificatePem: chainPem(f.good, f.pki.intermediate) + f.goodKeyPkcs1 });
    expect(report.errors).toEqual([
      "certificatePem: PEM block 3 is a private key, not a certificate; remove it from certificatePem (the key belongs in privateKeyPem)",
    ]);
  });

  test("a damaged block, another kind of block, a block that is not X.509", () => {
    const noEnd = f.good.certPem.replace("-----END CERTIFICATE-----", "");
    // The chain is unknown then: nothing is said about the certificates that happened to parse.
    expect(check({ certificatePem: noEnd + f.pki.intermediate.certPem })).toEqual({
      errors: ['certificatePem: PEM block 1 has no "END CERTIFICATE" line; copy the certificate file again, unchanged'],
      warnings: [],
    });
    const csr = "-----BEGIN CERTIFICATE REQUEST-----\nMAA=\n-----END CERTIFICATE REQUEST-----\n";
    expect(check({ certificatePem: chainPem(f.good, f.pki.intermediate) + csr }).errors).toEqual([
      'certificatePem: PEM block 3 is a "CERTIFICATE REQUEST", not a certificate; remove it',
    ]);
    const notX509 = "-----BEGIN CERTIFICATE-----\nMAMCAQE=\n-----END CERTIFICATE-----\n";
    expect(check({ certificatePem: chainPem(f.good, f.pki.intermediate) + notX509 }).errors).toEqual([
      "certificatePem: PEM block 3 is not a valid X.509 certificate; copy it again from your CA's files",
    ]);
  });

  test("only the intermediate, without the server certificate", () => {
    expect(check({ certificatePem: f.pki.intermediate.certPem })).toEqual({
      errors: [
        'certificatePem: holds only CA certificates ("checks Intermediate CA"), no server certificate for ' +
          "dev.example.com; put the server certificate first, then the intermediates",
      ],
      warnings: [],
    });
  });

  test("Windows line ends and indentation (YAML block scalars) are fine", () => {
    const pem = chainPem(f.good, f.pki.intermediate)
      .split("\n")
      .map((line) => `  ${line}`)
      .join("\r\n");
    expect(check({ certificatePem: pem, privateKeyPem: f.goodKeyPkcs1.replace(/\n/g, "\r\n") })).toMatchObject({
      errors: [],
      warnings: [],
    });
  });

  test("trustedRootsPem problems name trustedRootsPem; an empty one means no extra roots", () => {
    const oopsLine = f.rootPem.split("\n").length; // the line after the root's last one
    expect(check({ trustedRootsPem: `${f.rootPem}oops\n` }).errors).toEqual([
      `trustedRootsPem: has text outside the certificates on line ${oopsLine} (comments, "Bag Attributes" ` +
        `or the like); keep only the -----BEGIN CERTIFICATE----- ... -----END CERTIFICATE----- blocks`,
    ]);
    expect(check({ trustedRootsPem: "  \n" }).errors).toEqual([expect.stringMatching(/^certificatePem: the chain is incomplete/)]);
  });

  test("an empty domain", () => {
    expect(check({ domain: " " }).errors).toEqual([
      "domain: is empty; set domain to the host the mini program calls, e.g. api.example.com",
    ]);
  });
});

test("no message, in any of the cases above, quotes private key material", () => {
  expect(seen.length).toBeGreaterThan(15);
  const keyTexts = [f.goodKeyPkcs1, f.good.keyPem, f.weakKeyPkcs1, encryptedPkcs8(f.good)];
  const fragments = keyTexts.flatMap((pem) => pem.split("\n").filter((line) => /^[A-Za-z0-9+/=]{40,}$/.test(line)));
  for (const message of seen) {
    for (const fragment of fragments) expect(message).not.toContain(fragment.slice(0, 16));
  }
});
