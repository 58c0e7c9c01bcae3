import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "@pulumi/alicloud";
import * as tls from "@pulumi/tls";
import * as acme from "@pulumiverse/acme";
import { casCertificateFacts, leafFingerprint, leafIssuer } from "../lib/certificates/cas";
import { unknownOutput } from "../lib/secretOutput";

export type CertificateSourceArgs =
  | {
      /** Let's Encrypt (or another ACME CA) through a DNS-01 challenge on Alibaba Cloud DNS. */
      readonly kind: "acme";
      /** ACME directory URL. */
      readonly serverUrl: string;
      /**
       * Contact address of the ACME account; default none. Let's Encrypt has sent no expiry emails
       * since 2025-06-04, and the provider recommends none with it (pulumiverse/pulumi-acme
       * sdk/nodejs/registration.ts, emailAddress): the monitoring warns instead.
       */
      readonly email?: string;
      /** RSA key size of the certificate; default 2048. */
      readonly rsaBits?: 2048 | 4096;
      /** `pulumi up` renews when fewer days are left; default 30. */
      readonly minDaysRemaining?: number;
      /**
       * What the DNS challenge authenticates with, as lego's alidns variables (ALICLOUD_ACCESS_KEY,
       * ALICLOUD_SECRET_KEY, ALICLOUD_SECURITY_TOKEN, ALICLOUD_RAM_ROLE); keys and tokens as secrets.
       * Default none: lego reads the ALICLOUD_* variables of the environment `pulumi up` runs in.
       */
      readonly dnsCredentials?: Readonly<Record<string, pulumi.Input<string>>>;
      /**
       * Resolves once the DNS zone is known to be in Alibaba Cloud DNS (fails otherwise): the order
       * waits for it, so a missing zone stops `pulumi up` before Let's Encrypt is asked. Default: no wait.
       */
      readonly zoneReady?: pulumi.Input<string>;
    }
  | {
      /** A chain and key from secret config (commercial CA, certbot, ...). */
      readonly kind: "pem";
      /** Chain, leaf first then intermediates; a secret. */
      readonly certificatePem: pulumi.Input<string>;
      /** Unencrypted private key; a secret. */
      readonly privateKeyPem: pulumi.Input<string>;
      /** Expiry of the leaf (ISO 8601) when the stack could read the PEM; unknown otherwise. */
      readonly notAfter?: string;
      /** Issuer of the leaf, when known. */
      readonly issuer?: string;
      /** Extra roots the chain may lead to (private PKI), which the deploy check must trust too; default none. */
      readonly trustedRootsPem?: string;
    }
  | {
      /** A certificate already in Alibaba Cloud SSL Certificates Service (China site only). */
      readonly kind: "cas";
      /** Its id in SSL Certificates Service. */
      readonly certificateId: string;
      /** Region of SSL Certificates Service; default cn-hangzhou. */
      readonly region?: string;
      /** The certificate must cover this many more days; default 30. */
      readonly minDaysRemaining?: number;
    }
  | {
      /** A self-signed certificate made by the stack: dev only, phones reject it. */
      readonly kind: "selfSigned";
      /** Validity in days; default 90, renewed by `pulumi up` in the last 30. */
      readonly validityDays?: number;
    };

export interface CertificateArgs {
  /** Host name the certificate is for. */
  readonly domain: string;
  /** Where the certificate and key come from. */
  readonly source: CertificateSourceArgs;
  /**
   * Who serves it: the load balancer (uploaded as its server certificate), or the instance edge's nginx
   * (handed on as the chain and key, secrets, which AppRuntime keeps in OOS). Default loadBalancer.
   */
  readonly servedBy?: "loadBalancer" | "instance";
  /** Tags for the uploaded certificate; default none. */
  readonly tags?: Record<string, string>;
}

/** Let's Encrypt's DNS-01 TXT records on the free Alibaba Cloud DNS edition: its lowest TTL, and time to propagate. */
const ACME_DNS_SETTINGS = { ALICLOUD_TTL: "600", ALICLOUD_PROPAGATION_TIMEOUT: "600", ALICLOUD_POLLING_INTERVAL: "10" };

/**
 * The HTTPS listener's server certificate, uploaded to the load balancer's region; or, at the
 * instance edge, the chain and key nginx serves.
 *
 * Rotation without downtime relies on Pulumi's default replacement order: a new certificate
 * (renewal, a new PEM) creates a new ServerCertificate, the listener switches to it in place, and
 * the old one is deleted last (CLB refuses to delete a certificate a listener still uses). So: no
 * deleteBeforeReplace and no fixed name, which would clash with the replacement. At the instance
 * edge a new certificate updates its OOS parameters in place and the instance reloads nginx
 * (BackendInstances' certificate reload).
 */
