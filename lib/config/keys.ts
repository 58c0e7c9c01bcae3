// Every stack config key of the project, with its type, default and description: the one place
// defaults live. Pulumi.yaml declares the same keys for the Pulumi CLI (a test keeps the two equal),
// and README's config table lists them.
//
// The CLI treats a declared key without a default as required, so optional keys default to an
// empty value ("" or []) and environment-dependent ones to "auto"/0, resolved in stackConfig.ts.

import { DEFAULT_NGINX_OPTIONS } from "../instance/nginx";

export const PROJECT = "wechat-https-backend";

export type ConfigType = "string" | "integer" | "boolean" | "array";

export interface ConfigKeySpec {
  readonly type: ConfigType;
  /** Undefined only for required keys. */
  readonly default?: string | number | boolean | string[];
  /**
   * Set with `pulumi config set --secret`; never printed. Not declared `secret` in Pulumi.yaml: the CLI
   * would then refuse the empty default of stacks that do not use the key.
   */
  readonly secret?: true;
  readonly description: string;
  /** An example value for README. */
  readonly example: string;
}

export const TLS_POLICIES = [
  "tls_cipher_policy_1_2",
  "tls_cipher_policy_1_2_strict",
  "tls_cipher_policy_1_2_strict_with_1_3",
] as const;
export type TlsPolicy = (typeof TLS_POLICIES)[number];

export const CERTIFICATE_SOURCES = ["acme", "pem", "cas", "selfSigned"] as const;
export type CertificateSource = (typeof CERTIFICATE_SOURCES)[number];

/** Let's Encrypt's ACME directories; any other https:// directory URL is accepted too. */
export const ACME_SERVERS = {
  production: "https://acme-v02.api.letsencrypt.org/directory",
  staging: "https://acme-staging-v02.api.letsencrypt.org/directory",
} as const;

/** Certificate keys ACME may make. CLB serves RSA certificates only, so ECDSA is refused with the reason. */
export const ACME_KEY_ALGORITHMS = ["rsa2048", "rsa4096"] as const;
export type AcmeKeyAlgorithm = (typeof ACME_KEY_ALGORITHMS)[number];

