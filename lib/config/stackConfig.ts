// Reads and validates a stack's config into one typed settings object, before any resource is
// declared. read.ts checks each key against its schema (type, range, allowed values, shape); this
// file adds what involves several keys, the environment or the certificate. Every problem names the
// config key and the fix; all problems are reported at once.
//
// Messages come from the catalog of the run's locale (lib/config/messages): the environment's
// (LC_ALL, LC_MESSAGES, LANG), so `pulumi preview` in a Chinese terminal explains itself in Chinese.
import { ACME_SERVERS, ACME_KEY_ALGORITHMS, type AcmeKeyAlgorithm, type ConfigKey, type ConfigValues } from "./keys";
import { HSTS_ONE_YEAR_SECONDS, RECOMMENDED_TLS_POLICY, STRICT_TLS_POLICIES, type TlsPolicy } from "../constants";
import { INTERNET_WIDE_PREFIX, isInternetWide, parseCidr } from "../cidr";
import { plaintextSecretWarnings } from "./credentials";
import { checkCertificate } from "../certificates/checkCertificate";
import { localeFromEnvironment, type Locale } from "../i18n";
import { Problems } from "../problems";
import { resolveAppSettings } from "./app";
import { checkZoneIds } from "./compute";
import { resolveDnsChallengeCredentials } from "./dnsChallenge";
import { parseDomain, recordNameFor } from "./domain";
import { checkIcpFiling } from "./icpFiling";
import { resolveMonitoring } from "./monitoring";
import { REGION_PATTERN } from "./keys";
import { configMessages, type ConfigMessages } from "./messages";
import { checkPlaceholders } from "./placeholders";
import { UNREADABLE_SECRET, nearestName, rawValue, readConfigValues, setCommand } from "./read";
import type { CertificateSettings, Environment, SecretValue, StackSettings } from "./settings";
import { resolveWechat } from "./wechat";
import { PROVIDER_REGIONS, SKIP_REGION_VALIDATION_KEY } from "../cloud/regions";
import { MAX_UPLOAD_SIZE, isUploadSizeInRange } from "../uploadSize";

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
    locale: Locale = "en",
  ) {
    super(`${configMessages(locale).invalidConfig({ stack })}\n` + problems.map((p) => `  - ${p}`).join("\n"));
    this.name = "ConfigError";
  }
}

