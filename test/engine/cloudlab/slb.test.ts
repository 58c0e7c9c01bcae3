// Contract of the emulated CLB instances (SLB 2014-05-15) through the generic OpenAPI client: the
// fields and types the provider's Read takes, the modify actions its Update calls, deletion protection.
import { SLB_KINDS } from "../../../tools/cloudlab/products/slb";
import { sdkError, useLab } from "../../support/labClients";
import { createLoadBalancer, slbLab, type SlbLab } from "./slbSupport";

const lab = useLab();
let t: SlbLab;
beforeAll(async () => {
  t = await slbLab(lab());
});

type Attribute = Record<string, unknown> & { ListenerPortsAndProtocol: { ListenerPortAndProtocol: unknown[] } };

test("CreateLoadBalancer answers an lb- id, and the instance reads active at once with the LCU spec", async () => {
  const id = await createLoadBalancer(t.slb, { ClientToken: "token-1" });
  expect(id).toMatch(/^lb-bp1[a-z0-9]{18}$/);
  const lb = await t.slb<Attribute>("DescribeLoadBalancerAttribute", { LoadBalancerId: id });
  expect(lb).toMatchObject({
    LoadBalancerId: id,
    LoadBalancerStatus: "active",
    LoadBalancerSpec: "slb.lcu.elastic",
    InstanceChargeType: "PayByCLCU",
    InternetChargeType: "paybytraffic",
    PayType: "PayOnDemand",
    AddressType: "internet",
    AddressIPVersion: "ipv4",
    DeleteProtection: "off",
    ModificationProtectionStatus: "NonProtection",
  });
  expect(typeof lb.Bandwidth).toBe("number");
  expect(lb.Address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(lb.ListenerPortsAndProtocol.ListenerPortAndProtocol).toEqual([]);
  expect(lb).not.toHaveProperty("_clientToken");
});

test("the same ClientToken gives the same instance, not a second one", async () => {
  const before = t.lab.store.list(SLB_KINDS.loadBalancer).length;
  const first = await createLoadBalancer(t.slb, { ClientToken: "same-token" });
  const again = await createLoadBalancer(t.slb, { ClientToken: "same-token" });
  expect(again).toBe(first);
  expect(t.lab.store.list(SLB_KINDS.loadBalancer)).toHaveLength(before + 1);
});

test("a shared-performance instance (pay-by-spec, no spec) is refused", async () => {
  const err = await sdkError(createLoadBalancer(t.slb, { InstanceChargeType: "PayBySpec" }));
  expect(err.code).toBe("ShareSlbHaltSales");
});

test("DescribeLoadBalancers finds by id and pages", async () => {
  const a = await createLoadBalancer(t.slb, { LoadBalancerName: "page-a" });
  const found = await t.slb<{ TotalCount: number; LoadBalancers: { LoadBalancer: { LoadBalancerId: string; Tags: unknown }[] } }>(
    "DescribeLoadBalancers",
    { LoadBalancerId: a },
  );
  expect(found.TotalCount).toBe(1);
  expect(found.LoadBalancers.LoadBalancer[0]).toMatchObject({ LoadBalancerId: a, Tags: { Tag: [] } });
  const page = await t.slb<{ PageSize: number; LoadBalancers: { LoadBalancer: unknown[] } }>("DescribeLoadBalancers", {
    PageSize: 1,
    PageNumber: 1,
  });
  expect(page.LoadBalancers.LoadBalancer).toHaveLength(1);
});

test("the modify actions of the provider's Update change what DescribeLoadBalancerAttribute reads", async () => {
  const id = await createLoadBalancer(t.slb);
  await t.slb("SetLoadBalancerName", { LoadBalancerId: id, LoadBalancerName: "renamed" });
  await t.slb("SetLoadBalancerStatus", { LoadBalancerId: id, LoadBalancerStatus: "inactive" });
  await t.slb("ModifyLoadBalancerInternetSpec", { LoadBalancerId: id, InternetChargeType: "paybybandwidth", Bandwidth: 20 });
  await t.slb("SetLoadBalancerModificationProtection", {
    LoadBalancerId: id,
    ModificationProtectionStatus: "ConsoleProtection",
    ModificationProtectionReason: "managed",
  });
  await t.slb("ModifyLoadBalancerPayType", { LoadBalancerId: id, PayType: "PayOnDemand" });
  await t.slb("ModifyLoadBalancerInstanceSpec", { LoadBalancerId: id, LoadBalancerSpec: "slb.s2.small" });
  await t.slb("ModifyLoadBalancerInstanceChargeType", {
    LoadBalancerId: id,
    InstanceChargeType: "PayBySpec",
    LoadBalancerSpec: "slb.s2.small",
  });
  const lb = await t.slb("DescribeLoadBalancerAttribute", { LoadBalancerId: id });
  expect(lb).toMatchObject({
    LoadBalancerName: "renamed",
    LoadBalancerStatus: "inactive",
    InternetChargeType: "paybybandwidth",
    Bandwidth: 20,
    ModificationProtectionStatus: "ConsoleProtection",
    ModificationProtectionReason: "managed",
    InstanceChargeType: "PayBySpec",
    LoadBalancerSpec: "slb.s2.small",
  });
});

test("deletion protection refuses DeleteLoadBalancer until it is lifted; then the instance is not found", async () => {
  const id = await createLoadBalancer(t.slb, { DeleteProtection: "on" });
  const refused = await sdkError(t.slb("DeleteLoadBalancer", { LoadBalancerId: id }));
  expect(refused.code).toBe("OperationDenied.DeleteProtectionIsOn");
  expect(t.lab.store.get(SLB_KINDS.loadBalancer, id)).toBeDefined();
  await t.slb("SetLoadBalancerDeleteProtection", { LoadBalancerId: id, DeleteProtection: "off" });
  await t.slb("DeleteLoadBalancer", { LoadBalancerId: id });
  const gone = await sdkError(t.slb("DescribeLoadBalancerAttribute", { LoadBalancerId: id }));
  expect(gone).toMatchObject({ code: "InvalidLoadBalancerId.NotFound", statusCode: 404 });
});

test("tags: TagResources, ListTagResources and UntagResources on an instance", async () => {
  const id = await createLoadBalancer(t.slb);
  await t.slb("TagResources", {
    ResourceType: "instance",
    "ResourceId.1": id,
    "Tag.1.Key": "env",
    "Tag.1.Value": "lab",
    "Tag.2.Key": "team",
    "Tag.2.Value": "x",
  });
  const listed = await t.slb<{ TagResources: { TagResource: unknown[] } }>("ListTagResources", {
    ResourceType: "instance",
    "ResourceId.1": id,
  });
  expect(listed.TagResources.TagResource).toEqual([
    { ResourceType: "instance", ResourceId: id, TagKey: "env", TagValue: "lab" },
    { ResourceType: "instance", ResourceId: id, TagKey: "team", TagValue: "x" },
  ]);
  await t.slb("UntagResources", { ResourceType: "instance", "ResourceId.1": id, "TagKey.1": "team" });
  const after = await t.slb<{ TagResources: { TagResource: { TagKey: string }[] } }>("ListTagResources", {
    ResourceType: "instance",
    "ResourceId.1": id,
  });
  expect(after.TagResources.TagResource.map((r) => r.TagKey)).toEqual(["env"]);
});
