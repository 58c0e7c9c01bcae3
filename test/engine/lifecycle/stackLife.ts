// A committed stack through its life with the real CLI and plugins against the emulator: `up` from
// nothing, a preview and a refresh that find nothing to change, `up` twice from a fresh checkout of
// the same state (nothing changes, every id stays), a rollout of a new app image, a new
// certificate, and destroy. The deploy check in `pulumi up` (on in prod) runs for real: the emulator's
// data plane serves each listener on its loopback address in front of the real nginx with the stack's
// rendered config, so the verifier meets what the load balancer was given. The steps every stack
// shares (up from nothing against the offline plan, no perpetual diff, a fresh checkout, destroy) are
// exported for the instance edge's life (instanceEdge.test.ts).
import { listenerCertificateTimeline, serverGroupTimeline, SLB_KINDS } from "../../../tools/cloudlab/products/slb";
import { DNS_RECORD } from "../../../tools/cloudlab/products/alidns";
import { CMS } from "../../../tools/cloudlab/products/cms/kinds";
import { ASSISTANT_KINDS } from "../../../tools/cloudlab/products/ecs/assistantKinds";
import { KINDS } from "../../../tools/cloudlab/products/ecs/kinds";
import { FC } from "../../../tools/cloudlab/products/fc/kinds";
import { LOG } from "../../../tools/cloudlab/products/log/kinds";
import { OOS_SECRET_PARAMETER } from "../../../tools/cloudlab/products/oos";
import { OSS } from "../../../tools/cloudlab/products/oss/kinds";
import { RAM_KINDS } from "../../../tools/cloudlab/products/ram/kinds";
import { judgeRenewalPreview, parsePreviewDigest, type RenewalVerdict } from "../../../tools/renewalScope";
import { LabPki, type IssuedLeaf } from "../../../tools/realEngine/labCertificate";
import type { LabStack } from "../../../tools/realEngine/labStack";
import { expectSuccess } from "../../support/labEngine";
import { withStackRun, type StackRun } from "../../support/labStackRun";
import { planOf } from "../../support/program";
import { expectNoPerpetualDiff } from "./lifecycle";

export const NS = "wechat-https-backend";

/** The emulator's record kind of each resource type the stacks create, and how many one resource makes. */
const KIND_OF: Record<string, string> = {
  "alicloud:vpc/network:Network": KINDS.vpc,
  "alicloud:vpc/switch:Switch": KINDS.vswitch,
  "alicloud:ecs/securityGroup:SecurityGroup": KINDS.securityGroup,
  "alicloud:ecs/securityGroupRule:SecurityGroupRule": KINDS.securityGroupRule,
  "alicloud:ecs/instance:Instance": KINDS.instance,
  "alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer": SLB_KINDS.loadBalancer,
  "alicloud:slb/listener:Listener": SLB_KINDS.listener,
  "alicloud:slb/serverCertificate:ServerCertificate": SLB_KINDS.serverCertificate,
  "alicloud:slb/serverGroup:ServerGroup": SLB_KINDS.vServerGroup,
  "alicloud:dns/alidnsRecord:AlidnsRecord": DNS_RECORD,
  "alicloud:ecs/command:Command": ASSISTANT_KINDS.command,
  "alicloud:ecs/ecsInvocation:EcsInvocation": ASSISTANT_KINDS.invocation,
  "alicloud:ram/role:Role": RAM_KINDS.role,
  "alicloud:ram/policy:Policy": RAM_KINDS.policy,
  "alicloud:ram/rolePolicyAttachment:RolePolicyAttachment": RAM_KINDS.rolePolicy,
  "alicloud:cms/alarm:Alarm": CMS.alarm,
  "alicloud:cms/alarmContact:AlarmContact": CMS.contact,
  "alicloud:cms/alarmContactGroup:AlarmContactGroup": CMS.contactGroup,
  "alicloud:cms/siteMonitor:SiteMonitor": CMS.siteMonitor,
  "alicloud:fc/v3Function:V3Function": FC.function,
  "alicloud:fc/v3Trigger:V3Trigger": FC.trigger,
  "alicloud:log/project:Project": LOG.project,
  "alicloud:log/store:Store": LOG.logstore,
  "alicloud:log/storeIndex:StoreIndex": LOG.index,
  "alicloud:log/machineGroup:MachineGroup": LOG.machineGroup,
  "alicloud:log/logTailConfig:LogTailConfig": LOG.config,
  "alicloud:oss/bucket:Bucket": OSS.bucket,
  "alicloud:ecs/eipAddress:EipAddress": KINDS.eip,
  "alicloud:oos/secretParameter:SecretParameter": OOS_SECRET_PARAMETER,
};

/**
 * What stays in the emulator after `pulumi destroy`: the lab account's DNS zone (not the stack's),
 * and the Cloud Assistant invocations, which the program retains on delete on purpose (the service
 * keeps them about four weeks and refuses to stop an expired one; see components/backendInstances.ts).
 */
const KEPT_AFTER_DESTROY = ["alidns.domain", ASSISTANT_KINDS.invocation];

