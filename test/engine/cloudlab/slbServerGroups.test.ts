// Contract of the emulated VServer groups and backends: instances must be running ECS instances of
// the account (seeded here as ECS records), in the load balancer's VPC; what the group held at every
// moment is replayed from the change history; a group a listener uses is not deleted.
import { SLB_KINDS, serverGroupTimeline } from "../../../tools/cloudlab/products/slb";
import { sdkError, useLab } from "../../support/labClients";
import { SEED_VPC_ID, seedInstance } from "../labSeeds";
import { createLoadBalancer, leafFor, uploadCertificate, slbLab, type SlbLab } from "./slbSupport";

const lab = useLab();
let t: SlbLab;
beforeAll(async () => {
  t = await slbLab(lab());
  seedInstance(t.lab.store, { id: "i-bp1lab000000000000a1", ip: "172.16.0.11" });
  seedInstance(t.lab.store, { id: "i-bp1lab000000000000a2", ip: "172.16.0.12" });
  seedInstance(t.lab.store, { id: "i-bp1lab000000000000s1", status: "Stopped" });
  seedInstance(t.lab.store, { id: "i-bp1lab000000000000o1", vpcId: "vpc-bp1lab0000000000000b" });
});

type Group = { VServerGroupId: string; BackendServers: { BackendServer: Record<string, unknown>[] } };

async function newGroup(lbId: string): Promise<string> {
  return (
    await t.slb<Group>("CreateVServerGroup", {
      LoadBalancerId: lbId,
      VServerGroupName: "backends",
      "Tag.1.Key": "env",
      "Tag.1.Value": "lab",
    })
  ).VServerGroupId;
}

test("attachments one by one, as the provider sends them; the group's backends at every moment", async () => {
  const lbId = await createLoadBalancer(t.slb);
  const groupId = await newGroup(lbId);
  expect(groupId).toMatch(/^rsp-[a-z0-9]{10}$/);
  // The attachment's create sends numbers; its delete sends the port as a string (convertListMapToJsonString).
  await t.slb("AddVServerGroupBackendServers", {
    VServerGroupId: groupId,
    BackendServers: JSON.stringify([{ ServerId: "i-bp1lab000000000000a1", Port: 80, Type: "ecs", Weight: 100 }]),
  });
  await t.slb("AddVServerGroupBackendServers", {
    VServerGroupId: groupId,
    BackendServers: JSON.stringify([{ ServerId: "i-bp1lab000000000000a2", Port: 80, Type: "ecs", Weight: 100 }]),
  });
  const group = await t.slb<Group & Record<string, unknown>>("DescribeVServerGroupAttribute", { VServerGroupId: groupId });
  expect(group).toMatchObject({ VServerGroupName: "backends", LoadBalancerId: lbId, Tags: { Tag: [{ TagKey: "env", TagValue: "lab" }] } });
  expect(group.BackendServers.BackendServer).toEqual([
    {
      ServerId: "i-bp1lab000000000000a1",
      Port: 80,
      Weight: 100,
      Type: "ecs",
      Description: "",
      ServerIp: "172.16.0.11",
      VpcId: SEED_VPC_ID,
    },
    {
      ServerId: "i-bp1lab000000000000a2",
      Port: 80,
      Weight: 100,
      Type: "ecs",
      Description: "",
      ServerIp: "172.16.0.12",
      VpcId: SEED_VPC_ID,
    },
  ]);
  await t.slb("RemoveVServerGroupBackendServers", {
    VServerGroupId: groupId,
    BackendServers: JSON.stringify([{ ServerId: "i-bp1lab000000000000a1", Port: "80", Type: "ecs", Weight: 100 }]),
  });
  expect(serverGroupTimeline(t.lab.store.changes, groupId).map((m) => m.value)).toEqual([
    [],
    ["i-bp1lab000000000000a1:80"],
    ["i-bp1lab000000000000a1:80", "i-bp1lab000000000000a2:80"],
    ["i-bp1lab000000000000a2:80"],
  ]);
});

test("the single-quoted list of alicloud_slb_server_group, and weights through SetVServerGroupAttribute", async () => {
  const lbId = await createLoadBalancer(t.slb);
  const groupId = await newGroup(lbId);
  await t.slb("AddVServerGroupBackendServers", {
    VServerGroupId: groupId,
    BackendServers: "[{'ServerId':'i-bp1lab000000000000a1','Port':'8080','Weight':'100', 'Type': 'ecs'}]",
  });
  await t.slb("SetVServerGroupAttribute", {
    VServerGroupId: groupId,
    VServerGroupName: "renamed",
    BackendServers: "[{'ServerId':'i-bp1lab000000000000a1','Port':'8080','Weight':'50', 'Type': 'ecs'}]",
  });
  const group = await t.slb<Group & { VServerGroupName: string }>("DescribeVServerGroupAttribute", { VServerGroupId: groupId });
  expect(group.VServerGroupName).toBe("renamed");
  expect(group.BackendServers.BackendServer).toMatchObject([{ ServerId: "i-bp1lab000000000000a1", Port: 8080, Weight: 50 }]);
});

