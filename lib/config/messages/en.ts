// Config messages in English. Every message names the config key and the fix (usually the
// `pulumi config set` command that makes it right); zhCN.ts has the same ids in Chinese.
import type { Catalog } from "../../i18n";

/** Which untrusted certificate a stack uses, for the verifyAfterDeploy message. */
export type UntrustedCertificate = "selfSigned" | "staging";

export const en = {
  invalidConfig: (p: { stack: string }) => `invalid config for stack "${p.stack}" (Pulumi.${p.stack}.yaml):`,
  /** The prefix of a check the offline plan could not run, in the program's log (the plan lists them apart). */
  notCheckedPrefix: () => "not checked: ",

  // Generic checks from the key schema (read.ts).
  unknownKeyNear: (p: { key: string; near: string; remove: string }) =>
    `${p.key} is not a config key of this stack; did you mean ${p.near}? Set that instead and ${p.remove}`,
  unknownKey: (p: { key: string; remove: string }) =>
    `${p.key} is not a config key of this stack (README's config table lists them); ${p.remove}`,
  unknownNamespace: (p: { key: string; namespace: string; near: string; remove: string }) =>
    `${p.key} is in namespace "${p.namespace}", which nothing reads; did you mean ${p.near}? ${p.remove}`,
  valueRefused: (p: { key: string; value: string; reason: string; allowed: string; fix: string }) =>
    `${p.key}: "${p.value}" cannot be used: ${p.reason}; use ${p.allowed}, e.g. ${p.fix}`,
  valueNotAllowed: (p: { key: string; value: string; allowed: string; fix: string }) =>
    `${p.key}: "${p.value}" is not ${p.allowed}; e.g. ${p.fix}`,
  valueWrongShape: (p: { key: string; value: string; shape: string; fix: string }) =>
    `${p.key}: "${p.value}" is not ${p.shape}; e.g. ${p.fix}`,
  notWholeNumber: (p: { key: string; value: string; fix: string }) => `${p.key}: "${p.value}" is not a whole number; e.g. ${p.fix}`,
  outOfRange: (p: { key: string; value: number; min: number; max: number; note: string; fix: string }) =>
    `${p.key}: ${p.value} is outside ${p.min}-${p.max}${p.note ? ` (${p.note})` : ""}; e.g. ${p.fix}`,
  notList: (p: { key: string; fix: string }) => `${p.key}: expected a list of strings; e.g. ${p.fix}`,
  controlCharacter: (p: { key: string; codePoint: string; position: number; fix: string }) =>
    `${p.key}: the value holds the invisible character ${p.codePoint} at position ${p.position}, a control or line ` +
    `separator that could break out of the files the instances receive (cloud-init reads U+2028 as a line break); ` +
    `set it again without it, e.g. ${p.fix}`,
  controlCharacterInName: (p: { key: string; codePoint: string; position: number; fix: string }) =>
    `${p.key}: the name holds the invisible character ${p.codePoint} at position ${p.position}, a control or line ` +
    `separator that could break out of the files the instances receive; remove the entry and set it again without it, e.g. ${p.fix}`,
  notMap: (p: { key: string; fix: string }) =>
    `${p.key}: expected a map of names to text values (a value of digits only needs --type string); e.g. ${p.fix}`,

  // Region, domain and zone.
  regionNotSet: (p: { key: string; fix: string }) => `${p.key} is not set; choose the region of the load balancer, e.g. ${p.fix}`,
  regionInvalid: (p: { key: string; value: string; fix: string }) =>
    `${p.key}: "${p.value}" is not an Alibaba Cloud region id such as cn-hangzhou; e.g. ${p.fix}`,
  regionUnknown: (p: { key: string; value: string; fix: string; near?: string }) =>
    `${p.key}: "${p.value}" is not a region the Alibaba Cloud provider accepts` +
    `${p.near ? `; did you mean ${p.near}?` : ""} ${p.fix} (for a region newer than the provider: pulumi config set alicloud:skipRegionValidation true)`,
  domainNotSet: (p: { fix: string }) => `domain is not set; set the host name the mini program calls, e.g. ${p.fix}`,
  dnsZoneOutside: (p: { zone: string; domain: string; registrable: string }) =>
    `dnsZone: "${p.zone}" does not contain domain "${p.domain}"; set the zone the domain lives in (e.g. ${p.registrable}), or leave dnsZone empty`,
  hostEmpty: (p: { key: string; fix: string }) => `${p.key} is empty; set the host name the mini program calls, e.g. ${p.fix}`,
  hostHasScheme: (p: { key: string; value: string; scheme: string; fix: string }) =>
    `${p.key} "${p.value}" has a scheme (${p.scheme}://); set only the host name, e.g. ${p.fix}`,
  hostHasPath: (p: { key: string; value: string; fix: string }) =>
    `${p.key} "${p.value}" has a path; set only the host name, e.g. ${p.fix}`,
  hostWildcard: (p: { key: string; value: string; fix: string }) =>
    `${p.key} "${p.value}" is a wildcard; WeChat registers exact hosts, so set one host name, e.g. ${p.fix}`,
  hostIsIp: (p: { key: string; value: string; fix: string }) =>
    `${p.key} "${p.value}" is an IP address; WeChat only accepts ICP-filed domain names, e.g. ${p.fix}`,
  hostHasPort: (p: { key: string; value: string; fix: string }) =>
    `${p.key} "${p.value}" has a port; WeChat requires the default port 443, so set only the host name, e.g. ${p.fix}`,
  hostInvalid: (p: { key: string; value: string; fix: string }) => `${p.key} "${p.value}" is not a valid DNS name, e.g. ${p.fix}`,
  hostLocalhost: (p: { key: string; value: string; fix: string }) =>
    `${p.key} "${p.value}" is localhost; phones reach the backend through a public, ICP-filed domain, e.g. ${p.fix}`,
  hostBadLabels: (p: { key: string; value: string; fix: string }) =>
    `${p.key} "${p.value}" is not a valid DNS name (labels of letters, digits and inner hyphens, at most 63 characters each), e.g. ${p.fix}`,
  hostNotPublic: (p: { key: string; value: string; fix: string }) =>
    `${p.key} "${p.value}" is not under a public domain suffix (such as .com or .cn); WeChat needs a publicly registered domain, e.g. ${p.fix}`,
  icpNotSet: (p: { fix: string }) =>
    `icpLicense is not set; WeChat only accepts ICP-filed (备案) domains: file the domain (README: "ICP filing (备案) ` +
    `from start to finish") and record its number: ${p.fix}`,
  // The ICP filing and what can carry it (icpFiling.ts).
  icpNoCarrier: (p: { fix: string }) =>
    "no ICP filing (备案) is recorded in icpLicense, and nothing this stack creates can carry one: Alibaba Cloud issues " +
    "the 备案服务码 a filing starts from only for a subscription (包年包月) ECS instance with public bandwidth, bought " +
    "for 3 months or more in all, or for a Simple Application Server (轻量应用服务器), in a Chinese mainland region; " +
    "a CLB is not eligible, and this stack's instances are pay-as-you-go (按量付费) without a public IP. Request the code " +
    "on such an instance of this account (one you have, or buy one), file the domain with it (接入备案 if the domain " +
    `is filed with another provider), then record the number: ${p.fix} (README: "ICP filing (备案) from start to finish")`,
  icpNoCarrierInstanceEdge: (p: { fix: string }) =>
    "no ICP filing (备案) is recorded in icpLicense, and this stack's instance cannot start one: Alibaba Cloud issues " +
    "the 备案服务码 only for a subscription (包年包月) ECS instance with public bandwidth, bought for 3 months or more in " +
    "all, or for a Simple Application Server, in a Chinese mainland region, and this instance is pay-as-you-go (按量付费). " +
    "Request the code on such an instance of this account, file the domain with it, and give this stack's EIP (pulumi " +
    "stack output publicAddress) as the website's IP address: it is where the domain resolves, and it is kept for as long " +
    `as the stack exists. Then record the number: ${p.fix} (README: "ICP filing (备案) from start to finish")`,
  regionOutsideMainland: (p: { key: string; region: string; fix: string }) =>
    `${p.key} ${p.region} is outside the Chinese mainland: WeChat accepts only ICP-filed (备案) domains, a filing is ` +
    "made through a server in the mainland, and a filed domain that does not resolve to Alibaba Cloud's mainland " +
    "servers fails its access check (接入准确性核查) and can lose its access (取消接入); use a mainland region for a " +
    `mini program backend, e.g. ${p.fix}`,

  // Certificates.
  acmeServerNotLetsEncrypt: (p: { server: string }) =>
    `acmeServer: ${p.server} is not Let's Encrypt; make sure phones trust the CA behind it`,
  acmeServerInvalid: (p: { server: string; fix: string }) =>
    `acmeServer: "${p.server}" is not production, staging or an https:// ACME directory URL; e.g. ${p.fix}`,
  acmeStagingInProd: () =>
    "acmeServer: staging certificates come from an untrusted test CA and phones reject them; use production once a trial works",
  secretNotSet: (p: { key: string; source: string; fix: string }) => `${p.key} is not set (certificateSource ${p.source}); ${p.fix}`,
  certificateChecksNotRun: () =>
    "certificate checks (key matches, covers the domain, expiry, chain): certificatePem/privateKeyPem are " +
    "secrets the offline plan cannot decrypt; pulumi preview runs them",
  casIdNotSet: (p: { fix: string }) =>
    `alicloudCertificateId is not set (certificateSource cas); copy the id from the SSL Certificates Service console: ${p.fix}`,
  casInternationalSite: () =>
    "certificateSource cas: Alibaba Cloud's international site does not offer certificates from SSL Certificates Service to CLB; use pem or acme there",
  selfSignedInProd: () =>
    "certificateSource: selfSigned is not allowed in prod (phones reject self-signed certificates); use acme or pem with a CA-issued chain",
  selfSignedInDev: () =>
    "certificateSource: selfSigned certificates are rejected by phones; only the WeChat developer tools with domain checks off will connect",
  verifyUntrusted: (p: { certificate: UntrustedCertificate }) =>
    `verifyAfterDeploy: the verifier's chain check cannot pass with ${
      p.certificate === "selfSigned" ? "a self-signed certificate" : "a Let's Encrypt staging certificate"
    }, which phones do not trust either; set verifyAfterDeploy false, or use a trusted certificate`,

  monitoringUntrusted: (p: { certificate: UntrustedCertificate }) =>
    `monitoring: the scheduled verifier reports certificate-chain failing from its first run with ${
      p.certificate === "selfSigned" ? "a self-signed certificate" : "a Let's Encrypt staging certificate"
    }`,

  // Instances, network and protection.
  hstsBelowYear: (p: { value: number; year: number }) =>
    `hstsMaxAge: ${p.value} is below one year (${p.year}); browsers and SSL Labs expect at least that: pulumi config set hstsMaxAge ${p.year}`,
  prodInstanceCount: () => "instanceCount: prod needs at least 2 instances in 2 zones so one can fail; pulumi config set instanceCount 2",
  zoneCountAboveInstances: (p: { zones: number; instances: number }) =>
    `zoneCount: ${p.zones} zones cannot each hold one of ${p.instances} instances; set zoneCount at most instanceCount`,
  zoneIdInvalid: (p: { zone: string; example: string; fix: string }) =>
    `zoneIds: "${p.zone}" is not a zone id such as ${p.example}; e.g. ${p.fix}`,
  zoneIdOtherRegion: (p: { zone: string; region: string }) =>
    `zoneIds: "${p.zone}" is not a zone of alicloud:region ${p.region}; list zones of ${p.region}, e.g. ${p.region}-h`,
  zoneIdsTwice: (p: { zones: string }) => `zoneIds: ${p.zones} lists a zone twice; each vSwitch needs its own zone`,
  zoneIdsSameSubnet: (p: { zones: string }) =>
    `zoneIds: ${p.zones} end in the same character, which picks each zone's vSwitch range; ` +
    "list zones whose ids end differently (a zone id ends in its zone letter)",
  zoneIdsCount: (p: { count: number; zoneCount: number }) =>
    `zoneIds lists ${p.count} zone(s) but zoneCount is ${p.zoneCount}: list exactly one zone per vSwitch, in order ` +
    "(the zones in use: pulumi stack output zoneIds)",
  credentialsProfile: () => "a profile",
  credentialsUri: () => "a credentials URI",
  credentialsOidc: () => "OIDC",
  dnsChallengeAssumedRole: (p: { names: string }) =>
    `certificateSource acme: the provider assumes a role (${p.names}) on top of its AccessKey, but the DNS-01 challenge ` +
    "cannot: it writes the TXT record with the AccessKey itself, which needs DNS write access to the zone",
  dnsChallengeUnusable: (p: { what: string; names: string }) =>
    `certificateSource acme: the provider's credentials come from ${p.what} (${p.names}), which the ACME DNS-01 challenge ` +
    "(lego's alidns) cannot read: it takes only an AccessKey pair or an instance RAM role; " +
    "export ALICLOUD_ACCESS_KEY and ALICLOUD_SECRET_KEY of a RAM user allowed to write the zone's DNS records, or store them in the stack: " +
    "pulumi config set --secret alicloud:accessKey <id> and pulumi config set --secret alicloud:secretKey <secret>; or use certificateSource pem",
  dnsChallengeNotChecked: () =>
    "DNS-01 challenge credentials: no Alibaba Cloud credentials are visible here (none in the stack config or the environment); " +
    "pulumi preview checks them with the provider's",
  prodZoneCount: () => "zoneCount: prod spreads instances over at least 2 zones; pulumi config set zoneCount 2",
  edgeInstanceCount: (p: { count: number }) =>
    `instanceCount: edge instance serves from exactly one instance (its EIP is bound to one), not ${p.count}: ` +
    "pulumi config set instanceCount 1, or pulumi config set edge loadBalancer for more",
  edgeZoneCount: (p: { count: number }) =>
    `zoneCount: edge instance runs in one zone, not ${p.count}: pulumi config set zoneCount 1, or pulumi config set edge loadBalancer`,
  edgeInstanceInProd: () =>
    "edge: instance in prod serves from one instance in one zone: a rollout or a failure of that instance or zone is downtime " +
    '(README: "Which edge"); pulumi config set edge loadBalancer for two instances in two zones',
  tlsPolicyUnusedOnInstanceEdge: (p: { policy: string }) =>
    `tlsPolicy: ${p.policy} applies to the load balancer only; with edge instance nginx offers TLS 1.2 and 1.3 with ECDHE ` +
    "AEAD suites, as tls_cipher_policy_1_2_strict_with_1_3 does: pulumi config rm tlsPolicy",
  sshCidrInvalid: (p: { cidr: string; reason: string; fix: string }) => `sshAllowedCidrs: "${p.cidr}" ${p.reason}; e.g. ${p.fix}`,
  sshWholeInternet: (p: { cidr: string; prefix: number }) =>
    `sshAllowedCidrs: "${p.cidr}" opens SSH to the internet (a /${p.prefix} or wider counts); list your office or bastion range instead`,
  tlsPolicyNotStrict: (p: { policy: string; recommended: string }) =>
    `tlsPolicy: ${p.policy} still offers cipher suites without forward secrecy (RSA key exchange, 3DES), ` +
    `which the verifier fails: pulumi config set tlsPolicy ${p.recommended}`,
  plaintextCredential: (p: { key: string; where: string; variable: string }) =>
    `${p.key} is stored in plain text in ${p.where}, where anyone who reads the repository or a plan sees it: ` +
    `remove it (pulumi config rm ${p.key}) and give the provider ${p.variable} in the environment, ` +
    `or store it encrypted: pulumi config set --secret ${p.key} <value>`,
  plaintextSecret: (p: { key: string; where: string; command: string }) =>
    `${p.key} is stored in plain text in ${p.where}; store it encrypted: ${p.command}`,
  theStackFile: () => "the stack file",
  itsEnvironmentVariable: () => "its environment variable",
  protectOffInProd: () => "protect: false in prod; pulumi destroy could delete the load balancer and DNS records",

  // WeChat callbacks and verification files (wechat.ts).
  callbackIsUrl: (p: { key: string; value: string; fix: string }) =>
    `${p.key}: "${p.value}" is a whole URL; set only its path (the URL is always https://<domain><path>, on 443 without a port), e.g. ${p.fix}`,
  payNotifyQuery: (p: { value: string; fix: string }) =>
    `payNotifyPath: "${p.value}" has a query string, which WeChat Pay refuses in a notify_url (不能携带查询参数); set the path alone, e.g. ${p.fix}`,
  messagePushQuery: (p: { value: string; fix: string }) =>
    `messagePushPath: "${p.value}" has a query string, which this project does not accept: WeChat adds its own to every ` +
    "push (signature, timestamp, nonce; encrypt_type and msg_signature in 兼容模式 and 安全模式) and does not say " +
    `what becomes of yours; set the path alone, e.g. ${p.fix}`,
  callbackFragment: (p: { key: string; value: string; fix: string }) =>
    `${p.key}: "${p.value}" has a #fragment, which never reaches the server; set the path alone, e.g. ${p.fix}`,
  callbackNotPath: (p: { key: string; value: string; fix: string }) =>
    `${p.key}: "${p.value}" is not a URL path of letters, digits and ._~/- starting with "/"; e.g. ${p.fix}`,
  payNotifyRoot: (p: { fix: string }) =>
    'payNotifyPath: "/" is the root path (根路径) of the domain: WeChat Pay refuses a notify URL without a path, and the ' +
    `root answers every other request to the domain too; give the notifications their own path, e.g. ${p.fix}`,
  messagePushRoot: (p: { fix: string }) =>
    'messagePushPath: "/" is the root path (根路径) of the domain: message push would take it, but this project does ' +
    "not, since the root answers every other request to the domain too (mistyped URLs, scanners) and the app could " +
    `not tell pushes from them; give message push its own path, e.g. ${p.fix}`,
  callbackTooLong: (p: { key: string; url: string; length: number; max: number }) =>
    `${p.key}: the callback URL ${p.url} is ${p.length} characters; WeChat Pay's notify_url takes at most ${p.max}: shorten the path`,
  callbackIsHealthPath: (p: { key: string; path: string }) =>
    `${p.key}: "${p.path}" is also healthPath, which the load balancer polls; give the callback its own path`,
  callbacksSamePath: (p: { path: string }) =>
    `payNotifyPath and messagePushPath are both "${p.path}"; WeChat Pay and message push send different requests: give each its own path`,
  verifyFileName: (p: { key: string; name: string; fix: string }) =>
    `${p.key}: "${p.name}" is not a WeChat verification file name: a 10-character name such as 87PweoaRBw.txt ` +
    `(业务域名) or MP_verify_<16 letters and digits>.txt (JS 接口安全域名), no path, case as WeChat gave it; e.g. ${p.fix}`,
  verifyFileContent: (p: { key: string; name: string; max: number; fix: string }) =>
    `${p.key}: the content of "${p.name}" must be the letters and digits WeChat gave (at most ${p.max}), nothing else; e.g. ${p.fix}`,
  verifyFileContentShape: (p: { key: string; name: string }) =>
    `${p.key}: "${p.name}" holds something other than the 32 hexadecimal characters WeChat puts in a 业务域名 file; check it against the downloaded file`,
  verifyFileShadows: (p: { key: string; name: string; other: string }) =>
    `${p.key}: "/${p.name}" is also ${p.other}; a verification file must have a path of its own`,

  // Monitoring (monitoring.ts). Robot URLs are secrets: messages name an entry by position only.
  webhooksNotList: (p: { fix: string }) => `alertWebhooks: expected a list of robot URLs; e.g. ${p.fix}`,
  webhookInvalid: (p: { index: number; reason: string }) =>
    `alertWebhooks[${p.index}] ${p.reason}; set it again with pulumi config set --secret --path 'alertWebhooks[${p.index}]' <url>`,
  webhookNotUrl: () => "is not a URL; give the robot's webhook address as the group settings show it",
  webhookOtherHost: (p: { host: string }) =>
    `points at ${p.host}, which is neither a WeCom robot (qyapi.weixin.qq.com) nor a DingTalk robot (oapi.dingtalk.com)`,
  webhookNotHttps: (p: { kind: string }) => `must be an https:// URL (the ${p.kind} robot's address starts with https://)`,
  webhookNotWebhook: (p: { kind: string; path: string; param: string }) =>
    `is not a ${p.kind} robot webhook: its path must be ${p.path} with a ${p.param}= parameter, as the group settings show it`,
  webhookBrokenEscape: () =>
    'has a "#" part with a broken %-escape; a DingTalk signing secret goes after "#" as DingTalk shows it (SEC followed by letters and digits)',
  webhookSecretNotDingTalk: () => "has a #fragment, but only DingTalk robots take a signing secret there",
  webhookBadSecret: () => 'has a signing secret after "#" that does not look like DingTalk\'s (SEC followed by letters and digits)',
  webhooksTooLarge: (p: { count: number; bytes: number; max: number }) =>
    `alertWebhooks: ${p.count} robots take ${p.bytes} bytes, more than the ${p.max} that fit in the ` +
    `function's environment (Function Compute allows 4 KB in all); keep fewer robots`,
  alertEmailInvalid: (p: { index: number; value: string; fix: string }) =>
    `alertEmails[${p.index}]: "${p.value}" is not an email address; e.g. ${p.fix}`,
  probeInvalid: (p: { index: number; value: string; fix: string }) =>
    `siteMonitorProbes[${p.index}]: "${p.value}" is not isp:city[:IDC|LASTMILE|MOBILE] with the ids DescribeSiteMonitorISPCityList gives; e.g. ${p.fix}`,
  scheduleInvalid: (p: { reason: string; fix: string }) => `verifySchedule: ${p.reason}; e.g. ${p.fix}`,
  webhooksWithoutMonitoring: () =>
    "alertWebhooks is set but monitoring is off, so nothing posts to the robots: pulumi config set monitoring on",
  emailsWithoutMonitoring: () => "alertEmails is set but monitoring is off, so no alarm reaches them: pulumi config set monitoring on",
  monitoringTellsNobody: (p: { fix: string }) =>
    `monitoring is on but tells nobody: set alertWebhooks (group robots) or alertEmails, e.g. ${p.fix}`,
  webhooksEmpty: () =>
    "alertWebhooks is empty: the scheduled verifier's alerts (certificate expiry, TLS, chain, HSTS) reach " +
    "only group robots; alertEmails get CloudMonitor's alarms only",

  uploadSizeOutOfRange: (p: { value: string; max: string; fix: string }) =>
    `maxUploadSize: "${p.value}" is outside 1 byte to ${p.max}: 0 would switch nginx's body limit off (any body reaches ` +
    `the app), and more than ${p.max} is no limit a phone can reach (the largest values fail nginx -t on the instance); e.g. ${p.fix}`,

  // The app container (app.ts). Secret values are never shown, only their names.
  envValueLineBreak: () => "holds a line break or NUL, which docker's --env-file cannot carry (encode it, e.g. base64)",
  secretValueEmpty: () => "is empty (OOS stores 1-4096 characters); remove it instead",
  secretValueTooLong: (p: { length: number; max: number }) => `is ${p.length} characters; OOS stores at most ${p.max}`,
  envNameInvalid: () => "is not an environment variable name (A-Z, 0-9 and _, not starting with a digit)",
  envNameReserved: (p: { names: string }) => `is set by the stack itself (${p.names})`,
  envNameInBoth: () => "is in appEnv too; keep it in one of them",
  secretParameterTooLong: (p: { parameter: string; max: number }) =>
    `makes the OOS parameter name ${p.parameter} longer than ${p.max} characters`,
  appEnvIsSecret: (p: { fix: string }) =>
    `appEnv holds secret values; move them to appSecrets: ${p.fix}, then pulumi config rm --path 'appEnv.<NAME>'`,
  appEnvEntry: (p: { name: string; problem: string }) =>
    `appEnv.${p.name} ${p.problem}; e.g. pulumi config set --path 'appEnv.LOG_LEVEL' info`,
  appSecretsFix: (p: { fix: string }) => `set each with ${p.fix}`,
  appSecretsPlain: (p: { names: string; fix: string }) => `appSecrets holds plain-text values (${p.names}); ${p.fix}`,
  appSecretsEntry: (p: { name: string; problem: string; fix: string }) => `appSecrets.${p.name} ${p.problem}; ${p.fix}`,
  appUserRoot: (p: { user: string; fix: string }) => `appUser: "${p.user}" runs the app as root; use an unprivileged user, e.g. ${p.fix}`,
  appUserRootGroup: (p: { user: string; fix: string }) =>
    `appUser: "${p.user}" runs the app in the root group (gid 0), which may write what root's group may; ` +
    `use an unprivileged group too, e.g. ${p.fix}`,
  imageOnDockerHub: (p: { image: string }) =>
    `appImage: ${p.image} is on Docker Hub, which the instances have no public IP to reach (they reach ` +
    `registries over the VPC only); push it to Container Registry and use its VPC address`,
  acrWithUsername: () =>
    "acrInstanceId and registryUsername are both set; an ACR Enterprise Edition pull uses the role's token, so remove registryUsername",
  acrNotVpcEndpoint: (p: { region: string; host: string }) =>
    `appImage: with acrInstanceId, pull through the Enterprise Edition instance's VPC endpoint in ${p.region}, ` +
    `<instance name>-registry-vpc.${p.region}.cr.aliyuncs.com/<namespace>/<repository>:<tag> (got ${p.host})`,
  acrIdMissing: (p: { host: string; fix: string }) =>
    `appImage: ${p.host} is an ACR Enterprise Edition registry; set its instance id so the instances pull with their RAM role: ${p.fix}`,
  registryPublicEndpoint: (p: { host: string; vpcHost: string }) =>
    `appImage: ${p.host} is a public registry endpoint, which the instances have no public IP to reach ` +
    `(they reach registries over the VPC only); use ${p.vpcHost}`,
  registryPasswordWithoutUser: (p: { fix: string }) => `registryPassword is set without registryUsername; ${p.fix}`,
  personalNeedsLogin: (p: { host: string }) =>
    `appImage: ${p.host} is ACR Personal Edition, which does not allow anonymous pulls for instances ` +
    `created since 2024-09; set registryUsername and registryPassword`,
  registryNoHost: () => "registryUsername: appImage names no registry host to log in to; use the registry's full address in appImage",
  registryPasswordNotSet: (p: { fix: string }) => `registryPassword is not set (registryUsername is); ${p.fix}`,
  appSettingsWithoutImage: (p: { keys: string; count: number; fix: string }) =>
    `${p.keys} ${Number(p.count) > 1 ? "are" : "is"} set but appImage is not: the built-in app takes no settings; ${p.fix}`,
  imageWithoutDigest: (p: { image: string; pinned: string }) =>
    `appImage: ${p.image} has no digest; a re-tagged image reaches instances created later (scale-out, replacement). Pin it: ${p.pinned}@sha256:<digest>`,

  // Placeholders in the committed stacks (placeholders.ts).
  placeholderDomain: (p: { key: string; value: string; fix: string }) =>
    `${p.key}: "${p.value}" is an example domain (reserved, never ICP-filed, no DNS zone of yours): set your own before pulumi up, e.g. ${p.fix}`,
  placeholderIcp: (p: { value: string; fix: string }) =>
    `icpLicense: "${p.value}" is the example filing number: set the domain's own 备案号 before pulumi up, e.g. ${p.fix}`,
  placeholderEmail: (p: { domain: string; fix: string }) =>
    `acmeEmail is an address at ${p.domain}, an example domain. Let's Encrypt needs no contact and has sent no expiry ` +
    `emails since June 4, 2025 (the stack's monitoring warns before a certificate expires): remove it, ${p.fix}, or ` +
    `set an address of yours for a CA that wants one`,
  placeholderAlertEmail: (p: { index: number; domain: string; fix: string }) =>
    `alertEmails[${p.index}] is an address at ${p.domain}, an example domain; CloudMonitor's alarms would go nowhere: ` +
    `set your team's, e.g. ${p.fix}`,
} as const satisfies Catalog;

export type ConfigMessages = typeof en;
