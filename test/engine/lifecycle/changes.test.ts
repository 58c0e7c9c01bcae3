// The changes a provider audit found wrong, through the real CLI and provider against the emulator,
// on a dev stack with two instances in two zones and monitoring on: the alarm relay switched off
// (the alarms must stop targeting the function), a rollout after the readiness invocations expired,
// a failed readiness check (it fails `up` naming the instance, and the next `up` succeeds), and a
// change of zones (new instances and vSwitches first; never an instance moved across zones).
import { CMS } from "../../../tools/cloudlab/products/cms/kinds";
import { ASSISTANT_KINDS, expireInvocation, scriptInvocationOutcome } from "../../../tools/cloudlab/products/ecs/assistantKinds";
import { KINDS } from "../../../tools/cloudlab/products/ecs/kinds";
import { serverGroupTimeline, SLB_KINDS } from "../../../tools/cloudlab/products/slb";
import { expectSuccess } from "../../support/labEngine";
import { withStackRun, type StackRun } from "../../support/labStackRun";

const NS = "wechat-https-backend";
/** Nine updates of a two-instance stack, each with the provider's waits: longer than one update's timeout. */
const CHANGES_TIMEOUT_MS = 45 * 60 * 1000;
const ROBOT = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=lab-robot-key";

function targetsOfAlarms(run: StackRun): number[] {
  return run.lab.store.list(CMS.alarm).map((a) => ((a.Targets as unknown[] | undefined) ?? []).length);
}

function instanceZones(run: StackRun): string[] {
  return run.lab.store
    .list(KINDS.instance)
    .map((i) => String(i.ZoneId))
    .sort();
}

/** The vSwitches' zones in the order of their names (…-vswitch-0, …-vswitch-1): the stack's zone order. */
function switchZones(run: StackRun): string[] {
  return run.lab.store
    .list(KINDS.vswitch)
    .sort((a, b) => String(a.VSwitchName).localeCompare(String(b.VSwitchName)))
    .map((s) => String(s.ZoneId));
}

/** The URNs in the stack's state, sorted. */
async function stateUrns(run: StackRun): Promise<string[]> {
  const exported = JSON.parse((await run.stack.pulumiOk(["stack", "export"])).stdout) as {
    deployment: { resources?: { urn: string }[] };
  };
  return (exported.deployment.resources ?? []).map((r) => r.urn).sort();
}

async function up(run: StackRun, what: string): Promise<void> {
  expectSuccess(await run.stack.pulumi(["up", "--yes", "--skip-preview"]), what);
}

