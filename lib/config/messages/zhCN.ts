// Config messages in Chinese: the same ids and parameters as en.ts (the type says so). Config keys,
// values and commands stay as they are typed; only the sentences around them are translated.
import { afterHan } from "../../i18n";
import type { ConfigMessages } from "./en";

export const zhCN: ConfigMessages = {
  invalidConfig: (p) => `栈 "${p.stack}" 的配置无效（Pulumi.${p.stack}.yaml）：`,
  notCheckedPrefix: () => "未检查：",

  unknownKeyNear: (p) => `${p.key} 不是本栈的配置项；是否想设置 ${p.near}？请改设它，并执行 ${p.remove}`,
  unknownKey: (p) => `${p.key} 不是本栈的配置项（README 的配置表列出了全部配置项）；请执行 ${p.remove}`,
  unknownNamespace: (p) => `${p.key} 位于没有任何代码读取的命名空间 "${p.namespace}"；是否想设置 ${p.near}？请执行 ${p.remove}`,
  valueRefused: (p) => `${p.key}："${p.value}" 不能使用：${p.reason}；请使用 ${p.allowed}，例如 ${p.fix}`,
  valueNotAllowed: (p) => `${p.key}："${p.value}" 不是允许的值（${p.allowed}）；例如 ${p.fix}`,
  valueWrongShape: (p) => `${p.key}："${p.value}" 不是${afterHan(p.shape)}；例如 ${p.fix}`,
  notWholeNumber: (p) => `${p.key}："${p.value}" 不是整数；例如 ${p.fix}`,
  outOfRange: (p) => `${p.key}：${p.value} 超出 ${p.min}-${p.max} 的范围${p.note ? `（${p.note}）` : ""}；例如 ${p.fix}`,
  notList: (p) => `${p.key}：应为字符串列表；例如 ${p.fix}`,
  controlCharacter: (p) =>
    `${p.key}：值中第 ${p.position} 个字符是不可见字符 ${p.codePoint}（控制符或行分隔符），可能突破实例收到的文件` +
    `（cloud-init 把 U+2028 当作换行）；请去掉它重新设置，例如 ${p.fix}`,
  controlCharacterInName: (p) =>
    `${p.key}：名称中第 ${p.position} 个字符是不可见字符 ${p.codePoint}（控制符或行分隔符），可能突破实例收到的文件；` +
    `请删除该项，去掉它后重新设置，例如 ${p.fix}`,
  notMap: (p) => `${p.key}：应为“名称 → 文本”的映射（纯数字的值需加 --type string）；例如 ${p.fix}`,

  regionNotSet: (p) => `${p.key} 未设置；请选择负载均衡所在的地域，例如 ${p.fix}`,
  regionInvalid: (p) => `${p.key}："${p.value}" 不是阿里云地域 ID（如 cn-hangzhou）；例如 ${p.fix}`,
  regionUnknown: (p) =>
    `${p.key}："${p.value}" 不是阿里云 provider 接受的地域${p.near ? `；是不是 ${p.near}？` : ""} ${p.fix}` +
    "（若是比 provider 更新的地域：pulumi config set alicloud:skipRegionValidation true）",
  domainNotSet: (p) => `domain 未设置；请设置小程序调用的主机名，例如 ${p.fix}`,
  dnsZoneOutside: (p) =>
    `dnsZone："${p.zone}" 不包含域名 "${p.domain}"；请设置该域名所在的 Zone（例如 ${p.registrable}），或将 dnsZone 留空`,
  hostEmpty: (p) => `${p.key} 为空；请设置小程序调用的主机名，例如 ${p.fix}`,
  hostHasScheme: (p) => `${p.key} "${p.value}" 带有协议（${p.scheme}://）；只需设置主机名，例如 ${p.fix}`,
  hostHasPath: (p) => `${p.key} "${p.value}" 带有路径；只需设置主机名，例如 ${p.fix}`,
  hostWildcard: (p) => `${p.key} "${p.value}" 是通配符；微信登记的是确切的主机名，请设置一个主机名，例如 ${p.fix}`,
  hostIsIp: (p) => `${p.key} "${p.value}" 是 IP 地址；微信只接受已 ICP 备案的域名，例如 ${p.fix}`,
  hostHasPort: (p) => `${p.key} "${p.value}" 带有端口；微信要求使用默认的 443 端口，只需设置主机名，例如 ${p.fix}`,
  hostInvalid: (p) => `${p.key} "${p.value}" 不是有效的 DNS 名称，例如 ${p.fix}`,
  hostLocalhost: (p) => `${p.key} "${p.value}" 是 localhost；手机要通过已 ICP 备案的公网域名访问后端，例如 ${p.fix}`,
  hostBadLabels: (p) => `${p.key} "${p.value}" 不是有效的 DNS 名称（每段由字母、数字和中间的连字符组成，最多 63 个字符），例如 ${p.fix}`,
  hostNotPublic: (p) => `${p.key} "${p.value}" 不在公共域名后缀（如 .com 或 .cn）之下；微信需要公开注册的域名，例如 ${p.fix}`,
  icpNotSet: (p) =>
    `icpLicense 未设置；微信只接受已 ICP 备案的域名：请为域名办理备案（见 README.zh-CN.md“ICP 备案：从头到尾”），再记下备案号：${p.fix}`,
  icpNoCarrier: (p) =>
    "icpLicense 中没有记录 ICP 备案，而本栈创建的资源都无法承载备案：阿里云只为中国内地地域中包年包月、已购买公网带宽、" +
    "累计购买 3 个月及以上的 ECS 实例，或轻量应用服务器发放备案服务码；负载均衡 CLB 不在可备案产品之列，本栈的实例又是" +
    "按量付费且没有公网 IP。请在本账号下这样的实例上（已有的，或新购一台）申请备案服务码，用它为域名办理备案（域名已在" +
    `其他服务商处备案时办理接入备案），然后记下备案号：${p.fix}（见 README.zh-CN.md“ICP 备案：从头到尾”）`,
  icpNoCarrierInstanceEdge: (p) =>
    "icpLicense 中没有记录 ICP 备案，本栈的实例也无法申请备案服务码：阿里云只为中国内地地域中包年包月、已购买公网带宽、" +
    "累计购买 3 个月及以上的 ECS 实例，或轻量应用服务器发放备案服务码，而这台实例是按量付费。请在本账号下这样的实例上申请" +
    "备案服务码，用它为域名办理备案，网站 IP 地址填写本栈的 EIP（pulumi stack output publicAddress）：域名解析到它，" +
    `而且只要本栈存在它就不变。然后记下备案号：${p.fix}（见 README.zh-CN.md“ICP 备案：从头到尾”）`,
  regionOutsideMainland: (p) =>
    `${p.key} ${p.region} 不在中国内地：微信只接受已 ICP 备案的域名，备案要通过中国内地的服务器办理，而已备案的域名若不解析到` +
    `阿里云中国内地的服务器，会在接入准确性核查中被判定为接入不准确，可能被取消接入；小程序后端请使用中国内地地域，例如 ${p.fix}`,

  acmeServerNotLetsEncrypt: (p) => `acmeServer：${p.server} 不是 Let's Encrypt；请确认手机信任其背后的 CA`,
  acmeServerInvalid: (p) => `acmeServer："${p.server}" 不是 production、staging 或 https:// 开头的 ACME 目录 URL；例如 ${p.fix}`,
  acmeStagingInProd: () => "acmeServer：staging 证书由不受信任的测试 CA 签发，手机会拒绝；试用成功后请改用 production",
  secretNotSet: (p) => `${p.key} 未设置（certificateSource 为 ${p.source}）；${p.fix}`,
  certificateChecksNotRun: () =>
    "证书检查（私钥匹配、覆盖域名、有效期、证书链）：certificatePem/privateKeyPem 是离线计划无法解密的 secret；pulumi preview 会运行这些检查",
  casIdNotSet: (p) => `alicloudCertificateId 未设置（certificateSource 为 cas）；请从数字证书管理服务控制台复制证书 ID：${p.fix}`,
  casInternationalSite: () => "certificateSource cas：阿里云国际站不向 CLB 提供数字证书管理服务中的证书；国际站请使用 pem 或 acme",
  selfSignedInProd: () => "certificateSource：prod 不允许 selfSigned（手机拒绝自签名证书）；请使用 acme，或使用 CA 签发证书链的 pem",
  selfSignedInDev: () => "certificateSource：手机拒绝 selfSigned 证书；只有关闭了域名校验的微信开发者工具能连接",
  verifyUntrusted: (p) =>
    `verifyAfterDeploy：使用${
      p.certificate === "selfSigned" ? "自签名证书" : " Let's Encrypt staging 证书"
    }时校验工具的证书链检查不可能通过，手机也不信任它；请将 verifyAfterDeploy 设为 false，或使用受信任的证书`,

  monitoringUntrusted: (p) =>
    `monitoring：使用${p.certificate === "selfSigned" ? "自签名证书" : " Let's Encrypt staging 证书"}时，定时校验从第一次运行起就会报告 certificate-chain 失败`,

  hstsBelowYear: (p) =>
    `hstsMaxAge：${p.value} 低于一年（${p.year}）；浏览器和 SSL Labs 至少要求这么长：pulumi config set hstsMaxAge ${p.year}`,
  prodInstanceCount: () => "instanceCount：prod 至少需要分布在 2 个可用区的 2 台实例，才能容忍一台故障；pulumi config set instanceCount 2",
  zoneCountAboveInstances: (p) => `zoneCount：${p.instances} 台实例无法让 ${p.zones} 个可用区各有一台；zoneCount 最多等于 instanceCount`,
  zoneIdInvalid: (p) => `zoneIds："${p.zone}" 不是可用区 ID（如 ${p.example}）；例如 ${p.fix}`,
  zoneIdOtherRegion: (p) =>
    `zoneIds："${p.zone}" 不是 alicloud:region ${p.region} 的可用区；请列出 ${p.region} 的可用区，例如 ${p.region}-h`,
  zoneIdsTwice: (p) => `zoneIds：${p.zones} 中有重复的可用区；每个交换机（vSwitch）需要自己的可用区`,
  zoneIdsSameSubnet: (p) =>
    `zoneIds：${p.zones} 以相同的字符结尾，而每个可用区交换机的网段由这个字符决定；请列出 ID 结尾不同的可用区（可用区 ID 以可用区字母结尾）`,
  zoneIdsCount: (p) =>
    `zoneIds 列出了 ${p.count} 个可用区，但 zoneCount 是 ${p.zoneCount}：每个交换机（vSwitch）正好列一个可用区，按顺序排列（正在使用的可用区：pulumi stack output zoneIds）`,
  credentialsProfile: () => "配置文件（profile）",
  credentialsUri: () => "凭证 URI",
  credentialsOidc: () => "以 OIDC 扮演的角色",
  dnsChallengeAssumedRole: (p) =>
    `certificateSource acme：provider 在 AccessKey 之上扮演角色（${p.names}），但 DNS-01 验证做不到：它直接用 AccessKey 写 TXT 记录，这个 AccessKey 需要有该 Zone 的 DNS 写权限`,
  dnsChallengeUnusable: (p) =>
    `certificateSource acme：provider 的凭证来自${p.what}（${p.names}），而 ACME DNS-01 验证（lego 的 alidns）读不到它：它只接受 AccessKey 对或实例 RAM 角色；` +
    "请导出有该 Zone DNS 写权限的 RAM 用户的 ALICLOUD_ACCESS_KEY 和 ALICLOUD_SECRET_KEY，或者保存在栈中：" +
    "pulumi config set --secret alicloud:accessKey <id> 和 pulumi config set --secret alicloud:secretKey <secret>；或者改用 certificateSource pem",
  dnsChallengeNotChecked: () =>
    "DNS-01 验证的凭证：这里看不到任何阿里云凭证（栈配置和环境中都没有）；pulumi preview 会用 provider 的凭证检查",
  prodZoneCount: () => "zoneCount：prod 的实例至少分布在 2 个可用区；pulumi config set zoneCount 2",
  edgeInstanceCount: (p) =>
    `instanceCount：edge 为 instance 时只由一台实例提供服务（EIP 只能绑定一台），不能是 ${p.count}：` +
    "pulumi config set instanceCount 1，需要更多实例请 pulumi config set edge loadBalancer",
  edgeZoneCount: (p) =>
    `zoneCount：edge 为 instance 时只用一个可用区，不能是 ${p.count}：pulumi config set zoneCount 1，或 pulumi config set edge loadBalancer`,
  edgeInstanceInProd: () =>
    "edge：prod 使用 instance 时只有一台实例、一个可用区：发布新版本或这台实例、这个可用区出故障都会中断服务" +
    "（见 README“选择哪种入口”）；需要两个可用区的两台实例请 pulumi config set edge loadBalancer",
  tlsPolicyUnusedOnInstanceEdge: (p) =>
    `tlsPolicy：${p.policy} 只作用于负载均衡；edge 为 instance 时 nginx 提供 TLS 1.2 和 1.3、仅 ECDHE AEAD 套件，` +
    "与 tls_cipher_policy_1_2_strict_with_1_3 一致：pulumi config rm tlsPolicy",
  sshCidrInvalid: (p) => `sshAllowedCidrs："${p.cidr}" 不是有效的网段（${p.reason}）；例如 ${p.fix}`,
  sshWholeInternet: (p) => `sshAllowedCidrs："${p.cidr}" 向互联网开放了 SSH（/${p.prefix} 及更大的网段都算）；请改为办公网或堡垒机的网段`,
  tlsPolicyNotStrict: (p) =>
    `tlsPolicy：${p.policy} 仍提供不具备前向保密的加密套件（RSA 密钥交换、3DES），校验工具会判为失败：pulumi config set tlsPolicy ${p.recommended}`,
  plaintextCredential: (p) =>
    `${p.key} 以明文保存在${p.where}中，任何能读仓库或计划的人都能看到：请删除它（pulumi config rm ${p.key}），改在环境中为 provider 提供 ${p.variable}，` +
    `或者加密保存：pulumi config set --secret ${p.key} <value>`,
  plaintextSecret: (p) => `${p.key} 以明文保存在 ${p.where} 中；请加密保存：${p.command}`,
  theStackFile: () => "栈文件",
  itsEnvironmentVariable: () => "它对应的环境变量",
  protectOffInProd: () => "protect：prod 中为 false；pulumi destroy 可能删除负载均衡和 DNS 记录",

  callbackIsUrl: (p) =>
    `${p.key}："${p.value}" 是完整的 URL；只需设置路径（回调 URL 总是 https://<domain><path>，443 端口，不带端口号），例如 ${p.fix}`,
  payNotifyQuery: (p) => `payNotifyPath："${p.value}" 带有查询参数，微信支付的 notify_url 不能携带查询参数；只设置路径，例如 ${p.fix}`,
  messagePushQuery: (p) =>
    `messagePushPath："${p.value}" 带有查询参数，本项目不接受：微信会在每次推送时加上自己的参数（signature、timestamp、nonce，` +
    `兼容模式和安全模式下还有 encrypt_type 和 msg_signature），文档没有说明你的参数会怎样；只设置路径，例如 ${p.fix}`,
  callbackFragment: (p) => `${p.key}："${p.value}" 带有 #片段，它不会发送到服务器；只设置路径，例如 ${p.fix}`,
  callbackNotPath: (p) => `${p.key}："${p.value}" 不是以 "/" 开头、由字母、数字和 ._~/- 组成的 URL 路径；例如 ${p.fix}`,
  payNotifyRoot: (p) =>
    `payNotifyPath："/" 是域名的根路径：微信支付不接受没有路径的通知地址，而且发到这个域名的其他请求也都落在根路径上；` +
    `请给支付通知单独的路径，例如 ${p.fix}`,
  messagePushRoot: (p) =>
    `messagePushPath："/" 是域名的根路径：消息推送本身接受它，但本项目不接受，因为发到这个域名的其他请求（输错的 URL、扫描器）` +
    `也都落在根路径上，应用无法把推送和它们区分开；请给消息推送单独的路径，例如 ${p.fix}`,
  callbackTooLong: (p) => `${p.key}：回调 URL ${p.url} 有 ${p.length} 个字符；微信支付的 notify_url 最多 ${p.max} 个字符：请缩短路径`,
  callbackIsHealthPath: (p) => `${p.key}："${p.path}" 同时是负载均衡轮询的 healthPath；请给回调单独的路径`,
  callbacksSamePath: (p) => `payNotifyPath 和 messagePushPath 都是 "${p.path}"；微信支付和消息推送发送的请求不同：请各用各的路径`,
  verifyFileName: (p) =>
    `${p.key}："${p.name}" 不是微信校验文件的文件名：应为 10 个字符的文件名如 87PweoaRBw.txt（业务域名），或 MP_verify_<16 个字母和数字>.txt（JS 接口安全域名），不带路径，大小写与微信给出的一致；例如 ${p.fix}`,
  verifyFileContent: (p) => `${p.key}："${p.name}" 的内容必须是微信给出的字母和数字（最多 ${p.max} 个），不能有其他字符；例如 ${p.fix}`,
  verifyFileContentShape: (p) => `${p.key}："${p.name}" 的内容不是业务域名校验文件应有的 32 个十六进制字符；请与下载的文件核对`,
  verifyFileShadows: (p) => `${p.key}："/${p.name}" 同时是 ${p.other}；校验文件必须有自己单独的路径`,

  webhooksNotList: (p) => `alertWebhooks：应为机器人 URL 列表；例如 ${p.fix}`,
  webhookInvalid: (p) =>
    `alertWebhooks[${p.index}]${p.reason}；请用 pulumi config set --secret --path 'alertWebhooks[${p.index}]' <url> 重新设置`,
  webhookNotUrl: () => " 不是 URL；请照群设置中显示的样子填写机器人的 Webhook 地址",
  webhookOtherHost: (p) => ` 指向 ${p.host}，既不是企业微信机器人（qyapi.weixin.qq.com），也不是钉钉机器人（oapi.dingtalk.com）`,
  webhookNotHttps: (p) => ` 必须是 https:// URL（${p.kind} 机器人的地址以 https:// 开头）`,
  webhookNotWebhook: (p) => ` 不是 ${p.kind} 机器人的 Webhook：路径必须是 ${p.path}，并带有 ${p.param}= 参数，与群设置中显示的一致`,
  webhookBrokenEscape: () => ` 的 "#" 部分有残缺的 % 转义；钉钉的加签密钥按钉钉显示的样子写在 "#" 之后（SEC 后跟字母和数字）`,
  webhookSecretNotDingTalk: () => " 带有 #片段，但只有钉钉机器人在那里接受加签密钥",
  webhookBadSecret: () => ` 在 "#" 之后的加签密钥不像钉钉的密钥（SEC 后跟字母和数字）`,
  webhooksTooLarge: (p) =>
    `alertWebhooks：${p.count} 个机器人占 ${p.bytes} 字节，超过函数环境变量能容纳的 ${p.max} 字节（Function Compute 总共允许 4 KB）；请减少机器人`,
  alertEmailInvalid: (p) => `alertEmails[${p.index}]："${p.value}" 不是邮箱地址；例如 ${p.fix}`,
  probeInvalid: (p) =>
    `siteMonitorProbes[${p.index}]："${p.value}" 不是用 DescribeSiteMonitorISPCityList 给出的 ID 写成的 isp:city[:IDC|LASTMILE|MOBILE]；例如 ${p.fix}`,
  scheduleInvalid: (p) => `verifySchedule：${p.reason}；例如 ${p.fix}`,
  webhooksWithoutMonitoring: () => "设置了 alertWebhooks 但监控已关闭，不会向机器人发送任何消息：pulumi config set monitoring on",
  emailsWithoutMonitoring: () => "设置了 alertEmails 但监控已关闭，不会有报警发给它们：pulumi config set monitoring on",
  monitoringTellsNobody: (p) => `监控已开启，但不会通知任何人：请设置 alertWebhooks（群机器人）或 alertEmails，例如 ${p.fix}`,
  webhooksEmpty: () => "alertWebhooks 为空：定时校验的报警（证书到期、TLS、证书链、HSTS）只发给群机器人；alertEmails 只收到云监控的报警",

  uploadSizeOutOfRange: (p) =>
    `maxUploadSize："${p.value}" 不在 1 字节到 ${p.max} 之间：0 会关闭 nginx 的请求体限制（任何请求体都会到达应用），` +
    `超过 ${p.max} 则是手机达不到的上限（最大的值会让实例上的 nginx -t 失败）；例如 ${p.fix}`,

  envValueLineBreak: () => "含有换行或 NUL，docker 的 --env-file 无法承载（请先编码，如 base64）",
  secretValueEmpty: () => "为空（OOS 保存 1-4096 个字符）；请删除它",
  secretValueTooLong: (p) => `有 ${p.length} 个字符；OOS 最多保存 ${p.max} 个`,
  envNameInvalid: () => "不是环境变量名（A-Z、0-9 和 _，不能以数字开头）",
  envNameReserved: (p) => `由栈自己设置（${p.names}）`,
  envNameInBoth: () => "也在 appEnv 中；请只保留一处",
  secretParameterTooLong: (p) => `会使 OOS 参数名 ${p.parameter} 超过 ${p.max} 个字符`,
  appEnvIsSecret: (p) => `appEnv 中有 secret 值；请移到 appSecrets：${p.fix}，然后执行 pulumi config rm --path 'appEnv.<NAME>'`,
  appEnvEntry: (p) => `appEnv.${p.name} ${p.problem}；例如 pulumi config set --path 'appEnv.LOG_LEVEL' info`,
  appSecretsFix: (p) => `每个都用 ${p.fix} 设置`,
  appSecretsPlain: (p) => `appSecrets 中有明文值（${p.names}）；${p.fix}`,
  appSecretsEntry: (p) => `appSecrets.${p.name} ${p.problem}；${p.fix}`,
  appUserRoot: (p) => `appUser："${p.user}" 会以 root 运行应用；请使用非特权用户，例如 ${p.fix}`,
  appUserRootGroup: (p) => `appUser："${p.user}" 会让应用属于 root 组（gid 0），可写 root 组可写的一切；请同样使用非特权组，例如 ${p.fix}`,
  imageOnDockerHub: (p) =>
    `appImage：${p.image} 在 Docker Hub 上，而实例没有公网 IP，无法访问它（实例只经 VPC 访问镜像仓库）；请推送到容器镜像服务并使用其 VPC 地址`,
  acrWithUsername: () => "同时设置了 acrInstanceId 和 registryUsername；ACR 企业版拉取使用角色的令牌，请删除 registryUsername",
  acrNotVpcEndpoint: (p) =>
    `appImage：设置 acrInstanceId 时，请经 ${p.region} 中企业版实例的 VPC 地址拉取：<instance ` +
    `name>-registry-vpc.${p.region}.cr.aliyuncs.com/<namespace>/<repository>:<tag>（当前为 ${p.host}）`,
  acrIdMissing: (p) => `appImage：${p.host} 是 ACR 企业版镜像仓库；请设置其实例 ID，让实例用 RAM 角色拉取：${p.fix}`,
  registryPublicEndpoint: (p) =>
    `appImage：${p.host} 是镜像仓库的公网地址，而实例没有公网 IP，无法访问它（实例只经 VPC 访问镜像仓库）；请使用 ${p.vpcHost}`,
  registryPasswordWithoutUser: (p) => `设置了 registryPassword 但没有 registryUsername；${p.fix}`,
  personalNeedsLogin: (p) =>
    `appImage：${p.host} 是 ACR 个人版，2024-09 起创建的实例不允许匿名拉取；请设置 registryUsername 和 registryPassword`,
  registryNoHost: () => "registryUsername：appImage 中没有可登录的镜像仓库主机名；请在 appImage 中使用镜像仓库的完整地址",
  registryPasswordNotSet: (p) => `registryPassword 未设置（registryUsername 已设置）；${p.fix}`,
  appSettingsWithoutImage: (p) => `设置了 ${p.keys}，但没有设置 appImage：内置应用不接受任何设置；${p.fix}`,
  imageWithoutDigest: (p) =>
    `appImage：${p.image} 没有 digest；重新打标签的镜像会到达之后创建的实例（扩容、替换）。请固定它：${p.pinned}@sha256:<digest>`,

  placeholderDomain: (p) =>
    `${p.key}："${p.value}" 是示例域名（保留域名，不可能备案，也不是你的 DNS Zone）：pulumi up 之前请设置你自己的域名，例如 ${p.fix}`,
  placeholderIcp: (p) => `icpLicense："${p.value}" 是示例备案号：pulumi up 之前请设置域名自己的备案号，例如 ${p.fix}`,
  placeholderEmail: (p) =>
    `acmeEmail 是示例域名 ${p.domain} 下的邮箱。Let's Encrypt 不需要联系邮箱，自 2025 年 6 月 4 日起也不再发送到期提醒邮件` +
    `（证书到期前由本栈的监控报警）：请删除它（${p.fix}），或者为需要联系邮箱的 CA 设置你自己的邮箱`,
  placeholderAlertEmail: (p) =>
    `alertEmails[${p.index}] 是示例域名 ${p.domain} 下的邮箱；云监控的报警将无人收到：请设置团队自己的邮箱，例如 ${p.fix}`,
};