export function record(run: StackRun, kind: string, where: (r: Record<string, unknown>) => boolean = () => true): Record<string, unknown> {
  const found = run.lab.store.list(kind).filter(where);
  if (found.length !== 1) throw new Error(`expected one ${kind}, found ${found.length}`);
  return found[0] as Record<string, unknown>;
}

export async function upFromNothing(run: StackRun, stackName: string): Promise<void> {
  expectSuccess(await run.stack.pulumi(["up", "--yes", "--skip-preview"]), `${stackName}: up from nothing`);
  // Exactly the resources the offline plan of the same config lists, kind by kind.
  const plan = await planOf({ configFile: run.configFile }, "preview");
  const planned: Record<string, number> = {};
  for (const r of plan.document.resources) {
    const kind = KIND_OF[r.type];
    if (kind) planned[kind] = (planned[kind] ?? 0) + 1;
  }
  const held = Object.fromEntries(Object.keys(planned).map((kind) => [kind, run.lab.store.list(kind).length]));
  expect(held).toEqual(planned);
}

function checkSettings(run: StackRun, tlsPolicy: string): void {
  const lb = record(run, SLB_KINDS.loadBalancer);
  const https = record(run, SLB_KINDS.listener, (l) => l.ListenerPort === 443);
  expect(https).toMatchObject({ ListenerProtocol: "https", TLSCipherPolicy: tlsPolicy, Status: "running", EnableHttp2: "on" });
  const certificate = run.lab.store.get(SLB_KINDS.serverCertificate, String(https.ServerCertificateId));
  expect(String(certificate?.ServerCertificate).match(/BEGIN CERTIFICATE/g)).toHaveLength(2); // leaf and intermediate
  expect(record(run, SLB_KINDS.listener, (l) => l.ListenerPort === 80)).toMatchObject({ ListenerForward: "on", ForwardPort: 443 });
  for (const instance of run.lab.store.list(KINDS.instance)) {
    expect(instance).toMatchObject({
      MetadataOptions: expect.objectContaining({ HttpTokens: "required" }),
      SystemDisk: expect.objectContaining({ Encrypted: true }),
      InternetMaxBandwidthOut: 0,
    });
  }
  const backendRule = record(run, KINDS.securityGroupRule, (r) => r.PortRange === "80/80");
  expect(backendRule).toMatchObject({ Direction: "ingress", SourceCidrIp: "100.64.0.0/10", Policy: "Accept" });
  expect(run.lab.store.list(KINDS.securityGroupRule).filter((r) => r.PortRange === "22/22")).toEqual([]);
  expect(record(run, DNS_RECORD)).toMatchObject({ Type: "A", Value: lb.Address });
}

/** Each resource's URN with its cloud id and name, from the backend's state. */
async function resourceIds(stack: LabStack): Promise<Record<string, string>> {
  const exported = JSON.parse((await stack.pulumiOk(["stack", "export"])).stdout) as {
    deployment: { resources?: { urn: string; id?: string; outputs?: { name?: unknown } }[] };
  };
  const ids = (exported.deployment.resources ?? []).map((r) => [r.urn, `${r.id ?? ""} ${String(r.outputs?.name ?? "")}`]);
  return Object.fromEntries(ids);
}

/** `pulumi up` twice from a fresh checkout of the same state: nothing changes, every id and name stays. */
export async function upFromFreshCheckout(run: StackRun, stackName: string): Promise<void> {
  const before = await resourceIds(run.stack);
  const checkout = await run.stack.checkout();
  try {
    expect(checkout.dir).not.toBe(run.stack.dir);
    for (const attempt of ["first", "second"]) {
      const result = await checkout.pulumi(["up", "--yes", "--skip-preview", "--expect-no-changes"]);
      expectSuccess(result, `${stackName}: the ${attempt} up from a fresh checkout`);
    }
    expect(await resourceIds(checkout)).toEqual(before);
  } finally {
    checkout.dispose();
  }
}

async function rollout(run: StackRun, stackName: string, instanceCount: number): Promise<void> {
  const group = record(run, SLB_KINDS.vServerGroup);
  const before = run.lab.store.list(KINDS.instance).map((i) => i.InstanceId);
  await run.stack.pulumiOk(["config", "set", `${NS}:appImage`, "registry-vpc.cn-hangzhou.aliyuncs.com/lab/app:2"]);
  const start = run.lab.store.changes.length;
  expectSuccess(await run.stack.pulumi(["up", "--yes", "--skip-preview"]), `${stackName}: the rollout`);
  const after = run.lab.store.list(KINDS.instance).map((i) => i.InstanceId);
  expect(after.filter((id) => before.includes(id))).toEqual([]); // every instance replaced
  const sizes = serverGroupTimeline(run.lab.store.changes.slice(start), String(group.VServerGroupId)).map((m) => m.value.length);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(instanceCount);
}

/**
 * A renewal's shape, previewed by the real CLI and judged by check-renewal: a new chain for the same
 * key passes (the steps it allows are returned: each edge has its own); any other change on top
 * (a health path) is refused.
 */