test("refusals: an instance that is not there or not running, one in another VPC, a port out of range", async () => {
  const lbId = await createLoadBalancer(t.slb);
  const groupId = await newGroup(lbId);
  const add = (server: Record<string, unknown>) =>
    t.slb("AddVServerGroupBackendServers", { VServerGroupId: groupId, BackendServers: JSON.stringify([server]) });
  expect((await sdkError(add({ ServerId: "i-bp1nothere0000000000", Port: 80 }))).code).toBe("ObtainIpFail");
  expect((await sdkError(add({ ServerId: "i-bp1lab000000000000s1", Port: 80 }))).code).toBe("ObtainIpFail");
  expect((await sdkError(add({ ServerId: "i-bp1lab000000000000a1" }))).message).toContain("Port value should be in [1, 65535]");
  await add({ ServerId: "i-bp1lab000000000000a1", Port: 80 });
  // An internet instance keeps its backends in one VPC.
  expect((await sdkError(add({ ServerId: "i-bp1lab000000000000o1", Port: 80 }))).code).toBe("InvalidBackendServers.Inconsistent");
  const vpcLb = await createLoadBalancer(t.slb, { AddressType: "intranet", VpcId: "vpc-bp1lab0000000000000b" });
  const vpcGroup = await newGroup(vpcLb);
  const wrongVpc = await sdkError(
    t.slb("AddVServerGroupBackendServers", {
      VServerGroupId: vpcGroup,
      BackendServers: JSON.stringify([{ ServerId: "i-bp1lab000000000000a1", Port: 80 }]),
    }),
  );
  expect(wrongVpc).toMatchObject({ code: "InvalidParameter", message: expect.stringContaining("network type of the ECS instance") });
  const missing = await sdkError(t.slb("DescribeVServerGroupAttribute", { VServerGroupId: "rsp-nothere000" }));
  expect(missing).toMatchObject({
    code: "InvalidParameter",
    statusCode: 404,
    message: expect.stringContaining("The specified VServerGroupId does not exist"),
  });
});

test("DeleteVServerGroup refuses a group a listener forwards to", async () => {
  const lbId = await createLoadBalancer(t.slb);
  const groupId = await newGroup(lbId);
  const { leaf, chain } = await leafFor(t.pki, "lab.example.com");
  const certId = await uploadCertificate(t.slb, chain, leaf.keyPem);
  await t.slb("CreateLoadBalancerHTTPSListener", {
    LoadBalancerId: lbId,
    ListenerPort: 443,
    VServerGroupId: groupId,
    ServerCertificateId: certId,
  });
  expect((await sdkError(t.slb("DeleteVServerGroup", { VServerGroupId: groupId }))).code).toBe("RspoolVipExist");
  await t.slb("DeleteLoadBalancerListener", { LoadBalancerId: lbId, ListenerPort: 443, ListenerProtocol: "https" });
  await t.slb("DeleteVServerGroup", { VServerGroupId: groupId });
  expect(t.lab.store.get(SLB_KINDS.vServerGroup, groupId)).toBeUndefined();
});

test("the default server group: AddBackendServers, SetBackendServers, RemoveBackendServers, read in DescribeLoadBalancerAttribute", async () => {
  const lbId = await createLoadBalancer(t.slb);
  const added = await t.slb<{ LoadBalancerId: string }>("AddBackendServers", {
    LoadBalancerId: lbId,
    BackendServers: "[{'ServerId':'i-bp1lab000000000000a1','Weight':'100', 'Type': 'ecs'}]",
  });
  expect(added.LoadBalancerId).toBe(lbId);
  await t.slb("SetBackendServers", {
    LoadBalancerId: lbId,
    BackendServers: "[{'ServerId':'i-bp1lab000000000000a1','Weight':'30', 'Type': 'ecs'}]",
  });
  const lb = await t.slb<{ BackendServers: { BackendServer: unknown[] } }>("DescribeLoadBalancerAttribute", { LoadBalancerId: lbId });
  expect(lb.BackendServers.BackendServer).toMatchObject([
    { ServerId: "i-bp1lab000000000000a1", Weight: 30, Type: "ecs", ServerIp: "172.16.0.11" },
  ]);
  await t.slb("RemoveBackendServers", {
    LoadBalancerId: lbId,
    BackendServers: "[{'ServerId':'i-bp1lab000000000000a1','Weight':'30', 'Type': 'ecs'}]",
  });
  const after = await t.slb<{ BackendServers: { BackendServer: unknown[] } }>("DescribeLoadBalancerAttribute", { LoadBalancerId: lbId });
  expect(after.BackendServers.BackendServer).toEqual([]);
});
