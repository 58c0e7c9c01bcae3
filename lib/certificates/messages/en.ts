// What the certificate checks say about certificatePem, privateKeyPem and trustedRootsPem, in
// English. zhCN.ts has the same ids in Chinese. Labels, dates, key names and commands are passed in
// as they are written; only the sentences around them are words of a language.
import type { Catalog } from "../../i18n";

const dayCount = (n: number | string): string => `${n} ${Number(n) === 1 ? "day" : "days"}`;

export const en = {
  // the PEM text of a certificate list (certificatePem, trustedRootsPem)
  noCertificate: (p: { key: string; order: string }) =>
    `${p.key}: no certificate found; paste the PEM text, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----${p.order ? `, ${p.order}` : ""}`,
  serverCertificateFirst: () => "the server certificate first",
  textOutsideCertificates: (p: { key: string; lines: string }) =>
    `${p.key}: has text outside the certificates on ${p.lines} ` +
    `(comments, "Bag Attributes" or the like); keep only the -----BEGIN CERTIFICATE----- ... -----END CERTIFICATE----- blocks`,
  certificateBlockDamaged: (p: { key: string; position: number; reason: string }) =>
    `${p.key}: PEM block ${p.position} ${p.reason}; copy the certificate file again, unchanged`,
  privateKeyAmongCertificates: (p: { key: string; position: number }) =>
    `${p.key}: PEM block ${p.position} is a private key, not a certificate; remove it from ${p.key} (the key belongs in privateKeyPem)`,
  otherBlockAmongCertificates: (p: { key: string; position: number; label: string }) =>
    `${p.key}: PEM block ${p.position} is a "${p.label}", not a certificate; remove it`,
  notX509: (p: { key: string; position: number }) =>
    `${p.key}: PEM block ${p.position} is not a valid X.509 certificate; copy it again from your CA's files`,

  // privateKeyPem
  textOutsideKey: (p: { lines: string }) =>
    `privateKeyPem: has text outside the key on ${p.lines}; keep only the key, from its -----BEGIN line to its -----END line`,
  keyBlockDamaged: (p: { position: number; reason: string }) =>
    `privateKeyPem: PEM block ${p.position} ${p.reason}; copy the key file again, unchanged`,
  noKey: () =>
    "privateKeyPem: no PEM private key found; paste the whole key file, from -----BEGIN RSA PRIVATE KEY----- to -----END RSA PRIVATE KEY-----",
  keyManyBlocks: (p: { count: number }) =>
    `privateKeyPem: holds ${p.count} PEM blocks; keep only the private key of the server certificate`,
  keyIsCertificate: () =>
    "privateKeyPem: holds a certificate, not a private key; put the certificate chain in certificatePem " +
    "and the key file (-----BEGIN RSA PRIVATE KEY-----) in privateKeyPem",
  keyIsPublic: () =>
    "privateKeyPem: holds a public key, not a private key; use the private key file made together with the certificate request",
  keyOtherBlock: (p: { label: string }) =>
    `privateKeyPem: holds a "${p.label}" PEM block, not a private key; use the private key file made together with the certificate request`,
  keyEncrypted: (p: { command: string }) =>
    `privateKeyPem: the private key is protected by a passphrase, which CLB cannot use; remove the passphrase: ${p.command}`,
  keyUnreadable: (p: { label: string }) =>
    `privateKeyPem: the "${p.label}" block could not be read as a private key; copy the key file again, unchanged`,
  keyMismatch: (p: { label: string }) =>
    `privateKeyPem: the private key does not belong to the certificate "${p.label}" (their public ` +
    `keys differ); use the key made with this certificate's request, or the certificate issued for this key`,

  // the stack's own values the checks need
  domainEmpty: () => "domain: is empty; set domain to the host the mini program calls, e.g. api.example.com",
  minDaysNotNumber: (p: { value: string }) => `minDaysRemaining: ${p.value} is not a number of days; set it to 0 or more (default 30)`,
  theStacksDomain: () => "the stack's domain",

  // the server certificate
  onlyCas: (p: { names: string; domain: string }) =>
    `certificatePem: holds only CA certificates (${p.names}), no ` +
    `server certificate for ${p.domain}; put the server certificate first, then the intermediates`,
  domainInCnOnly: (p: { domain: string }) =>
    `certificatePem: the certificate names "${p.domain}" only in its subject common name (CN), which phones ` +
    `ignore; have it reissued with ${p.domain} in the subjectAltName`,
  domainNotCovered: (p: { names: string; domain: string; wildcard: string }) =>
    `certificatePem: the certificate covers ${p.names} but not the stack's domain "${p.domain}"; issue a certificate that lists ` +
    `${p.domain}${p.wildcard ? ` (or ${p.wildcard})` : ""}, or change domain`,
  domainNotCoveredNoNames: (p: { domain: string; wildcard: string }) =>
    `certificatePem: the certificate lists no DNS names (subjectAltName) but not the stack's domain "${p.domain}"; issue a certificate ` +
    `that lists ${p.domain}${p.wildcard ? ` (or ${p.wildcard})` : ""}, or change domain`,
  theCertificate: () => "the certificate",
  leafExpiredFix: () => "renew it and put the new chain in certificatePem",
  leafNotYetValidFix: () => "put the currently valid certificate in certificatePem (or check the issuing machine's clock)",
  notYetValid: (p: { subject: string; date: string; fix: string }) =>
    `certificatePem: ${p.subject} is not valid before ${p.date}; phones reject it until then; ${p.fix}`,
  expired: (p: { subject: string; date: string; fix: string }) => `certificatePem: ${p.subject} expired on ${p.date}; ${p.fix}`,
  expiresSoon: (p: { subject: string; date: string; days: number; min: number; fix: string }) =>
    `certificatePem: ${p.subject} expires on ${p.date}, in ${dayCount(p.days)}, fewer than minDaysRemaining ` +
    `(${p.min}); ${p.fix} (or lower minDaysRemaining)`,
  leafIsCa: (p: { label: string; domain: string }) =>
    `certificatePem: the server certificate "${p.label}" is a CA certificate (basicConstraints CA:TRUE); ` +
    `phones refuse a CA certificate as a server certificate; issue a server certificate (CA:FALSE) for ${p.domain}`,
  notServerAuth: (p: { label: string; allowed: string }) =>
    `certificatePem: the certificate "${p.label}" is not meant for TLS servers: its extended key usage ` +
    `allows ${p.allowed} but not serverAuth; issue a certificate with the serverAuth extended key usage`,
  rsaTooSmall: (p: { bits: number }) =>
    `certificatePem: the certificate's RSA key has ${p.bits} bits; phones and browsers reject RSA keys under ` +
    `2048 bits; issue a new certificate with a 2048-bit RSA key`,
  rsaOddSize: (p: { bits: number }) =>
    `certificatePem: the certificate's RSA key has ${p.bits} bits, but CLB documents only 2048- and 4096-bit ` +
    `RSA keys (and 1024, too weak); issue the certificate with a 2048-bit RSA key`,
  ecdsaKey: (p: { curve: string }) => `an ECDSA key (${p.curve})`,
  otherKey: (p: { type: string }) => `an ${p.type} key`,
  rsaOnlyPolicy: (p: { policy: string }) => `, and tlsPolicy ${p.policy} offers only RSA cipher suites`,
  notRsa: (p: { kind: string; policyNote: string; domain: string }) =>
    `certificatePem: the certificate has ${p.kind}, but Alibaba Cloud CLB accepts only RSA certificates${p.policyNote}; ` +
    `issue an RSA certificate (2048-bit key) for ${p.domain}`,
  leafBrokenSignature: (p: { label: string; digest: string; algorithm: string }) =>
    `certificatePem: the certificate "${p.label}" is signed with ${p.digest} (${p.algorithm}); phones ` +
    `reject SHA-1 and MD5 signatures; have it reissued with SHA-256`,

  // the chain
  named: (p: { label: string; position: number }) => `"${p.label}" (certificate ${p.position})`,
  thenSeparator: () => ", then ",
  outOfOrder: (p: { order: string }) =>
    `certificatePem: the chain is out of order; CLB sends it as uploaded, and it must start with the server ` +
    `certificate, each certificate followed by the one that issued it; order it: ${p.order}`,
  duplicate: (p: { position: number; original: number; label: string }) =>
    `certificatePem: certificate ${p.position} is a copy of certificate ${p.original} ("${p.label}"); remove the copy`,
  stray: (p: { position: number; label: string; leaf: string }) =>
    `certificatePem: certificate ${p.position} ("${p.label}") is not part of the chain of ` +
    `"${p.leaf}" (it issued none of its certificates); remove it`,
  intermediate: (p: { named: string }) => `the intermediate certificate ${p.named}`,
  intermediateFix: () => "get the current intermediate certificate from your CA",
  intermediateWeakKey: (p: { subject: string; weak: string; fix: string }) =>
    `certificatePem: ${p.subject} has ${p.weak}; phones reject it; ${p.fix}`,
  intermediateNotCa: (p: { subject: string; issued: string; fix: string }) =>
    `certificatePem: ${p.subject} signed "${p.issued}" but is not a CA certificate (it lacks basicConstraints CA:TRUE ` +
    `or the keyCertSign key usage); phones reject a chain through it; ${p.fix}`,
  intermediateBrokenSignature: (p: { subject: string; digest: string; algorithm: string; fix: string }) =>
    `certificatePem: ${p.subject} is signed with ${p.digest} (${p.algorithm}); phones reject SHA-1 and MD5 signatures; ${p.fix}`,
  weakRsa: (p: { bits: number }) => `a ${p.bits}-bit RSA key (under 2048 bits)`,
  weakCurve: (p: { curve: string }) => `an EC key on ${p.curve} (only P-256 and P-384 work everywhere)`,
  weakKeyType: (p: { type: string }) => `an ${p.type} key, which phones do not accept in certificates`,
  rootIncluded: (p: { named: string }) =>
    `certificatePem: the chain includes the root certificate ${p.named}; that is harmless, but phones ` +
    `use their own copy and it adds bytes to every handshake; you may remove it`,
  selfSignedDev: () =>
    "certificatePem: the certificate is self-signed, as expected for a self-signed dev certificate; phones " +
    "reject self-signed certificates, so only the developer tools (with domain checks off) will connect; " +
    "use a certificate from a public CA to test on phones",
  selfSigned: () =>
    "certificatePem: the certificate is self-signed; phones reject self-signed certificates; use a certificate from a public CA, " +
    "or, for a private test PKI, add its root to trustedRootsPem",
  untrustedRoot: (p: { named: string }) =>
    `certificatePem: the chain ends at the root ${p.named}, which phones do not trust (it is ` +
    "neither a public root nor in trustedRootsPem); use a certificate from a public CA, or, for a private test PKI, add its root to trustedRootsPem",
  incomplete: (p: { label: string; issuer: string }) =>
    `certificatePem: the chain is incomplete: "${p.label}" was issued by ` +
    `"${p.issuer}", which is neither in certificatePem nor a trusted root; phones ` +
    `reject such a chain even when desktop browsers fill the gap; append your CA's intermediate certificate(s) ` +
    `after the server certificate (the "full chain" file), or, for a private test PKI, add its root to trustedRootsPem`,

  // a certificate known only at preview: one in SSL Certificates Service (cas), or the one the ACME CA returned
  noReadablePem: (p: { source: string }) => `${p.source}: holds no readable PEM certificate`,
  issuedCertificate: () => "the issued certificate",
  casCertificate: (p: { id: string; name: string }) => `alicloudCertificateId: certificate ${p.id} ("${p.name}")`,
  casNotFound: (p: { id: string }) =>
    `alicloudCertificateId: certificate ${p.id} is not in SSL Certificates Service for this account (the ` +
    `international site does not offer it); check the id in the console, or use certificateSource acme or pem`,
  casOtherDomain: (p: { certificate: string; domain: string }) =>
    `${p.certificate} does not cover the domain ${p.domain}; pick a certificate issued for it`,
  casExpired: (p: { certificate: string; minDays: number }) =>
    `${p.certificate} has expired (minDaysRemaining is ${p.minDays}); renew it in SSL Certificates Service and set the new id`,
  casExpiresSoon: (p: { certificate: string; days: number; minDays: number }) =>
    `${p.certificate} expires in ${p.days} days (minDaysRemaining is ${p.minDays}); renew it in SSL Certificates Service and set the new id`,
} as const satisfies Catalog;

export type CertificateMessages = typeof en;
