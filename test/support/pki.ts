// A private PKI for tests: a root, an intermediate and leaves with any of the defects the project
// must catch (wrong host, a name in the CN only, expired or not yet valid, an issuer that is not a
// CA, weak key, SHA-1, ...). Certificates are real X.509 made with WebCrypto, so every verdict in
// the tests comes from real parsing and real signatures.
import "reflect-metadata"; // @peculiar/x509 resolves its services through tsyringe, which needs it
import { webcrypto } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import * as x509 from "@peculiar/x509";
import { toPem } from "../../lib/certificates/pem";
import { DAY_MS } from "../../lib/constants";

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

export type KeySpec = { kind: "rsa"; bits: number } | { kind: "ec"; curve: "P-256" | "P-384" | "P-521" };

export type HashName = "SHA-1" | "SHA-256" | "SHA-384";

export interface Issued {
  /** The certificate, PEM. */
  readonly certPem: string;
  /** The private key, PKCS#8 PEM. */
  readonly keyPem: string;
  readonly cert: x509.X509Certificate;
  readonly keys: CryptoKeyPair;
  readonly keySpec: KeySpec;
}

export interface IssueOptions {
  /** Subject common name; default: the first DNS name, or "Test CA". */
  readonly commonName?: string;
  /** DNS subject alternative names; default none. */
  readonly dnsNames?: readonly string[];
  /** IP subject alternative names; default none. */
  readonly ipAddresses?: readonly string[];
  /** Start of validity, in days relative to now (negative = past); default -1. */
  readonly notBeforeDays?: number;
  /** End of validity, in days relative to now; default 90. */
  readonly notAfterDays?: number;
  /** Key of the new certificate; default RSA 2048. */
  readonly key?: KeySpec;
  /** Hash the issuer signs with; default SHA-256. */
  readonly hash?: HashName;
  /** A CA certificate: basicConstraints cA, and the key usages to sign certificates; default false. */
  readonly isCa?: boolean;
  /**
   * The basicConstraints extension, to make issuers that are not CAs: "ca" (cA TRUE), "notCa" (cA
   * FALSE, what a server certificate has) or "absent" (what `openssl req -x509` without a v3_ca
   * section writes). Default: "ca" when `isCa`, else "notCa". The key usages still follow `isCa`.
   */
  readonly basicConstraints?: "ca" | "notCa" | "absent";
  /** Extended key usage serverAuth; default true for leaves. */
  readonly serverAuth?: boolean;
}

export const RSA_2048: KeySpec = { kind: "rsa", bits: 2048 };
export const EC_P256: KeySpec = { kind: "ec", curve: "P-256" };

function keyAlgorithm(spec: KeySpec, hash: HashName): webcrypto.RsaHashedKeyGenParams | webcrypto.EcKeyGenParams {
  return spec.kind === "rsa"
    ? { name: "RSASSA-PKCS1-v1_5", modulusLength: spec.bits, publicExponent: new Uint8Array([1, 0, 1]), hash }
    : { name: "ECDSA", namedCurve: spec.curve };
}

function signingAlgorithm(spec: KeySpec, hash: HashName): webcrypto.Algorithm {
  return spec.kind === "rsa"
    ? ({ name: "RSASSA-PKCS1-v1_5", hash } as webcrypto.Algorithm)
    : ({ name: "ECDSA", hash } as webcrypto.Algorithm);
}

async function freshKeys(spec: KeySpec): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(keyAlgorithm(spec, "SHA-256"), true, ["sign", "verify"])) as CryptoKeyPair;
}

/**
 * RSA key generation is most of the test PKI's time (a 2048-bit key takes a tenth of a second, a
 * 3072-bit one a third). The n-th RSA key of a size that a test file asks for is generated once
 * and kept under node_modules/.cache; EC keys are cheap and always fresh. Keys are still distinct
 * within a file, and every certificate is still made and signed anew.
 */
const KEY_CACHE = path.join(__dirname, "..", "..", "node_modules", ".cache", "test-pki");
const rsaKeysUsed = new Map<number, number>();

async function generateKeys(spec: KeySpec): Promise<CryptoKeyPair> {
  if (spec.kind !== "rsa") return freshKeys(spec);
  const index = rsaKeysUsed.get(spec.bits) ?? 0;
  rsaKeysUsed.set(spec.bits, index + 1);
  const file = path.join(KEY_CACHE, `rsa-${spec.bits}-${index}.json`);
  const algorithm = keyAlgorithm(spec, "SHA-256");
  let jwk: webcrypto.JsonWebKey;
  if (existsSync(file)) {
    jwk = JSON.parse(readFileSync(file, "utf8")) as webcrypto.JsonWebKey;
  } else {
    jwk = await webcrypto.subtle.exportKey("jwk", (await freshKeys(spec)).privateKey);
    mkdirSync(KEY_CACHE, { recursive: true });
    // Written aside and renamed: another test worker may want the same key at the same time.
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, JSON.stringify(jwk));
    renameSync(partial, file);
  }
  const publicJwk = { kty: jwk.kty, n: jwk.n, e: jwk.e, alg: jwk.alg, ext: true };
  return {
    privateKey: await webcrypto.subtle.importKey("jwk", jwk, algorithm, true, ["sign"]),
    publicKey: await webcrypto.subtle.importKey("jwk", publicJwk, algorithm, true, ["verify"]),
  } as CryptoKeyPair;
}

