// Reads and validates a stack's config into one typed settings object, before any resource is
// declared. Every problem names the config key and the fix; all problems are reported at once.
import {
  ACME_KEY_ALGORITHMS,
  ACME_SERVERS,
  CERTIFICATE_SOURCES,
  CONFIG_KEYS,
  type AcmeKeyAlgorithm,
  ConfigKey,
  PROJECT,
  REGION_KEY,
  TLS_POLICIES,
  type TlsPolicy,
} from "./keys";
import { parseDomain, recordNameFor } from "./domain";
import { parseCidr } from "../cidr";
import { IMAGE_PATTERN } from "../instance/cloudInit";
import { URL_PATH_PATTERN } from "../instance/validate";
import { checkCertificate, type CertificateSummary } from "../certificates/checkCertificate";
import type { HttpsBackendArgs } from "../../components/httpsBackend";

export type Environment = "dev" | "prod";

/**
 * A secret config value. `known: false` is a value the offline plan cannot read (a `secure:`
 * ciphertext only the Pulumi CLI decrypts); the program treats it as an unknown secret.
 */
export type SecretValue = { readonly known: true; readonly value: string } | { readonly known: false };

/**
 * What the offline plan puts in the config map for a secret it cannot decrypt. The program never
 * sees it under the Pulumi CLI, which decrypts every secret before the program starts.
 */
export const UNREADABLE_SECRET = "[secret value the offline plan cannot decrypt]";

export type CertificateSettings =
  | {
      readonly source: "acme";
      /** Contact address of the ACME account. */
      readonly email: string;
      /** ACME directory URL. */
      readonly serverUrl: string;
      /** true for Let's Encrypt staging (untrusted by phones). */
      readonly staging: boolean;
      readonly keyAlgorithm: AcmeKeyAlgorithm;
      /** Renew when fewer days are left. */
      readonly minDaysRemaining: number;
    }
  | {
      readonly source: "pem";
      /** The chain, leaf first. */
      readonly certificatePem?: SecretValue;
      /** The unencrypted private key. */
      readonly privateKeyPem?: SecretValue;
      /** What the checks read from the chain, when the stack could read it. */
      readonly summary?: CertificateSummary;
    }
  | {
      readonly source: "cas";
      /** Certificate id in SSL Certificates Service. */
      readonly certificateId: string;
      readonly region: string;
      readonly minDaysRemaining: number;
    }
  | { readonly source: "selfSigned" };

/**
 * One stack's validated settings: the HttpsBackend component's arguments (documented there), with
 * the certificate as configured, and what only the stack needs.
 */
export interface StackSettings extends Omit<HttpsBackendArgs, "certificate"> {
  readonly stack: string;
  readonly region: string;
  readonly icpLicense?: string;
  readonly certificate: CertificateSettings;
}

export interface ResolvedConfig {
  readonly settings: StackSettings;
  /** Problems that do not stop a dev stack; the program logs them. */
  readonly warnings: string[];
  /** Checks that could not run because a value is unknown (offline plan). */
  readonly checksNotRun: string[];
}

export class ConfigError extends Error {
  constructor(
    readonly stack: string,
    readonly problems: string[],
  ) {
    super(
      `invalid config for stack "${stack}" (Pulumi.${stack}.yaml):\n` + problems.map((p) => `  - ${p}`).join("\n"),
    );
    this.name = "ConfigError";
  }
}

export interface ConfigInput {
  /** Config map as the Pulumi runtime holds it: `wechat-https-backend:domain`, `alicloud:region`, ... */
  readonly values: Readonly<Record<string, string | undefined>>;
  readonly stack: string;
}

/** The minimum HSTS max-age: one year, the value WeChat's setup guide uses; SSL Labs wants six months or more. */
export const HSTS_FLOOR = 31536000;