export const CONFIG_KEYS = {
  domain: {
    type: "string",
    description: "Host name the mini program calls (ICP-filed), e.g. api.example.com or example.com; no scheme, port or path.",
    example: "dev.example.com",
  },
  environment: {
    type: "string",
    default: "",
    description: "dev or prod; prod enforces WeChat's production rules. Empty: prod for a stack named prod*, otherwise dev.",
    example: "prod",
  },
  dnsZone: {
    type: "string",
    default: "",
    description: "Alibaba Cloud DNS zone that holds the record. Empty: the registrable domain of `domain`.",
    example: "example.com",
  },
  icpLicense: {
    type: "string",
    default: "",
    description: "ICP filing number of the domain (备案号). Required in prod; WeChat only accepts ICP-filed domains.",
    example: "京ICP备12345678号-1",
  },
  certificateSource: {
    type: "string",
    default: "acme",
    description:
      "Where the server certificate comes from: acme (Let's Encrypt, DNS-01 on Alibaba Cloud DNS, renewed by pulumi up), pem (certificatePem + privateKeyPem), cas (alicloudCertificateId) or selfSigned (dev only; phones reject it).",
    example: "acme",
  },
  acmeEmail: {
    type: "string",
    default: "",
    description: "Contact address of the ACME account (source acme); required for acme.",
    example: "ops@your-domain.com",
  },
  acmeServer: {
    type: "string",
    default: "production",
    description: "ACME directory: production or staging (Let's Encrypt; phones reject staging certificates), or an https:// directory URL.",
    example: "production",
  },
  acmeKeyAlgorithm: {
    type: "string",
    default: "rsa2048",
    description: "Key of the ACME certificate: rsa2048 (works under every allowed TLS policy) or rsa4096. CLB serves RSA certificates only.",
    example: "rsa2048",
  },
  minDaysRemaining: {
    type: "integer",
    default: 30,
    description: "Days a certificate must still be valid: acme renews inside this window on pulumi up; pem fails (prod) or warns (dev) below it.",
    example: "30",
  },
  certificatePem: {
    type: "string",
    default: "",
    secret: true,
    description: "Certificate chain, PEM, leaf first then intermediates (source pem). Set it as a secret.",
    example: "pulumi config set --secret certificatePem < fullchain.pem",
  },
  privateKeyPem: {
    type: "string",
    default: "",
    secret: true,
    description: "Unencrypted private key of the certificate, PEM, PKCS#1 or PKCS#8 (source pem). Set it as a secret.",
    example: "pulumi config set --secret privateKeyPem < privkey.pem",
  },
  trustedRootsPem: {
    type: "string",
    default: "",
    description: "Extra trusted root certificates, PEM, for checking a pem chain (private PKI). Without it a chain must lead to a public root in prod.",
    example: "pulumi config set trustedRootsPem < private-root.pem",
  },
  alicloudCertificateId: {
    type: "string",
    default: "",
    description: "Id of a certificate in Alibaba Cloud SSL Certificates Service (source cas). Not available on the international site.",
    example: "12345678",
  },
  alicloudCertificateRegion: {
    type: "string",
    default: "cn-hangzhou",
    description: "Region of the SSL Certificates Service holding alicloudCertificateId (source cas).",
    example: "cn-hangzhou",
  },
  tlsPolicy: {
    type: "string",
    default: "tls_cipher_policy_1_2_strict_with_1_3",
    description: "TLS policy of the HTTPS listener: tls_cipher_policy_1_2, tls_cipher_policy_1_2_strict or tls_cipher_policy_1_2_strict_with_1_3.",
    example: "tls_cipher_policy_1_2_strict_with_1_3",
  },
  hstsMaxAge: {
    type: "integer",
    default: DEFAULT_NGINX_OPTIONS.hstsMaxAge,
    description: "Strict-Transport-Security max-age in seconds sent by the instances; lower than 31536000 is an error in prod.",
    example: "31536000",
  },
  instanceCount: {
    type: "integer",
    default: 0,
    description: "Number of ECS backend instances. 0: the environment's default (1 in dev, 2 in prod); prod needs at least 2.",
    example: "2",
  },
  zoneCount: {
    type: "integer",
    default: 0,
    description: "Number of availability zones the instances spread over. 0: min(instanceCount, 2); prod needs at least 2.",
    example: "2",
  },
  instanceType: {
    type: "string",
    default: "",
    description: "ECS instance type. Empty: looked up in the region (2 vCPU, 4 GiB, cheapest first).",
    example: "ecs.g7.large",
  },
  backendPort: {
    type: "integer",
    default: DEFAULT_NGINX_OPTIONS.backendPort,
    description: "Port the app listens on inside each instance; nginx proxies to it.",
    example: "3000",
  },
  appImage: {
    type: "string",
    default: "",
    description: "Container image of the app, e.g. an ACR VPC address. Empty: a built-in app that answers the health path.",
    example: "registry-vpc.cn-hangzhou.aliyuncs.com/team/api:1.4.2",
  },
  healthPath: {
    type: "string",
    default: DEFAULT_NGINX_OPTIONS.healthPath,
    description: "Path the load balancer's health check and the verifier request; the app must answer it with 2xx.",
    example: "/api/health",
  },
  apiBasePath: {
    type: "string",
    default: "/api",
    description: "Base path of the API, used for the apiBaseUrl output.",
    example: "/api",
  },
  maxUploadSize: {
    type: "string",
    default: DEFAULT_NGINX_OPTIONS.maxUploadSize,
    description: "Largest request body nginx accepts (wx.uploadFile), in nginx size syntax: 20m, 512k.",
    example: "20m",
  },
  sshAllowedCidrs: {
    type: "array",
    default: [],
    description: "CIDRs allowed to reach SSH (22) on the instances. Empty: SSH closed.",
    example: "[\"203.0.113.0/24\"]",
  },
  verifyAfterDeploy: {
    type: "string",
    default: "auto",
    description:
      "After pulumi up changes the certificate, listeners or instances, run the HTTPS verifier against the load balancer and fail the update when a check fails: true, false or auto (true in prod).",
    example: "auto",
  },
  protect: {
    type: "string",
    default: "auto",
    description: "Protect the load balancer and DNS records from deletion: true, false or auto (true in prod).",
    example: "auto",
  },
} as const satisfies Record<string, ConfigKeySpec>;

export type ConfigKey = keyof typeof CONFIG_KEYS;

/** The provider key for the region: set per stack, declared by the provider, not by this project. */
export const REGION_KEY = "alicloud:region";
