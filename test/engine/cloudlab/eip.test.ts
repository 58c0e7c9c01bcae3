// Contract of the emulated Elastic IP addresses through the official @alicloud/vpc20160428 client
// (and @alicloud/ecs20140526 for the instance an EIP is bound to): the typed model fields the
// provider reads, the statuses its waiters poll, the client token, tags, deletion protection and
// the refusals.
import Ecs, * as $Ecs from "@alicloud/ecs20140526";
import Vpc, * as $Vpc from "@alicloud/vpc20160428";
import { startCloudLab, type CloudLab } from "../../../tools/cloudlab";
import { KINDS } from "../../../tools/cloudlab/products/ecs/kinds";
import { SLB_KINDS } from "../../../tools/cloudlab/products/slb";
import { LAB_REGION } from "../../../tools/cloudlab/settings";
import { routeLabHostsThrough, sdkConfig, sdkError } from "../../support/labClients";

let lab: CloudLab;
let vpc: Vpc;
let ecs: Ecs;
let unroute: () => void;
let instanceId: string;

beforeAll(async () => {
  lab = await startCloudLab();
  unroute = routeLabHostsThrough(lab);
  vpc = new Vpc(sdkConfig(lab, "vpc"));
  ecs = new Ecs(sdkConfig(lab, "ecs"));
  const vpcId = (await vpc.createVpc(new $Vpc.CreateVpcRequest({ regionId: LAB_REGION, cidrBlock: "10.0.0.0/16" }))).body?.vpcId as string;
  const vSwitchId = (
    await vpc.createVSwitch(
      new $Vpc.CreateVSwitchRequest({ regionId: LAB_REGION, vpcId, zoneId: "cn-hangzhou-h", cidrBlock: "10.0.0.0/24" }),
    )
  ).body?.vSwitchId as string;
  const securityGroupId = (await ecs.createSecurityGroup(new $Ecs.CreateSecurityGroupRequest({ regionId: LAB_REGION, vpcId }))).body
    ?.securityGroupId as string;
  const run = await ecs.runInstances(
    new $Ecs.RunInstancesRequest({
      regionId: LAB_REGION,
      imageId: "ubuntu_22_04_x64_20G_alibase_20241224.vhd",
      instanceType: "ecs.c7.large",
      vSwitchId,
      securityGroupIds: [securityGroupId],
      systemDisk: new $Ecs.RunInstancesRequestSystemDisk({ category: "cloud_essd", size: "40" }),
      instanceChargeType: "PostPaid",
    }),
  );
  instanceId = run.body?.instanceIdSets?.instanceIdSet?.[0] as string;
});
afterAll(async () => {
  unroute();
  await lab.stop();
});

const allocate = (request: Partial<$Vpc.AllocateEipAddressRequest> = {}) =>
  vpc.allocateEipAddress(
    new $Vpc.AllocateEipAddressRequest({
      regionId: LAB_REGION,
      instanceChargeType: "PostPaid",
      internetChargeType: "PayByTraffic",
      bandwidth: "100",
      ...request,
    }),
  );

async function describe(allocationId: string): Promise<$Vpc.DescribeEipAddressesResponseBodyEipAddressesEipAddress | undefined> {
  const answer = await vpc.describeEipAddresses(new $Vpc.DescribeEipAddressesRequest({ regionId: LAB_REGION, allocationId }));
  return answer.body?.eipAddresses?.eipAddress?.[0];
}