test(
  "relay off, rollout after expiry, a failed readiness check and its fix, a zone moved",
  async () => {
    const config = { [`${NS}:instanceCount`]: 2, [`${NS}:zoneCount`]: 2, [`${NS}:monitoring`]: "on" };
    await withStackRun("dev", config, async (run) => {
      await run.stack.pulumiOk(["config", "set", "--secret", "--path", `${NS}:alertWebhooks[0]`, ROBOT]);
      await up(run, "up with the relay on");
      expect(targetsOfAlarms(run).every((n) => n === 1)).toBe(true);

      // The alarm relay off: the rules are replaced, and no alarm targets the function any more.
      await run.stack.pulumiOk(["config", "set", `${NS}:alarmRelay`, "off"]);
      await up(run, "the relay switched off");
      expect(targetsOfAlarms(run)).toEqual(targetsOfAlarms(run).map(() => 0));
      expect(run.lab.store.list(CMS.alarm).length).toBeGreaterThan(0);

      // Four weeks later the service no longer has the readiness invocations: a rollout still goes.
      for (const invocation of run.lab.store.list(ASSISTANT_KINDS.invocation)) expireInvocation(run.lab.store, String(invocation.InvokeId));
      await run.stack.pulumiOk(["config", "set", `${NS}:appImage`, "registry-vpc.cn-hangzhou.aliyuncs.com/lab/app:2"]);
      await up(run, "a rollout after the invocations expired");

      // The next new instances fail their readiness check once: `up` fails, naming them; the next `up` goes.
      const failing: string[] = [];
      let failNewInstances = true;
      run.lab.store.watch((change) => {
        if (failNewInstances && change?.op === "create" && change.kind === KINDS.instance) {
          failing.push(change.id);
          scriptInvocationOutcome(run.lab.store, {
            instanceId: change.id,
            exitCode: 1,
            output: "readiness: the app did not answer /api/health",
            times: 1,
          });
        }
      });
      await run.stack.pulumiOk(["config", "set", `${NS}:appImage`, "registry-vpc.cn-hangzhou.aliyuncs.com/lab/app:3"]);
      const failed = await run.stack.pulumi(["up", "--yes", "--skip-preview"]);
      failNewInstances = false;
      expect(failed.code).not.toBe(0);
      expect(failing.length).toBeGreaterThan(0);
      // The provider's error carries the invocation's status; the resource that failed names the instance.
      expect(`${failed.stdout}${failed.stderr}`).toMatch(/wechat-app-\d+-ready[\s\S]*Failed to reach target status\. Last status: Failed/);
      await up(run, "up after the failed readiness check");

      // A zone moved on a stack whose zones were never pinned is refused, naming zoneIds and what to set
      // first, before anything is created, deleted or renamed: `pulumi up` as users run it, whose
      // preview stops (with --skip-preview the update itself would move the positional vSwitch's
      // state to the new zone's name before the check could stop it).
      const zones = switchZones(run);
      const spare = ["cn-hangzhou-h", "cn-hangzhou-i", "cn-hangzhou-j"].find((z) => !zones.includes(z)) as string;
      await run.stack.pulumiOk(["config", "set", "--path", `${NS}:zoneIds[0]`, zones[0] as string]);
      await run.stack.pulumiOk(["config", "set", "--path", `${NS}:zoneIds[1]`, spare]);
      const refusedAt = run.lab.store.changes.length;
      const urnsBefore = await stateUrns(run);
      const refused = await run.stack.pulumi(["up", "--yes"]);
      expect(refused.code).not.toBe(0);
      expect(refused.stdout).toContain(`Set zoneIds to exactly ${JSON.stringify(zones)} first`);
      expect(run.lab.store.changes.slice(refusedAt).filter((c) => c.op !== "update")).toEqual([]);
      expect(await stateUrns(run)).toEqual(urnsBefore);

      // Pinned to the zones in use, nothing moves; then one zone moved: a new vSwitch and instance
      // first, the old ones after, no instance ever moved across zones, the group never short.
      await run.stack.pulumiOk(["config", "set", "--path", `${NS}:zoneIds[1]`, zones[1] as string]);
      expectSuccess(await run.stack.pulumi(["up", "--yes", "--skip-preview", "--expect-no-changes"]), "zones pinned to the ones in use");
      await run.stack.pulumiOk(["config", "set", "--path", `${NS}:zoneIds[1]`, spare]);
      const group = run.lab.store.list(SLB_KINDS.vServerGroup)[0] as Record<string, unknown>;
      const start = run.lab.store.changes.length;
      const before = run.lab.store.requests.length;
      await up(run, "a zone moved");
      expect(instanceZones(run)).toEqual([zones[0], spare].sort());
      expect(switchZones(run).sort()).toEqual([zones[0], spare].sort());
      expect(run.lab.store.requests.slice(before).filter((r) => r.action === "ModifyInstanceVpcAttribute")).toEqual([]);
      const sizes = serverGroupTimeline(run.lab.store.changes.slice(start), String(group.VServerGroupId)).map((m) => m.value.length);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(2);
      expectSuccess(await run.stack.pulumi(["preview", "--expect-no-changes", "--diff"]), "no change after the move");

      expectSuccess(await run.stack.pulumi(["destroy", "--yes", "--skip-preview"]), "destroy");
    });
  },
  CHANGES_TIMEOUT_MS,
);
