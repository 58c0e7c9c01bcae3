// The program: read and validate the stack config, build one HttpsBackend, export what the team needs.
import * as pulumi from "@pulumi/pulumi";
import { HttpsBackend } from "./components";
import type { CertificateSourceArgs } from "./components/certificate";
import { ConfigError, resolveStackConfig, type SecretValue, type StackSettings } from "./lib/stackConfig";

function secretInput(value: SecretValue | undefined): pulumi.Output<string> {
  // Unknown only in the offline plan, which cannot decrypt `secure:` values; the CLI always can.
  const plain = value?.known ? pulumi.output(value.value) : (pulumi.output(pulumi.unknown) as unknown as pulumi.Output<string>);
  return pulumi.secret(plain);
}

function certificateSource(settings: StackSettings): CertificateSourceArgs {
  const certificate = settings.certificate;
  if (certificate.source === "selfSigned") return { kind: "selfSigned" };
  return {
    kind: "pem",
    certificatePem: secretInput(certificate.certificatePem),
    privateKeyPem: secretInput(certificate.privateKeyPem),
  };
}

function loadSettings(): StackSettings {
  try {
    const resolved = resolveStackConfig({ values: pulumi.runtime.allConfig(), stack: pulumi.getStack() });
    for (const warning of resolved.warnings) void pulumi.log.warn(warning);
    for (const check of resolved.checksNotRun) void pulumi.log.info(`not checked: ${check}`);
    return resolved.settings;
  } catch (err) {
    // A clean message naming the keys, without a stack trace of the program.
    if (err instanceof ConfigError) throw new pulumi.RunError(err.message);
    throw err;
  }
}

const settings = loadSettings();
const backend = new HttpsBackend("wechat", {
  environment: settings.environment,
  domain: settings.domain,
  dnsZone: settings.dnsZone,
  recordName: settings.recordName,
  certificate: certificateSource(settings),
  tlsPolicy: settings.tlsPolicy,
  hstsMaxAge: settings.hstsMaxAge,
  instanceCount: settings.instanceCount,
  zoneCount: settings.zoneCount,
  instanceType: settings.instanceType,
  backendPort: settings.backendPort,
  appImage: settings.appImage,
  healthPath: settings.healthPath,
  apiBasePath: settings.apiBasePath,
  maxUploadSize: settings.maxUploadSize,
  sshAllowedCidrs: settings.sshAllowedCidrs,
  protect: settings.protect,
});

/** Paste into the WeChat console: 开发管理 → 开发设置 → 服务器域名. */
export const wechatDomains = backend.wechatDomains;
/** Base URL for wx.request in the mini program. */
export const apiBaseUrl = backend.apiBaseUrl;
export const healthUrl = backend.healthUrl;
/** Where the DNS record points; use with `npm run verify -- --resolve` before DNS has propagated. */
export const loadBalancerAddress = backend.loadBalancerAddress;
export const certificateId = backend.certificateId;
export const certificateNotAfter = backend.certificateNotAfter;
export const certificateIssuer = backend.certificateIssuer;
export const environment = settings.environment;