export async function renewalPreview(
  run: StackRun,
  stackName: string,
  domain: string,
  pki: LabPki,
  leaf: IssuedLeaf,
): Promise<RenewalVerdict["allowed"]> {
  const renewed = await pki.issue(domain, { renewing: leaf });
  await run.stack.pulumiOk(["config", "set", "--secret", `${NS}:certificatePem`], { input: renewed.chainPem });
  const preview = await run.stack.pulumi(["preview", "--json"]);
  expectSuccess(preview, `${stackName}: the renewal's preview`);
  const verdict = judgeRenewalPreview(parsePreviewDigest(preview.stdout));
  expect(verdict.refused).toEqual([]);
  await run.stack.pulumiOk(["config", "set", `${NS}:healthPath`, "/api/ready"]);
  const mixed = judgeRenewalPreview(parsePreviewDigest((await run.stack.pulumi(["preview", "--json"])).stdout));
  expect(mixed.refused.length).toBeGreaterThan(0);
  await run.stack.pulumiOk(["config", "rm", `${NS}:healthPath`]);
  return verdict.allowed;
}

async function newCertificate(run: StackRun, stackName: string, domain: string, pki: LabPki): Promise<void> {
  const https = record(run, SLB_KINDS.listener, (l) => l.ListenerPort === 443);
  const old = String(https.ServerCertificateId);
  const next = await pki.issue(domain);
  await run.stack.pulumiOk(["config", "set", "--secret", `${NS}:certificatePem`], { input: next.chainPem });
  await run.stack.pulumiOk(["config", "set", "--secret", `${NS}:privateKeyPem`], { input: next.keyPem });
  const start = run.lab.store.changes.length;
  expectSuccess(await run.stack.pulumi(["up", "--yes", "--skip-preview"]), `${stackName}: a new certificate`);
  const listenerId = String(
    record(run, SLB_KINDS.listener, (l) => l.ListenerPort === 443).ListenerId ?? `${String(https.LoadBalancerId)}:https:443`,
  );
  const served = listenerCertificateTimeline(run.lab.store.changes.slice(start), listenerId).map((m) => m.value);
  expect(served.every((id) => id !== undefined)).toBe(true);
  // The listener switched once, straight from the old certificate to the new, and the old was deleted after.
  const switched = run.lab.store.changes.findIndex(
    (c, i) => i >= start && c.kind === SLB_KINDS.listener && c.record.ServerCertificateId !== old,
  );
  const deleted = run.lab.store.changes.findIndex((c) => c.kind === SLB_KINDS.serverCertificate && c.id === old && c.op === "delete");
  expect(switched).toBeGreaterThan(-1);
  expect(deleted).toBeGreaterThan(switched);
}

export async function destroy(run: StackRun, stackName: string, protectedStack: boolean): Promise<void> {
  if (protectedStack) {
    // As README says: lift the protection first (the resource option and the CLB's own), then destroy.
    await run.stack.pulumiOk(["config", "set", `${NS}:protect`, "false"]);
    expectSuccess(await run.stack.pulumi(["up", "--yes", "--skip-preview"]), `${stackName}: lifting protection`);
  }
  expectSuccess(await run.stack.pulumi(["destroy", "--yes", "--skip-preview"]), `${stackName}: destroy`);
  expect(Object.keys(run.lab.store.snapshot()).filter((kind) => !KEPT_AFTER_DESTROY.includes(kind))).toEqual([]);
}

export interface StackLife {
  readonly stackName: string;
  readonly domain: string;
  readonly instanceCount: number;
  /** Prod protects its load balancer and DNS record: destroy lifts that first, as README says. */
  readonly protectedStack: boolean;
}

/** A committed stack through its whole life (a test file per stack, so the two run side by side). */
export function testStackLife({ stackName, domain, instanceCount, protectedStack }: StackLife): void {
  test(`${stackName}: up, no change, a fresh checkout, rollout, new certificate, destroy`, async () => {
    await withStackRun(stackName, {}, async (run, pki, leaf) => {
      await upFromNothing(run, stackName);
      checkSettings(run, "tls_cipher_policy_1_2_strict_with_1_3");
      await expectNoPerpetualDiff(run.stack, stackName);
      await upFromFreshCheckout(run, stackName);
      await rollout(run, stackName, instanceCount);
      await expectNoPerpetualDiff(run.stack, stackName);
      // At the load balancer a renewal replaces the uploaded certificate, switches the listener and
      // reruns the deploy check.
      const renewal = await renewalPreview(run, stackName, domain, pki, leaf);
      expect(renewal.map((s) => s.type).sort()).toEqual(
        [
          "alicloud:slb/listener:Listener",
          "alicloud:slb/serverCertificate:ServerCertificate",
          ...(stackName === "prod" ? ["command:local:Command"] : []),
        ].sort(),
      );
      await newCertificate(run, stackName, domain, pki);
      await destroy(run, stackName, protectedStack);
      expect(run.lab.dataPlane?.problems).toEqual([]);
    });
  });
}
