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
  DEFAULT_READINESS_TIMEOUT_SECONDS,
  HSTS_ONE_YEAR_SECONDS,
  IMAGE_PATTERN,
  MAX_IMAGE_LENGTH,
  MAX_READINESS_TIMEOUT_SECONDS,
  MIN_READINESS_TIMEOUT_SECONDS,
  MAX_URL_PATH_LENGTH,
  NGINX_SIZE_PATTERN,
  RECOMMENDED_TLS_POLICY,
  TLS_POLICIES,
  URL_PATH_PATTERN,
} from "../constants";
import { LOCALES } from "../i18n";
import { DEFAULT_LOG_RETENTION_DAYS } from "../monitoring/defaults";
import { DEFAULT_VERIFY_SCHEDULE } from "../monitoring/schedule";

export const PROJECT = "wechat-https-backend";

/** The types Pulumi.yaml can declare. */
export type ConfigType = ConfigKeySpec["type"];

interface BaseSpec {
  readonly description: string;
  /** The description in Chinese, for README.zh-CN.md's config table. */
  readonly descriptionZh: string;
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
  /**
   * The value is text of several lines (a PEM bundle) that never reaches a rendered file, so control
   * characters (line breaks) are allowed; every other value refuses them (read.ts).
   */
  readonly multiline?: true;
  /** Undefined only for required keys; "" for optional ones (empty means not set). */
  readonly default?: string;
  /** The only values allowed (besides "" when the key is optional). */
  readonly enum?: readonly string[];
  /** Why a particular value outside `enum` is refused, when there is more to say than "not allowed". */
  readonly refusedBecause?: (value: string) => Reason | undefined;
  /**
   * A value must match, and what to call such a value in a message ("an ECS instance type such as
   * ecs.g7.large"), in English and in Chinese.
   */
  readonly shape?: { readonly pattern: RegExp; readonly name: string; readonly nameZh: string; readonly maxLength?: number };
}

export interface IntegerSpec extends BaseSpec {
  readonly type: "integer";
  readonly default?: number;
  /** Inclusive range. */
  readonly min: number;
  readonly max: number;
  /** Said after the range when a value is outside it: why the range is what it is. */
  readonly rangeNote?: Reason;
}

export interface ArraySpec extends BaseSpec {
  readonly type: "array";
  readonly default?: readonly string[];
}

export interface ObjectSpec extends BaseSpec {
  readonly type: "object";
  /** Values are pasted from elsewhere: used without a leading BOM and surrounding whitespace. */
  readonly pastedValues?: true;
  readonly default?: Readonly<Record<string, string>>;
}

