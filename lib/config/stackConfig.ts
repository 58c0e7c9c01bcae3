// Reads and validates a stack's config into one typed settings object, before any resource is
// declared. read.ts checks each key against its schema (type, range, allowed values, shape); this
// file adds what involves several keys, the environment or the certificate. Every problem names the
// config key and the fix; all problems are reported at once.
import { ACME_SERVERS, ACME_KEY_ALGORITHMS, type AcmeKeyAlgorithm, type ConfigKey, type ConfigValues } from "./keys";
import { HSTS_ONE_YEAR_SECONDS, RECOMMENDED_TLS_POLICY, STRICT_TLS_POLICIES, type TlsPolicy } from "../constants";
import { INTERNET_WIDE_PREFIX, isInternetWide, parseCidr } from "../cidr";
import { plaintextSecretWarnings } from "./credentials";
import { checkCertificate } from "../certificates/checkCertificate";
import { Problems } from "../problems";
import { resolveAppSettings } from "./app";
import { checkZoneIds } from "./compute";
import { resolveDnsChallengeCredentials } from "./dnsChallenge";
import { parseDomain, recordNameFor } from "./domain";
import { resolveMonitoring } from "./monitoring";
import { REGION_PATTERN } from "./keys";
import { UNREADABLE_SECRET, rawValue, readConfigValues, setCommand } from "./read";
import type { CertificateSettings, Environment, SecretValue, StackSettings } from "./settings";

export { UNREADABLE_SECRET } from "./read";
export type { CertificateSettings, Environment, SecretValue, StackSettings } from "./settings";

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
    super(`invalid config for stack "${stack}" (Pulumi.${stack}.yaml):\n` + problems.map((p) => `  - ${p}`).join("\n"));
    this.name = "ConfigError";
  }
}

