// Container Registry Enterprise Edition in the emulator, through @alicloud/openapi-client's generic
// RPC call (no CR SDK here): the seeded instance, VPCs linked to its VPC endpoint with the statuses
// the provider polls for, and the refusals.
import { CR_KINDS, seedRegistryInstance } from "../../../tools/cloudlab/products/cr";
import { KINDS } from "../../../tools/cloudlab/products/ecs/kinds";
import { rpcCaller, sdkError, useLab, type RpcCall } from "../../support/labClients";

const lab = useLab({ perTest: true });
let cr: RpcCall;
let instanceId: string;
const link = { VpcId: "vpc-bp1labvpc0000000001", VswitchId: "vsw-bp1labvsw0000000001", ModuleName: "Registry" };
const linkedVpcs = async (): Promise<Record<string, unknown>[]> =>
  (await cr("GetInstanceVpcEndpoint", { InstanceId: instanceId, ModuleName: "Registry" })).LinkedVpcs as Record<string, unknown>[];

beforeEach(() => {
  cr = rpcCaller(lab(), "cr", "2018-12-01");
  instanceId = seedRegistryInstance(lab().store, "lab-registry");
  lab().store.create(KINDS.vswitch, link.VswitchId, { VSwitchId: link.VswitchId, VpcId: link.VpcId, CidrBlock: "172.16.3.0/24" });
});

test("the seeded Enterprise instance: GetInstance answers it RUNNING with times in milliseconds", async () => {
  const answer = await cr("GetInstance", { InstanceId: instanceId });
  expect(answer).toMatchObject({
    IsSuccess: true,
    Code: "success",
    InstanceId: instanceId,
    InstanceName: "lab-registry",
    InstanceStatus: "RUNNING",
  });
  expect(instanceId).toMatch(/^cri-[a-z0-9]{16}$/);
  expect(typeof answer.CreateTime).toBe("number");
});

test("a linked VPC reads CREATING once, then RUNNING, with an address in its vSwitch", async () => {
  expect(
    await cr("CreateInstanceVpcEndpointLinkedVpc", { InstanceId: instanceId, ...link, EnableCreateDNSRecordInPvzt: "true" }),
  ).toMatchObject({
    IsSuccess: true,
    Code: "success",
  });
  const first = await linkedVpcs();
  expect(first).toHaveLength(1);
  expect(first[0]).toMatchObject({ VpcId: link.VpcId, VswitchId: link.VswitchId, Status: "CREATING", DefaultAccess: false });
  expect(String(first[0]?.Ip)).toMatch(/^172\.16\.3\.\d+$/);
  expect((await linkedVpcs())[0]?.Status).toBe("RUNNING");
  const endpointAnswer = await cr("GetInstanceVpcEndpoint", { InstanceId: instanceId, ModuleName: "Registry" });
  expect(endpointAnswer).toMatchObject({ Enable: true, Domains: ["lab-registry-registry-vpc.cn-hangzhou.cr.aliyuncs.com"] });
  expect(lab().store.list(CR_KINDS.linkedVpc)[0]).toMatchObject({ InstanceId: instanceId, EnableCreateDNSRecordInPvzt: true });
});

test("ListInstanceEndpoint shows the link on the instance's VPC endpoint", async () => {
  await cr("CreateInstanceVpcEndpointLinkedVpc", { InstanceId: instanceId, ...link });
  const endpoints = (await cr("ListInstanceEndpoint", { InstanceId: instanceId, ModuleName: "Registry" })).Endpoints as Record<
    string,
    unknown
  >[];
  const vpc = endpoints.find((e) => e.EndpointType === "vpc");
  expect(vpc).toMatchObject({ Enable: true, Status: "RUNNING" });
  expect((vpc?.LinkedVpcs as Record<string, unknown>[]).map((l) => l.VpcId)).toEqual([link.VpcId]);
});

test("DeleteInstanceVpcEndpointLinkedVpc removes the link; deleting it again is INSTANCE_ACCESS_NOT_EXIST", async () => {
  await cr("CreateInstanceVpcEndpointLinkedVpc", { InstanceId: instanceId, ...link });
  expect(await cr("DeleteInstanceVpcEndpointLinkedVpc", { InstanceId: instanceId, ...link })).toMatchObject({ IsSuccess: true });
  expect(await linkedVpcs()).toEqual([]);
  const again = cr("DeleteInstanceVpcEndpointLinkedVpc", { InstanceId: instanceId, ...link });
  expect(await sdkError(again)).toMatchObject({ code: "INSTANCE_ACCESS_NOT_EXIST", statusCode: 404 });
});

test("refusals: an unknown instance, an unknown module, a VPC linked twice", async () => {
  expect(await sdkError(cr("GetInstanceVpcEndpoint", { InstanceId: "cri-nothere", ModuleName: "Registry" }))).toMatchObject({
    code: "INSTANCE_NOT_EXIST",
    statusCode: 404,
  });
  expect((await sdkError(cr("GetInstanceVpcEndpoint", { InstanceId: instanceId, ModuleName: "Images" }))).code).toBe("PARAM_INVALID");
  await cr("CreateInstanceVpcEndpointLinkedVpc", { InstanceId: instanceId, ...link });
  expect((await sdkError(cr("CreateInstanceVpcEndpointLinkedVpc", { InstanceId: instanceId, ...link }))).code).toMatch(
    /^CloudLab\.Unconfirmed\./,
  );
});
