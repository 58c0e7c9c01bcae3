// What the certificate checks say, in Chinese: the same ids and parameters as en.ts. Config keys,
// PEM labels, dates and commands stay as they are written.
import type { CertificateMessages } from "./en";

export const zhCN: CertificateMessages = {
  noCertificate: (p) =>
    `${p.key}：没有找到证书；请粘贴 PEM 文本，从 -----BEGIN CERTIFICATE----- 到 -----END CERTIFICATE-----${p.order ? `，${p.order}` : ""}`,
  serverCertificateFirst: () => "服务器证书放在最前面",
  textOutsideCertificates: (p) =>
    `${p.key}：${p.lines}有证书以外的文本（注释、"Bag Attributes" 之类）；只保留 -----BEGIN CERTIFICATE----- ... -----END CERTIFICATE----- 块`,
  certificateBlockDamaged: (p) => `${p.key}：第 ${p.position} 个 PEM 块有问题（${p.reason}）；请重新复制证书文件，不要改动`,
  privateKeyAmongCertificates: (p) =>
    `${p.key}：第 ${p.position} 个 PEM 块是私钥，不是证书；请把它从 ${p.key} 中删除（私钥应放在 privateKeyPem 中）`,
  otherBlockAmongCertificates: (p) => `${p.key}：第 ${p.position} 个 PEM 块是 "${p.label}"，不是证书；请删除它`,
  notX509: (p) => `${p.key}：第 ${p.position} 个 PEM 块不是有效的 X.509 证书；请从 CA 给的文件中重新复制`,

  textOutsideKey: (p) => `privateKeyPem：${p.lines}有私钥以外的文本；只保留私钥本身，从 -----BEGIN 行到 -----END 行`,
  keyBlockDamaged: (p) => `privateKeyPem：第 ${p.position} 个 PEM 块有问题（${p.reason}）；请重新复制私钥文件，不要改动`,
  noKey: () => "privateKeyPem：没有找到 PEM 私钥；请粘贴整个私钥文件，从 -----BEGIN RSA PRIVATE KEY----- 到 -----END RSA PRIVATE KEY-----",
  keyManyBlocks: (p) => `privateKeyPem：含有 ${p.count} 个 PEM 块；只保留服务器证书的私钥`,
  keyIsCertificate: () =>
    "privateKeyPem：放的是证书，不是私钥；证书链应放在 certificatePem 中，私钥文件（-----BEGIN RSA PRIVATE KEY-----）放在 privateKeyPem 中",
  keyIsPublic: () => "privateKeyPem：放的是公钥，不是私钥；请使用和证书请求（CSR）一起生成的私钥文件",
  keyOtherBlock: (p) => `privateKeyPem：放的是 "${p.label}" PEM 块，不是私钥；请使用和证书请求（CSR）一起生成的私钥文件`,
  keyEncrypted: (p) => `privateKeyPem：私钥有密码保护，CLB 无法使用；请去掉密码：${p.command}`,
  keyUnreadable: (p) => `privateKeyPem："${p.label}" 块无法读取为私钥；请重新复制私钥文件，不要改动`,
  keyMismatch: (p) =>
    `privateKeyPem：私钥与证书 "${p.label}" 不匹配（两者的公钥不同）；请使用为这张证书生成请求时的私钥，或者使用为这个私钥签发的证书`,

  domainEmpty: () => "domain：为空；请设置为小程序调用的主机名，例如 api.example.com",
  minDaysNotNumber: (p) => `minDaysRemaining：${p.value} 不是天数；请设置为 0 或更大的数（默认 30）`,
  theStacksDomain: () => "本栈的域名",

  onlyCas: (p) => `certificatePem：只有 CA 证书（${p.names}），没有 ${p.domain} 的服务器证书；请先放服务器证书，再放中间证书`,
  domainInCnOnly: (p) =>
    `certificatePem：证书只在主题的通用名称（CN）中写了 "${p.domain}"，手机会忽略它；请重新签发，把 ${p.domain} 写进主题备用名称（subjectAltName）`,
  domainNotCovered: (p) =>
    `certificatePem：证书覆盖 ${p.names}，但不覆盖本栈的域名 "${p.domain}"；请签发包含 ${p.domain}${p.wildcard ? `（或 ${p.wildcard}）` : ""} 的证书，或者修改 domain`,
  domainNotCoveredNoNames: (p) =>
    `certificatePem：证书没有列出任何 DNS 名称（subjectAltName），不覆盖本栈的域名 "${p.domain}"；请签发包含 ${p.domain}${
      p.wildcard ? `（或 ${p.wildcard}）` : ""
    } 的证书，或者修改 domain`,
  theCertificate: () => "证书",
  leafExpiredFix: () => "请续期，并把新的证书链放进 certificatePem",
  leafNotYetValidFix: () => "请把当前有效的证书放进 certificatePem（或检查签发机器的时钟）",
  notYetValid: (p) => `certificatePem：${p.subject}在 ${p.date} 之前无效，在此之前手机会拒绝它；${p.fix}`,
  expired: (p) => `certificatePem：${p.subject}已于 ${p.date} 过期；${p.fix}`,
  expiresSoon: (p) =>
    `certificatePem：${p.subject}将于 ${p.date} 过期，只剩 ${p.days} 天，不足 minDaysRemaining（${p.min}）；${p.fix}（或调低 minDaysRemaining）`,
  leafIsCa: (p) =>
    `certificatePem：服务器证书 "${p.label}" 是 CA 证书（basicConstraints CA:TRUE），手机不接受 CA 证书作为服务器证书；请为 ${p.domain} 签发服务器证书（CA:FALSE）`,
  notServerAuth: (p) =>
    `certificatePem：证书 "${p.label}" 不是用于 TLS 服务器的：它的扩展密钥用法允许 ${p.allowed}，但不包括 serverAuth；请签发带 serverAuth 扩展密钥用法的证书`,
  rsaTooSmall: (p) =>
    `certificatePem：证书的 RSA 密钥只有 ${p.bits} 位；手机和浏览器拒绝小于 2048 位的 RSA 密钥；请用 2048 位 RSA 密钥重新签发证书`,
  rsaOddSize: (p) =>
    `certificatePem：证书的 RSA 密钥是 ${p.bits} 位，而 CLB 只记载了 2048 位和 4096 位的 RSA 密钥（以及太弱的 1024 位）；请用 2048 位 RSA 密钥签发证书`,
  ecdsaKey: (p) => `ECDSA 密钥（${p.curve}）`,
  otherKey: (p) => `${p.type} 密钥`,
  rsaOnlyPolicy: (p) => `，而且 tlsPolicy ${p.policy} 只提供 RSA 加密套件`,
  notRsa: (p) =>
    `certificatePem：证书使用的是 ${p.kind}，但阿里云 CLB 只接受 RSA 证书${p.policyNote}；请为 ${p.domain} 签发 RSA 证书（2048 位密钥）`,
  leafBrokenSignature: (p) =>
    `certificatePem：证书 "${p.label}" 用 ${p.digest}（${p.algorithm}）签名；手机拒绝 SHA-1 和 MD5 签名；请用 SHA-256 重新签发`,

  named: (p) => `"${p.label}"（第 ${p.position} 张证书）`,
  thenSeparator: () => "，然后是 ",
  outOfOrder: (p) =>
    `certificatePem：证书链顺序不对；CLB 按上传的顺序发送，必须以服务器证书开头，每张证书后面紧跟签发它的证书；请按此顺序排列：${p.order}`,
  duplicate: (p) => `certificatePem：第 ${p.position} 张证书与第 ${p.original} 张（"${p.label}"）重复；请删除重复的那张`,
  stray: (p) => `certificatePem：第 ${p.position} 张证书（"${p.label}"）不属于 "${p.leaf}" 的证书链（它没有签发链中的任何证书）；请删除它`,
  intermediate: (p) => `中间证书 ${p.named}`,
  intermediateFix: () => "请从 CA 获取当前的中间证书",
  intermediateWeakKey: (p) => `certificatePem：${p.subject}使用 ${p.weak}，手机会拒绝；${p.fix}`,
  intermediateNotCa: (p) =>
    `certificatePem：${p.subject}签发了 "${p.issued}"，但它不是 CA 证书（没有 basicConstraints CA:TRUE 或 keyCertSign 密钥用途），` +
    `手机会拒绝经过它的证书链；${p.fix}`,
  intermediateBrokenSignature: (p) =>
    `certificatePem：${p.subject}用 ${p.digest}（${p.algorithm}）签名，手机拒绝 SHA-1 和 MD5 签名；${p.fix}`,
  weakRsa: (p) => `${p.bits} 位的 RSA 密钥（小于 2048 位）`,
  weakCurve: (p) => `${p.curve} 曲线上的 EC 密钥（只有 P-256 和 P-384 在所有设备上可用）`,
  weakKeyType: (p) => `${p.type} 密钥，手机不接受证书使用这种密钥`,
  rootIncluded: (p) =>
    `certificatePem：证书链中包含根证书 ${p.named}；这没有害处，但手机使用自己存储的根证书，它只会让每次握手多传一些字节；可以删除它`,
  selfSignedDev: () =>
    "certificatePem：证书是自签名的，作为自签名的开发证书这是预期的；手机拒绝自签名证书，只有关闭了域名校验的开发者工具能连接；在手机上测试请使用公共 CA 签发的证书",
  selfSigned: () =>
    "certificatePem：证书是自签名的，手机拒绝自签名证书；请使用公共 CA 签发的证书，或者（私有测试 PKI）把它的根证书加入 trustedRootsPem",
  untrustedRoot: (p) =>
    `certificatePem：证书链止于根证书 ${p.named}，手机不信任它（它既不是公共根证书，也不在 trustedRootsPem 中）；请使用公共 CA 签发的证书，或者（私有测试 PKI）把它的根证书加入 trustedRootsPem`,
  incomplete: (p) =>
    `certificatePem：证书链不完整："${p.label}" 由 "${p.issuer}" 签发，而它既不在 certificatePem 中，也不是受信任的根证书；` +
    "即使桌面浏览器能补全，手机也会拒绝这样的证书链；请在服务器证书之后附上 CA 的中间证书（即“完整证书链”文件），或者（私有测试 PKI）把它的根证书加入 trustedRootsPem",

  noReadablePem: (p) => `${p.source}：没有可读取的 PEM 证书`,
  issuedCertificate: () => "签发的证书",
  casCertificate: (p) => `alicloudCertificateId：证书 ${p.id}（"${p.name}"）`,
  casNotFound: (p) =>
    `alicloudCertificateId：本账号的数字证书管理服务（SSL 证书）中没有证书 ${p.id}（国际站不提供该服务）；` +
    "请在控制台核对 ID，或者改用 certificateSource acme 或 pem",
  casOtherDomain: (p) => `${p.certificate}不包含域名 ${p.domain}；请选择为该域名签发的证书`,
  casExpired: (p) => `${p.certificate}已过期（minDaysRemaining 为 ${p.minDays}）；请在数字证书管理服务中续期，并设置新的 ID`,
  casExpiresSoon: (p) =>
    `${p.certificate}将在 ${p.days} 天后过期（minDaysRemaining 为 ${p.minDays}）；请在数字证书管理服务中续期，并设置新的 ID`,
};