export class Certificate extends pulumi.ComponentResource {
  /**
   * The load balancer's ServerCertificate id; at the instance edge the leaf's SHA-256 fingerprint,
   * which changes with the certificate as an id would.
   */
  readonly certificateId: pulumi.Output<string>;
  /** The chain (leaf first) and the key, secrets: at the instance edge only. */
  readonly pem?: { readonly certificatePem: pulumi.Output<string>; readonly privateKeyPem: pulumi.Output<string> };
  /** Expiry of the leaf, ISO 8601. */
  readonly notAfter: pulumi.Output<string>;
  /** Issuer of the leaf. */
  readonly issuer: pulumi.Output<string>;

  constructor(name: string, args: CertificateArgs, opts?: pulumi.ComponentResourceOptions) {
    super("wechat-https-backend:tls:Certificate", name, {}, opts);
    const tags = args.tags ?? {};
    const source = args.source;
    const material = (() => {
      switch (source.kind) {
        case "acme":
          return acmeMaterial(name, args.domain, source, this);
        case "pem":
          return pemMaterial(source);
        case "cas":
          return casMaterial(args.domain, source, this);
        case "selfSigned":
          return selfSignedMaterial(name, args.domain, source, this);
      }
    })();

    if (args.servedBy === "instance") {
      const pem = material.pem;
      if (!pem) throw new Error(`Certificate ${name}: no chain and key to hand on to the instance edge`);
      const certificatePem = pulumi.secret(pulumi.output(pem.certificatePem));
      this.pem = { certificatePem, privateKeyPem: pulumi.secret(pulumi.output(pem.privateKeyPem)) };
      // Public: the leaf is what every client is sent.
      this.certificateId = pulumi.unsecret(certificatePem.apply(leafFingerprint));
    } else {
      const uploadArgs: alicloud.slb.ServerCertificateArgs = material.cas
        ? {
            alicloudCertificateId: material.cas.id,
            alicloudCertificateName: material.cas.name,
            alicloudCertificateRegionId: material.cas.region,
            tags,
          }
        : {
            serverCertificate: pulumi.secret(material.pem?.certificatePem ?? ""),
            privateKey: pulumi.secret(material.pem?.privateKeyPem ?? ""),
            tags,
          };
      const uploaded = new alicloud.slb.ServerCertificate(`${name}-server-cert`, uploadArgs, {
        parent: this,
        // The provider does not mark the key as secret in state; this does.
        additionalSecretOutputs: ["privateKey", "serverCertificate"],
      });
      this.certificateId = uploaded.id;
    }
    this.notAfter = material.notAfter;
    this.issuer = material.issuer;
    this.registerOutputs({ certificateId: this.certificateId, notAfter: this.notAfter, issuer: this.issuer });
  }
}

interface Facts {
  readonly notAfter: pulumi.Output<string>;
  readonly issuer: pulumi.Output<string>;
}

/** What a source gives: the chain and key (every source but cas for the load balancer), and for cas its id. */
interface Material extends Facts {
  readonly pem?: { readonly certificatePem: pulumi.Input<string>; readonly privateKeyPem: pulumi.Input<string> };
  readonly cas?: { readonly id: string; readonly name: pulumi.Output<string>; readonly region: string };
}

