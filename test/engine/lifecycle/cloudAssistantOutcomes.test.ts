// What the provider does with the Cloud Assistant outcomes a test injects, through the real engine
// against the emulator: a readiness script that fails on one instance, and invocations the service no
// longer keeps when a rollout replaces them (the provider's Delete calls StopInvocation and ignores
// no error: resource_alicloud_ecs_invocation.go).
import { ASSISTANT_KINDS, expireInvocation, scriptInvocationOutcome } from "../../../tools/cloudlab/products/ecs/assistantKinds";
import { withLabStack, type LabStack } from "../../support/labEngine";
import { seedInstance } from "../labSeeds";
import { fixture } from "./lifecycle";

const key = (name: string): string => `lab-cloud-assistant:${name}`;
const config = { [key("script")]: "curl -fsS http://127.0.0.1/healthz" };

async function useInstances(stack: LabStack, instances: readonly string[]): Promise<void> {
  await stack.pulumiOk(["config", "set", key("instanceIds"), instances.join(",")]);
}

test("a readiness script that fails on one instance fails `up` with that invocation Failed; the next `up` invokes it afresh and succeeds", async () => {
  await withLabStack({ stack: "lab", projectDir: fixture("cloud-assistant"), config }, async (stack, lab) => {
    const [healthy, broken] = [seedInstance(lab.store), seedInstance(lab.store)];
    await useInstances(stack, [healthy, broken]);
    scriptInvocationOutcome(lab.store, { instanceId: broken, exitCode: 7, output: "curl: (7) Failed to connect to 127.0.0.1 port 80" });
    const failed = await stack.pulumi(["up", "--yes", "--skip-preview"]);
    expect(failed.code).not.toBe(0);
    const runs = lab.store.list(ASSISTANT_KINDS.invocation);
    const bad = runs.find((i) => i.InvocationStatus === "Failed");
    expect((bad?.InvokeInstances as { InvokeInstance: Record<string, unknown>[] }).InvokeInstance[0]).toMatchObject({
      InstanceId: broken,
      ExitCode: 7,
    });
    // The provider's error names the invocation and the status its waiter stopped on.
    expect(`${failed.stdout}${failed.stderr}`).toContain(String(bad?.InvokeId));
    expect(`${failed.stdout}${failed.stderr}`).toMatch(/Failed/);

    const retried = await stack.pulumiOk(["up", "--yes", "--skip-preview"]);
    expect(retried.stdout).toMatch(/replaced/);
    const fresh = lab.store.list(ASSISTANT_KINDS.invocation).filter((i) => !runs.includes(i));
    expect(fresh.map((i) => i.InvocationStatus)).toEqual(["Success"]);
    await stack.pulumiOk(["preview", "--expect-no-changes"]);
    await stack.pulumiOk(["destroy", "--yes"]);
  });
});

test("a rollout after the invocations expired: StopInvocation is InvalidInvokeId.NotFound, `up` fails; after a refresh `up` succeeds", async () => {
  await withLabStack({ stack: "lab", projectDir: fixture("cloud-assistant"), config }, async (stack, lab) => {
    await useInstances(stack, [seedInstance(lab.store)]);
    await stack.pulumiOk(["up", "--yes", "--skip-preview"]);
    const [old] = lab.store.list(ASSISTANT_KINDS.invocation);
    expireInvocation(lab.store, String(old?.InvokeId));

    await stack.pulumiOk(["config", "set", key("script"), "curl -fsS http://127.0.0.1/ready"]);
    const rollout = await stack.pulumi(["up", "--yes", "--skip-preview"]);
    expect(rollout.code).not.toBe(0);
    expect(`${rollout.stdout}${rollout.stderr}`).toContain("InvalidInvokeId.NotFound");
    expect(lab.store.requests.filter((r) => r.action === "StopInvocation").map((r) => [r.params.InvokeId, r.status, r.code])).toEqual([
      [old?.InvokeId, 404, "InvalidInvokeId.NotFound"],
    ]);

    await stack.pulumiOk(["refresh", "--yes"]);
    await stack.pulumiOk(["up", "--yes", "--skip-preview"]);
    await stack.pulumiOk(["preview", "--expect-no-changes"]);
    await stack.pulumiOk(["destroy", "--yes"]);
    expect(lab.store.list(ASSISTANT_KINDS.command)).toEqual([]);
  });
});
