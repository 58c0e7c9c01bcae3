// A certificate for a stack run against the emulator (certificateSource pem): RSA, as the load
// balancer takes only RSA (lib/certificates), signed by an intermediate of a lab root, so the chain
// the stack uploads is the leaf and the intermediate, and the root goes to trustedRootsPem.
import "reflect-metadata"; // @peculiar/x509 resolves its services through tsyringe, which needs it
import { webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

const ALG = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256", publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
const DAY = 24 * 60 * 60 * 1000;

export interface LabCertificate {
  /** Leaf then intermediate, PEM. */
  readonly chainPem: string;
  /** The leaf's key, PKCS#8 PEM. */
  readonly keyPem: string;
  readonly rootPem: string;
}

function pem(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(der)
    .toString("base64")
    .replace(/(.{64})/g, "$1\n")
    .trim();
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

async function issue(options: {
  subject: string;
  issuer?: { cert: x509.X509Certificate; key: webcrypto.CryptoKey };
  ca: boolean;
  dnsNames?: readonly string[];
  days: number;
  keys?: webcrypto.CryptoKeyPair;
}): Promise<{ cert: x509.X509Certificate; keys: webcrypto.CryptoKeyPair }> {
  const keys = options.keys ?? ((await webcrypto.subtle.generateKey(ALG, true, ["sign", "verify"])) as webcrypto.CryptoKeyPair);
  const now = Date.now();
  const extensions: x509.Extension[] = options.ca
    ? [
        new x509.BasicConstraintsExtension(true, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      ]
    : [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        new x509.SubjectAlternativeNameExtension((options.dnsNames ?? []).map((value) => ({ type: "dns" as const, value }))),
      ];
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: webcrypto.getRandomValues(new Uint8Array(8)).reduce((s, b) => s + b.toString(16).padStart(2, "0"), "7f"),
    subject: options.subject,
    issuer: options.issuer?.cert.subject ?? options.subject,
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + options.days * DAY),
    publicKey: keys.publicKey as never,
    signingKey: (options.issuer?.key ?? keys.privateKey) as never,
    signingAlgorithm: ALG,
    extensions,
  });
  return { cert, keys };
}

/** A lab CA (a root and an issuing intermediate) that issues leaves for a domain. */
export class LabPki {
  private constructor(
    private readonly root: { cert: x509.X509Certificate; keys: webcrypto.CryptoKeyPair },
    private readonly intermediate: { cert: x509.X509Certificate; keys: webcrypto.CryptoKeyPair },
  ) {}

  static async create(): Promise<LabPki> {
    const root = await issue({ subject: "CN=Cloud lab root", ca: true, days: 3650 });
    const intermediate = await issue({
      subject: "CN=Cloud lab issuing CA",
      ca: true,
      days: 1825,
      issuer: { cert: root.cert, key: root.keys.privateKey },
    });
    return new LabPki(root, intermediate);
  }

  /**
   * A chain for `domain`, valid `days` days (default 80: inside Let's Encrypt's 90, past any
   * minDaysRemaining). With `renewing`, for that leaf's key: what a renewal issues.
   */
  async issue(domain: string, options: { days?: number; renewing?: IssuedLeaf } = {}): Promise<LabCertificate & { leaf: IssuedLeaf }> {
    const leaf = await issue({
      subject: `CN=${domain}`,
      ca: false,
      dnsNames: [domain],
      days: options.days ?? 80,
      issuer: { cert: this.intermediate.cert, key: this.intermediate.keys.privateKey },
      keys: options.renewing?.keys,
    });
    const key = await webcrypto.subtle.exportKey("pkcs8", leaf.keys.privateKey);
    return {
      chainPem: `${leaf.cert.toString("pem")}\n${this.intermediate.cert.toString("pem")}\n`,
      keyPem: pem("PRIVATE KEY", key),
      rootPem: `${this.root.cert.toString("pem")}\n`,
      leaf: { keys: leaf.keys },
    };
  }
}

/** What a renewal reuses of an issued leaf: its key pair. */
export interface IssuedLeaf {
  readonly keys: webcrypto.CryptoKeyPair;
}

/** A chain for `domain` from a fresh lab CA. */
export async function makeLabCertificate(domain: string, days = 80): Promise<LabCertificate> {
  return (await LabPki.create()).issue(domain, { days });
}
