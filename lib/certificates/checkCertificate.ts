// Validates a server certificate before it is uploaded to the CLB: every problem a phone (or
// CLB's upload) would trip on, as messages that name the config key and the fix. Pure: the stack
// throws the errors and logs the warnings.
import type { KeyObject, X509Certificate } from "node:crypto";
import { TrustStore, isSelfSigned, type ServedCertificate } from "./chain";
import { checkChain } from "./chainChecks";
import { readCertificates } from "./certificateText";
import { daysLeft, dnsNames, formatName, label, notAfter, notBefore } from "./describe";
import { certificateWords } from "./messages";
import { Problems } from "../problems";
import { keyFacts, safeSignatureAlgorithm } from "./keyStrength";
import { checkClbKey, checkCoversDomain, checkLeafSignature, checkServerUsage, checkValidity } from "./leafChecks";
import { readPrivateKey } from "./privateKey";
import type { TlsPolicy } from "../constants";
import type { Locale } from "../i18n";

export interface CertificateCheckInput {
  /** PEM chain as uploaded: the leaf first, then intermediates (config key `certificatePem`). */
  readonly certificatePem: string;
  /** PEM private key (config key `privateKeyPem`); undefined when not known (e.g. ACME/CAS sources). */
  readonly privateKeyPem?: string;
  /** The host the backend serves (config key `domain`), e.g. "dev.example.com" or "example.com". */
  readonly domain: string;
  /** The HTTPS listener's TLS policy (config key `tlsPolicy`). */
  readonly tlsPolicy: TlsPolicy;
  /** Certificate must be valid at least this many more days (config key `minDaysRemaining`, default 30). */
  readonly minDaysRemaining: number;
  /** true in prod: problems that are warnings in dev (too few days left, untrusted root) become errors. */
  readonly strict: boolean;
  /** Extra trusted roots, PEM (config key `trustedRootsPem`: private PKI, tests), added to tls.rootCertificates. */
  readonly trustedRootsPem?: string;
  /**
   * true for the `selfSigned` source in dev: an untrusted self-signed leaf is expected (warn, don't
   * fail). `strict` wins: a self-signed certificate is an error in prod whatever this says.
   */
  readonly selfSignedAllowed?: boolean;
  /** Clock; default now. */
  readonly now?: Date;
  /** Language of the messages; default English. */
  readonly locale?: Locale;
}

export interface CertificateSummary {
  readonly subject: string;
  readonly issuer: string;
  readonly dnsNames: string[];
  /** ISO 8601 */
  readonly notBefore: string;
  /** ISO 8601 */
  readonly notAfter: string;
  /** Whole days from `now` to notAfter; negative once expired. */
  readonly daysLeft: number;
  readonly keyType: "rsa" | "ec" | string;
  /** RSA modulus bits, or the EC curve's size. */
  readonly keySize?: number;
  /** OpenSSL curve name, e.g. "prime256v1". */
  readonly curve?: string;
  /** OpenSSL's name of the issuer's signature, e.g. "sha256WithRSAEncryption". */
  readonly signatureAlgorithm?: string;
  readonly fingerprint256: string;
  /** Certificates in certificatePem. */
  readonly chainLength: number;
}

export interface CertificateReport {
  readonly errors: string[];
  readonly warnings: string[];
  /** Present whenever a server certificate could be read, problems or not. */
  readonly summary?: CertificateSummary;
}

function matchesKey(cert: X509Certificate, key: KeyObject): boolean {
  try {
    return cert.checkPrivateKey(key);
  } catch {
    return false; // e.g. an EC key against an RSA certificate
  }
}

/**
 * The certificate meant as the server certificate: the one the private key belongs to, else the
 * first that is not a CA. Checking that one (rather than whatever came first) keeps a misordered
 * chain to one clear message instead of a cascade about the wrong certificate.
 */
function chooseLeaf(served: readonly ServedCertificate[], key: KeyObject | undefined): ServedCertificate {
  const ownsKey = key && served.find((s) => matchesKey(s.cert, key));
  return ownsKey || served.find((s) => !s.cert.ca) || served[0];
}

/**
 * Only intermediates or roots were pasted: no certificate is a server certificate, owns the key or
 * names the domain. Checking the first CA as if it were the server certificate would only confuse.
 */
