// An instance with an EIP through the real CLI and provider against the emulator: allocated and
// bound, read back with no difference, changed in place (name, description, bandwidth, tags,
// deletion protection), unbound and released on destroy, leaving nothing.
import * as path from "node:path";
import { KINDS } from "../../../tools/cloudlab/products/ecs/kinds";
import { settle } from "../../../tools/cloudlab/store";
import { expectSuccess, withLabStack } from "../../support/labEngine";

const fixture = path.join(__dirname, "..", "fixtures", "eip");

test("eip: up, no perpetual diff, updates in place, destroy to nothing", async () => {
  await withLabStack({ stack: "lab", projectDir: fixture }, async (stack, lab) => {
    expectSuccess(await stack.pulumi(["up", "--yes", "--skip-preview"]), "up");
    const [eip] = lab.store.list(KINDS.eip);
    const [instance] = lab.store.list(KINDS.instance);
    // The association's one read in "Associating" is behind it: the next read is the final status.
    expect(settle(eip, "Status")).toBe("InUse");
    expect(eip).toMatchObject({
      InstanceId: instance.InstanceId,
      InstanceType: "EcsInstance",
      InternetChargeType: "PayByTraffic",
      ChargeType: "PostPaid",
      Bandwidth: "100",
      Name: "lab-eip",
      Tags: { project: "lab" },
    });
    expect(instance.EipAddress).toMatchObject({ IpAddress: eip.IpAddress, AllocationId: eip.AllocationId });
    expect(JSON.parse((await stack.pulumiOk(["stack", "output", "--json"])).stdout)).toMatchObject({
      address: eip.IpAddress,
      associationId: `${String(eip.AllocationId)}:${String(instance.InstanceId)}`,
    });

    expectSuccess(await stack.pulumi(["preview", "--expect-no-changes", "--diff"]), "a second preview (no changes expected)");
    expectSuccess(await stack.pulumi(["refresh", "--yes", "--expect-no-changes", "--diff"]), "refresh (no changes expected)");

    for (const [key, value] of [
      ["eipName", "renamed"],
      ["eipDescription", "changed"],
      ["eipBandwidth", "50"],
      ["eipTag", "yes"],
      ["eipProtected", "true"],
    ])
      await stack.pulumiOk(["config", "set", key, value]);
    expectSuccess(await stack.pulumi(["up", "--yes", "--skip-preview"]), "the update");
    const [changed] = lab.store.list(KINDS.eip);
    expect(changed).toMatchObject({
      AllocationId: eip.AllocationId,
      IpAddress: eip.IpAddress,
      Name: "renamed",
      Description: "changed",
      Bandwidth: "50",
      DeletionProtection: true,
      Tags: { project: "lab", extra: "yes" },
      InstanceId: instance.InstanceId,
    });
    const actions = lab.store.requests.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["ModifyEipAddressAttribute", "DeletionProtection", "TagResources"]));
    expectSuccess(await stack.pulumi(["preview", "--expect-no-changes", "--diff"]), "a preview after the update (no changes expected)");

    await stack.pulumiOk(["config", "set", "eipProtected", "false"]);
    expectSuccess(await stack.pulumi(["up", "--yes", "--skip-preview"]), "turning deletion protection off");
    expectSuccess(await stack.pulumi(["destroy", "--yes", "--skip-preview"]), "destroy");
    // Unbound before it was released: the association went first.
    const order = lab.store.requests
      .map((r) => r.action)
      .filter((a) => ["UnassociateEipAddress", "ReleaseEipAddress", "DeleteInstance"].includes(a));
    expect(order.indexOf("UnassociateEipAddress")).toBeLessThan(order.indexOf("ReleaseEipAddress"));
    expect(Object.keys(lab.store.snapshot())).toEqual(["alidns.domain"]);
  });
});
