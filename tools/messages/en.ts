// What the project's commands (plan, render, check-renewal) say about how they are called, in English.
import type { Catalog } from "../../lib/i18n";

export const en = {
  planUsage: () =>
    "usage: npm run plan -- --stack <name> [--config-file <Pulumi.<stack>.yaml>] [--json] [--lang en|zh-CN]\n" +
    "       npm run plan -- --stack <name> --diff <git-ref> [--markdown | --json] [--lang en|zh-CN]",
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
} as const satisfies Catalog;

export type CommandMessages = typeof en;