export interface ConfigInput {
  /** Config map as the Pulumi runtime holds it: `wechat-https-backend:domain`, `alicloud:region`, ... */
  readonly values: Readonly<Record<string, string | undefined>>;
  readonly stack: string;
  /** Language of the messages; default the environment's (LC_ALL, LC_MESSAGES, LANG). */
  readonly locale?: Locale;
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
  /** The messages in the run's language. */
  readonly m: ConfigMessages;
  readonly locale: Locale;
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

function resolveRegion(ctx: Context): string {
  const region = (ctx.input.values[REGION_KEY] ?? "").trim();
  const fix = `pulumi config set ${REGION_KEY} cn-hangzhou`;
  if (region === "") {
    ctx.problems.error(ctx.m.regionNotSet({ key: REGION_KEY, fix }));
  } else if (!REGION_PATTERN.test(region)) {
    ctx.problems.error(ctx.m.regionInvalid({ key: REGION_KEY, value: region, fix }));
  } else if (!PROVIDER_REGIONS.includes(region) && ctx.input.values[SKIP_REGION_VALIDATION_KEY] !== "true") {
    const near = nearestName(region, PROVIDER_REGIONS);
    ctx.problems.error(
      ctx.m.regionUnknown({ key: REGION_KEY, value: region, fix: `pulumi config set ${REGION_KEY} ${near ?? "cn-hangzhou"}`, near }),
    );
  }
  return region;
}

function resolveDomain(ctx: Context): { domain: string; dnsZone: string; recordName: string } {
  const raw = ctx.values.domain;
  if (raw === "") {
    ctx.problems.error(ctx.m.domainNotSet({ fix: setCommand("domain") }));
    return { domain: "", dnsZone: "", recordName: "@" };
  }
  const parsed = parseDomain(raw, "domain", ctx.locale);
  if (typeof parsed === "string") {
    ctx.problems.error(parsed);
    return { domain: "", dnsZone: "", recordName: "@" };
  }
  if (ctx.values.dnsZone === "") {
    return { domain: parsed.host, dnsZone: parsed.registrable, recordName: recordNameFor(parsed.host, parsed.registrable) ?? "@" };
  }
  const zone = parseDomain(ctx.values.dnsZone, "dnsZone", ctx.locale);
  if (typeof zone === "string") {
    ctx.problems.error(zone);
    return { domain: parsed.host, dnsZone: "", recordName: "@" };
  }
  const recordName = recordNameFor(parsed.host, zone.host);
  if (recordName === undefined) {
    ctx.problems.error(ctx.m.dnsZoneOutside({ zone: zone.host, domain: parsed.host, registrable: parsed.registrable }));
    return { domain: parsed.host, dnsZone: zone.host, recordName: "@" };
  }
  return { domain: parsed.host, dnsZone: zone.host, recordName };
}

function resolveAcme(ctx: Context): CertificateSettings {
  // No contact is needed: Let's Encrypt sends no expiry emails since 2025-06-04 (its announcement of
  // 2025-01-22, letsencrypt.org/2025/01/22/ending-expiration-emails/); the monitoring warns instead.
  const { acmeEmail: email, acmeServer: server, minDaysRemaining } = ctx.values;
  let serverUrl: string = ACME_SERVERS.production;
  if (server === "staging" || server === "production") {
    serverUrl = ACME_SERVERS[server];
  } else if (/^https:\/\/[^\s/]+\/\S*$/.test(server)) {
    serverUrl = server;
    ctx.problems.warning(ctx.m.acmeServerNotLetsEncrypt({ server }));
  } else {
    ctx.problems.error(ctx.m.acmeServerInvalid({ server, fix: setCommand("acmeServer") }));
  }
  const staging = serverUrl === ACME_SERVERS.staging;
  if (staging) {
    prodError(ctx, ctx.m.acmeStagingInProd());
  }
  const keyAlgorithm = (ACME_KEY_ALGORITHMS as readonly string[]).includes(ctx.values.acmeKeyAlgorithm)
    ? ctx.values.acmeKeyAlgorithm
    : "rsa2048";
  const dnsCredentials = resolveDnsChallengeCredentials(ctx.input.values, ctx.input.env ?? {}, ctx.problems, ctx.m);
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
  for (const [key, value] of [
    ["certificatePem", certificatePem],
    ["privateKeyPem", privateKeyPem],
  ] as const) {
    if (!value) ctx.problems.error(ctx.m.secretNotSet({ key, source: "pem", fix: setCommand(key) }));
  }
  if (certificatePem?.known === false || privateKeyPem?.known === false) {
    ctx.problems.notChecked(ctx.m.certificateChecksNotRun());
  }
  const trustedRootsPem = ctx.values.trustedRootsPem === "" ? undefined : ctx.values.trustedRootsPem;
  if (!certificatePem?.known || domain === "") return { source: "pem", certificatePem, privateKeyPem, trustedRootsPem };
  const report = checkCertificate({
    certificatePem: certificatePem.value,
    privateKeyPem: privateKeyPem?.known ? privateKeyPem.value : undefined,
    domain,
    tlsPolicy,
    minDaysRemaining: ctx.values.minDaysRemaining,
    strict: ctx.environment === "prod",
    trustedRootsPem,
    locale: ctx.locale,
  });
  report.errors.forEach((m) => ctx.problems.error(m));
  report.warnings.forEach((m) => ctx.problems.warning(m));
  return { source: "pem", certificatePem, privateKeyPem, summary: report.summary, trustedRootsPem };
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
        ctx.problems.error(ctx.m.casIdNotSet({ fix: setCommand("alicloudCertificateId") }));
      }
      ctx.problems.warning(ctx.m.casInternationalSite());
      return { source: "cas", certificateId, region: ctx.values.alicloudCertificateRegion, minDaysRemaining: ctx.values.minDaysRemaining };
    }
    case "selfSigned":
      if (ctx.environment === "prod") ctx.problems.error(ctx.m.selfSignedInProd());
      else ctx.problems.warning(ctx.m.selfSignedInDev());
      return { source: "selfSigned" };
  }
}

/**
 * The instance edge runs exactly one instance in one zone (its EIP is bound to one instance); in prod
 * that is allowed with a warning, which takes the place of prod's two-instance, two-zone rule.
 */
function resolveInstanceEdgeCounts(ctx: Context): { instanceCount: number; zoneCount: number } {
  const { instanceCount, zoneCount } = ctx.values;
  if (instanceCount > 1) ctx.problems.error(ctx.m.edgeInstanceCount({ count: instanceCount }));
  if (zoneCount > 1) ctx.problems.error(ctx.m.edgeZoneCount({ count: zoneCount }));
  if (ctx.environment === "prod") ctx.problems.warning(ctx.m.edgeInstanceInProd());
  return { instanceCount: 1, zoneCount: 1 };
}

function resolveCounts(ctx: Context): { instanceCount: number; zoneCount: number } {
  if (ctx.values.edge === "instance") return resolveInstanceEdgeCounts(ctx);
  const prod = ctx.environment === "prod";
  const instanceCount = ctx.values.instanceCount === 0 ? (prod ? 2 : 1) : ctx.values.instanceCount;
  if (prod && instanceCount < 2) {
    ctx.problems.error(ctx.m.prodInstanceCount());
  }
  const zoneCount = ctx.values.zoneCount === 0 ? Math.min(instanceCount, 2) : ctx.values.zoneCount;
  if (zoneCount > instanceCount) {
    ctx.problems.error(ctx.m.zoneCountAboveInstances({ zones: zoneCount, instances: instanceCount }));
  } else if (prod && zoneCount < 2) {
    ctx.problems.error(ctx.m.prodZoneCount());
  }
  return { instanceCount, zoneCount };
}

