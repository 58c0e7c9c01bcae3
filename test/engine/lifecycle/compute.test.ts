// VPC, vSwitch, security group, rule and instance through the real CLI and provider against the
// emulator: created, read back with no difference, changed in place, destroyed to nothing.
import { expectSuccess, withLabStack } from "../../support/labEngine";
import { expectNoPerpetualDiff, fixture } from "./lifecycle";

test("compute: up, no perpetual diff, an update in place, destroy to nothing", async () => {
  await withLabStack({ stack: "lab", projectDir: fixture("compute") }, async (stack, lab) => {
    expectSuccess(await stack.pulumi(["up", "--yes", "--skip-preview"]), "up");
    const state = lab.store.snapshot();
    expect(Object.fromEntries(Object.entries(state).map(([k, v]) => [k, v.length]))).toEqual({
      "alidns.domain": 1,
      "vpc.vpc": 1,
      "vpc.vswitch": 1,
      "ecs.securityGroup": 1,
      "ecs.securityGroupRule": 1,
      "ecs.instance": 1,
    });
    const instance = state["ecs.instance"]?.[0] as Record<string, unknown>;
    expect(instance).toMatchObject({
      Status: "Running",
      ZoneId: "cn-hangzhou-h",
      MetadataOptions: expect.objectContaining({ HttpTokens: "required" }),
      SystemDisk: expect.objectContaining({ Category: "cloud_essd", Encrypted: true, Size: 40 }),
    });

    await expectNoPerpetualDiff(stack);

    await stack.pulumiOk(["config", "set", "instanceDescription", "changed"]);
    await stack.pulumiOk(["config", "set", "ruleDescription", "changed too"]);
    expectSuccess(await stack.pulumi(["up", "--yes", "--skip-preview"]), "the update");
    const after = lab.store.snapshot();
    expect((after["ecs.instance"]?.[0] as Record<string, unknown>).Description).toBe("changed");
    expect((after["ecs.instance"]?.[0] as Record<string, unknown>).InstanceId).toBe(instance.InstanceId);
    expect((after["ecs.securityGroupRule"]?.[0] as Record<string, unknown>).Description).toBe("changed too");

    expectSuccess(await stack.pulumi(["destroy", "--yes", "--skip-preview"]), "destroy");
    expect(Object.keys(lab.store.snapshot())).toEqual(["alidns.domain"]);
  });
});
