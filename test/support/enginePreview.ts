// The real `pulumi preview` of a committed stack (with config changes over it, when given), by the
// CLI and plugins engine:install built, against the emulator, with the policy pack; and the offline
// plan of the same config in "preview" mode, to compare the two (previewComparison.ts).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { startCloudLab } from "../../tools/cloudlab";
import { labCertificateSettings, stackConfigValues } from "../../tools/realEngine/labCertificateConfig";
import { LabStack } from "../../tools/realEngine/labStack";
import type { StackPlan } from "../../tools/plan/planStack";
import { jsonOutput } from "./labEngine";
import type { PreviewStep } from "./previewComparison";
import { PROJECT_DIR, planOf } from "./program";

/**
 * The inputs each provider's Check adds to what the program declares: schema defaults (the HTTP
 * listener's health check and cipher policy fields it never uses, the record's line and status...)
 * and auto-names (`name`). A new one appears here only by a deliberate edit.
 */
export const CHECK_ADDS: Record<string, readonly string[]> = {
  "alicloud:cms/alarm:Alarm": ["effectiveInterval", "enabled"],
  "alicloud:dns/alidnsRecord:AlidnsRecord": ["line", "status"],
  "alicloud:ecs/command:Command": ["name"],
  "alicloud:ecs/instance:Instance": ["autoRenewPeriod", "includeDataDisks", "periodUnit", "renewalStatus"],
  "alicloud:log/store:Store": ["appendMeta"],
  "alicloud:oss/bucket:Bucket": ["redundancyType", "storageClass"],
  "alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer": ["bandwidth"],
  "alicloud:slb/listener:Listener": [
    "aclStatus",
    "enableHttp2",
    "establishedTimeout",
    "gzip",
    "healthCheck",
    "healthCheckInterval",
    "healthCheckTimeout",
    "healthCheckType",
    "healthCheckUri",
    "healthyThreshold",
    "idleTimeout",
    "requestTimeout",
    "scheduler",
    "stickySession",
    "tlsCipherPolicy",
    "unhealthyThreshold",
  ],
  "alicloud:slb/serverCertificate:ServerCertificate": ["name"],
};

export interface PreviewJson {
  readonly exitCode?: number;
  readonly steps: PreviewStep[];
  readonly diagnostics?: { readonly message: string; readonly severity: string; readonly urn?: string }[];
}

export interface PreviewAndPlan {
  readonly preview: PreviewJson;
  readonly plan: StackPlan;
  readonly requests: { action: string; params: Record<string, unknown> }[];
}

/**
 * Previews Pulumi.<stack>.yaml, with `changes` (full keys) over it, through the real CLI with the
 * pack and its committed policy config, and plans the same config offline.
 */
export async function previewAndPlan(stackName: string, changes: Readonly<Record<string, unknown>> = {}): Promise<PreviewAndPlan> {
  const committed = { ...stackConfigValues(path.join(PROJECT_DIR, `Pulumi.${stackName}.yaml`)), ...changes };
  const certificate = await labCertificateSettings(committed);
  const lab = await startCloudLab();
  const stack = await LabStack.create({
    stack: stackName,
    config: { ...changes, ...certificate.config },
    secrets: certificate.secrets,
    lab,
  });
  const dir = mkdtempSync(path.join(tmpdir(), "plan-"));
  try {
    const policy = ["--policy-pack", "policy", "--policy-pack-config", `policy/config/${stackName}.json`];
    const run = await stack.pulumi(["preview", "--json", ...policy]);
    const preview = { ...jsonOutput<PreviewJson>(run), exitCode: run.code };
    // The same config for the offline plan, secrets in plain text (the plan only warns about that).
    const file = path.join(dir, `Pulumi.${stackName}.yaml`);
    writeFileSync(file, stringify({ config: { ...committed, ...certificate.config, ...certificate.secrets, ...lab.providerConfig } }));
    const plan = await planOf({ configFile: file }, "preview");
    return { preview, plan, requests: lab.store.requests.map((r) => ({ action: r.action, params: r.params })) };
  } finally {
    stack.dispose();
    await lab.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Errors, and Check's type complaints, among a preview's diagnostics. */
export function previewProblems(preview: PreviewJson): PreviewJson["diagnostics"] {
  return (preview.diagnostics ?? []).filter((d) => d.severity === "error" || /type checking|unexpected type/i.test(d.message));
}