const INSTANCE_TYPE = /^ecs\.[a-z0-9-]+\.[a-z0-9]+$/;
const NGINX_SIZE = /^([1-9][0-9]*)([kKmMgG]?)$/;
/** CLB health check URIs are at most 80 characters. */
const MAX_PATH_LENGTH = 80;
const ICP_NUMBER = /ICP/i;

class Collector {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  readonly checksNotRun: string[] = [];
  constructor(readonly environment: Environment) {}
  /** An error in prod, a warning in dev. */
  prodError(message: string): void {
    (this.environment === "prod" ? this.errors : this.warnings).push(message);
  }
}

function rawValue(input: ConfigInput, key: ConfigKey): string | undefined {
  const value = input.values[`${PROJECT}:${key}`];
  return value === undefined ? undefined : value;
}

function stringValue(input: ConfigInput, key: ConfigKey): string {
  const value = rawValue(input, key);
  if (value !== undefined) return value.trim();
  const spec = CONFIG_KEYS[key];
  return "default" in spec && typeof spec.default === "string" ? spec.default : "";
}

function integerValue(input: ConfigInput, key: ConfigKey, out: Collector): number {
  const raw = rawValue(input, key);
  const spec = CONFIG_KEYS[key];
  const fallback = "default" in spec && typeof spec.default === "number" ? spec.default : 0;
  if (raw === undefined || raw.trim() === "") return fallback;
  if (!/^-?\d{1,9}$/.test(raw.trim())) {
    out.errors.push(`${key}: "${raw}" is not a whole number; e.g. pulumi config set ${key} ${spec.example}`);
    return fallback;
  }
  return Number(raw.trim());
}

function listValue(input: ConfigInput, key: ConfigKey, out: Collector): string[] {
  const raw = rawValue(input, key);
  if (raw === undefined || raw.trim() === "") return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    // A single value set without --path arrives as a plain string.
    parsed = [raw];
  }
  if (!Array.isArray(parsed) || !parsed.every((item): item is string => typeof item === "string")) {
    out.errors.push(`${key}: expected a list of strings; e.g. pulumi config set --path '${key}[0]' 203.0.113.0/24`);
    return [];
  }
  return parsed.map((s) => s.trim());
}

function secretValue(input: ConfigInput, key: ConfigKey): SecretValue | undefined {
  const value = rawValue(input, key);
  if (value === undefined || value.trim() === "") return undefined;
  return value === UNREADABLE_SECRET ? { known: false } : { known: true, value };
}

function resolveEnvironment(input: ConfigInput, out: string[]): Environment {
  const raw = stringValue(input, "environment");
  if (raw === "") return /^prod/i.test(input.stack) ? "prod" : "dev";
  if (raw === "dev" || raw === "prod") return raw;
  out.push(`environment: "${raw}" is not dev or prod; pulumi config set environment prod (or dev)`);
  return "dev";
}

function resolveBoolean(input: ConfigInput, key: ConfigKey, auto: boolean, out: Collector): boolean {
  const raw = stringValue(input, key).toLowerCase();
  if (raw === "" || raw === "auto") return auto;
  if (raw === "true" || raw === "false") return raw === "true";
  out.errors.push(`${key}: "${raw}" is not true, false or auto; e.g. pulumi config set ${key} true`);
  return auto;
}

function checkPath(key: ConfigKey, value: string, out: Collector): string {
  // The characters nginx locations (checked again when rendering) and CLB health check URIs both take.
  if (!URL_PATH_PATTERN.test(value) || value.length > MAX_PATH_LENGTH) {
    out.errors.push(
      `${key}: "${value}" is not a URL path of at most 80 letters, digits and ._~/- starting with "/" (no query); e.g. pulumi config set ${key} ${CONFIG_KEYS[key].example}`,
    );
  }
  return value.length > 1 ? value.replace(/\/+$/, "") : value;
}