export interface ConfigInput {
  /** Config map as the Pulumi runtime holds it: `wechat-https-backend:domain`, `alicloud:region`, ... */
  readonly values: Readonly<Record<string, string | undefined>>;
  readonly stack: string;
  /** Whether a full key holds a secret (`pulumi config set --secret`); undefined: cannot tell. */
  readonly isSecret?: (fullKey: string) => boolean;
  /** The environment `pulumi` runs in (credentials the ACME DNS challenge needs); default none. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The provider key for the region: set per stack, declared by the provider, not by this project. */
export const REGION_KEY = "alicloud:region";

/** What the checks below need besides the typed values. */
interface Context {
  readonly input: ConfigInput;
  readonly values: ConfigValues;
  /** Keys whose value was refused already. */
  readonly invalid: ReadonlySet<ConfigKey>;
  readonly environment: Environment;
  readonly problems: Problems;
}

/** An error in prod, a warning in dev. */
function prodError(ctx: Context, message: string): void {
  ctx.problems.errorIf(ctx.environment === "prod", message);
}

function secretValue(input: ConfigInput, key: ConfigKey): SecretValue | undefined {
  const value = rawValue(input.values, key);
  if (value === undefined || value.trim() === "") return undefined;
  return value === UNREADABLE_SECRET ? { known: false } : { known: true, value };
}

function resolveRegion(input: ConfigInput, problems: Problems): string {
  const region = (input.values[REGION_KEY] ?? "").trim();
  if (region === "") {
    problems.error(`${REGION_KEY} is not set; choose the region of the load balancer, e.g. pulumi config set ${REGION_KEY} cn-hangzhou`);
  } else if (!REGION_PATTERN.test(region)) {
    problems.error(
      `${REGION_KEY}: "${region}" is not an Alibaba Cloud region id such as cn-hangzhou; e.g. pulumi config set ${REGION_KEY} cn-hangzhou`,
    );
  }
  return region;
}

function resolveDomain(ctx: Context): { domain: string; dnsZone: string; recordName: string } {
  const raw = ctx.values.domain;
  if (raw === "") {
    ctx.problems.error(`domain is not set; set the host name the mini program calls, e.g. ${setCommand("domain")}`);
    return { domain: "", dnsZone: "", recordName: "@" };
  }
  const parsed = parseDomain(raw, "domain");
  if (typeof parsed === "string") {
    ctx.problems.error(parsed);
    return { domain: "", dnsZone: "", recordName: "@" };
  }
  if (ctx.values.dnsZone === "") {
    return { domain: parsed.host, dnsZone: parsed.registrable, recordName: recordNameFor(parsed.host, parsed.registrable) ?? "@" };
  }
  const zone = parseDomain(ctx.values.dnsZone, "dnsZone");
  if (typeof zone === "string") {
    ctx.problems.error(zone);
    return { domain: parsed.host, dnsZone: "", recordName: "@" };
  }
  const recordName = recordNameFor(parsed.host, zone.host);
  if (recordName === undefined) {
    ctx.problems.error(
      `dnsZone: "${zone.host}" does not contain domain "${parsed.host}"; set the zone the domain lives in (e.g. ${parsed.registrable}), or leave dnsZone empty`,
    );
    return { domain: parsed.host, dnsZone: zone.host, recordName: "@" };
  }
  return { domain: parsed.host, dnsZone: zone.host, recordName };
}

function resolveAcme(ctx: Context): CertificateSettings {
  const { acmeEmail: email, acmeServer: server, minDaysRemaining } = ctx.values;
  if (email === "") {
    ctx.problems.error(`acmeEmail is not set (certificateSource acme); the ACME account needs a contact: ${setCommand("acmeEmail")}`);
  }
  let serverUrl: string = ACME_SERVERS.production;
  if (server === "staging" || server === "production") {
    serverUrl = ACME_SERVERS[server];
  } else if (/^https:\/\/[^\s/]+\/\S*$/.test(server)) {
    serverUrl = server;
    ctx.problems.warning(`acmeServer: ${server} is not Let's Encrypt; make sure phones trust the CA behind it`);
  } else {
    ctx.problems.error(
      `acmeServer: "${server}" is not production, staging or an https:// ACME directory URL; e.g. ${setCommand("acmeServer")}`,
    );
  }
  const staging = serverUrl === ACME_SERVERS.staging;
  if (staging) {
    prodError(
      ctx,
      "acmeServer: staging certificates come from an untrusted test CA and phones reject them; use production once a trial works",
    );
  }
  const keyAlgorithm = (ACME_KEY_ALGORITHMS as readonly string[]).includes(ctx.values.acmeKeyAlgorithm)
    ? ctx.values.acmeKeyAlgorithm
    : "rsa2048";
  const dnsCredentials = resolveDnsChallengeCredentials(ctx.input.values, ctx.input.env ?? {}, ctx.problems);
  return {
    source: "acme",
    email,
    serverUrl,
    staging,
    keyAlgorithm: keyAlgorithm as AcmeKeyAlgorithm,
    minDaysRemaining,
    ...(dnsCredentials ? { dnsCredentials } : {}),
  };
}

function resolvePem(ctx: Context, domain: string, tlsPolicy: TlsPolicy): CertificateSettings {
  const certificatePem = secretValue(ctx.input, "certificatePem");
  const privateKeyPem = secretValue(ctx.input, "privateKeyPem");
  if (!certificatePem) ctx.problems.error(`certificatePem is not set (certificateSource pem); ${setCommand("certificatePem")}`);
  if (!privateKeyPem) ctx.problems.error(`privateKeyPem is not set (certificateSource pem); ${setCommand("privateKeyPem")}`);
  if (certificatePem?.known === false || privateKeyPem?.known === false) {
    ctx.problems.notChecked(
      "certificate checks (key matches, covers the domain, expiry, chain): certificatePem/privateKeyPem are secrets the offline plan cannot decrypt; pulumi preview runs them",
    );
  }
  if (!certificatePem?.known || domain === "") return { source: "pem", certificatePem, privateKeyPem };
  const trustedRootsPem = ctx.values.trustedRootsPem;
  const report = checkCertificate({
    certificatePem: certificatePem.value,
    privateKeyPem: privateKeyPem?.known ? privateKeyPem.value : undefined,
    domain,
    tlsPolicy,
    minDaysRemaining: ctx.values.minDaysRemaining,
    strict: ctx.environment === "prod",
    trustedRootsPem: trustedRootsPem === "" ? undefined : trustedRootsPem,
  });
  report.errors.forEach((m) => ctx.problems.error(m));
  report.warnings.forEach((m) => ctx.problems.warning(m));
  return { source: "pem", certificatePem, privateKeyPem, summary: report.summary };
}

function resolveCertificate(ctx: Context, domain: string, tlsPolicy: TlsPolicy): CertificateSettings {
  // The source is unknown (refused already): no source's own checks apply.
  if (ctx.invalid.has("certificateSource")) return { source: "selfSigned" };
  switch (ctx.values.certificateSource) {
    case "acme":
      return resolveAcme(ctx);
    case "pem":
      return resolvePem(ctx, domain, tlsPolicy);
    case "cas": {
      const certificateId = ctx.values.alicloudCertificateId;
      if (certificateId === "") {
        ctx.problems.error(
          `alicloudCertificateId is not set (certificateSource cas); copy the id from the SSL Certificates Service console: ${setCommand("alicloudCertificateId")}`,
        );
      }
      ctx.problems.warning(
        "certificateSource cas: Alibaba Cloud's international site does not offer certificates from SSL Certificates Service to CLB; use pem or acme there",
      );
      return { source: "cas", certificateId, region: ctx.values.alicloudCertificateRegion, minDaysRemaining: ctx.values.minDaysRemaining };
    }
    case "selfSigned":
      if (ctx.environment === "prod") {
        ctx.problems.error(
          "certificateSource: selfSigned is not allowed in prod (phones reject self-signed certificates); use acme or pem with a CA-issued chain",
        );
      } else {
        ctx.problems.warning(
          "certificateSource: selfSigned certificates are rejected by phones; only the WeChat developer tools with domain checks off will connect",
        );
      }
      return { source: "selfSigned" };
  }
}

function resolveCounts(ctx: Context): { instanceCount: number; zoneCount: number } {
  const prod = ctx.environment === "prod";
  const instanceCount = ctx.values.instanceCount === 0 ? (prod ? 2 : 1) : ctx.values.instanceCount;
  if (prod && instanceCount < 2) {
    ctx.problems.error("instanceCount: prod needs at least 2 instances in 2 zones so one can fail; pulumi config set instanceCount 2");
  }
  const zoneCount = ctx.values.zoneCount === 0 ? Math.min(instanceCount, 2) : ctx.values.zoneCount;
  if (zoneCount > instanceCount) {
    ctx.problems.error(
      `zoneCount: ${zoneCount} zones cannot each hold one of ${instanceCount} instances; set zoneCount at most instanceCount`,
    );
  } else if (prod && zoneCount < 2) {
    ctx.problems.error("zoneCount: prod spreads instances over at least 2 zones; pulumi config set zoneCount 2");
  }
  return { instanceCount, zoneCount };
}

function checkSshCidrs(ctx: Context): void {
  for (const cidr of ctx.values.sshAllowedCidrs) {
    const parsed = parseCidr(cidr);
    if (typeof parsed === "string") {
      ctx.problems.error(`sshAllowedCidrs: "${cidr}" ${parsed}; e.g. ${setCommand("sshAllowedCidrs")}`);
    } else if (isInternetWide(cidr)) {
      prodError(
        ctx,
        `sshAllowedCidrs: "${cidr}" opens SSH to the internet (any range wider than /${INTERNET_WIDE_PREFIX} counts); list your office or bastion range instead`,
      );
    }
  }
}

function resolveAuto(value: "auto" | "true" | "false", auto: boolean): boolean {
  return value === "auto" ? auto : value === "true";
}

/** A path without its trailing slashes ("/api/" and "/api" are the same base). */
function trimPath(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}

/** Validates a stack's config and resolves defaults. Throws ConfigError listing every problem. */
export function resolveStackConfig(input: ConfigInput): ResolvedConfig {
  const problems = new Problems();
  const { values, invalid } = readConfigValues(input.values, problems);
  const environment: Environment = values.environment === "" ? (/^prod/i.test(input.stack) ? "prod" : "dev") : values.environment;
  const ctx: Context = { input, values, invalid, environment, problems };

  const region = resolveRegion(input, problems);
  const { domain, dnsZone, recordName } = resolveDomain(ctx);
  if (values.icpLicense === "") {
    prodError(ctx, `icpLicense is not set; WeChat only accepts ICP-filed (备案) domains: ${setCommand("icpLicense")}`);
  }
  const tlsPolicy = values.tlsPolicy;
  if (!STRICT_TLS_POLICIES.includes(tlsPolicy)) {
    prodError(
      ctx,
      `tlsPolicy: ${tlsPolicy} still offers cipher suites without forward secrecy (RSA key exchange, 3DES), which the verifier fails: pulumi config set tlsPolicy ${RECOMMENDED_TLS_POLICY}`,
    );
  }
  const certificate = resolveCertificate(ctx, domain, tlsPolicy);

  if (values.hstsMaxAge < HSTS_ONE_YEAR_SECONDS) {
    prodError(
      ctx,
      `hstsMaxAge: ${values.hstsMaxAge} is below one year (${HSTS_ONE_YEAR_SECONDS}); browsers and SSL Labs expect at least that: pulumi config set hstsMaxAge ${HSTS_ONE_YEAR_SECONDS}`,
    );
  }
  const { instanceCount, zoneCount } = resolveCounts(ctx);
  checkZoneIds(values.zoneIds, zoneCount, region, problems);
  checkSshCidrs(ctx);
  // Provider credentials and secret keys the stack file holds in plain text (only the CLI can tell).
  if (input.isSecret) plaintextSecretWarnings(input.values, input.isSecret).forEach((m) => problems.warning(m));
  const appImage = values.appImage === "" ? undefined : values.appImage;
  const app = resolveAppSettings(
    { values, invalid, isSecret: input.isSecret, environment, region, stack: input.stack, problems },
    appImage,
  );

  const protect = resolveAuto(values.protect, environment === "prod");
  if (environment === "prod" && !protect) {
    problems.warning("protect: false in prod; pulumi destroy could delete the load balancer and DNS records");
  }
  const verifyAfterDeploy = resolveAuto(values.verifyAfterDeploy, environment === "prod");
  const untrusted = invalid.has("certificateSource")
    ? undefined
    : certificate.source === "selfSigned"
      ? "a self-signed certificate"
      : certificate.source === "acme" && certificate.staging
        ? "a Let's Encrypt staging certificate"
        : undefined;
  // In prod such certificates are refused already; in dev, say why the check would fail.
  if (verifyAfterDeploy && untrusted && environment === "dev") {
    problems.error(
      `verifyAfterDeploy: the verifier's chain check cannot pass with ${untrusted}, which phones do not trust either; set verifyAfterDeploy false, or use a trusted certificate`,
    );
  }

  const monitoring = resolveMonitoring({
    values,
    rawWebhooks: rawValue(input.values, "alertWebhooks"),
    environment,
    stack: input.stack,
    domain,
    region,
    problems,
  });
  if (monitoring && untrusted) {
    problems.warning(`monitoring: the scheduled verifier reports certificate-chain failing from its first run with ${untrusted}`);
  }

  if (problems.errors.length > 0) throw new ConfigError(input.stack, problems.errors);
  return {
    settings: {
      stack: input.stack,
      environment,
      region,
      domain,
      dnsZone,
      recordName,
      icpLicense: values.icpLicense === "" ? undefined : values.icpLicense,
      certificate,
      tlsPolicy,
      hstsMaxAge: values.hstsMaxAge,
      instanceCount,
      zoneCount,
      instanceType: values.instanceType === "" ? undefined : values.instanceType,
      imageId: values.imageId === "" ? undefined : values.imageId,
      zoneIds: values.zoneIds.length === 0 ? undefined : values.zoneIds,
      readinessTimeoutSeconds: values.readinessTimeout,
      backendPort: values.backendPort,
      appImage,
      app,
      healthPath: trimPath(values.healthPath),
      apiBasePath: trimPath(values.apiBasePath),
      maxUploadSize: values.maxUploadSize,
      sshAllowedCidrs: values.sshAllowedCidrs,
      protect,
      verifyAfterDeploy,
      minDaysRemaining: values.minDaysRemaining,
      monitoring,
    },
    warnings: problems.warnings,
    checksNotRun: problems.checksNotRun,
  };
}
