// A VPC linked to an ACR Enterprise instance's VPC endpoint, through the real engine and provider
// against the emulator: up (the provider's waiter sees CREATING, then RUNNING), no perpetual diff, a
// new vSwitch (a replacement), destroy; and the one field the provider updates in place, which its
// Update cannot (it reads another resource: resource_alicloud_cr_vpc_endpoint_linked_vpc.go).
import { CR_KINDS, seedRegistryInstance } from "../../../tools/cloudlab/products/cr";
import { withLabStack } from "../../support/labEngine";
import { fixture, held } from "./lifecycle";

const key = (name: string): string => `lab-cr-linked-vpc:${name}`;
const VPC = "vpc-bp1labvpc0000000001";
const config = { [key("vpcId")]: VPC, [key("vswitchId")]: "vsw-bp1labvsw0000000001", [key("dnsRecord")]: "true" };

test("up, a no-change preview and refresh, a new vSwitch replaces the link, destroy", async () => {
  await withLabStack({ stack: "lab", projectDir: fixture("cr-linked-vpc"), config }, async (stack, lab) => {
    const instanceId = seedRegistryInstance(lab.store);
    await stack.pulumiOk(["config", "set", key("instanceId"), instanceId]);
    await stack.pulumiOk(["up", "--yes", "--skip-preview"]);
    const links = (): string[] =>
      lab.store.list(CR_KINDS.linkedVpc).map((l) => `${String(l.VswitchId)} ${String(l.Status)} ${String(l.EnableCreateDNSRecordInPvzt)}`);
    expect(links()).toEqual(["vsw-bp1labvsw0000000001 RUNNING true"]);
    const polls = lab.store.requests.filter((r) => r.action === "GetInstanceVpcEndpoint");
    expect(polls.length).toBeGreaterThanOrEqual(2);

    await stack.pulumiOk(["preview", "--expect-no-changes"]);
    await stack.pulumiOk(["refresh", "--expect-no-changes", "--yes"]);

    await stack.pulumiOk(["config", "set", key("vswitchId"), "vsw-bp1labvsw0000000002"]);
    await stack.pulumiOk(["up", "--yes", "--skip-preview"]);
    expect(links()).toEqual(["vsw-bp1labvsw0000000002 RUNNING true"]);
    await stack.pulumiOk(["preview", "--expect-no-changes"]);

    await stack.pulumiOk(["destroy", "--yes"]);
    expect(held(lab.store, [CR_KINDS.linkedVpc])).toEqual({});
    expect(lab.store.list(CR_KINDS.instance).map((i) => i.InstanceId)).toEqual([instanceId]);
    expect(lab.store.requests.filter((r) => r.status !== 200)).toEqual([]);
  });
});

test("turning the PrivateZone record off fails in the provider's Update, before any call to Container Registry", async () => {
  await withLabStack({ stack: "lab", projectDir: fixture("cr-linked-vpc"), config }, async (stack, lab) => {
    await stack.pulumiOk(["config", "set", key("instanceId"), seedRegistryInstance(lab.store)]);
    await stack.pulumiOk(["up", "--yes", "--skip-preview"]);
    await stack.pulumiOk(["config", "set", key("dnsRecord"), "false"]);
    const before = lab.store.requests.length;
    const update = await stack.pulumi(["up", "--yes", "--skip-preview"]);
    expect(update.code).not.toBe(0);
    expect(`${update.stdout}${update.stderr}`).toMatch(/Invalid Resource Id .*Expected parts' length 2, got 4/);
    expect(lab.store.requests.slice(before).filter((r) => r.product === "cr" && r.action !== "GetInstanceVpcEndpoint")).toEqual([]);
    await stack.pulumiOk(["destroy", "--yes"]);
  });
});
