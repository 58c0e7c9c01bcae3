// Certificates for the certificate-check tests, made once per test file. RSA key generation is
// the slow part, so one 2048-bit and one 1024-bit key pair serve every RSA certificate.
// The test PKI first: it loads the reflect-metadata polyfill @peculiar/x509 needs.
import { EC_P256, chainPem, createPki, issue, type Issued, type IssueOptions, type TestPki } from "../../support/pki";
import { createPrivateKey } from "node:crypto";
import * as x509 from "@peculiar/x509";
import type { CertificateCheckInput } from "../../../lib/certificates/checkCertificate";
import { DAY_MS } from "../../../lib/constants";

export { DAY_MS };
export const DOMAIN = "dev.example.com";

type KeyPair = Issued["keys"];

/** The PKCS#1 form CLB documents ("BEGIN RSA PRIVATE KEY"); the test PKI writes PKCS#8. */
export function pkcs1(issued: Issued): string {
  return createPrivateKey(issued.keyPem).export({ type: "pkcs1", format: "pem" }) as string;
}

export function encryptedPkcs8(issued: Issued): string {
  return createPrivateKey(issued.keyPem).export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: "secret" }) as string;
}

export function encryptedPkcs1(issued: Issued): string {
  return createPrivateKey(issued.keyPem).export({ type: "pkcs1", format: "pem", cipher: "aes-256-cbc", passphrase: "secret" }) as string;
}

export interface CraftOptions {
  /** extendedKeyUsage OIDs; default serverAuth. */
  readonly usages?: string[];
  /** The key that signs; default the issuer's. Another key makes a forgery with the issuer's name and key identifier. */
  readonly signingKey?: KeyPair["privateKey"];
}

/** A leaf made by hand, for what the test PKI cannot make: odd extended key usages, bad signatures. */
async function craftLeaf(issuer: Issued, keys: KeyPair, options: CraftOptions): Promise<string> {
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: "0badc0de",
    subject: `CN=${DOMAIN}`,
    issuer: issuer.cert.subject,
    notBefore: new Date(Date.now() - DAY_MS),
    notAfter: new Date(Date.now() + 90 * DAY_MS),
    signingAlgorithm: { name: "ECDSA", hash: "SHA-256" },
    publicKey: keys.publicKey,
    signingKey: options.signingKey ?? issuer.keys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      await x509.AuthorityKeyIdentifierExtension.create(issuer.cert),
      new x509.ExtendedKeyUsageExtension(options.usages ?? [x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([{ type: "dns", value: DOMAIN }]),
    ],
  });
  return cert.toString("pem") + "\n";
}

export interface Fixtures {
  readonly pki: TestPki;
  /** The private root, for trustedRootsPem. */
  readonly rootPem: string;
  /** dev.example.com, RSA 2048, under the intermediate. */
  readonly good: Issued;
  readonly goodKeyPkcs1: string;
  /** A second, unrelated RSA (1024-bit) key pair's certificate, for mismatches and weak keys. */
  readonly weak: Issued;
  readonly weakKeyPkcs1: string;
  /** Issues an RSA 2048 leaf for the shared key under the intermediate (or `issuer`). */
  leaf(options: IssueOptions, issuer?: Issued): Promise<Issued>;
  /** A hand-made leaf (shared RSA key) under the intermediate (an EC P-256 CA). */
  craftLeaf(options: CraftOptions): Promise<string>;
  /** An input that passes every check; override what a test breaks. */
  input(overrides?: Partial<CertificateCheckInput>): CertificateCheckInput;
}

export async function makeFixtures(): Promise<Fixtures> {
  const pki = await createPki("checks");
  const good = await pki.leaf({ dnsNames: [DOMAIN] });
  const weak = await pki.leaf({ dnsNames: [DOMAIN], key: { kind: "rsa", bits: 1024 } });
  const leaf = (options: IssueOptions, issuer: Issued = pki.intermediate): Promise<Issued> =>
    issue({ key: good.keySpec, ...options }, issuer, options.key && options.key !== good.keySpec ? undefined : good.keys);
  const goodKeyPkcs1 = pkcs1(good);
  return {
    pki,
    rootPem: pki.root.certPem,
    good,
    goodKeyPkcs1,
    weak,
    weakKeyPkcs1: pkcs1(weak),
    leaf,
    craftLeaf: (options) => craftLeaf(pki.intermediate, good.keys, options),
    input: (overrides = {}) => ({
      certificatePem: chainPem(good, pki.intermediate),
      privateKeyPem: goodKeyPkcs1,
      domain: DOMAIN,
      tlsPolicy: "tls_cipher_policy_1_2_strict_with_1_3",
      minDaysRemaining: 30,
      strict: true,
      trustedRootsPem: pki.root.certPem,
      ...overrides,
    }),
  };
}

export { EC_P256, chainPem, issue };