test("AllocateEipAddress answers an eip- id and an address; the typed fields read back, strings as strings", async () => {
  const allocated = (await allocate({ name: "lab-eip", description: "lab" })).body;
  expect(allocated?.allocationId).toMatch(/^eip-bp1[a-z0-9]{18}$/);
  expect(allocated?.eipAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  const eip = await describe(allocated?.allocationId as string);
  expect(eip).toMatchObject({
    allocationId: allocated?.allocationId,
    ipAddress: allocated?.eipAddress,
    status: "Available",
    name: "lab-eip",
    description: "lab",
    bandwidth: "100",
    eipBandwidth: "100",
    internetChargeType: "PayByTraffic",
    chargeType: "PostPaid",
    ISP: "BGP",
    netmode: "public",
    deletionProtection: false,
    instanceId: "",
    regionId: LAB_REGION,
  });
  expect(typeof eip?.secondLimited).toBe("boolean");
  expect(eip?.tags?.tag).toEqual([]);
});

test("an EIP's address is a loopback one of the lab's own block that no load balancer holds", async () => {
  // A load balancer holding the block's next free address: the EIP must take another one.
  const held = [...lab.store.list(KINDS.eip).map((e) => e.IpAddress)];
  let next = 10;
  while (held.includes(`${lab.store.publicBlock}.${next}`)) next++;
  lab.store.create(SLB_KINDS.loadBalancer, "lb-held", { LoadBalancerId: "lb-held", Address: `${lab.store.publicBlock}.${next}` });
  try {
    const address = (await allocate()).body?.eipAddress as string;
    expect(address).toMatch(/^127\.\d+\.\d+\.\d+$/);
    expect(address.startsWith(`${lab.store.publicBlock}.`)).toBe(true);
    expect(address).not.toBe(`${lab.store.publicBlock}.${next}`);
  } finally {
    lab.store.delete(SLB_KINDS.loadBalancer, "lb-held");
  }
});

test("the same ClientToken allocates once", async () => {
  const before = lab.store.list(KINDS.eip).length;
  const first = (await allocate({ clientToken: "eip-token" })).body?.allocationId;
  const again = (await allocate({ clientToken: "eip-token" })).body?.allocationId;
  expect(again).toBe(first);
  expect(lab.store.list(KINDS.eip)).toHaveLength(before + 1);
});

test("ModifyEipAddressAttribute changes name, description and bandwidth in place; tags through TagResources", async () => {
  const id = (await allocate()).body?.allocationId as string;
  await vpc.modifyEipAddressAttribute(
    new $Vpc.ModifyEipAddressAttributeRequest({
      regionId: LAB_REGION,
      allocationId: id,
      name: "renamed",
      description: "d2",
      bandwidth: "50",
    }),
  );
  await vpc.tagResources(
    new $Vpc.TagResourcesRequest({
      regionId: LAB_REGION,
      resourceType: "EIP",
      resourceId: [id],
      tag: [new $Vpc.TagResourcesRequestTag({ key: "stack", value: "lab" })],
    }),
  );
  expect(await describe(id)).toMatchObject({
    name: "renamed",
    description: "d2",
    bandwidth: "50",
    tags: { tag: [{ key: "stack", value: "lab" }] },
  });
  await vpc.unTagResources(
    new $Vpc.UnTagResourcesRequest({ regionId: LAB_REGION, resourceType: "EIP", resourceId: [id], tagKey: ["stack"] }),
  );
  expect((await describe(id))?.tags?.tag).toEqual([]);
});

test("an association reads Associating once, then InUse, and the instance shows the EIP in DescribeInstances", async () => {
  const allocated = (await allocate()).body;
  const id = allocated?.allocationId as string;
  await vpc.associateEipAddress(new $Vpc.AssociateEipAddressRequest({ regionId: LAB_REGION, allocationId: id, instanceId }));
  expect((await describe(id))?.status).toBe("Associating");
  expect(await describe(id)).toMatchObject({ status: "InUse", instanceId, instanceType: "EcsInstance" });
  // Empty for an ECS instance (eip.ts says why).
  expect(await describe(id)).toMatchObject({ privateIpAddress: "", vpcId: "" });
  const listed = await vpc.describeEipAddresses(
    new $Vpc.DescribeEipAddressesRequest({ regionId: LAB_REGION, associatedInstanceId: instanceId }),
  );
  expect(listed.body?.eipAddresses?.eipAddress?.map((e) => e.allocationId)).toEqual([id]);
  const instances = await ecs.describeInstances(
    new $Ecs.DescribeInstancesRequest({ regionId: LAB_REGION, instanceIds: JSON.stringify([instanceId]) }),
  );
  expect(instances.body?.instances?.instance?.[0]?.eipAddress).toMatchObject({
    allocationId: id,
    ipAddress: allocated?.eipAddress,
    internetChargeType: "PayByTraffic",
  });

  // A second EIP for the same instance, and releasing one still bound, are refused.
  const other = (await allocate()).body?.allocationId as string;
  const twice = await sdkError(
    vpc.associateEipAddress(new $Vpc.AssociateEipAddressRequest({ regionId: LAB_REGION, allocationId: other, instanceId })),
  );
  expect(twice.code).toBe("InvalidParams.InstanceHasEip");
  const bound = await sdkError(vpc.releaseEipAddress(new $Vpc.ReleaseEipAddressRequest({ regionId: LAB_REGION, allocationId: id })));
  expect(bound.code).toBe("IncorrectEipStatus");

  await vpc.unassociateEipAddress(new $Vpc.UnassociateEipAddressRequest({ regionId: LAB_REGION, allocationId: id, instanceId }));
  expect((await describe(id))?.status).toBe("Unassociating");
  expect(await describe(id)).toMatchObject({ status: "Available", instanceId: "" });
  const after = await ecs.describeInstances(
    new $Ecs.DescribeInstancesRequest({ regionId: LAB_REGION, instanceIds: JSON.stringify([instanceId]) }),
  );
  expect(after.body?.instances?.instance?.[0]?.eipAddress?.allocationId).toBe("");
  const again = await sdkError(
    vpc.unassociateEipAddress(new $Vpc.UnassociateEipAddressRequest({ regionId: LAB_REGION, allocationId: id, instanceId })),
  );
  expect(again.code).toBe("InvalidAssociation.NotFound");
});

test("ReleaseEipAddress: Releasing once, then gone (an empty list, the provider's NotFound); protected ones are refused", async () => {
  const id = (await allocate()).body?.allocationId as string;
  await vpc.deletionProtection(
    new $Vpc.DeletionProtectionRequest({ regionId: LAB_REGION, instanceId: id, type: "EIP", protectionEnable: true }),
  );
  expect((await describe(id))?.deletionProtection).toBe(true);
  const refused = await sdkError(vpc.releaseEipAddress(new $Vpc.ReleaseEipAddressRequest({ regionId: LAB_REGION, allocationId: id })));
  expect(refused.code).toBe("OperationDenied.DeletionProtection");
  await vpc.deletionProtection(
    new $Vpc.DeletionProtectionRequest({ regionId: LAB_REGION, instanceId: id, type: "EIP", protectionEnable: false }),
  );
  await vpc.releaseEipAddress(new $Vpc.ReleaseEipAddressRequest({ regionId: LAB_REGION, allocationId: id }));
  expect((await describe(id))?.status).toBe("Releasing");
  expect(await describe(id)).toBeUndefined();
  expect(lab.store.get(KINDS.eip, id)).toBeUndefined();
});

test("unknown allocation ids and instances are refused with the API's codes", async () => {
  const missing = await sdkError(
    vpc.modifyEipAddressAttribute(
      new $Vpc.ModifyEipAddressAttributeRequest({ regionId: LAB_REGION, allocationId: "eip-bp1nothere000000000", name: "x" }),
    ),
  );
  expect(missing).toMatchObject({ code: "InvalidAllocationId.NotFound", statusCode: 404 });
  const id = (await allocate()).body?.allocationId as string;
  const noInstance = await sdkError(
    vpc.associateEipAddress(
      new $Vpc.AssociateEipAddressRequest({ regionId: LAB_REGION, allocationId: id, instanceId: "i-bp1nothere00000000" }),
    ),
  );
  expect(noInstance.code).toBe("InvalidInstanceId.NotFound");
  const prepaidTraffic = await sdkError(allocate({ instanceChargeType: "PrePaid", internetChargeType: "PayByTraffic" }));
  expect(prepaidTraffic.code).toBe("OperationUnsupported.PayByTraffic");
});

test("DescribeEipAddresses pages", async () => {
  const total = lab.store.list(KINDS.eip).length;
  const page = await vpc.describeEipAddresses(new $Vpc.DescribeEipAddressesRequest({ regionId: LAB_REGION, pageSize: 2, pageNumber: 1 }));
  expect(page.body).toMatchObject({ totalCount: total, pageSize: 2, pageNumber: 1 });
  expect(page.body?.eipAddresses?.eipAddress).toHaveLength(Math.min(2, total));
});
