// The real `pulumi preview` of each committed stack, by the CLI and plugins engine:install built,
// against the emulator, with the policy pack: it succeeds, the provider's Check refuses nothing and
// no policy is violated, and the offline plan of
// the same config agrees with it resource by resource and input by input.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { startCloudLab } from "../../../tools/cloudlab";
import { labCertificateSettings, stackConfigValues } from "../../../tools/realEngine/labCertificateConfig";
import { LabStack } from "../../../tools/realEngine/labStack";
import type { StackPlan } from "../../../tools/plan/planStack";
import { jsonOutput } from "../../support/labEngine";
import { comparePreview, type PreviewStep } from "../../support/previewComparison";
import { PROJECT_DIR, planOf } from "../../support/program";

interface PreviewJson {
  readonly exitCode?: number;
  readonly steps: PreviewStep[];
  readonly diagnostics?: { readonly message: string; readonly severity: string; readonly urn?: string }[];
}

/**
 * The inputs each provider's Check adds to what the program declares: schema defaults (the HTTP
 * listener's health check and cipher policy fields it never uses, the record's line and status...)
 * and auto-names (`name`). A new one appears here only by a deliberate edit.
 */
const CHECK_ADDS: Record<string, readonly string[]> = {
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

async function previewAndPlan(
  stackName: string,
): Promise<{ preview: PreviewJson; plan: StackPlan; requests: { action: string; params: Record<string, unknown> }[] }> {
  const committed = stackConfigValues(path.join(PROJECT_DIR, `Pulumi.${stackName}.yaml`));
  const certificate = await labCertificateSettings(committed);
  const lab = await startCloudLab();
  const stack = await LabStack.create({ stack: stackName, config: certificate.config, secrets: certificate.secrets, lab });
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

describe.each(["dev", "prod"])("the real preview of %s", (stackName) => {
  let result: Awaited<ReturnType<typeof previewAndPlan>>;
  beforeAll(async () => {
    result = await previewAndPlan(stackName);
  });

  test("succeeds with the policy pack on: no error, no policy violated, every input passes the provider's Check", () => {
    expect(result.preview.exitCode).toBe(0);
    const problems = (result.preview.diagnostics ?? []).filter(
      (d) => d.severity === "error" || /type checking|unexpected type/i.test(d.message),
    );
    expect(problems).toEqual([]);
    expect(result.preview.steps.length).toBeGreaterThan(10);
  });

  test("agrees with the offline plan on every resource and input", () => {
    const { differences, checkAdded } = comparePreview(result.plan, result.preview.steps);
    expect(differences).toEqual([]);
    const expected = Object.fromEntries(Object.keys(checkAdded).map((type) => [type, CHECK_ADDS[type] ?? "(nothing expected)"]));
    expect(checkAdded).toEqual(expected);
  });

  test("looks the image up first and asks for instance types that boot it", () => {
    const actions = result.requests.map((r) => r.action);
    const images = actions.indexOf("DescribeImages");
    const support = result.requests.find((r) => r.action === "DescribeImageSupportInstanceTypes");
    expect(images).toBeGreaterThanOrEqual(0);
    expect(actions.indexOf("DescribeImageSupportInstanceTypes")).toBeGreaterThan(images);
    expect(support?.params.ImageId).toMatch(/^ubuntu_22_04_x64_20G_alibase_20\d{6}\.vhd$/);
  });
});
