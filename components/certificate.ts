import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "@pulumi/alicloud";
import * as tls from "@pulumi/tls";

export type CertificateSourceArgs =
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
  /** Tags for the uploaded certificate; default none. */
  readonly tags?: Record<string, string>;
}

/**
 * The HTTPS listener's server certificate, uploaded to the load balancer's region.
 *
 * Rotation without downtime relies on Pulumi's default replacement order: a new PEM creates a new
 * ServerCertificate, the listener switches to it in place, and the old one is deleted last (CLB
 * refuses to delete a certificate a listener still uses). So: no deleteBeforeReplace and no fixed
 * name, which would clash with the replacement.
 */
export class Certificate extends pulumi.ComponentResource {
  /** ServerCertificate id for the HTTPS listener. */
  readonly certificateId: pulumi.Output<string>;
  /** Expiry of the leaf, ISO 8601. */
  readonly notAfter: pulumi.Output<string>;
  /** Issuer of the leaf. */
  readonly issuer: pulumi.Output<string>;

  constructor(name: string, args: CertificateArgs, opts?: pulumi.ComponentResourceOptions) {
    super("wechat-https-backend:tls:Certificate", name, {}, opts);
    const material = args.source.kind === "pem" ? pemMaterial(args.source) : selfSignedMaterial(name, args.domain, args.source, this);

    const uploaded = new alicloud.slb.ServerCertificate(
      `${name}-server-cert`,
      {
        serverCertificate: pulumi.secret(material.certificatePem),
        privateKey: pulumi.secret(material.privateKeyPem),
        tags: args.tags ?? {},
      },
      // The provider does not mark the key as secret in state; this does.
      { parent: this, additionalSecretOutputs: ["privateKey", "serverCertificate"] },
    );

    this.certificateId = uploaded.id;
    this.notAfter = material.notAfter;
    this.issuer = material.issuer;
    this.registerOutputs({ certificateId: this.certificateId, notAfter: this.notAfter, issuer: this.issuer });
  }
}

interface Material {
  readonly certificatePem: pulumi.Input<string>;
  readonly privateKeyPem: pulumi.Input<string>;
  readonly notAfter: pulumi.Output<string>;
  readonly issuer: pulumi.Output<string>;
}

/** An output that is unknown until the cloud or the CLI provides it (it is never shown as invented). */
function unknownString(): pulumi.Output<string> {
  return pulumi.output(pulumi.unknown) as unknown as pulumi.Output<string>;
}

function pemMaterial(source: Extract<CertificateSourceArgs, { kind: "pem" }>): Material {
  return {
    certificatePem: source.certificatePem,
    privateKeyPem: source.privateKeyPem,
    notAfter: source.notAfter === undefined ? unknownString() : pulumi.output(source.notAfter),
    issuer: source.issuer === undefined ? unknownString() : pulumi.output(source.issuer),
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
    certificatePem: cert.certPem,
    privateKeyPem: key.privateKeyPem,
    notAfter: cert.validityEndTime,
    issuer: pulumi.output(`CN=${subject.commonName}, O=${subject.organization}`),
  };
}
