// What the monitoring function's robot alerts say, in Chinese: the same ids and parameters as en.ts.
// Check ids, config keys and commands stay as written, so an alert still names what to change.
import type { AlertMessages } from "./en";

export const zhCN: AlertMessages = {
  failingTitle: (p) => `检查失败：${p.domain}（${p.stack}）：${p.checks}`,
  recoveredTitle: (p) => `已恢复：${p.domain}（${p.stack}）：${p.checks}`,
  failed: (p) => `**${p.id}** 未通过：${p.detail}`,
  fix: (p) => `> 处理：${p.advice}`,
  seeDetail: () => "见上方详情",
  passesAgain: (p) => `**${p.id}** 已恢复正常（自 UTC ${p.since} 起失败）`,
  checked: (p) => `定时校验于 UTC ${p.time} 检查了 https://${p.domain}/。`,

  fixUnreachable: () =>
    "请检查 DNS 记录是否指向负载均衡（pulumi stack output loadBalancerAddress），以及它的监听是否存在；`pulumi up` 会恢复这两者。",
  fixTlsPolicy: () => "HTTPS 监听的 TLS 策略来自 `tlsPolicy`；如果在控制台被改动过，`pulumi up` 会恢复它。",
  fixChain: () =>
    "certificateSource 为 pem 时：把服务器证书及其中间证书都放进 certificatePem；acme 和 cas 证书自带证书链。然后运行 `pulumi up`。",
  fixHostname: () => "证书必须包含 `domain`：请对照栈的 domain 检查证书（pem、cas），然后运行 `pulumi up`。",
  fixHsts: () => "实例上的 nginx 会发送 HSTS（`hstsMaxAge`）；被手工改动过的实例会由 `pulumi up` 替换。",
  fixHttpRedirect: () => "负载均衡的 80 端口监听会重定向到 HTTPS；`pulumi up` 会恢复它。",
  fixHealth: () => "nginx 后面的应用没有响应健康检查路径：请查看实例上的应用日志，以及负载均衡的后端不健康报警。",
  fixWebsocket: () => "nginx 会把 Upgrade 和 Connection 传给应用；请检查应用的 socket 路由。",

  expiredAgo: (p) => `已过期 ${p.days} 天`,
  daysLeft: (p) => `还剩 ${p.days} 天`,
  expiryFacts: (p) => `${p.left}（到期日 ${p.date}；要求至少剩 ${p.minDays} 天）。`,
  acmeOverdue: (p) =>
    `acme 证书本该已经续期：续期日是 ${p.due}，此后已经有过一次续期运行（每 ${p.everyDays} 天一次）。` +
    "请查看最近一次 renew 工作流的运行或 `pulumi up` 的输出，然后运行 `pulumi up`。",
  acmeDue: (p) => `acme 证书自 ${p.due} 起已到续期时间：下一次 \`pulumi up\`（renew 工作流）会续期它；为保险起见，现在就运行一次。`,
  pemNotRenewed: () =>
    "certificateSource 为 pem 时证书不会自动续期：请设置续期后的证书链和私钥（certificatePem、privateKeyPem），然后运行 `pulumi up`。",
  otherNotRenewed: (p) => `certificateSource 为 ${p.source} 时，本栈不会续期证书：请续期证书，然后运行 \`pulumi up\`。`,

  alarmTitle: (p) => `${p.recovered ? "已恢复" : "报警"}：${p.name}（${p.stack}）`,
  alarmDefaultName: () => "云监控报警",
  alarmField: (p) => `**${p.label}**：${p.value}`,
  alarmState: () => "状态",
  alarmLevel: () => "级别",
  alarmNamespace: () => "命名空间",
  alarmMetric: () => "指标",
  alarmValue: () => "当前值",
  alarmCondition: () => "条件",
  alarmResource: () => "资源",
  alarmDimensions: () => "维度",
  alarmTime: () => "时间",
};
