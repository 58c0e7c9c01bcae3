import { BackendInstances } from "../../../components/backendInstances";
import { findResource, resourcesOfType, runComponents, T } from "../../support/program";

const base = {
  vswitchIds: ["vsw-a", "vsw-b"],
  securityGroupId: "sg-1",
  imageId: "img-1",
  instanceType: "ecs.g7.large",
  userData: "#cloud-config\nruncmd: [echo hi]\n",
  readinessScript: "#!/bin/bash\nexit 0\n",
};

const decode = (b64: unknown) => Buffer.from(String(b64), "base64").toString("utf8");

describe("BackendInstances", () => {
  test("spreads instances round-robin over the vSwitches (zones)", async () => {
    const run = await runComponents(() => new BackendInstances("app", { ...base, count: 3 }));
    const instances = resourcesOfType(run, T.instance);
    expect(instances.map((i) => [i.name, i.inputs.vswitchId])).toEqual([
      ["app-0", "vsw-a"],
      ["app-1", "vsw-b"],
      ["app-2", "vsw-a"],
    ]);
  });

  test("instances get the user data (base64), no public IP, IMDS tokens required, an encrypted system disk, and the security group", async () => {
    const run = await runComponents(() => new BackendInstances("app", { ...base, count: 1 }));
    const instance = findResource(run, T.instance);
    expect(decode(instance.inputs.userData)).toBe(base.userData);
    expect(instance.inputs).toMatchObject({
      imageId: "img-1",
      instanceType: "ecs.g7.large",
      securityGroups: ["sg-1"],
      httpTokens: "required",
      instanceChargeType: "PostPaid",
      // No public IP, said outright (the API's default is 0 too); the ECS service key encrypts the disk.
      internetMaxBandwidthOut: 0,
      systemDiskEncrypted: true,
    });
    expect(instance.inputs.systemDiskKmsKeyId).toBeUndefined();
  });

  test("a user data change replaces instances instead of rebooting them all; a newer image does not", async () => {
    const run = await runComponents(() => new BackendInstances("app", { ...base, count: 2 }));
    for (const instance of resourcesOfType(run, T.instance)) {
      expect(instance.options.replaceOnChanges).toEqual(["userData"]);
      expect(instance.options.ignoreChanges).toEqual(["imageId"]);
      expect(instance.options.deleteBeforeReplace).toBeUndefined();
    }
    const lookedUp = await runComponents(() => new BackendInstances("app", { ...base, count: 1, instanceTypeLookedUp: true }));
    expect(findResource(lookedUp, T.instance).options.ignoreChanges).toEqual(["imageId", "instanceType"]);
  });

  test("each instance has a readiness check that runs the script and may take the whole timeout", async () => {
    const run = await runComponents(() => new BackendInstances("app", { ...base, count: 2, readinessTimeoutMinutes: 15 }));
    const command = findResource(run, T.command);
    expect(decode(command.inputs.commandContent)).toBe(base.readinessScript);
    expect(command.inputs).toMatchObject({ type: "RunShellScript", timeout: 900 });
    const invocations = resourcesOfType(run, T.invocation);
    const instances = resourcesOfType(run, T.instance);
    expect(invocations.map((i) => i.inputs.instanceIds)).toEqual(instances.map((i) => [i.id]));
    expect(invocations.every((i) => i.inputs.commandId === command.id)).toBe(true);
    expect(invocations.every((i) => i.options.customTimeouts?.create === "20m")).toBe(true);
  });

  test("rejects impossible counts before declaring anything", () => {
    expect(() => new BackendInstances("app", { ...base, count: 0 })).toThrow("count must be a whole number of at least 1 (got 0)");
    expect(() => new BackendInstances("app", { ...base, count: 1, vswitchIds: [] })).toThrow("vswitchIds is empty");
  });
});