function acmeMaterial(
  name: string,
  domain: string,
  source: Extract<CertificateSourceArgs, { kind: "acme" }>,
  parent: pulumi.Resource,
): Material {
  // A provider config change is no replace trigger (pulumi-acme marks no ForcesProviderReplace), so
  // switching serverUrl alone would keep the old CA's account and certificate.
  const provider = new acme.Provider(`${name}-acme`, { serverUrl: source.serverUrl }, { parent });
  // One account per CA and contact address. acme_registration's email_address is ForceNew and its
  // Delete deactivates the account; a registration with the same key is the same account
  // (vancluever/terraform-provider-acme acme/resource_acme_registration.go). So a new address or CA
  // gets a new key (replacementTrigger), hence a new account and a certificate issued under it.
  const accountKey = new tls.PrivateKey(
    `${name}-acme-account-key`,
    { algorithm: "ECDSA", ecdsaCurve: "P256" },
    { parent, replacementTrigger: `${source.serverUrl} ${source.email ?? ""}` },
  );
  const account = new acme.Registration(
    `${name}-acme-account`,
    { accountKeyPem: accountKey.privateKeyPem, emailAddress: source.email || undefined },
    // The replaced registration is forgotten, not deactivated: its Delete would run against the new
    // CA (the provider's current serverUrl), and deactivating an account that may still be in use is
    // never needed.
    { parent, provider, retainOnDelete: true },
  );
  // The certificate key is ours (not the CA's): it stays the same across renewals, and the request
  // does not change on unrelated updates, so Let's Encrypt is asked only when renewal is due.
  const key = new tls.PrivateKey(`${name}-key`, { algorithm: "RSA", rsaBits: source.rsaBits ?? 2048 }, { parent });
  const request = new tls.CertRequest(
    `${name}-csr`,
    { privateKeyPem: key.privateKeyPem, subject: { commonName: domain }, dnsNames: [domain] },
    { parent },
  );
  const credentials = source.dnsCredentials ?? {};
  const dnsConfig =
    Object.keys(credentials).length > 0
      ? pulumi.secret(pulumi.all(credentials).apply((values) => ({ ...ACME_DNS_SETTINGS, ...values })))
      : ACME_DNS_SETTINGS;
  const certificate = new acme.Certificate(
    `${name}-acme-cert`,
    {
      accountKeyPem: account.accountKeyPem,
      certificateRequestPem: request.certRequestPem,
      minDaysRemaining: source.minDaysRemaining ?? 30,
      dnsChallenges: [{ provider: "alidns", config: dnsConfig }],
      // Revoking on delete would talk to the provider's current CA, not necessarily the one that issued
      // it; a replaced certificate simply expires.
      revokeCertificateOnDestroy: false,
    },
    {
      parent,
      provider,
      // An output resolving to no resources: the order waits for the zone check, and fails with it.
      ...(source.zoneReady ? { dependsOn: pulumi.output(source.zoneReady).apply((): pulumi.Resource[] => []) } : {}),
    },
  );
  return {
    pem: {
      // CLB and nginx serve exactly what they are given: the leaf followed by the CA's intermediates.
      certificatePem: pulumi.interpolate`${certificate.certificatePem}${certificate.issuerPem}`,
      privateKeyPem: key.privateKeyPem,
    },
    notAfter: certificate.certificateNotAfter,
    issuer: certificate.certificatePem.apply(leafIssuer),
  };
}

function pemMaterial(source: Extract<CertificateSourceArgs, { kind: "pem" }>): Material {
  return {
    pem: { certificatePem: source.certificatePem, privateKeyPem: source.privateKeyPem },
    notAfter: source.notAfter === undefined ? unknownOutput() : pulumi.output(source.notAfter),
    issuer: source.issuer === undefined ? unknownOutput() : pulumi.output(source.issuer),
  };
}

function casMaterial(domain: string, source: Extract<CertificateSourceArgs, { kind: "cas" }>, parent: pulumi.Resource): Material {
  const found = alicloud.cas.getServiceCertificatesOutput({ ids: [source.certificateId], enableDetails: true }, { parent });
  // Fails the preview with the reason when the certificate is missing, expiring or for another host.
  const facts = found.apply((result) =>
    casCertificateFacts(result.certificates, source.certificateId, domain, source.minDaysRemaining ?? 30),
  );
  // The lookup's details carry the chain and the key (enableDetails): what the instance edge's nginx needs.
  const detail = found.apply((result) => result.certificates.find((c) => c.id === source.certificateId));
  return {
    cas: { id: source.certificateId, name: facts.name, region: source.region ?? "cn-hangzhou" },
    pem: { certificatePem: detail.apply((c) => c?.cert ?? ""), privateKeyPem: pulumi.secret(detail.apply((c) => c?.key ?? "")) },
    notAfter: facts.notAfter,
    issuer: facts.issuer,
  };
}

function selfSignedMaterial(
  name: string,
  domain: string,
  source: Extract<CertificateSourceArgs, { kind: "selfSigned" }>,
  parent: pulumi.Resource,
): Material {
  const validityDays = source.validityDays ?? 90;
  const key = new tls.PrivateKey(`${name}-key`, { algorithm: "RSA", rsaBits: 2048 }, { parent });
  const subject = { commonName: domain, organization: "wechat-https-backend self-signed (dev only)" };
  const cert = new tls.SelfSignedCert(
    `${name}-self-signed`,
    {
      privateKeyPem: key.privateKeyPem,
      subject,
      dnsNames: [domain],
      allowedUses: ["digital_signature", "key_encipherment", "server_auth"],
      validityPeriodHours: validityDays * 24,
      earlyRenewalHours: Math.min(30, Math.floor(validityDays / 3)) * 24,
    },
    { parent },
  );
  return {
    pem: { certificatePem: cert.certPem, privateKeyPem: key.privateKeyPem },
    notAfter: cert.validityEndTime,
    issuer: pulumi.output(`CN=${subject.commonName}, O=${subject.organization}`),
  };
}
