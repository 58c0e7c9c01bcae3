// The verifier's report in Chinese: the same ids and parameters as en.ts. Directives, headers, suite
// names and WeChat's own error texts stay as they are written; only the sentences are translated.
import type { VerifierMessages } from "./en";

export const zhCN: VerifierMessages = {
  versionsAccepted: (p) =>
    `接受 ${p.versions}：请关闭（nginx：ssl_protocols TLSv1.2 TLSv1.3；CLB：TLS 1.2 及以上的安全策略）；否则 SSL Labs 评级最高为 B`,
  versionUnknown: (p) => `无法判断 ${p.version} 是否被拒绝：${p.reason}`,
  localOpenSsl: (p) => `本机的 OpenSSL 无法发起它（${p.reason}）`,
  tls12Refused: (p) => `拒绝 TLS 1.2${p.why ? `（${p.why}）` : ""}：微信需要 TLS 1.2，很多手机不能只用 TLS 1.3`,
  versionAccepted: (p) => `接受 ${p.version}`,
  tls13Refused: () => "拒绝 TLS 1.3（可选）",
  tls13NotTested: (p) => `未测试 TLS 1.3（${p.reason}）`,
  versionsRefused: (p) => `拒绝 ${p.versions}`,
  versionsFailed: (p) => `${p.problems}（实测：${p.seen}）`,

  suiteCoverage: (p) =>
    "已尝试本机 OpenSSL 能发起的所有 TLS 1.2 加密套件" +
    (p.missing ? `，并用手工构造的 ClientHello 尝试了它不能发起的 ${p.missing} 套件` : "") +
    "；PSK 和 SRP 套件需要共享密钥，未尝试",
  tls13Suites: (p) => `；TLS 1.3：${p.suites}`,
  enumerationIncomplete: (p) => `；以下套件族未能列举完整：${p.families}`,
  weakSuites: (p) =>
    `服务器接受 ${p.list}：请移除（nginx：ssl_ciphers 只保留 ECDHE 套件；CLB：不含 RSA 密钥交换的 TLS 1.2 安全策略）` +
    `；接受的前向保密套件：${p.strong || "无"}${p.tls13}${p.incomplete}`,
  couldNotList: () => "未能列出全部套件，请重试；目前",
  noTlsAnswer: (p) => `未能验证：服务器没有应答 TLS 握手（${p.reason}），无从判断；请确认该端口提供 HTTPS`,
  noTls12Suite: (p) => `${p.verdict}没有接受任何 TLS 1.2 套件，因此没有弱套件${p.tls13}${p.incomplete}（${p.coverage}）`,
  suitesGood: (p) =>
    `${p.verdict}接受 ${p.count} 个 TLS 1.2 套件，全部前向保密（ECDHE/DHE）：${p.strong}${p.tls13}${p.incomplete}（${p.coverage}）`,
  weakAnonymous: () => "匿名：不验证服务器身份",
  weakNull: () => "NULL：不加密",
  weakExport: () => "出口级（EXPORT）",
  weakNotForwardSecret: () => "非前向保密",

  noCertificateSent: () => "没有可检查的证书：服务器没有发送证书",
  noCertificateHandshake: (p) => `没有可检查的证书：TLS 握手失败：${p.reason}`,
  chainGood: (p) =>
    `服务器发送了 ${p.count} 张证书；它们${
      Number(p.intermediates) === 0 ? "直接" : `经由服务器发送的 ${p.intermediates} 张中间证书`
    }通向受信任的根证书 "${p.anchor}"`,
  chainSelfSigned: () =>
    "证书是自签名的（自己为自己担保）：手机和微信都会拒绝；请使用公共 CA 签发的证书（如通过 ACME 的 Let's Encrypt，或阿里云 SSL 证书）",
  chainUntrustedRoot: (p) =>
    `证书链止于 "${p.root}"，它是手机不信任的根证书（私有 CA？）：请使用公共 CA 签发的证书；如果确实要用这个私有 CA，请加 --cacert <root.pem>`,
  chainIncomplete: (p) =>
    `${p.onlyLeaf === "yes" ? "服务器只发送了自己的证书，没有发送" : "服务器没有发送"}签发${p.subject ? ` "${p.subject}" ` : "它"}的中间证书 "${p.issuer}"` +
    `${p.aia ? `（桌面浏览器会从 ${p.aia} 下载它）` : ""}` +
    "：即使桌面浏览器能补全，手机也会拒绝；请上传完整证书链（先叶子证书，再中间证书）" +
    `（如果 "${p.issuer}" 是私有根证书，请用 --cacert 传入）`,
  chainNotCa: (p) => `"${p.issuer}" 签发了 "${p.subject}"，但它不是 CA 证书：请上传完整证书链（先叶子证书，再中间证书）`,
  chainExpiredIntermediate: (p) =>
    `中间证书 "${p.issuer}" 已于 ${p.date} 过期：请用 CA 当前的中间证书上传完整证书链（先叶子证书，再中间证书）`,
  chainTooLong: (p) => `${p.max} 张证书之内没有受信任的根证书`,
  hostCovered: (p) => `证书覆盖 ${p.host}${p.through ? `（通过 ${p.through}）` : ""}`,
  hostNotCovered: (p) =>
    `证书签发给 ${p.names}，不是 ${p.host}：请签发包含 ${p.host} 的证书（通配符 *.example.com 只覆盖一级子域名，也不覆盖 example.com 本身）`,
  hostNoNames: (p) =>
    `证书没有列出任何主题备用名称（SAN）${p.commonName ? `（只有通用名称 ${p.commonName}，手机会忽略它）` : ""}：请签发以 ${p.host} 为 DNS 名称的证书`,
  notYetValid: (p) => `证书尚未生效：从 ${p.date} 开始（请检查服务器时钟或签发日期）`,
  expired: (p) => `证书已于 ${p.date} 过期（${p.days} 天前）：请续期并上传新证书`,
  expiresSoon: (p) => `证书将于 ${p.date} 过期，只剩 ${p.days} 天，不足要求的 ${p.min} 天：请立即续期`,
  validUntil: (p) => `有效期至 ${p.date}，还剩 ${p.days} 天（至少 ${p.min} 天）`,

  hstsNoAnswer: (p) => `没有可读取该响应头的 HTTPS 应答：${p.reason}`,
  hstsFix: (p) =>
    `在处理 HTTPS 请求的 nginx server 块中加入 \`add_header Strict-Transport-Security "max-age=${p.maxAge}" always;\`` +
    "（由负载均衡终结 TLS 时，例如本栈，是它转发到的那个 server 块：实例的 80 端口；由 hstsMaxAge 设置）",
  hstsMissing: (p) => `${p.where} 没有 Strict-Transport-Security 响应头：${p.fix}`,
  hstsPartial: (p) => `；${p.where} 缺少该响应头：nginx 的 add_header 需要加 \`always\` 才会覆盖错误应答`,
  hstsNoMaxAge: (p) => `Strict-Transport-Security "${p.value}" 没有有效的 max-age：${p.fix}`,
  hstsTooShort: (p) => `HSTS max-age=${p.maxAge}（${p.age}）短于要求的最小值 ${p.min} 秒（${p.minAge}）：请调大${p.partial}`,
  hstsGood: (p) =>
    `Strict-Transport-Security max-age=${p.maxAge}（${p.age}）${p.extras ? `，${p.extras}` : ""}，见于 ${p.path}${p.partial}`,
  durationYears: (p) => `${p.n} 年`,
  durationDays: (p) => `${p.n} 天`,
  durationHours: (p) => `${p.n} 小时`,
  durationMinutes: (p) => `${p.n} 分钟`,
  durationSeconds: (p) => `${p.n} 秒`,

  redirectFix: () => "在 80 端口的 server 块中：return 301 https://$server_name$request_uri;",
  redirectPlainAnswer: (p) => `它用明文 HTTP 应答 ${p.status}，没有重定向到 HTTPS：${p.fix}`,
  redirectNotRedirect: (p) => `它应答 ${p.status}，不是重定向到 HTTPS：${p.fix}`,
  redirectNoLocation: (p) => `它应答 ${p.status}，但没有 Location 响应头：${p.fix}`,
  redirectBadLocation: (p) => `它重定向到 "${p.location}"，这不是有效的 URL`,
  redirectTemporary: (p) => `${p.status} 是临时重定向：请用 301（或 308），让客户端和搜索引擎记住它`,
  redirectNotHttps: (p) => `它重定向到 ${p.protocol}//，而不是 https://`,
  redirectOtherHost: (p) => `它重定向到另一个主机（${p.host}），而不是 ${p.expected}`,
  redirectNoPort: () => "不带端口（登记的 URL 中即使是 :443 微信也会拒绝）",
  redirectPort: (p) => `端口 ${p.port}`,
  redirectOtherPort: (p) => `它重定向到端口 ${p.port}（${p.host}），而 HTTPS URL 是${p.expected}`,
  redirectDropsPath: (p) => `它丢掉了路径（请求 ${p.asked}，重定向到 ${p.sent}）：请重定向到 $request_uri`,
  redirectDropsQuery: (p) => `它丢掉了查询参数（请求 ${p.asked || "无"}，重定向到 ${p.sent || "无"}）：请重定向到 $request_uri`,
  redirectNoAnswer: (p) => `${p.url} 没有应答（${p.reason}）：请监听 80 端口并重定向到 HTTPS`,
  redirectProblems: (p) => `${p.url}（${p.status}${p.location ? ` -> ${p.location}` : ""}）：${p.problems}`,
  redirectGood: (p) => `${p.url} 以 ${p.status} 重定向到 ${p.location}，路径和查询参数都保留了`,

  healthProxyFailed: () => "应用前面的代理没有从应用得到应答（应用是否在运行，是否监听在 nginx 期望的位置？）",
  healthUnavailable: () => "服务不可用（负载均衡后面没有健康的后端，或应用报告自己不可用）",
  healthAppFailed: () => "应用在应答时出错；请查看它的日志",
  healthNotFound: () => "这个路径上没有任何应答：请添加该路由，或用 --health-path 指向应用的健康检查接口",
  healthRedirects: () => "健康检查接口应直接应答，不应重定向",
  healthExpected2xx: () => "期望 2xx 应答",
  healthNoAnswer: (p) => `GET ${p.path} 没有应答：${p.reason}`,
  healthGood: (p) => `GET ${p.path} 在 ${p.ms} ms 内应答 ${p.status}`,
  healthBad: (p) => `GET ${p.path} 应答 ${p.status}${p.location ? `，重定向到 ${p.location}` : ""}：${p.why}`,

  websocketAccepted: (p) => `${p.url} 接受了 WebSocket 升级：wss:// 能到达后端`,
  websocketRefusedStatus: (p) => `服务器以 ${p.status} 应答升级请求`,
  websocketRequired: (p) =>
    `${p.url} 上没有 WebSocket 接口应答升级请求（${p.reason}）：nginx 必须把 Upgrade 和 Connection 请求头传给应用` +
    '（proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection "upgrade"），' +
    "或用 --websocket-path 指向 socket 路由",
  websocketOptional: (p) => `${p.path} 上没有 WebSocket 接口应答升级请求（${p.reason}）：小程序不使用 wx.connectSocket 时可以忽略`,

  usage: (p) => `用法：wechat-https-verify <https-url> [选项]     （或：npm run verify -- <https-url> [选项]）

证明一个线上 HTTPS 地址符合微信小程序的要求：只用 TLS 1.2 及以上、前向保密的加密套件、
受信任且完整的证书链并覆盖该主机名、证书不会很快过期、HSTS、HTTP 到 HTTPS 的重定向、
后面的应用健康，以及 wss:// 能否到达。每项失败的检查都会说明小程序会显示什么（微信的报错文本）
以及影响哪些手机。

选项：
  --http-url <url>              在哪里测试 HTTP 到 HTTPS 的重定向（默认 http://<host>/，80 端口）
  --resolve <host:port:addr>    像 curl 一样，连接 host:port 时改连 addr（可重复，每个端口一个，
                                如 api.example.com:443:203.0.113.10 和 api.example.com:80:203.0.113.10；
                                IPv6 写作 [2001:db8::1]）
  --cacert <文件>               额外信任的根证书（PEM），加在系统根证书之外（可重复；- 读取标准输入）
  --min-days <n>                证书至少还要有效 n 天（默认 ${p.minDays}）
  --hsts-min <秒>               HSTS max-age 的最小值（默认 ${p.hstsMin}）
  --health-path <路径>          应用的健康检查接口（默认 ${p.healthPath}）
  --websocket-path <路径>       在哪里尝试 WebSocket 升级（默认：健康检查路径）
  --require-websocket           没有 WebSocket 接口应答时判为失败，而不只是提示
  --timeout <毫秒>              每次探测的时间上限，${p.timeoutMin}-${p.timeoutMax}（默认 ${p.timeoutMs}）
  --deadline <秒>               整次验证的时间上限：到时仍未完成的检查判为失败
                                （默认 ${p.deadlineSeconds}，最多 ${p.deadlineMax}）
  --wait <秒>                   反复尝试，直到全部检查通过或超过这段时间，如刚部署之后
                                （默认 0：只尝试一次，最多 ${p.waitMax}）
  --json                        输出 {"url","ok","checks":[{"id","ok","detail","wechat"}]}，而不是文本
  --lang <en|zh-CN>             报告的语言（默认取自 LC_ALL / LC_MESSAGES / LANG）
  -h, --help                    显示本说明

退出码：0 全部检查通过，1 至少一项失败，2 用法错误或地址无法连接
`,
  badLang: (p) => `--lang ${p.value}：请写 en 或 zh-CN`,
  unreachable: (p) => `${p.origin} 无法连接：${p.reason}`,
  attemptFailing: (p) => `第 ${p.attempt} 次尝试失败：${p.ids}；${p.seconds} 秒后重试`,
  attemptError: (p) => `第 ${p.attempt} 次尝试：${p.reason}；${p.seconds} 秒后重试`,

  badOption: (p) => `${p.reason}；运行 --help 查看全部选项`,
  urlMissing: () => "请给出要验证的 https:// URL，例如 wechat-https-verify https://api.example.com/",
  urlsTooMany: (p) => `只能给一个 URL（收到 ${p.count} 个：${p.urls}）；选项要写成 --名称 值`,
  theUrl: () => "要验证的 URL",
  urlInvalid: (p) => `${p.option} "${p.text}" 不是 URL；请写完整的 URL，例如 ${p.protocol}//api.example.com/`,
  urlScheme: (p) => `${p.option} "${p.text}" 必须以 ${p.protocol}// 开头（实际是 ${p.got}//）`,
  notANumber: (p) => `${p.option} "${p.value}" 不是数字；例如 ${p.option} ${p.example}`,
  notNonNegative: (p) => `${p.option} 必须是大于等于 0 的数（实际是 ${p.value}）`,
  notWholeNonNegative: (p) => `${p.option} 必须是大于等于 0 的整数（实际是 ${p.value}）`,
  pathNoSlash: (p) => `${p.option} "${p.path}" 必须以 "/" 开头，例如 ${p.option} /api/health`,
  resolveHint: () => "格式为 host:port:address，例如 --resolve api.example.com:443:203.0.113.10（IPv6 写作 [2001:db8::1]）",
  resolveBad: (p) => `--resolve "${p.entry}" 的格式不对：${p.hint}`,
  resolvePort: (p) => `--resolve "${p.entry}"：端口 ${p.port} 超出 1-65535 的范围`,
  resolveNotIp: (p) => `--resolve "${p.entry}"："${p.address}" 不是 IP 地址；${p.hint}`,
  timeoutTooShort: (p) => `--timeout ${p.value} 太短，完成不了 TLS 握手；至少 ${p.min}（毫秒）`,
  timeoutTooLong: (p) => `--timeout ${p.value} 比任何探测该等的时间都长（最多 ${p.max} 毫秒，即两分钟）；例如 --timeout 5000`,
  deadlineRange: (p) => `--deadline ${p.value} 必须在 ${p.min} 到 ${p.max} 秒之间（整次验证的时间上限）；例如 --deadline ${p.example}`,
  waitRange: (p) => `--wait ${p.value} 必须在 ${p.min} 到 ${p.max} 秒之间；例如 --wait 300`,
  cacertUnreadable: (p) => `--cacert ${p.file}：无法读取（${p.reason}）；请给出 PEM 文件的路径`,
  cacertNotFile: (p) => `--cacert ${p.file}：不是普通文件；请给出 PEM 文件的路径`,
  cacertTooLarge: (p) => `--cacert ${p.file}：超过 ${p.max} 字节，不可能是根证书集合；请给出 PEM 文件的路径`,
  cacertDamaged: (p) => `--cacert ${p.source}：第 ${p.position} 个 PEM 块有问题（${p.reason}）；请重新复制根证书`,
  cacertNoCertificate: (p) => `--cacert ${p.source}：没有找到 PEM 证书（应为 -----BEGIN CERTIFICATE----- 块）`,
  cacertNotX509: (p) => `--cacert ${p.source}：第 ${p.n} 张证书无法解析为 X.509`,

  noAnswer: (p) => `${p.ms} ms 内没有应答`,
  noTcpAnswer: (p) => `${p.ms} ms 内 TCP 连接没有应答`,
  serverClosed: () => "服务器关闭了连接",
  dnsFailed: (p) => `域名 ${p.host} 解析不出地址（DNS）；请检查解析记录，或用 --resolve ${p.host}:${p.port}:<address> 测试某个地址`,
  connectionRefused: (p) => `${p.where} 上没有程序监听（连接被拒绝）`,
  noRoute: (p) => `没有到 ${p.where} 的路由`,
  cannotConnect: (p) => `无法连接 ${p.where}：${p.reason}`,
  dialedAt: (p) => `${p.endpoint}（地址 ${p.address}）`,

  checkCrashed: (p) => `检查本身出错：${p.reason}`,
  checkPastDeadline: (p) => `整次验证的 ${p.seconds} 秒时限（--deadline）内这项检查没有完成：该地址应答太慢`,
  pass: () => "通过",
  fail: () => "失败",
  note: () => "提示：",
  allPassed: (p) => `${p.url} 的全部 ${p.count} 项检查通过（${p.took}）`,
  someFailed: (p) => `${p.url} 的 ${p.count} 项检查中有 ${p.failed} 项失败：${p.ids}（${p.took}）`,
  wechatShows: (p) => `小程序中：${p.errors}`,
  wechatWhere: (p) => `影响：${p.devices}`,
  wechatSourceCommunity: () => "（开发者社区反馈的文本，微信官方文档没有记载）",
  wechatSourceDerived: () => "（按社区反馈的 ERR_CERT_AUTHORITY_INVALID 报错格式，换成 Chromium 对此错误的错误码）",
  wechatSourceOfficial: () => "（微信文档记载的错误码）",
  wechatSourceUnconfirmed: () => "（确切文本无文档记载，未确认）",

  devicesAuthorityInvalid: () =>
    "所有缺少那张证书的手机：安卓显示此 errMsg（cronet），iOS 同样失败且更严格（ATS）；" +
    "桌面浏览器和开发者工具可能仍能连接，所以请在关闭调试模式的真机上测试",
  devicesCommonNameInvalid: () => "所有手机（安卓显示此 errMsg，iOS 有自己的报错）；开发者工具在开启域名校验时也会失败",
  devicesDateInvalid: () => "所有手机（安卓显示此 errMsg，iOS 有自己的报错），时钟不准的手机最先出现",
  devicesExpiresSoon: (p) => `暂时不报错；从 ${p.date} 起所有手机的所有请求都会以 ERR_CERT_DATE_INVALID（errno 600001）失败`,
  devicesHandshakeAll: () => "所有手机，以及开启域名校验的开发者工具；wx.connectSocket 也会同样失败",
  devicesHandshakeOlder: () => "不支持 TLS 1.3 的手机（较旧的安卓和 iOS 版本）；新手机能连接，所以看起来像是随机失败",
  devicesHandshakeIos: () => "iOS（ATS 只接受前向保密套件）；安卓可能仍能用弱套件连接",
  devicesNoneLegacyVersions: () => "不报错：手机本来就用 TLS 1.2 或 1.3；旧版本只会降低 SSL Labs 评级，并让旧客户端暴露在风险中",
  devicesNoneWeakSuites: () => "只要同时接受前向保密套件就不报错（手机优先使用这些套件）；弱套件会降低 SSL Labs 评级",
  devicesNoneHsts: () => "不报错：微信不检查 HSTS；但用浏览器打开该域名（web-view、H5）时，浏览器不会记住只用 HTTPS 访问它",
  devicesNoneRedirect: () => "不报错：小程序只调用 https://（http:// 的 URL 在发出前就被拒绝）；浏览器和旧链接会停留在明文 HTTP",
  devicesHealthStatus: (p) =>
    `没有报错文本：所有手机上 wx.request 都进入成功回调，res.statusCode 为 ${p.status}（任何 HTTP 状态码都进入 success），小程序代码必须把它当作失败处理`,
  devicesHealthTimeout: () => "所有手机，在请求超时之后（默认 60 秒）",
  devicesSocket: () => "所有使用 wx.connectSocket 的手机；wx.request 不受影响",
};