function checkSshCidrs(ctx: Context): void {
  for (const cidr of ctx.values.sshAllowedCidrs) {
    const parsed = parseCidr(cidr);
    if (typeof parsed === "string") {
      ctx.problems.error(ctx.m.sshCidrInvalid({ cidr, reason: parsed, fix: setCommand("sshAllowedCidrs") }));
    } else if (isInternetWide(cidr)) {
      prodError(ctx, ctx.m.sshWholeInternet({ cidr, prefix: INTERNET_WIDE_PREFIX[parsed.version] }));
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
  const locale = input.locale ?? localeFromEnvironment();
  const m = configMessages(locale);
  const problems = new Problems();
  const { values, invalid } = readConfigValues(input.values, problems, locale);
  const environment: Environment = values.environment === "" ? (/^prod/i.test(input.stack) ? "prod" : "dev") : values.environment;
  const ctx: Context = { input, values, invalid, environment, problems, m, locale };

  const region = resolveRegion(ctx);
  const { domain, dnsZone, recordName } = resolveDomain(ctx);
  // In dev, checkIcpFiling says how to get the filing that is missing.
  if (values.icpLicense === "" && environment === "prod") {
    problems.error(m.icpNotSet({ fix: setCommand("icpLicense") }));
  }
  checkPlaceholders(values, problems, m);
  checkIcpFiling({ values, region, regionKey: REGION_KEY, problems, m });
  const tlsPolicy = values.tlsPolicy;
  if (values.edge === "instance") {
    // nginx on the instance offers what the strictest policy does, whatever tlsPolicy says.
    if (tlsPolicy !== RECOMMENDED_TLS_POLICY) problems.warning(m.tlsPolicyUnusedOnInstanceEdge({ policy: tlsPolicy }));
  } else if (!STRICT_TLS_POLICIES.includes(tlsPolicy)) {
    prodError(ctx, m.tlsPolicyNotStrict({ policy: tlsPolicy, recommended: RECOMMENDED_TLS_POLICY }));
  }
  const certificate = resolveCertificate(ctx, domain, tlsPolicy);

  if (values.hstsMaxAge < HSTS_ONE_YEAR_SECONDS) {
    prodError(ctx, m.hstsBelowYear({ value: values.hstsMaxAge, year: HSTS_ONE_YEAR_SECONDS }));
  }
  if (!invalid.has("maxUploadSize") && !isUploadSizeInRange(values.maxUploadSize)) {
    problems.error(m.uploadSizeOutOfRange({ value: values.maxUploadSize, max: MAX_UPLOAD_SIZE, fix: setCommand("maxUploadSize") }));
  }
  const { instanceCount, zoneCount } = resolveCounts(ctx);
  checkZoneIds(values.zoneIds, zoneCount, region, problems, m);
  checkSshCidrs(ctx);
  // Provider credentials and secret keys the stack file holds in plain text (only the CLI can tell).
  if (input.isSecret) plaintextSecretWarnings(input.values, input.isSecret, m).forEach((warning) => problems.warning(warning));
  const appImage = values.appImage === "" ? undefined : values.appImage;
  const app = resolveAppSettings(
    { values, invalid, isSecret: input.isSecret, environment, region, stack: input.stack, problems, m },
    appImage,
  );
  const healthPath = trimPath(values.healthPath);
  const wechat = resolveWechat({ values, domain, healthPath, problems, m });

  const protect = resolveAuto(values.protect, environment === "prod");
  if (environment === "prod" && !protect) {
    problems.warning(m.protectOffInProd());
  }
  const verifyAfterDeploy = resolveAuto(values.verifyAfterDeploy, environment === "prod");
  const untrusted = invalid.has("certificateSource")
    ? undefined
    : certificate.source === "selfSigned"
      ? "selfSigned"
      : certificate.source === "acme" && certificate.staging
        ? "staging"
        : undefined;
  // In prod such certificates are refused already; in dev, say why the check would fail.
  if (verifyAfterDeploy && untrusted && environment === "dev") {
    problems.error(m.verifyUntrusted({ certificate: untrusted }));
  }

  const monitoring = resolveMonitoring({
    values,
    rawWebhooks: rawValue(input.values, "alertWebhooks"),
    environment,
    stack: input.stack,
    domain,
    region,
    problems,
    m,
  });
  if (monitoring && untrusted) problems.warning(m.monitoringUntrusted({ certificate: untrusted }));

  if (problems.errors.length > 0) throw new ConfigError(input.stack, problems.errors, locale);
  return {
    settings: {
      stack: input.stack,
      environment,
      edge: values.edge,
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
      healthPath,
      apiBasePath: trimPath(values.apiBasePath),
      maxUploadSize: values.maxUploadSize,
      sshAllowedCidrs: values.sshAllowedCidrs,
      protect,
      verifyAfterDeploy,
      minDaysRemaining: values.minDaysRemaining,
      ...wechat,
      monitoring,
    },
    warnings: problems.warnings,
    checksNotRun: problems.checksNotRun,
  };
}