function resolveDomain(input: ConfigInput, out: Collector): { domain: string; dnsZone: string; recordName: string } {
  const raw = rawValue(input, "domain");
  if (raw === undefined || raw.trim() === "") {
    out.errors.push("domain is not set; set the host name the mini program calls, e.g. pulumi config set domain dev.example.com");
    return { domain: "", dnsZone: "", recordName: "@" };
  }
  const parsed = parseDomain(raw, "domain");
  if (typeof parsed === "string") {
    out.errors.push(parsed);
    return { domain: "", dnsZone: "", recordName: "@" };
  }
  const zoneRaw = stringValue(input, "dnsZone");
  if (zoneRaw === "") {
    return { domain: parsed.host, dnsZone: parsed.registrable, recordName: recordNameFor(parsed.host, parsed.registrable) ?? "@" };
  }
  const zone = parseDomain(zoneRaw, "dnsZone");
  if (typeof zone === "string") {
    out.errors.push(zone);
    return { domain: parsed.host, dnsZone: "", recordName: "@" };
  }
  const recordName = recordNameFor(parsed.host, zone.host);
  if (recordName === undefined) {
    out.errors.push(
      `dnsZone: "${zone.host}" does not contain domain "${parsed.host}"; set the zone the domain lives in (e.g. ${parsed.registrable}), or leave dnsZone empty`,
    );
    return { domain: parsed.host, dnsZone: zone.host, recordName: "@" };
  }
  return { domain: parsed.host, dnsZone: zone.host, recordName };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function resolveAcme(input: ConfigInput, out: Collector, minDaysRemaining: number): CertificateSettings {
  const email = stringValue(input, "acmeEmail");
  if (email === "") {
    out.errors.push("acmeEmail is not set (certificateSource acme); the ACME account needs a contact: pulumi config set acmeEmail ops@your-domain.com");
  } else if (!EMAIL.test(email)) {
    out.errors.push(`acmeEmail: "${email}" is not an email address; e.g. pulumi config set acmeEmail ops@your-domain.com`);
  }
  const server = stringValue(input, "acmeServer");
  let serverUrl: string = ACME_SERVERS.production;
  if (server === "staging" || server === "production") {
    serverUrl = ACME_SERVERS[server];
  } else if (/^https:\/\/[^\s/]+\/\S*$/.test(server)) {
    serverUrl = server;
    out.warnings.push(`acmeServer: ${server} is not Let's Encrypt; make sure phones trust the CA behind it`);
  } else {
    out.errors.push(`acmeServer: "${server}" is not production, staging or an https:// ACME directory URL; e.g. pulumi config set acmeServer production`);
  }
  const staging = serverUrl === ACME_SERVERS.staging;
  if (staging) {
    out.prodError("acmeServer: staging certificates come from an untrusted test CA and phones reject them; use production once a trial works");
  }
  const keyAlgorithm = stringValue(input, "acmeKeyAlgorithm");
  if (!(ACME_KEY_ALGORITHMS as readonly string[]).includes(keyAlgorithm)) {
    const why = /^ec/i.test(keyAlgorithm)
      ? "Alibaba Cloud CLB serves RSA certificates only (\"Certificate requirements\" in the CLB docs), so an ECDSA certificate cannot be uploaded"
      : "it is not a key algorithm this project offers";
    out.errors.push(`acmeKeyAlgorithm: "${keyAlgorithm}" cannot be used: ${why}; use ${ACME_KEY_ALGORITHMS.join(" or ")}`);
  }
  return {
    source: "acme",
    email,
    serverUrl,
    staging,
    keyAlgorithm: (ACME_KEY_ALGORITHMS as readonly string[]).includes(keyAlgorithm) ? (keyAlgorithm as AcmeKeyAlgorithm) : "rsa2048",
    minDaysRemaining,
  };
}

interface PemContext {
  readonly domain: string;
  readonly tlsPolicy: TlsPolicy;
  readonly minDaysRemaining: number;
}

function resolvePem(input: ConfigInput, out: Collector, context: PemContext): CertificateSettings {
  const certificatePem = secretValue(input, "certificatePem");
  const privateKeyPem = secretValue(input, "privateKeyPem");
  if (!certificatePem) {
    out.errors.push("certificatePem is not set (certificateSource pem); pulumi config set --secret certificatePem < fullchain.pem");
  }
  if (!privateKeyPem) {
    out.errors.push("privateKeyPem is not set (certificateSource pem); pulumi config set --secret privateKeyPem < privkey.pem");
  }
  if (certificatePem?.known === false || privateKeyPem?.known === false) {
    out.checksNotRun.push(
      "certificate checks (key matches, covers the domain, expiry, chain): certificatePem/privateKeyPem are secrets the offline plan cannot decrypt; pulumi preview runs them",
    );
  }
  if (!certificatePem?.known || context.domain === "") return { source: "pem", certificatePem, privateKeyPem };
  const trustedRootsPem = stringValue(input, "trustedRootsPem");
  const report = checkCertificate({
    certificatePem: certificatePem.value,
    privateKeyPem: privateKeyPem?.known ? privateKeyPem.value : undefined,
    domain: context.domain,
    tlsPolicy: context.tlsPolicy,
    minDaysRemaining: context.minDaysRemaining,
    strict: out.environment === "prod",
    trustedRootsPem: trustedRootsPem === "" ? undefined : trustedRootsPem,
  });
  out.errors.push(...report.errors);
  out.warnings.push(...report.warnings);
  return { source: "pem", certificatePem, privateKeyPem, summary: report.summary };
}

function resolveCertificate(input: ConfigInput, out: Collector, context: PemContext): CertificateSettings {
  const source = stringValue(input, "certificateSource");
  switch (source) {
    case "acme":
      return resolveAcme(input, out, context.minDaysRemaining);
    case "pem":
      return resolvePem(input, out, context);
    case "cas": {
      const certificateId = stringValue(input, "alicloudCertificateId");
      if (!/^\d+$/.test(certificateId)) {
        out.errors.push(
          `alicloudCertificateId: ${certificateId === "" ? "is not set" : `"${certificateId}" is not a certificate id`} (certificateSource cas); copy the id from the SSL Certificates Service console: pulumi config set alicloudCertificateId 12345678`,
        );
      }
      out.warnings.push("certificateSource cas: Alibaba Cloud's international site does not offer certificates from SSL Certificates Service to CLB; use pem or acme there");
      return { source: "cas", certificateId, region: stringValue(input, "alicloudCertificateRegion"), minDaysRemaining: context.minDaysRemaining };
    }
    case "selfSigned":
      if (out.environment === "prod") {
        out.errors.push("certificateSource: selfSigned is not allowed in prod (phones reject self-signed certificates); use acme or pem with a CA-issued chain");
      } else {
        out.warnings.push("certificateSource: selfSigned certificates are rejected by phones; only the WeChat developer tools with domain checks off will connect");
      }
      return { source: "selfSigned" };
    default:
      out.errors.push(`certificateSource: "${source}" is not one of ${CERTIFICATE_SOURCES.join(", ")}; e.g. pulumi config set certificateSource acme`);
      return { source: "selfSigned" };
  }
}

function resolveTlsPolicy(input: ConfigInput, out: Collector): TlsPolicy {
  const value = stringValue(input, "tlsPolicy");
  if ((TLS_POLICIES as readonly string[]).includes(value)) return value as TlsPolicy;
  const why = /^tls_cipher_policy_1_[01]$/.test(value)
    ? "it allows TLS below 1.2, which WeChat refuses and SSL Labs caps at B"
    : "it is not a CLB TLS policy this project allows";
  out.errors.push(`tlsPolicy: "${value}" cannot be used: ${why}; use one of ${TLS_POLICIES.join(", ")}`);
  return CONFIG_KEYS.tlsPolicy.default;
}

function resolveCounts(input: ConfigInput, out: Collector): { instanceCount: number; zoneCount: number } {
  const prod = out.environment === "prod";
  const configured = integerValue(input, "instanceCount", out);
  const instanceCount = configured === 0 ? (prod ? 2 : 1) : configured;
  if (instanceCount < 0 || instanceCount > 20) {
    out.errors.push(`instanceCount: ${instanceCount} is out of range (1-20, or 0 for the environment's default)`);
  } else if (prod && instanceCount < 2) {
    out.errors.push(`instanceCount: prod needs at least 2 instances in 2 zones so one can fail; pulumi config set instanceCount 2`);
  }
  const zonesConfigured = integerValue(input, "zoneCount", out);
  const zoneCount = zonesConfigured === 0 ? Math.max(1, Math.min(instanceCount, 2)) : zonesConfigured;
  if (zoneCount < 0 || zoneCount > 5) {
    out.errors.push(`zoneCount: ${zoneCount} is out of range (1-5, or 0 for automatic)`);
  } else if (zoneCount > instanceCount && instanceCount > 0) {
    out.errors.push(`zoneCount: ${zoneCount} zones cannot each hold one of ${instanceCount} instances; set zoneCount at most instanceCount`);
  } else if (prod && zoneCount < 2) {
    out.errors.push(`zoneCount: prod spreads instances over at least 2 zones; pulumi config set zoneCount 2`);
  }
  return { instanceCount, zoneCount };
}

function resolveSshCidrs(input: ConfigInput, out: Collector): string[] {
  const cidrs = listValue(input, "sshAllowedCidrs", out);
  for (const cidr of cidrs) {
    const parsed = parseCidr(cidr);
    if (typeof parsed === "string") {
      out.errors.push(`sshAllowedCidrs: "${cidr}" ${parsed}; e.g. pulumi config set --path 'sshAllowedCidrs[0]' 203.0.113.0/24`);
    } else if (parsed.prefix === 0) {
      out.prodError(`sshAllowedCidrs: "${cidr}" opens SSH to the whole internet; list your office or bastion range instead`);
    }
  }
  return cidrs;
}

/** Validates a stack's config and resolves defaults. Throws ConfigError listing every problem. */
export function resolveStackConfig(input: ConfigInput): ResolvedConfig {
  const envProblems: string[] = [];
  const environment = resolveEnvironment(input, envProblems);
  const out = new Collector(environment);
  out.errors.push(...envProblems);

  const region = (input.values[REGION_KEY] ?? "").trim();
  if (region === "") {
    out.errors.push(`${REGION_KEY} is not set; choose the region of the load balancer, e.g. pulumi config set ${REGION_KEY} cn-hangzhou`);
  } else if (!/^[a-z]{2}(-[a-z0-9]+)+$/.test(region)) {
    out.errors.push(`${REGION_KEY}: "${region}" is not an Alibaba Cloud region id such as cn-hangzhou`);
  }

  const { domain, dnsZone, recordName } = resolveDomain(input, out);

  const icpLicense = stringValue(input, "icpLicense");
  if (icpLicense === "") {
    out.prodError("icpLicense is not set; WeChat only accepts ICP-filed (备案) domains: pulumi config set icpLicense '京ICP备12345678号-1'");
  } else if (!ICP_NUMBER.test(icpLicense)) {
    out.errors.push(`icpLicense: "${icpLicense}" does not look like an ICP filing number (e.g. 京ICP备12345678号-1)`);
  }

  const tlsPolicy = resolveTlsPolicy(input, out);
  const minDaysRemaining = integerValue(input, "minDaysRemaining", out);
  if (minDaysRemaining < 1 || minDaysRemaining > 60) {
    out.errors.push(`minDaysRemaining: ${minDaysRemaining} is outside 1-60 (Let's Encrypt certificates last 90 days); e.g. pulumi config set minDaysRemaining 30`);
  }
  const certificate = resolveCertificate(input, out, { domain, tlsPolicy, minDaysRemaining });

  const hstsMaxAge = integerValue(input, "hstsMaxAge", out);
  if (hstsMaxAge < 0) {
    out.errors.push(`hstsMaxAge: ${hstsMaxAge} is negative; pulumi config set hstsMaxAge ${HSTS_FLOOR}`);
  } else if (hstsMaxAge < HSTS_FLOOR) {
    out.prodError(`hstsMaxAge: ${hstsMaxAge} is below one year (${HSTS_FLOOR}); browsers and SSL Labs expect at least that: pulumi config set hstsMaxAge ${HSTS_FLOOR}`);
  }

  const { instanceCount, zoneCount } = resolveCounts(input, out);

  const instanceType = stringValue(input, "instanceType");
  if (instanceType !== "" && !INSTANCE_TYPE.test(instanceType)) {
    out.errors.push(`instanceType: "${instanceType}" is not an ECS instance type such as ecs.g7.large; or leave it empty to look one up`);
  }

  const backendPort = integerValue(input, "backendPort", out);
  if (backendPort < 1024 || backendPort > 65535) {
    out.errors.push(`backendPort: ${backendPort} must be 1024-65535 (nginx holds port 80 on the instance); e.g. pulumi config set backendPort 3000`);
  }

  const appImage = stringValue(input, "appImage");
  if (appImage !== "" && (!IMAGE_PATTERN.test(appImage) || appImage.length > 255)) {
    out.errors.push(`appImage: "${appImage}" is not a container image reference such as registry-vpc.cn-hangzhou.aliyuncs.com/team/api:1.4.2`);
  }

  const healthPath = checkPath("healthPath", stringValue(input, "healthPath"), out);
  const apiBasePath = checkPath("apiBasePath", stringValue(input, "apiBasePath"), out);

  const maxUploadSize = stringValue(input, "maxUploadSize");
  if (!NGINX_SIZE.test(maxUploadSize)) {
    out.errors.push(`maxUploadSize: "${maxUploadSize}" is not an nginx size such as 20m or 512k`);
  }

  const sshAllowedCidrs = resolveSshCidrs(input, out);
  const protect = resolveBoolean(input, "protect", environment === "prod", out);
  if (environment === "prod" && !protect) {
    out.warnings.push("protect: false in prod; pulumi destroy could delete the load balancer and DNS records");
  }

  const verifyAfterDeploy = resolveBoolean(input, "verifyAfterDeploy", environment === "prod", out);
  const untrusted = certificate.source === "selfSigned" ? "a self-signed certificate" : certificate.source === "acme" && certificate.staging ? "a Let's Encrypt staging certificate" : undefined;
  // In prod such certificates are refused already; in dev, say why the check would fail.
  if (verifyAfterDeploy && untrusted && environment === "dev") {
    out.errors.push(`verifyAfterDeploy: the verifier's chain check cannot pass with ${untrusted}, which phones do not trust either; set verifyAfterDeploy false, or use a trusted certificate`);
  }

  if (out.errors.length > 0) throw new ConfigError(input.stack, out.errors);
  return {
    settings: {
      stack: input.stack,
      environment,
      region,
      domain,
      dnsZone,
      recordName,
      icpLicense: icpLicense === "" ? undefined : icpLicense,
      certificate,
      tlsPolicy,
      hstsMaxAge,
      instanceCount,
      zoneCount,
      instanceType: instanceType === "" ? undefined : instanceType,
      backendPort,
      appImage: appImage === "" ? undefined : appImage,
      healthPath,
      apiBasePath,
      maxUploadSize,
      sshAllowedCidrs,
      protect,
      verifyAfterDeploy,
      minDaysRemaining,
    },
    warnings: out.warnings,
    checksNotRun: out.checksNotRun,
  };
}