/** A reason given in a message, in each language. */
export interface Reason {
  readonly reason: string;
  readonly reasonZh: string;
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

/**
 * What faces the internet: a classic load balancer in front of the instances (TLS ends at the CLB),
 * or the one instance itself with an EIP (TLS ends in its nginx).
 */
export const EDGES = ["loadBalancer", "instance"] as const;
export type Edge = (typeof EDGES)[number];

/** true, false, or auto (decided by the environment). */
export const AUTO_BOOLEAN = ["auto", "true", "false"] as const;

/** monitoring: on, off, or auto (on in prod, off in dev). */
export const MONITORING_MODES = ["auto", "on", "off"] as const;

/** alarmRelay: relay CloudMonitor's alarms to the robots when there are robots (auto), or never (off). */
export const ALARM_RELAY_MODES = ["auto", "off"] as const;

/** An Alibaba Cloud region id such as cn-hangzhou or ap-southeast-1. */
export const REGION_PATTERN = /^[a-z]{2}(-[a-z0-9]+)+$/;

/**
 * A 备案号 as the MIIT record writes it: the filing province's one-character abbreviation, "ICP备",
 * the entity's number, "号", and for a website its sequence number after "-" (京ICP备12345678号-1).
 * The provinces with two customary abbreviations are taken in both (川/蜀, 贵/黔, 云/滇, 陕/秦, 甘/陇).
 * An ICP 经营许可证 number (京ICP证123456号) is a licence, not the filing: it does not match.
 */
export const ICP_FILING_NUMBER_PATTERN = /^[京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀贵黔云滇藏陕秦甘陇青宁新]ICP备\d+号(-\d+)?$/;

const URL_PATH = {
  pattern: URL_PATH_PATTERN,
  name: `a URL path of at most ${MAX_URL_PATH_LENGTH} letters, digits and ._~/- starting with "/" (no query)`,
  nameZh: `以 "/" 开头、最多 ${MAX_URL_PATH_LENGTH} 个字母、数字和 ._~/- 组成的 URL 路径（不带查询参数）`,
  maxLength: MAX_URL_PATH_LENGTH,
};

export const CONFIG_KEYS = {
  domain: {
    type: "string",
    description: "Host name the mini program calls (ICP-filed), e.g. api.example.com or example.com; no scheme, port or path.",
    descriptionZh: "小程序调用的主机名（须已 ICP 备案），如 api.example.com 或 example.com；不带协议、端口或路径。",
    example: "dev.example.com",
  },
  environment: {
    type: "string",
    default: "",
    description: "dev or prod; prod enforces WeChat's production rules. Empty: prod for a stack named prod*, otherwise dev.",
    descriptionZh: "dev 或 prod；prod 执行微信的生产要求。留空：栈名以 prod 开头时为 prod，否则为 dev。",
    example: "prod",
    enum: ["dev", "prod"],
  },
  edge: {
    type: "string",
    default: "loadBalancer",
    description:
      "What faces the internet: loadBalancer (a CLB in front of the instances, zones and rollouts without downtime) or " +
      "instance (one ECS instance with an EIP, nginx ends TLS; cheaper, one instance in one zone; a warning in prod).",
    descriptionZh:
      "面向互联网的入口：loadBalancer（实例前面一台 CLB，多可用区、发布不中断）或 instance（一台带 EIP 的 ECS 实例，" +
      "由 nginx 终止 TLS；更便宜，只有一台实例、一个可用区；prod 中会警告）。",
    example: "instance",
    enum: EDGES,
  },
  dnsZone: {
    type: "string",
    default: "",
    description: "Alibaba Cloud DNS zone that holds the record. Empty: the registrable domain of `domain`.",
    descriptionZh: "存放解析记录的阿里云云解析 DNS 域名（Zone）。留空：取 `domain` 的可注册域名。",
    example: "example.com",
  },
  icpLicense: {
    type: "string",
    default: "",
    description:
      "ICP filing number (备案号) of the domain's website, as the MIIT record shows it. Required in prod, where " +
      "it stands for the filing WeChat requires; unset or the example, the plan says how to file (README).",
    descriptionZh:
      "域名所属网站的 ICP 备案号，与工信部备案系统中的写法一致。prod 必填，表示已有微信要求的备案；未设置或仍是示例值时，计划会说明如何备案（见 README）。",
    example: "京ICP备12345678号-1",
    shape: {
      pattern: ICP_FILING_NUMBER_PATTERN,
      name: "an ICP filing number (备案号): province abbreviation + ICP备 + digits + 号, then -N for a website, such as 京ICP备12345678号-1",
      nameZh: "ICP 备案号（省份简称 + ICP备 + 数字 + 号，网站的备案号后面还有 -序号），如 京ICP备12345678号-1",
    },
  },
  certificateSource: {
    type: "string",
    default: "acme",
    description:
      "Where the server certificate comes from: acme (Let's Encrypt, DNS-01 on Alibaba Cloud DNS, renewed " +
      "by pulumi up), pem (certificatePem + privateKeyPem), cas (alicloudCertificateId) or selfSigned (dev " +
      "only; phones reject it).",
    descriptionZh:
      "服务器证书来源：acme（Let's Encrypt，在阿里云云解析 DNS 上做 DNS-01 验证，由 pulumi up 续期）、pem（certificatePem + " +
      "privateKeyPem）、cas（alicloudCertificateId）或 selfSigned（仅限 dev；手机不信任）。",
    example: "acme",
    enum: CERTIFICATE_SOURCES,
  },
  acmeEmail: {
    type: "string",
    default: "",
    description:
      "Contact address of the ACME account (source acme), for a CA that wants one. Let's Encrypt needs none and " +
      "has sent no expiry emails since 2025-06-04: the monitoring (on in prod) warns instead.",
    descriptionZh:
      "ACME 账户的联系邮箱（来源为 acme 时），用于需要它的 CA。Let's Encrypt 不需要，自 2025-06-04 起也不再发送到期提醒邮件：到期前由监控（prod 默认开启）报警。",
    example: "ops@your-domain.com",
    shape: { pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, name: "an email address", nameZh: "邮箱地址" },
  },
  acmeServer: {
    type: "string",
    default: "production",
    description: "ACME directory: production or staging (Let's Encrypt; phones reject staging certificates), or an https:// directory URL.",
    descriptionZh: "ACME 目录：production 或 staging（Let's Encrypt；手机不信任 staging 证书），或一个 https:// 目录 URL。",
    example: "production",
  },
  acmeKeyAlgorithm: {
    type: "string",
    default: "rsa2048",
    description:
      "Key of the ACME certificate: rsa2048 (works under every allowed TLS policy) or rsa4096. CLB serves RSA certificates only.",
    descriptionZh: "ACME 证书的密钥：rsa2048（所有允许的 TLS 策略都可用）或 rsa4096。CLB 只支持 RSA 证书。",
    example: "rsa2048",
    enum: ACME_KEY_ALGORITHMS,
    refusedBecause: (value) =>
      /^ec/i.test(value)
        ? {
            reason:
              'Alibaba Cloud CLB serves RSA certificates only ("Certificate requirements" in the CLB docs), so an ECDSA certificate cannot be uploaded',
            reasonZh: "阿里云 CLB 只支持 RSA 证书（CLB 文档“证书要求”），ECDSA 证书无法上传",
          }
        : undefined,
  },
  minDaysRemaining: {
    type: "integer",
    default: DEFAULT_MIN_DAYS_REMAINING,
    description:
      "Days a certificate must still be valid: acme renews inside this window on pulumi up; pem fails (prod) or warns (dev) below it.",
    descriptionZh: "证书至少还需有效的天数：acme 在此期限内由 pulumi up 续期；pem 低于此值时报错（prod）或警告（dev）。",
    example: "30",
    min: 1,
    max: 60,
    rangeNote: { reason: "Let's Encrypt certificates last 90 days", reasonZh: "Let's Encrypt 证书有效期为 90 天" },
  },
  certificatePem: {
    type: "string",
    default: "",
    secret: true,
    description: "Certificate chain, PEM, leaf first then intermediates (source pem). Set it as a secret.",
    descriptionZh: "证书链，PEM 格式，先叶子证书再中间证书（来源为 pem 时）。以 secret 方式设置。",
    example: "pulumi config set --secret certificatePem < fullchain.pem",
  },
  privateKeyPem: {
    type: "string",
    default: "",
    secret: true,
    description: "Unencrypted private key of the certificate, PEM, PKCS#1 or PKCS#8 (source pem). Set it as a secret.",
    descriptionZh: "证书的未加密私钥，PEM 格式，PKCS#1 或 PKCS#8（来源为 pem 时）。以 secret 方式设置。",
    example: "pulumi config set --secret privateKeyPem < privkey.pem",
  },
  trustedRootsPem: {
    type: "string",
    default: "",
    description:
      "Extra trusted root certificates, PEM, for checking a pem chain (private PKI). Without it a chain must lead to a public root in prod.",
    descriptionZh: "检查 pem 证书链时额外信任的根证书，PEM 格式（私有 PKI）。不设置时，prod 的证书链必须通向公共根证书。",
    example: "pulumi config set trustedRootsPem < private-root.pem",
    multiline: true,
  },
  alicloudCertificateId: {
    type: "string",
    default: "",
    description: "Id of a certificate in Alibaba Cloud SSL Certificates Service (source cas). Not available on the international site.",
    descriptionZh: "阿里云数字证书管理服务（SSL 证书）中证书的 ID（来源为 cas 时）。国际站不提供。",
    example: "12345678",
    shape: {
      pattern: /^\d+$/,
      name: "a certificate id (digits) from the SSL Certificates Service console",
      nameZh: "数字证书管理服务控制台中的证书 ID（数字）",
    },
  },
  alicloudCertificateRegion: {
    type: "string",
    default: "cn-hangzhou",
    description: "Region of the SSL Certificates Service holding alicloudCertificateId (source cas).",
    descriptionZh: "存放 alicloudCertificateId 的数字证书管理服务所在地域（来源为 cas 时）。",
    example: "cn-hangzhou",
    shape: { pattern: REGION_PATTERN, name: "an Alibaba Cloud region id such as cn-hangzhou", nameZh: "阿里云地域 ID，如 cn-hangzhou" },
  },
  tlsPolicy: {
    type: "string",
    default: RECOMMENDED_TLS_POLICY,
    description:
      "TLS policy of the HTTPS listener: tls_cipher_policy_1_2, tls_cipher_policy_1_2_strict or tls_cipher_policy_1_2_strict_with_1_3.",
    descriptionZh:
      "HTTPS 监听的 TLS 安全策略：tls_cipher_policy_1_2、tls_cipher_policy_1_2_strict 或 tls_cipher_policy_1_2_strict_with_1_3。",
    example: "tls_cipher_policy_1_2_strict_with_1_3",
    enum: TLS_POLICIES,
    refusedBecause: (value) =>
      /^tls_cipher_policy_1_[01]$/.test(value)
        ? {
            reason: "it allows TLS below 1.2, which WeChat refuses and SSL Labs caps at B",
            reasonZh: "它允许 TLS 1.2 以下的版本，微信不接受，SSL Labs 评级最高只给 B",
          }
        : undefined,
  },
  hstsMaxAge: {
    type: "integer",
    default: HSTS_ONE_YEAR_SECONDS,
    description: "Strict-Transport-Security max-age in seconds sent by the instances; lower than 31536000 is an error in prod.",
    descriptionZh: "实例发送的 Strict-Transport-Security max-age（秒）；prod 中低于 31536000 报错。",
    example: "31536000",
    min: 0,
    // Ten years: far beyond what browsers keep (two years), yet a typo of extra digits is caught.
    max: 315360000,
  },
  instanceCount: {
    type: "integer",
    default: 0,
    description: "Number of ECS backend instances. 0: the environment's default (1 in dev, 2 in prod); prod needs at least 2.",
    descriptionZh: "ECS 后端实例数。0：按环境取默认值（dev 为 1，prod 为 2）；prod 至少 2 台。",
    example: "2",
    min: 0,
    max: 20,
  },
  zoneCount: {
    type: "integer",
    default: 0,
    description: "Number of availability zones the instances spread over. 0: min(instanceCount, 2); prod needs at least 2.",
    descriptionZh: "实例分布的可用区数。0：min(instanceCount, 2)；prod 至少 2 个。",
    example: "2",
    min: 0,
    max: 5,
  },
  instanceType: {
    type: "string",
    default: "",
    description:
      "ECS instance type; a change replaces the instances one by one. Empty: looked up once (2 vCPU / 4 GiB, " +
      "x86_64, not burstable or shared, ESSD system disk, sold in the most zones) and kept once deployed.",
    descriptionZh:
      "ECS 实例规格；修改后逐台替换实例。留空：查找一次（2 vCPU / 4 GiB、x86_64、非突发性能型或共享型、支持 ESSD 系统盘、在最多可用区有售），部署后保持不变。",
    example: "ecs.c7.large",
    shape: {
      pattern: /^ecs\.[a-z0-9-]+\.[a-z0-9]+$/,
      name: "an ECS instance type such as ecs.c7.large (or empty to look one up)",
      nameZh: "ECS 实例规格，如 ecs.c7.large（或留空自动查找）",
    },
  },
  imageId: {
    type: "string",
    default: "",
    description:
      "System image of the instances (x86_64 Ubuntu 22.04, cloud-init 23.2.2 or newer); a change replaces " +
      "them one by one. Empty: the newest Alibaba Cloud Ubuntu 22.04 image, looked up once and kept once deployed.",
    descriptionZh:
      "实例的系统镜像（x86_64 Ubuntu 22.04，cloud-init 23.2.2 或更新）；修改后逐台替换实例。留空：查找一次阿里云最新的 Ubuntu 22.04 镜像，部署后保持不变。",
    example: "ubuntu_22_04_x64_20G_alibase_20241224.vhd",
    shape: {
      pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/,
      name: "an ECS image id such as ubuntu_22_04_x64_20G_alibase_20241224.vhd or m-bp1...",
      nameZh: "ECS 镜像 ID，如 ubuntu_22_04_x64_20G_alibase_20241224.vhd 或 m-bp1...",
    },
  },
  zoneIds: {
    type: "array",
    default: [],
    description:
      "Zones of the vSwitches, one per zone (zoneCount of them), in order; a change moves the vSwitches and " +
      "instances. Empty: looked up once and kept once deployed (pulumi stack output zoneIds).",
    descriptionZh:
      "交换机所在的可用区，每个可用区一个（共 zoneCount 个），按顺序；修改后会迁移交换机和实例。留空：查找一次，部署后保持不变（pulumi stack output zoneIds）。",
    example: '["cn-hangzhou-h","cn-hangzhou-i"]',
  },
  readinessTimeout: {
    type: "integer",
    default: DEFAULT_READINESS_TIMEOUT_SECONDS,
    description:
      "Seconds a new instance may take to serve the health path (cloud-init, packages, image pull, app " +
      "start); drives the readiness script's, its command's and pulumi up's timeouts.",
    descriptionZh:
      "新实例开始通过 nginx 应答健康检查路径所允许的秒数（cloud-init、装包、拉取镜像、应用启动）；就绪脚本、其云助手命令和 pulumi up 的超时都由它决定。",
    example: "600",
    min: MIN_READINESS_TIMEOUT_SECONDS,
    max: MAX_READINESS_TIMEOUT_SECONDS,
    rangeNote: {
      reason: "less cannot install Docker and pull an image; more hides a broken boot",
      reasonZh: "更短装不完 Docker、拉不完镜像；更长会掩盖启动失败",
    },
  },
  backendPort: {
    type: "integer",
    default: DEFAULT_BACKEND_PORT,
    description: "Port the app listens on inside each instance; nginx proxies to it.",
    descriptionZh: "应用在每台实例内监听的端口；nginx 反向代理到此端口。",
    example: "3000",
    min: 1024,
    max: 65535,
    rangeNote: { reason: "nginx holds port 80 on the instance", reasonZh: "实例上的 80 端口由 nginx 占用" },
  },
  appImage: {
    type: "string",
    default: "",
    description: "Container image of the app, e.g. an ACR VPC address. Empty: a built-in app that answers the health path.",
    descriptionZh: "应用的容器镜像，如 ACR 的 VPC 地址。留空：使用内置的健康检查应用。",
    example: "registry-vpc.cn-hangzhou.aliyuncs.com/team/api:1.4.2",
    shape: {
      pattern: IMAGE_PATTERN,
      name: "a container image reference such as registry-vpc.cn-hangzhou.aliyuncs.com/team/api:1.4.2",
      nameZh: "容器镜像地址，如 registry-vpc.cn-hangzhou.aliyuncs.com/team/api:1.4.2",
      maxLength: MAX_IMAGE_LENGTH,
    },
  },
  appEnv: {
    type: "object",
    default: {},
    description:
      "Plain environment variables of the app container (names A-Z, 0-9, _; not PORT, HOST, APP_ENV or " +
      "HEALTH_PATH, which the stack sets). A change rolls out new instances.",
    descriptionZh:
      "应用容器的普通环境变量（名称为 A-Z、0-9、_；不能是栈自己设置的 PORT、HOST、APP_ENV 或 HEALTH_PATH）。修改后会发布新实例。",
    example: "pulumi config set --path 'appEnv.LOG_LEVEL' info",
  },
  appSecrets: {
    type: "object",
    default: {},
    secret: true,
    description:
      "Secret environment variables of the app container, each set with --secret. Stored as OOS encrypted " +
      "parameters and read by the instances with their RAM role; a change restarts the app, one instance at a time.",
    descriptionZh:
      "应用容器的 secret 环境变量，每个都用 --secret 设置。保存为 OOS 加密参数，实例用自己的 RAM 角色读取；修改后逐台重启应用。",
    example: "pulumi config set --secret --path 'appSecrets.WX_APP_SECRET' <app secret>",
  },
  appUser: {
    type: "string",
    default: DEFAULT_APP_USER,
    description:
      "User the app container runs as (docker run --user): uid[:gid] or a name from the image; never root, nor the root group (gid 0).",
    descriptionZh: "应用容器运行所用的用户（docker run --user）：uid[:gid] 或镜像中的用户名；绝不能是 root，也不能属于 root 组（gid 0）。",
    example: "10001:10001",
    shape: {
      pattern: /^([0-9]{1,10}|[a-z_][a-z0-9_-]{0,31})(:([0-9]{1,10}|[a-z_][a-z0-9_-]{0,31}))?$/,
      name: "a user as docker run --user takes it: uid[:gid] such as 10001:10001, or a user name from the image",
      nameZh: "docker run --user 接受的用户：uid[:gid]，如 10001:10001，或镜像中的用户名",
    },
  },
  acrInstanceId: {
    type: "string",
    default: "",
    description:
      "Id of the Container Registry Enterprise Edition instance holding appImage (cri-...): the instances " +
      "pull with a temporary token from their RAM role over the instance's VPC endpoint.",
    descriptionZh:
      "存放 appImage 的容器镜像服务企业版实例 ID（cri-...）：实例用自己 RAM 角色的临时令牌，经实例所在 VPC 的访问地址拉取镜像。",
    example: "cri-abc123def456",
    shape: {
      pattern: /^cri-[a-z0-9]{4,40}$/,
      name: "an ACR Enterprise Edition instance id such as cri-abc123def456",
      nameZh: "容器镜像服务企业版实例 ID，如 cri-abc123def456",
    },
  },
  registryUsername: {
    type: "string",
    default: "",
    description:
      "User name for pulling appImage from a registry other than ACR Enterprise Edition (e.g. ACR Personal Edition); needs registryPassword.",
    descriptionZh: "从容器镜像服务企业版以外的镜像仓库（如 ACR 个人版）拉取 appImage 的用户名；需要 registryPassword。",
    example: "team@example",
    shape: {
      pattern: /^[^\s'"\\]{1,256}$/,
      name: "a registry user name without spaces or quotes",
      nameZh: "不含空格或引号的镜像仓库用户名",
    },
  },
  registryPassword: {
    type: "string",
    default: "",
    secret: true,
    description: "Password for registryUsername. Stored as an OOS encrypted parameter like appSecrets. Set it as a secret.",
    descriptionZh: "registryUsername 的密码。与 appSecrets 一样保存为 OOS 加密参数。以 secret 方式设置。",
    example: "pulumi config set --secret registryPassword <password>",
  },
  healthPath: {
    type: "string",
    default: DEFAULT_HEALTH_PATH,
    description: "Path the load balancer's health check and the verifier request; the app must answer it with 2xx.",
    descriptionZh: "负载均衡健康检查和校验工具请求的路径；应用须以 2xx 应答。",
    example: "/api/health",
    shape: URL_PATH,
  },
  apiBasePath: {
    type: "string",
    default: "/api",
    description: "Base path of the API, used for the apiBaseUrl output.",
    descriptionZh: "API 的基础路径，用于输出 apiBaseUrl。",
    example: "/api",
    shape: URL_PATH,
  },
  maxUploadSize: {
    type: "string",
    default: DEFAULT_MAX_UPLOAD_SIZE,
    description:
      "Largest request body nginx accepts (wx.uploadFile), in nginx size syntax: 20m, 512k; from 1 byte to 1g (0 is refused: nginx reads it as no limit).",
    descriptionZh: "nginx 接受的最大请求体（wx.uploadFile），nginx 大小写法：20m、512k；1 字节到 1g（0 会被拒绝：nginx 把它当作不限制）。",
    example: "20m",
    shape: { pattern: NGINX_SIZE_PATTERN, name: "an nginx size such as 20m or 512k", nameZh: "nginx 大小写法，如 20m 或 512k" },
  },
  // What WeChat itself fetches from the domain: callbacks and verification files (lib/config/wechat.ts).
  payNotifyPath: {
    type: "string",
    default: "",
    description:
      "Path of the WeChat Pay notify_url on domain; the payNotifyUrl output is https://<domain><path>. No " +
      "query string or port (WeChat Pay refuses them). Empty: no callback.",
    descriptionZh:
      "微信支付回调通知地址（notify_url）在 domain 上的路径；输出 payNotifyUrl 为 https://<domain><path>。不能带查询参数或端口（微信支付不接受）。留空：不设回调。",
    example: "/api/pay/notify",
  },
  messagePushPath: {
    type: "string",
    default: "",
    description:
      "Path of the message push (消息推送) server URL on domain; the messagePushUrl output is https://<domain><path> (port 443). Empty: no callback.",
    descriptionZh: "消息推送服务器地址在 domain 上的路径；输出 messagePushUrl 为 https://<domain><path>（443 端口）。留空：不设回调。",
    example: "/api/wechat/push",
  },
  wechatVerifyFiles: {
    type: "object",
    default: {},
    description:
      "Domain verification files WeChat asks for, served by nginx at the domain root as text/plain: file " +
      "name to content, e.g. a 10-character name.txt (业务域名) or MP_verify_<16 characters>.txt (JS 接口安全域名).",
    descriptionZh:
      "微信要求的域名校验文件，由 nginx 在域名根目录以 text/plain 提供：文件名 → 内容，如 10 个字符的文件名.txt（业务域名）或 MP_verify_<16 个字符>.txt（JS 接口安全域名）。",
    example: `pulumi config set --path 'wechatVerifyFiles["87PweoaRBw.txt"]' 7c5ffce3ba1f0e2c4b0fd684e371f25b`,
    pastedValues: true,
  },
  sshAllowedCidrs: {
    type: "array",
    default: [],
    description: "CIDRs allowed to reach SSH (22) on the instances. Empty: SSH closed.",
    descriptionZh: "允许访问实例 SSH（22）的网段。留空：关闭 SSH。",
    example: '["203.0.113.0/24"]',
  },
  verifyAfterDeploy: {
    type: "string",
    default: "auto",
    description:
      "After pulumi up changes the certificate, listeners or instances, run the HTTPS verifier against the " +
      "load balancer and fail the update when a check fails: true, false or auto (true in prod).",
    descriptionZh:
      "pulumi up 修改证书、监听或实例后，对负载均衡运行 HTTPS 校验，任一检查失败即让更新失败：true、false 或 auto（prod 中为 true）。",
    example: "auto",
    enum: AUTO_BOOLEAN,
  },
  protect: {
    type: "string",
    default: "auto",
    description:
      "Protect the load balancer (or the instance edge's EIP) and DNS records from deletion: true, false or auto (true in prod).",
    descriptionZh: "保护负载均衡（或 instance 入口的 EIP）和 DNS 记录不被删除：true、false 或 auto（prod 中为 true）。",
    example: "auto",
    enum: AUTO_BOOLEAN,
  },
  // Monitoring and alerting (components/monitoring.ts; checks in lib/config/monitoring.ts).
  monitoring: {
    type: "string",
    default: "auto",
    description:
      "Scheduled verifier in Function Compute, CloudMonitor site monitor and alarms, access logs to Log Service: on, off or auto (on in prod).",
    descriptionZh: "函数计算中的定时校验、云监控站点监控和报警、写入日志服务的访问日志：on、off 或 auto（prod 中为 on）。",
    example: "on",
    enum: MONITORING_MODES,
  },
  alertWebhooks: {
    type: "array",
    default: [],
    secret: true,
    description:
      "Group robot webhook URLs the alerts are posted to: WeCom (qyapi.weixin.qq.com) or DingTalk " +
      "(oapi.dingtalk.com; a signing secret goes after #). Set as secrets.",
    descriptionZh:
      "接收报警的群机器人 Webhook URL：企业微信（qyapi.weixin.qq.com）或钉钉（oapi.dingtalk.com；加签密钥写在 # 之后）。以 secret 方式设置。",
    example: "pulumi config set --secret --path 'alertWebhooks[0]' 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=...'",
  },
  alertEmails: {
    type: "array",
    default: [],
    description: "Email addresses CloudMonitor alarms go to (each confirms an activation email first).",
    descriptionZh: "接收云监控报警的邮箱（每个邮箱先要确认一封激活邮件）。",
    example: '["ops@your-domain.com"]',
  },
  alertLanguage: {
    type: "string",
    default: "zh-CN",
    description:
      "Language of the monitoring function's robot alerts (their text and the verifier's findings in them): " +
      "zh-CN or en. Chinese by default: the robots post into the team's group chats.",
    descriptionZh: "监控函数发给群机器人的报警语言（报警正文及其中的校验结果）：zh-CN 或 en。默认中文：机器人发到团队的群聊里。",
    example: "en",
    enum: LOCALES,
  },
  alarmRelay: {
    type: "string",
    default: "auto",
    description:
      "Relay CloudMonitor's alarms to the group robots through the monitoring function (each alarm names the function as a " +
      "target): auto (when alertWebhooks is set) or off. Turn off if CloudMonitor refuses the function as a target (see README).",
    descriptionZh:
      "通过监控函数把云监控报警转发给群机器人（每条报警规则把函数设为推送目标）：auto（设置了 alertWebhooks 时）或 off。" +
      "若云监控不接受函数作为推送目标，设为 off（见 README）。",
    example: "off",
    enum: ALARM_RELAY_MODES,
  },
  verifySchedule: {
    type: "string",
    default: DEFAULT_VERIFY_SCHEDULE,
    description:
      'When the scheduled verifier runs, in Function Compute timer syntax: "@every 30m", or six cron fields ' +
      "with seconds first, UTC unless prefixed CRON_TZ=Asia/Shanghai.",
    descriptionZh:
      '定时校验的运行时间，函数计算定时触发器写法："@every 30m"，或以秒开头的六段 cron，默认 UTC，可加前缀 CRON_TZ=Asia/Shanghai。',
    example: "@every 30m",
  },
  logRetentionDays: {
    type: "integer",
    default: DEFAULT_LOG_RETENTION_DAYS,
    description: "Days Log Service keeps the instances' nginx access logs and the monitoring function's logs.",
    descriptionZh: "日志服务保存实例 nginx 访问日志和监控函数日志的天数。",
    example: "30",
    min: 1,
    max: 3650,
    rangeNote: {
      reason: "Log Service keeps data 1 to 3650 days; 3650 means for ever",
      reasonZh: "日志服务保存数据 1 到 3650 天；3650 表示永久保存",
    },
  },
  siteMonitorProbes: {
    type: "array",
    default: [],
    description:
      "CloudMonitor site monitor probe points as isp:city ids (DescribeSiteMonitorISPCityList). Empty: China Unicom and China Mobile points (see README).",
    descriptionZh: "云监控站点监控的探测点，写作 isp:city ID（DescribeSiteMonitorISPCityList）。留空：联通和移动的探测点（见 README）。",
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