/** The issuer's private key bound to the hash the new certificate is signed with (WebCrypto binds RSA keys to one hash). */
async function signingKey(issuer: Issued, hash: HashName): Promise<CryptoKey> {
  if (issuer.keySpec.kind === "ec" || hash === "SHA-256") return issuer.keys.privateKey;
  const pkcs8 = await webcrypto.subtle.exportKey("pkcs8", issuer.keys.privateKey);
  return webcrypto.subtle.importKey("pkcs8", pkcs8, keyAlgorithm(issuer.keySpec, hash), false, ["sign"]);
}

async function toPkcs8Pem(key: CryptoKey): Promise<string> {
  return toPem("PRIVATE KEY", new Uint8Array(await webcrypto.subtle.exportKey("pkcs8", key)));
}

let serialCounter = 1;

/**
 * Issues a certificate. Without `issuer` it is self-signed (a root when `isCa`).
 * Reuse `keys` to make a second certificate for the same key.
 */
export async function issue(options: IssueOptions, issuer?: Issued, keys?: CryptoKeyPair): Promise<Issued> {
  const keySpec = options.key ?? RSA_2048;
  const hash = options.hash ?? "SHA-256";
  const ownKeys = keys ?? (await generateKeys(keySpec));
  const dnsNames = options.dnsNames ?? [];
  const commonName = options.commonName ?? dnsNames[0] ?? "Test CA";
  const now = Date.now();
  const basicConstraints = options.basicConstraints ?? (options.isCa ? "ca" : "notCa");
  const extensions: x509.Extension[] = [
    ...(basicConstraints === "absent" ? [] : [new x509.BasicConstraintsExtension(basicConstraints === "ca", undefined, true)]),
    new x509.KeyUsagesExtension(
      options.isCa
        ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign
        : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
      true,
    ),
    await x509.SubjectKeyIdentifierExtension.create(ownKeys.publicKey),
  ];
  if (issuer) extensions.push(await x509.AuthorityKeyIdentifierExtension.create(issuer.cert));
  if (!options.isCa && (options.serverAuth ?? true)) {
    extensions.push(new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]));
  }
  const altNames = [
    ...dnsNames.map((value) => ({ type: "dns" as const, value })),
    ...(options.ipAddresses ?? []).map((value) => ({ type: "ip" as const, value })),
  ];
  if (altNames.length > 0) extensions.push(new x509.SubjectAlternativeNameExtension(altNames));

  const signerSpec = issuer ? issuer.keySpec : keySpec;
  const signer = issuer ? await signingKey(issuer, hash) : await signingKey({ keys: ownKeys, keySpec } as Issued, hash);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: (serialCounter++).toString(16).padStart(8, "0") + Math.floor(Math.random() * 0xffffff).toString(16),
    subject: `CN=${commonName}, O=wechat-https-backend tests`,
    issuer: issuer ? issuer.cert.subject : `CN=${commonName}, O=wechat-https-backend tests`,
    notBefore: new Date(now + (options.notBeforeDays ?? -1) * DAY_MS),
    notAfter: new Date(now + (options.notAfterDays ?? 90) * DAY_MS),
    signingAlgorithm: signingAlgorithm(signerSpec, hash),
    publicKey: ownKeys.publicKey,
    signingKey: signer,
    extensions,
  });
  return { certPem: cert.toString("pem") + "\n", keyPem: await toPkcs8Pem(ownKeys.privateKey), cert, keys: ownKeys, keySpec };
}

export interface TestPki {
  readonly root: Issued;
  readonly intermediate: Issued;
  /** Issues a leaf under the intermediate. */
  leaf(options: IssueOptions): Promise<Issued>;
}

/** A root and an intermediate, both EC P-256 (fast to make), valid for ten years. */
export async function createPki(name = "wechat-https-backend test"): Promise<TestPki> {
  const root = await issue({ commonName: `${name} Root CA`, isCa: true, key: EC_P256, notAfterDays: 3650 });
  const intermediate = await issue({ commonName: `${name} Intermediate CA`, isCa: true, key: EC_P256, notAfterDays: 3000 }, root);
  return { root, intermediate, leaf: (options) => issue(options, intermediate) };
}

/** Leaf first, then the intermediates: the order a server sends and CLB expects. */
export function chainPem(...certs: Issued[]): string {
  return certs.map((c) => c.certPem).join("");
}
