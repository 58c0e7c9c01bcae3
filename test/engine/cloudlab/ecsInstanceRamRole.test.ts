// Instance RAM roles in the emulator, through the official ECS SDK (@alicloud/ecs20140526), the
// roles made through the official RAM SDK: attach, describe, detach, and the not-found codes the
// provider checks.
import Ecs, * as $Ecs from "@alicloud/ecs20140526";
import Ram, * as $Ram from "@alicloud/ram20150501";
import { KINDS } from "../../../tools/cloudlab/products/ecs/kinds";
import { seedInstance } from "../labSeeds";
import { sdkConfig, sdkError, useLab } from "../../support/labClients";

const TRUST = JSON.stringify({
  Version: "1",
  Statement: [{ Action: "sts:AssumeRole", Effect: "Allow", Principal: { Service: ["ecs.aliyuncs.com"] } }],
});

const lab = useLab({ perTest: true });
let ecs: Ecs;
let region: string;

beforeEach(async () => {
  ecs = new Ecs(sdkConfig(lab(), "ecs"));
  region = lab().store.region;
  const ram = new Ram(sdkConfig(lab(), "ram"));
  for (const roleName of ["app-role", "other-role"])
    await ram.createRole(new $Ram.CreateRoleRequest({ roleName, assumeRolePolicyDocument: TRUST }));
});

const attach = (instance: string, ramRoleName = "app-role"): Promise<$Ecs.AttachInstanceRamRoleResponse> =>
  ecs.attachInstanceRamRole(
    new $Ecs.AttachInstanceRamRoleRequest({ regionId: region, ramRoleName, instanceIds: JSON.stringify([instance]) }),
  );
const describe = (instance: string, ramRoleName?: string): Promise<$Ecs.DescribeInstanceRamRoleResponse> =>
  ecs.describeInstanceRamRole(
    new $Ecs.DescribeInstanceRamRoleRequest({ regionId: region, ramRoleName, instanceIds: JSON.stringify([instance]) }),
  );
const detach = (instance: string, ramRoleName = "app-role"): Promise<$Ecs.DetachInstanceRamRoleResponse> =>
  ecs.detachInstanceRamRole(
    new $Ecs.DetachInstanceRamRoleRequest({ regionId: region, ramRoleName, instanceIds: JSON.stringify([instance]) }),
  );

test("AttachInstanceRamRole answers one result per instance; the instance record and DescribeInstanceRamRole show the role", async () => {
  const instance = seedInstance(lab().store);
  const body = (await attach(instance)).body;
  expect(body).toMatchObject({ ramRoleName: "app-role", totalCount: 1, failCount: 0 });
  expect(body?.attachInstanceRamRoleResults?.attachInstanceRamRoleResult?.[0]).toMatchObject({
    instanceId: instance,
    success: true,
    code: "200",
  });
  expect(lab().store.get(KINDS.instance, instance)?.RamRoleName).toBe("app-role");
  const described = (await describe(instance, "app-role")).body;
  expect(described).toMatchObject({ regionId: region, totalCount: 1 });
  expect(described?.instanceRamRoleSets?.instanceRamRoleSet).toEqual([
    expect.objectContaining({ instanceId: instance, ramRoleName: "app-role" }),
  ]);
});

test("asked by instance alone, an instance without a role is listed with an empty role name", async () => {
  const instance = seedInstance(lab().store);
  const described = (await describe(instance)).body?.instanceRamRoleSets?.instanceRamRoleSet;
  expect(described).toEqual([expect.objectContaining({ instanceId: instance, ramRoleName: "" })]);
});

test("DetachInstanceRamRole removes the role; asked by role, the instance is no longer listed; a second detach fails for that instance", async () => {
  const instance = seedInstance(lab().store);
  await attach(instance);
  const body = (await detach(instance)).body;
  expect(body).toMatchObject({ totalCount: 1, failCount: 0 });
  expect(body?.detachInstanceRamRoleResults?.detachInstanceRamRoleResult?.[0]).toMatchObject({
    instanceId: instance,
    success: true,
    code: "200",
  });
  expect((await describe(instance, "app-role")).body?.instanceRamRoleSets?.instanceRamRoleSet).toEqual([]);
  expect((await detach(instance)).body).toMatchObject({ failCount: 1 });
});

test("not found, as the provider checks it: InvalidRamRole.NotFound for an unknown role, InvalidInstanceId.NotFound for an unknown instance", async () => {
  const instance = seedInstance(lab().store);
  expect(await sdkError(attach(instance, "nobody"))).toMatchObject({ code: "InvalidRamRole.NotFound", statusCode: 404 });
  expect(await sdkError(describe(instance, "nobody"))).toMatchObject({ code: "InvalidRamRole.NotFound", statusCode: 404 });
  expect(await sdkError(attach("i-bp1nothere"))).toMatchObject({ code: "InvalidInstanceId.NotFound", statusCode: 404 });
  expect(await sdkError(detach("i-bp1nothere"))).toMatchObject({ code: "InvalidInstanceId.NotFound", statusCode: 404 });
});

test("an instance holds one role: attaching another is refused (the service's code is not documented)", async () => {
  const instance = seedInstance(lab().store);
  await attach(instance);
  expect((await sdkError(attach(instance, "other-role"))).code).toMatch(/^CloudLab\.Unconfirmed\./);
  expect(lab().store.get(KINDS.instance, instance)?.RamRoleName).toBe("app-role");
});
