// What the monitoring function's robot alerts say, in English. Kept small and free of imports beyond
// lib/i18n: it is bundled into the function (lib/monitoring/bundle.ts).
import type { Catalog } from "../../lib/i18n";

export const en = {
  failingTitle: (p: { domain: string; stack: string; checks: string }) => `FAILING: ${p.domain} (${p.stack}): ${p.checks}`,
  recoveredTitle: (p: { domain: string; stack: string; checks: string }) => `RECOVERED: ${p.domain} (${p.stack}): ${p.checks}`,
  failed: (p: { id: string; detail: string }) => `**${p.id}** failed: ${p.detail}`,
  fix: (p: { advice: string }) => `> Fix: ${p.advice}`,
  seeDetail: () => "see the detail above",
  passesAgain: (p: { id: string; since: string }) => `**${p.id}** passes again (failing since ${p.since} UTC)`,
  checked: (p: { domain: string; time: string }) => `Checked https://${p.domain}/ by the scheduled verifier at ${p.time} UTC.`,

  fixUnreachable: () =>
    "Check that the DNS record points at the load balancer (pulumi stack output loadBalancerAddress) and that its listeners exist; `pulumi up` restores both.",
  fixTlsPolicy: () => "The HTTPS listener's TLS policy comes from `tlsPolicy`; `pulumi up` restores it if it was changed in the console.",
  fixChain: () =>
    "certificateSource pem: put the leaf and its intermediates in certificatePem; acme and cas certificates carry their chain. Then `pulumi up`.",
  fixHostname: () => "The certificate must list `domain`: check the certificate (pem, cas) against the stack's domain, then `pulumi up`.",
  fixHsts: () => "nginx on the instances sends HSTS (`hstsMaxAge`); an instance changed by hand is replaced by `pulumi up`.",
  fixHttpRedirect: () => "The load balancer's port-80 listener redirects to HTTPS; `pulumi up` restores it.",
  fixHealth: () =>
    "The app behind nginx does not answer the health path: look at the instances' app logs and the load balancer's unhealthy-backend alarm.",
  fixWebsocket: () => "nginx passes Upgrade and Connection to the app; check the app's socket route.",

  expiredAgo: (p: { days: number }) => `expired ${p.days} day(s) ago`,
  daysLeft: (p: { days: number }) => `${p.days} day(s) left`,
  expiryFacts: (p: { left: string; date: string; minDays: number }) => `${p.left} (expires ${p.date}; minimum ${p.minDays}).`,
  acmeOverdue: (p: { due: string; everyDays: number }) =>
    `acme renewal should have happened: renewal was due on ${p.due} and ` +
    `a renewal run (every ${p.everyDays} days) has come since. Look at the last renew workflow run ` +
    "or `pulumi up` output, then run `pulumi up`.",
  acmeDue: (p: { due: string }) =>
    `acme renewal is due since ${p.due}: the next \`pulumi up\` (the renew workflow) renews it; run it now to be sure.`,
  pemNotRenewed: () =>
    "certificateSource pem is not renewed automatically: set the renewed chain and key (certificatePem, privateKeyPem) and `pulumi up`.",
  otherNotRenewed: (p: { source: string }) =>
    `certificateSource ${p.source} is not renewed by this stack: renew the certificate and \`pulumi up\`.`,

  alarmTitle: (p: { recovered: boolean; name: string; stack: string }) => `${p.recovered ? "RECOVERED" : "ALARM"}: ${p.name} (${p.stack})`,
  alarmDefaultName: () => "CloudMonitor alarm",
  alarmField: (p: { label: string; value: string }) => `**${p.label}**: ${p.value}`,
  alarmState: () => "state",
  alarmLevel: () => "level",
  alarmNamespace: () => "namespace",
  alarmMetric: () => "metric",
  alarmValue: () => "value",
  alarmCondition: () => "condition",
  alarmResource: () => "resource",
  alarmDimensions: () => "dimensions",
  alarmTime: () => "time",
} as const satisfies Catalog;

export type AlertMessages = typeof en;
