// Every stack config key of the project: its type, default, description and what a valid value
// looks like. The one place defaults live, and what drives the generic checks (type, range, allowed
// values, shape) in read.ts; stackConfig.ts adds the checks that involve several keys or the
// environment. Pulumi.yaml declares the same keys for the Pulumi CLI (a test keeps the two equal),
// and README's config table lists them.
//
// The CLI treats a declared key without a default as required, so optional keys default to an
// empty value ("" or []) and environment-dependent ones to "auto"/0, resolved in stackConfig.ts.

import {
  DEFAULT_APP_USER,
  DEFAULT_BACKEND_PORT,
  DEFAULT_HEALTH_PATH,
  DEFAULT_MAX_UPLOAD_SIZE,
  DEFAULT_MIN_DAYS_REMAINING,
  HSTS_ONE_YEAR_SECONDS,
  IMAGE_PATTERN,
  MAX_IMAGE_LENGTH,
  MAX_URL_PATH_LENGTH,
  NGINX_SIZE_PATTERN,
  RECOMMENDED_TLS_POLICY,
  TLS_POLICIES,
  URL_PATH_PATTERN,
} from "../constants";
import { DEFAULT_LOG_RETENTION_DAYS } from "../monitoring/defaults";
import { DEFAULT_VERIFY_SCHEDULE } from "../monitoring/schedule";

export const PROJECT = "wechat-https-backend";

/** The types Pulumi.yaml can declare. */
export type ConfigType = ConfigKeySpec["type"];

interface BaseSpec {
  readonly description: string;
  /** An example value for README and for the fix in messages; a whole command when it starts with "pulumi ". */
  readonly example: string;
  /**
   * Set with `pulumi config set --secret`; never printed. Not declared `secret` in Pulumi.yaml: the CLI
   * would then refuse the empty default of stacks that do not use the key.
   */
  readonly secret?: true;
}

export interface StringSpec extends BaseSpec {
  readonly type: "string";
  /** Undefined only for required keys; "" for optional ones (empty means not set). */
  readonly default?: string;
  /** The only values allowed (besides "" when the key is optional). */
  readonly enum?: readonly string[];
  /** Why a particular value outside `enum` is refused, when there is more to say than "not allowed". */
  readonly refusedBecause?: (value: string) => string | undefined;
  /** A value must match, and what to call such a value in a message ("an ECS instance type such as ecs.g7.large"). */
  readonly shape?: { readonly pattern: RegExp; readonly name: string; readonly maxLength?: number };
}

export interface IntegerSpec extends BaseSpec {
  readonly type: "integer";
  readonly default?: number;
  /** Inclusive range. */
  readonly min: number;
  readonly max: number;
  /** Said after the range when a value is outside it: why the range is what it is. */
  readonly rangeNote?: string;
}

export interface ArraySpec extends BaseSpec {
  readonly type: "array";
  readonly default?: readonly string[];
}

export interface ObjectSpec extends BaseSpec {
  readonly type: "object";
  readonly default?: Readonly<Record<string, string>>;
}

export type ConfigKeySpec = StringSpec | IntegerSpec | ArraySpec | ObjectSpec;

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

/** true, false, or auto (decided by the environment). */
export const AUTO_BOOLEAN = ["auto", "true", "false"] as const;

/** monitoring: on, off, or auto (on in prod, off in dev). */
export const MONITORING_MODES = ["auto", "on", "off"] as const;

/** An Alibaba Cloud region id such as cn-hangzhou or ap-southeast-1. */
export const REGION_PATTERN = /^[a-z]{2}(-[a-z0-9]+)+$/;