function isOnlyCas(served: readonly ServedCertificate[], leaf: ServedCertificate, key: KeyObject | undefined, domain: string): boolean {
  if (!leaf.cert.ca || (key && matchesKey(leaf.cert, key))) return false;
  return domain === "" || served.every((s) => s.cert.checkHost(domain, { subject: "never" }) === undefined);
}

function summarize(leaf: ServedCertificate, chainLength: number, now: Date): CertificateSummary {
  const facts = keyFacts(leaf.cert);
  return {
    subject: formatName(leaf.cert.subject),
    issuer: formatName(leaf.cert.issuer),
    dnsNames: dnsNames(leaf.cert),
    notBefore: notBefore(leaf.cert).toISOString(),
    notAfter: notAfter(leaf.cert).toISOString(),
    daysLeft: daysLeft(leaf.cert, now),
    keyType: facts.type,
    keySize: facts.bits,
    curve: facts.curve,
    signatureAlgorithm: safeSignatureAlgorithm(leaf.der)?.name,
    fingerprint256: leaf.cert.fingerprint256,
    chainLength,
  };
}

export function checkCertificate(input: CertificateCheckInput): CertificateReport {
  const w = certificateWords(input.locale);
  const { m } = w;
  const findings = new Problems();
  const now = input.now ?? new Date();
  const domain = input.domain.trim().toLowerCase().replace(/\.$/, "");
  if (domain === "") findings.error(m.domainEmpty());
  const minDaysValid = Number.isFinite(input.minDaysRemaining) && input.minDaysRemaining >= 0;
  if (!minDaysValid) findings.error(m.minDaysNotNumber({ value: String(input.minDaysRemaining) }));

  // 1. Everything parses.
  const chainText = readCertificates(input.certificatePem, "certificatePem", w, m.serverCertificateFirst());
  chainText.errors.forEach((e) => findings.error(e));
  const keyText = input.privateKeyPem === undefined ? undefined : readPrivateKey(input.privateKeyPem, w);
  keyText?.errors.forEach((e) => findings.error(e));
  const rootsText = input.trustedRootsPem?.trim() ? readCertificates(input.trustedRootsPem, "trustedRootsPem", w) : undefined;
  rootsText?.errors.forEach((e) => findings.error(e));
  const served = chainText.certificates;
  if (!chainText.complete || served.length === 0) return { errors: findings.errors, warnings: findings.warnings };

  // 2. The key belongs to the server certificate.
  const key = keyText?.key;
  const leaf = chooseLeaf(served, key);
  const forDomain = domain || m.theStacksDomain();
  if (isOnlyCas(served, leaf, key, domain)) {
    findings.error(m.onlyCas({ names: w.quoted(served.map((s) => label(s.cert))), domain: forDomain }));
    return { errors: findings.errors, warnings: findings.warnings };
  }
  // A PKCS#8 RSA key (what certbot and OpenSSL 3 write) is fine: clbUploadPem converts it to the
  // PKCS#1 form CLB documents before upload.
  if (key && !matchesKey(leaf.cert, key)) findings.error(m.keyMismatch({ label: label(leaf.cert) }));

  // 3.-5. and 8.-10. The server certificate itself.
  if (domain !== "") checkCoversDomain(findings, leaf.cert, domain, w);
  const rule = { now, strict: input.strict, minDaysRemaining: minDaysValid ? input.minDaysRemaining : undefined };
  const fixes = { expired: m.leafExpiredFix(), notYetValid: m.leafNotYetValidFix() };
  checkValidity(findings, leaf.cert, m.theCertificate(), fixes, rule, w);
  // A self-signed dev certificate is its own trust anchor: CA:TRUE (what `openssl req -x509` writes) is fine there.
  const selfSignedDev = (input.selfSignedAllowed ?? false) && !input.strict && isSelfSigned(leaf.cert);
  checkServerUsage(findings, leaf.cert, forDomain, { allowCa: selfSignedDev }, w);
  checkClbKey(findings, leaf.cert, forDomain, input.tlsPolicy, w);
  checkLeafSignature(findings, leaf.cert, leaf.der, w);

  // 6.-7. The chain up to a trusted root.
  const store = new TrustStore((rootsText?.certificates ?? []).map((s) => s.cert));
  checkChain(findings, served, leaf, store, { ...rule, selfSignedAllowed: input.selfSignedAllowed ?? false }, w);

  return { errors: findings.errors, warnings: findings.warnings, summary: summarize(leaf, served.length, now) };
}
