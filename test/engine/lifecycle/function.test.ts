// A Function Compute 3.0 function and its timer trigger through the real CLI and provider against
// the emulator: created, read back with no difference, changed in place, destroyed to nothing.
import { expectSuccess, withLabStack } from "../../support/labEngine";
import { expectNoPerpetualDiff, fixture, only } from "./lifecycle";

test("function: up, no perpetual diff, an update in place, destroy to nothing", async () => {
  await withLabStack({ stack: "lab", projectDir: fixture("function") }, async (stack, lab) => {
    expectSuccess(await stack.pulumi(["up", "--yes", "--skip-preview"]), "up");
    const state = lab.store.snapshot();
    expect(Object.keys(state).sort()).toEqual(["alidns.domain", "fc.function", "fc.trigger"]);
    const fn = only(state, "fc.function");
    expect(fn).toMatchObject({
      functionName: "whb-lab-monitor",
      runtime: "nodejs20",
      handler: "index.handler",
      timeout: 180,
      cpu: 0.25,
      memorySize: 512,
      internetAccess: true,
      role: "acs:ram::1234567890123456:role/whb-lab-monitor-fc",
      logConfig: { project: "whb-lab-logs-0a1b2c3d", logstore: "monitor-function", enableRequestMetrics: true, logBeginRule: "None" },
      ossMountConfig: {
        mountPoints: [expect.objectContaining({ bucketName: "whb-lab-monitor-0a1b2c3d", mountDir: "/mnt/monitor", readOnly: false })],
      },
    });
    expect(Object.keys(fn.environmentVariables as object).sort()).toEqual(["ALERT_ROBOTS", "STACK", "VERIFY_OPTIONS"]);
    expect(fn.tags).toEqual(expect.arrayContaining([{ Key: "stack", Value: "lab" }]));
    const trigger = only(state, "fc.trigger");
    expect(trigger).toMatchObject({ triggerName: "verify-schedule", triggerType: "timer", qualifier: "LATEST" });
    expect(JSON.parse(String(trigger.triggerConfig))).toEqual({ cronExpression: "@every 60m", enable: true, payload: '{"kind":"verify"}' });

    await expectNoPerpetualDiff(stack);

    await stack.pulumiOk(["config", "set", "description", "changed"]);
    await stack.pulumiOk(["config", "set", "memorySize", "1024"]);
    await stack.pulumiOk(["config", "set", "schedule", "@every 30m"]);
    expectSuccess(await stack.pulumi(["up", "--yes", "--skip-preview"]), "the update");
    const after = lab.store.snapshot();
    expect(only(after, "fc.function")).toMatchObject({ functionId: fn.functionId, description: "changed", memorySize: 1024, cpu: 0.25 });
    expect(only(after, "fc.trigger")).toMatchObject({ triggerId: trigger.triggerId });
    expect(JSON.parse(String(only(after, "fc.trigger").triggerConfig)).cronExpression).toBe("@every 30m");
    const calls = lab.store.requests.filter((r) => r.product === "fc").map((r) => r.action);
    expect(calls).toEqual(expect.arrayContaining(["CreateFunction", "TagResources", "CreateTrigger", "UpdateFunction", "UpdateTrigger"]));
    expectSuccess(await stack.pulumi(["preview", "--expect-no-changes"]), "a preview after the update (no changes expected)");

    expectSuccess(await stack.pulumi(["destroy", "--yes", "--skip-preview"]), "destroy");
    expect(Object.keys(lab.store.snapshot())).toEqual(["alidns.domain"]);
    // The trigger went first, so the function was never deleted with a trigger on it.
    const deletes = lab.store.requests.filter((r) => r.product === "fc" && r.action.startsWith("Delete")).map((r) => r.action);
    expect(deletes).toEqual(["DeleteTrigger", "DeleteFunction"]);
  });
});