const URL_PATH = {
  pattern: URL_PATH_PATTERN,
  name: `a URL path of at most ${MAX_URL_PATH_LENGTH} letters, digits and ._~/- starting with "/" (no query)`,
  maxLength: MAX_URL_PATH_LENGTH,
};

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
    enum: ["dev", "prod"],
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
    shape: { pattern: /ICP/i, name: "an ICP filing number such as 京ICP备12345678号-1" },
  },
  certificateSource: {
    type: "string",
    default: "acme",
    description:
      "Where the server certificate comes from: acme (Let's Encrypt, DNS-01 on Alibaba Cloud DNS, renewed by pulumi up), pem (certificatePem + privateKeyPem), cas (alicloudCertificateId) or selfSigned (dev only; phones reject it).",
    example: "acme",
    enum: CERTIFICATE_SOURCES,
  },
  acmeEmail: {
    type: "string",
    default: "",
    description: "Contact address of the ACME account (source acme); required for acme.",
    example: "ops@your-domain.com",
    shape: { pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, name: "an email address" },
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
    description:
      "Key of the ACME certificate: rsa2048 (works under every allowed TLS policy) or rsa4096. CLB serves RSA certificates only.",
    example: "rsa2048",
    enum: ACME_KEY_ALGORITHMS,
    refusedBecause: (value) =>
      /^ec/i.test(value)
        ? 'Alibaba Cloud CLB serves RSA certificates only ("Certificate requirements" in the CLB docs), so an ECDSA certificate cannot be uploaded'
        : undefined,
  },
  minDaysRemaining: {
    type: "integer",
    default: DEFAULT_MIN_DAYS_REMAINING,
    description:
      "Days a certificate must still be valid: acme renews inside this window on pulumi up; pem fails (prod) or warns (dev) below it.",
    example: "30",
    min: 1,
    max: 60,
    rangeNote: "Let's Encrypt certificates last 90 days",
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
    description:
      "Extra trusted root certificates, PEM, for checking a pem chain (private PKI). Without it a chain must lead to a public root in prod.",
    example: "pulumi config set trustedRootsPem < private-root.pem",
  },
  alicloudCertificateId: {
    type: "string",
    default: "",
    description: "Id of a certificate in Alibaba Cloud SSL Certificates Service (source cas). Not available on the international site.",
    example: "12345678",
    shape: { pattern: /^\d+$/, name: "a certificate id (digits) from the SSL Certificates Service console" },
  },
  alicloudCertificateRegion: {
    type: "string",
    default: "cn-hangzhou",
    description: "Region of the SSL Certificates Service holding alicloudCertificateId (source cas).",
    example: "cn-hangzhou",
    shape: { pattern: REGION_PATTERN, name: "an Alibaba Cloud region id such as cn-hangzhou" },
  },
  tlsPolicy: {
    type: "string",
    default: RECOMMENDED_TLS_POLICY,
    description:
      "TLS policy of the HTTPS listener: tls_cipher_policy_1_2, tls_cipher_policy_1_2_strict or tls_cipher_policy_1_2_strict_with_1_3.",
    example: "tls_cipher_policy_1_2_strict_with_1_3",
    enum: TLS_POLICIES,
    refusedBecause: (value) =>
      /^tls_cipher_policy_1_[01]$/.test(value) ? "it allows TLS below 1.2, which WeChat refuses and SSL Labs caps at B" : undefined,
  },
  hstsMaxAge: {
    type: "integer",
    default: HSTS_ONE_YEAR_SECONDS,
    description: "Strict-Transport-Security max-age in seconds sent by the instances; lower than 31536000 is an error in prod.",
    example: "31536000",
    min: 0,
    // Ten years: far beyond what browsers keep (two years), yet a typo of extra digits is caught.
    max: 315360000,
  },
  instanceCount: {
    type: "integer",
    default: 0,
    description: "Number of ECS backend instances. 0: the environment's default (1 in dev, 2 in prod); prod needs at least 2.",
    example: "2",
    min: 0,
    max: 20,
  },
  zoneCount: {
    type: "integer",
    default: 0,
    description: "Number of availability zones the instances spread over. 0: min(instanceCount, 2); prod needs at least 2.",
    example: "2",
    min: 0,
    max: 5,
  },
  instanceType: {
    type: "string",
    default: "",
    description: "ECS instance type. Empty: looked up in the region (2 vCPU, 4 GiB, cheapest first).",
    example: "ecs.g7.large",
    shape: { pattern: /^ecs\.[a-z0-9-]+\.[a-z0-9]+$/, name: "an ECS instance type such as ecs.g7.large (or empty to look one up)" },
  },
  backendPort: {
    type: "integer",
    default: DEFAULT_BACKEND_PORT,
    description: "Port the app listens on inside each instance; nginx proxies to it.",
    example: "3000",
    min: 1024,
    max: 65535,
    rangeNote: "nginx holds port 80 on the instance",
  },
  appImage: {
    type: "string",
    default: "",
    description: "Container image of the app, e.g. an ACR VPC address. Empty: a built-in app that answers the health path.",
    example: "registry-vpc.cn-hangzhou.aliyuncs.com/team/api:1.4.2",
    shape: {
      pattern: IMAGE_PATTERN,
      name: "a container image reference such as registry-vpc.cn-hangzhou.aliyuncs.com/team/api:1.4.2",
      maxLength: MAX_IMAGE_LENGTH,
    },
  },
  appEnv: {
    type: "object",
    default: {},
    description:
      "Plain environment variables of the app container (names A-Z, 0-9, _; not PORT, HOST, APP_ENV or HEALTH_PATH, which the stack sets). A change rolls out new instances.",
    example: "pulumi config set --path 'appEnv.LOG_LEVEL' info",
  },
  appSecrets: {
    type: "object",
    default: {},
    secret: true,
    description:
      "Secret environment variables of the app container, each set with --secret. Stored as OOS encrypted parameters and read by the instances with their RAM role; a change restarts the app, one instance at a time.",
    example: "pulumi config set --secret --path 'appSecrets.WX_APP_SECRET' <app secret>",
  },
  appUser: {
    type: "string",
    default: DEFAULT_APP_USER,
    description: "User the app container runs as (docker run --user): uid[:gid] or a name from the image; never root.",
    example: "10001:10001",
    shape: {
      pattern: /^([0-9]{1,10}|[a-z_][a-z0-9_-]{0,31})(:([0-9]{1,10}|[a-z_][a-z0-9_-]{0,31}))?$/,
      name: "a user as docker run --user takes it: uid[:gid] such as 10001:10001, or a user name from the image",
    },
  },
  acrInstanceId: {
    type: "string",
    default: "",
    description:
      "Id of the Container Registry Enterprise Edition instance holding appImage (cri-...): the instances pull with a temporary token from their RAM role over the instance's VPC endpoint.",
    example: "cri-abc123def456",
    shape: { pattern: /^cri-[a-z0-9]{4,40}$/, name: "an ACR Enterprise Edition instance id such as cri-abc123def456" },
  },
  registryUsername: {
    type: "string",
    default: "",
    description:
      "User name for pulling appImage from a registry other than ACR Enterprise Edition (e.g. ACR Personal Edition); needs registryPassword.",
    example: "team@example",
    shape: { pattern: /^[^\s'"\\]{1,256}$/, name: "a registry user name without spaces or quotes" },
  },
  registryPassword: {
    type: "string",
    default: "",
    secret: true,
    description: "Password for registryUsername. Stored as an OOS encrypted parameter like appSecrets. Set it as a secret.",
    example: "pulumi config set --secret registryPassword <password>",
  },
  healthPath: {
    type: "string",
    default: DEFAULT_HEALTH_PATH,
    description: "Path the load balancer's health check and the verifier request; the app must answer it with 2xx.",
    example: "/api/health",
    shape: URL_PATH,
  },
  apiBasePath: {
    type: "string",
    default: "/api",
    description: "Base path of the API, used for the apiBaseUrl output.",
    example: "/api",
    shape: URL_PATH,
  },
  maxUploadSize: {
    type: "string",
    default: DEFAULT_MAX_UPLOAD_SIZE,
    description: "Largest request body nginx accepts (wx.uploadFile), in nginx size syntax: 20m, 512k.",
    example: "20m",
    shape: { pattern: NGINX_SIZE_PATTERN, name: "an nginx size such as 20m or 512k" },
  },
  sshAllowedCidrs: {
    type: "array",
    default: [],
    description: "CIDRs allowed to reach SSH (22) on the instances. Empty: SSH closed.",
    example: '["203.0.113.0/24"]',
  },
  verifyAfterDeploy: {
    type: "string",
    default: "auto",
    description:
      "After pulumi up changes the certificate, listeners or instances, run the HTTPS verifier against the load balancer and fail the update when a check fails: true, false or auto (true in prod).",
    example: "auto",
    enum: AUTO_BOOLEAN,
  },
  protect: {
    type: "string",
    default: "auto",
    description: "Protect the load balancer and DNS records from deletion: true, false or auto (true in prod).",
    example: "auto",
    enum: AUTO_BOOLEAN,
  },
  // Monitoring and alerting (components/monitoring.ts; checks in lib/config/monitoring.ts).
  monitoring: {
    type: "string",
    default: "auto",
    description:
      "Scheduled verifier in Function Compute, CloudMonitor site monitor and alarms, access logs to Log Service: on, off or auto (on in prod).",
    example: "on",
    enum: MONITORING_MODES,
  },
  alertWebhooks: {
    type: "array",
    default: [],
    secret: true,
    description:
      "Group robot webhook URLs the alerts are posted to: WeCom (qyapi.weixin.qq.com) or DingTalk (oapi.dingtalk.com; a signing secret goes after #). Set as secrets.",
    example: "pulumi config set --secret --path 'alertWebhooks[0]' 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=...'",
  },
  alertEmails: {
    type: "array",
    default: [],
    description: "Email addresses CloudMonitor alarms go to (each confirms an activation email first).",
    example: '["ops@your-domain.com"]',
  },
  verifySchedule: {
    type: "string",
    default: DEFAULT_VERIFY_SCHEDULE,
    description:
      'When the scheduled verifier runs, in Function Compute timer syntax: "@every 30m", or six cron fields with seconds first, UTC unless prefixed CRON_TZ=Asia/Shanghai.',
    example: "@every 30m",
  },
  logRetentionDays: {
    type: "integer",
    default: DEFAULT_LOG_RETENTION_DAYS,
    description: "Days Log Service keeps the instances' nginx access logs and the monitoring function's logs.",
    example: "30",
    min: 1,
    max: 3650,
    rangeNote: "Log Service keeps data 1 to 3650 days; 3650 means for ever",
  },
  siteMonitorProbes: {
    type: "array",
    default: [],
    description:
      "CloudMonitor site monitor probe points as isp:city ids (DescribeSiteMonitorISPCityList). Empty: China Unicom and China Mobile points (see README).",
    example: '["232:641", "5:738"]',
  },
} as const satisfies Record<string, ConfigKeySpec>;

export type ConfigKey = keyof typeof CONFIG_KEYS;

/** The value type each kind of key reads as; keys with allowed values read as their union. */
type ValueOf<S> = S extends { type: "integer" }
  ? number
  : S extends { type: "array" }
    ? string[]
    : S extends { type: "object" }
      ? Record<string, string>
      : S extends { enum: readonly (infer E)[] }
        ? E | (S extends { default: "" } ? "" : never)
        : string;

/** Every key's value, typed and checked against its spec, defaults applied. */
export type ConfigValues = { -readonly [K in ConfigKey]: ValueOf<(typeof CONFIG_KEYS)[K]> };
