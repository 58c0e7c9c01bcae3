// The program: read and validate the stack config, build one HttpsBackend, export what the team needs.
import * as pulumi from "@pulumi/pulumi";
import { HttpsBackend } from "./components";
import type { CertificateSourceArgs } from "./components/certificate";
import { clbCertificatePem, clbPrivateKeyPem } from "./lib/certificates/clbUpload";
import type { DnsChallengeCredentials } from "./lib/config/dnsChallenge";
import { configMessages } from "./lib/config/messages";
import { ConfigError, resolveStackConfig, type StackSettings } from "./lib/config/stackConfig";
import { localeFromEnvironment } from "./lib/i18n";
import { secretOutput } from "./lib/secretOutput";

/** The DNS challenge's credentials as lego's variables, read where the config check found them; keys as secrets. */
function dnsChallengeValues(credentials: DnsChallengeCredentials | undefined): Record<string, pulumi.Input<string>> | undefined {
  if (!credentials || Object.keys(credentials.pass).length === 0) return undefined;
  const alicloudConfig = new pulumi.Config("alicloud");
  return Object.fromEntries(
    Object.entries(credentials.pass).map(([variable, source]) => {
      const name = source.key.slice(source.key.indexOf(":") + 1);
      const value =
        source.from === "config"
          ? source.secret
            ? alicloudConfig.requireSecret(name)
            : pulumi.output(alicloudConfig.require(name))
          : source.secret
            ? pulumi.secret(process.env[source.key] ?? "")
            : pulumi.output(process.env[source.key] ?? "");
      return [variable, value];
    }),
  );
}

function certificateSource(settings: StackSettings): CertificateSourceArgs {
  const certificate = settings.certificate;
  switch (certificate.source) {
    case "acme":
      return {
        kind: "acme",
        serverUrl: certificate.serverUrl,
        email: certificate.email,
        rsaBits: certificate.keyAlgorithm === "rsa4096" ? 4096 : 2048,
        minDaysRemaining: certificate.minDaysRemaining,
        dnsCredentials: dnsChallengeValues(certificate.dnsCredentials),
      };
    case "pem":
      return {
        kind: "pem",
        // Re-encoded into the forms CLB documents (canonical PEM, PKCS#1 RSA keys).
        certificatePem: secretOutput(certificate.certificatePem, clbCertificatePem),
        privateKeyPem: secretOutput(certificate.privateKeyPem, clbPrivateKeyPem),
        notAfter: certificate.summary?.notAfter,
        issuer: certificate.summary?.issuer,
        trustedRootsPem: certificate.trustedRootsPem,
      };
    case "cas":
      return {
        kind: "cas",
        certificateId: certificate.certificateId,
        region: certificate.region,
        minDaysRemaining: certificate.minDaysRemaining,
      };
    case "selfSigned":
      return { kind: "selfSigned" };
  }
}

/**
 * Whether a config key was set with --secret. The language host passes the secret keys beside the
 * config (PULUMI_CONFIG_SECRET_KEYS, pulumi/pulumi sdk/nodejs/cmd/pulumi-language-nodejs/main.go) and
 * the SDK answers through runtime.isConfigSecret, which its typings leave out (@internal); the offline
 * plan sets both with runtime.setAllConfig. test/unit/config/cliSecretKeys.test.ts fails if an SDK
 * upgrade drops it; undefined then, and the checks that need it do not run.
 */
function configSecretCheck(): ((fullKey: string) => boolean) | undefined {
  const runtime = pulumi.runtime as unknown as { isConfigSecret?: (key: string) => boolean };
  return typeof runtime.isConfigSecret === "function" ? (key) => runtime.isConfigSecret!(key) : undefined;
}

function loadSettings(): StackSettings {
  // The Pulumi CLI runs the program in the user's environment: messages follow its LC_ALL/LANG.
  const locale = localeFromEnvironment();
  try {
    const resolved = resolveStackConfig({
      values: pulumi.runtime.allConfig(),
      stack: pulumi.getStack(),
      isSecret: configSecretCheck(),
      env: process.env,
      locale,
    });
    for (const warning of resolved.warnings) void pulumi.log.warn(warning);
    for (const check of resolved.checksNotRun) void pulumi.log.info(`${configMessages(locale).notCheckedPrefix()}${check}`);
    return resolved.settings;
  } catch (err) {
    // A clean message naming the keys, without a stack trace of the program.
    if (err instanceof ConfigError) throw new pulumi.RunError(err.message);
    throw err;
  }
}

/**
 * The program. Pulumi calls the exported function and makes what it returns the stack outputs;
 * a function (rather than top-level code) lets the tests and the offline plan run it again with
 * other config without reloading every module.
 */
export = async () => {
  const settings = loadSettings();
  const backend = new HttpsBackend("wechat", { ...settings, certificate: certificateSource(settings) });

  return {
    /** Paste into the WeChat console: 开发管理 → 开发设置 → 服务器域名. */
    wechatDomains: backend.wechatDomains,
    /** Base URL for wx.request in the mini program. */
    apiBaseUrl: backend.apiBaseUrl,
    healthUrl: backend.healthUrl,
    /** Give WeChat Pay as notify_url, and the message push console (消息推送) as its URL; only when configured. */
    ...(backend.payNotifyUrl ? { payNotifyUrl: backend.payNotifyUrl } : {}),
    ...(backend.messagePushUrl ? { messagePushUrl: backend.messagePushUrl } : {}),
    /** Where the DNS record points; use with `npm run verify -- --resolve` before DNS has propagated. */
    ...(backend.loadBalancerAddress
      ? { loadBalancerAddress: backend.loadBalancerAddress }
      : // The instance edge's EIP: also the address an ICP filing of the domain is bound to (README, "ICP filing").
        { publicAddress: backend.address }),
    certificateId: backend.certificateId,
    certificateNotAfter: backend.certificateNotAfter,
    certificateIssuer: backend.certificateIssuer,
    /** Days until the certificate expires, as of this `pulumi up`; acme renews below minDaysRemaining. */
    certificateDaysLeft: backend.certificateDaysLeft,
    /** What the instances run on: pin with pulumi config set instanceType / imageId / zoneIds (README, "Lookups"). */
    zoneIds: backend.zoneIds,
    instanceType: backend.instanceType,
    imageId: backend.imageId,
    environment: settings.environment,
    /** Monitoring (when on): the scheduled verifier's function, the Log Service project, the alarm contact group. */
    // Only when on: an undefined output makes the Pulumi CLI warn that it will not show.
    ...(backend.monitoring
      ? {
          monitoring: pulumi.output({
            functionName: backend.monitoring.functionName,
            logProject: backend.monitoring.logProject,
            contactGroup: backend.monitoring.contactGroup,
          }),
        }
      : {}),
  };
};
