// What the project's commands (plan, render, check-renewal) say about how they are called, in English.
import type { Catalog } from "../../lib/i18n";

export const en = {
  planUsage: () =>
    "usage: npm run plan -- --stack <name> [--config-file <Pulumi.<stack>.yaml>] [--json] [--lang en|zh-CN]\n" +
    "       npm run plan -- --stack <name> --diff <git-ref> [--markdown | --json] [--lang en|zh-CN]\n" +
    "  cost assumptions: [--hours 730] [--traffic-gb 20] [--requests 1000000] [--lcu 0.1]",
  renderUsage: () => "usage: npm run render -- --stack <name> [--config-file <Pulumi.<stack>.yaml>] --out <dir> [--lang en|zh-CN]",
  checkRenewalUsage: () => "usage: npm run check-renewal -- <preview.json | ->   (the output of pulumi preview --json)",
  badLang: (p: { value: string }) => `--lang ${p.value}: give en or zh-CN`,
  stackMissing: () => "give a stack (--stack dev) or a stack file (--config-file path)",
  stackOrOutMissing: () => "give a stack (--stack dev) or a stack file (--config-file path), and --out <dir>",
  markdownWithoutDiff: () => "--markdown formats a plan diff: add --diff <git-ref>",
  markdownAndJson: () => "give --markdown or --json, not both",
  oneFile: () => "give one file: the output of pulumi preview --json",
  wrote: (p: { file: string; bytes: number }) => `wrote ${p.file} (${p.bytes} bytes)`,

  // The headings and summary of the offline plan (plan/present.ts); the resource list between them
  // stays as the engine names it.
  planTitle: (p: { stack: string; source: string }) => `Offline plan of stack "${p.stack}" (${p.source})`,
  planTitleEnvironment: (p: { environment: string }) => `, environment ${p.environment}`,
  planNoCloudCalls: () => "No cloud calls: values only Alibaba Cloud knows show as (known after apply); secrets as [secret].",
  planLookups: () => "Lookups (made against the cloud at pulumi preview; those that take an earlier lookup's result are not listed):",
  planUserData: (p: { bytes: number; limit: number; percent: number }) =>
    `User data: ${p.bytes} bytes of the ${p.limit} ECS accepts (before base64), ${p.percent}%.`,
  planOutputs: () => "Outputs:",
  planWarnings: () => "Warnings:",
  planChecksNotRun: () => "Checks the offline plan could not run:",
  planSummary: (p: { total: number; provider: number; components: number }) =>
    `${p.total} resources to create (${p.provider} provider resources, ${p.components} components).`,

  // The cost estimate (costs/format.ts).
  costTitle: (p: { date: string }) =>
    `Estimated monthly cost, CNY: an estimate, not a quote (pay-as-you-go list prices of ${p.date}, tools/costs/priceTable.ts; no discounts or free quotas):`,
  costAssumptions: (p: { hours: number; traffic: number; requests: number; lcu: number }) =>
    `  assumed: ${p.hours} hours a month, ${p.traffic} GB of public traffic out, ${p.requests} requests, ${p.lcu} CLB LCU an hour ` +
    "(set with --hours, --traffic-gb, --requests, --lcu)",
  costTotal: () => "total",
  costFree: (p: { count: number }) =>
    `${p.count} other resources cost nothing by themselves (VPC, security group, RAM, OOS parameters, DNS, Cloud Assistant).`,
  costUnconfirmed: () => "? : a figure not yet confirmed on Alibaba Cloud's page; npm run prices -- --check compares the table with BSS",
  costNotPriced: (p: { what: string }) => `not priced: ${p.what}`,
  costOtherEdge: (p: { edge: string; total: string }) => `The same stack with edge ${p.edge}: ${p.total} a month.`,
  costOtherEdgeFailed: (p: { edge: string; reason: string }) => `The same stack with edge ${p.edge} was not estimated: ${p.reason}`,
  costBadNumber: (p: { flag: string; value: string; max: number }) =>
    `--${p.flag} "${p.value}": give a number from 0 to ${p.max}, e.g. --${p.flag} 10`,
} as const satisfies Catalog;

export type CommandMessages = typeof en;
