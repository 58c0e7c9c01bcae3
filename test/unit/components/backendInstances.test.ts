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
    // ECS allocates a public IP only for a bandwidth above 0 (resource_alicloud_instance.go;
    // allocate_public_ip is deprecated in its favour), and no EIP is bound either.
    expect(instance.inputs.allocatePublicIp ?? false).toBe(false);
    expect(run.resources.filter((r) => /:ecs\/eip|:eip\//i.test(r.type))).toEqual([]);
  });

  test("a user data, type, image or vSwitch change replaces instances instead of changing them all in place; looked-up values stay as created", async () => {
    const lookedUp = await runComponents(() => new BackendInstances("app", { ...base, count: 2 }));
    for (const instance of resourcesOfType(lookedUp, T.instance)) {
      expect(instance.options.replaceOnChanges).toEqual(["userData", "instanceType", "imageId", "vswitchId"]);
      expect(instance.options.ignoreChanges).toEqual(["imageId", "instanceType"]);
      expect(instance.options.deleteBeforeReplace).toBeUndefined();
    }
    const configured = await runComponents(
      () => new BackendInstances("app", { ...base, count: 1, imageConfigured: true, instanceTypeConfigured: true }),
    );
    expect(findResource(configured, T.instance).options.ignoreChanges).toBeUndefined();
    const typeOnly = await runComponents(() => new BackendInstances("app", { ...base, count: 1, instanceTypeConfigured: true }));
    expect(findResource(typeOnly, T.instance).options.ignoreChanges).toEqual(["imageId"]);
  });

  test("one readiness timeout drives the script's command timeout and pulumi up's wait, with room for a slow agent", async () => {
    const run = await runComponents(() => new BackendInstances("app", { ...base, count: 2, readinessTimeoutSeconds: 900 }));
    const command = findResource(run, T.command);
    expect(decode(command.inputs.commandContent)).toBe(base.readinessScript);
    // The script gives up at 900 s with its reason; Cloud Assistant allows a minute more; pulumi up waits
    // for that plus the delivery window.
    expect(command.inputs).toMatchObject({ type: "RunShellScript", timeout: 960 });
    const invocations = resourcesOfType(run, T.invocation);
    const instances = resourcesOfType(run, T.instance);
    expect(invocations.map((i) => i.inputs.instanceIds)).toEqual(instances.map((i) => [i.id]));
    expect(invocations.every((i) => i.inputs.commandId === command.id)).toBe(true);
    expect(invocations.every((i) => i.options.customTimeouts?.create === "18m")).toBe(true);
  });

  test("the gate waits for the Cloud Assistant agent after boot, and a failed gate is invoked afresh by the next up", async () => {
    const run = await runComponents(() => new BackendInstances("app", { ...base, count: 2 }));
    const graces = resourcesOfType(run, T.localCommand);
    expect(graces.map((g) => g.name)).toEqual(["app-0-agent-grace", "app-1-agent-grace"]);
    const instances = resourcesOfType(run, T.instance);
    graces.forEach((grace, i) => {
      expect(grace.inputs.create).toBe('node -e "setTimeout(() => {}, 60000)"');
      expect(grace.inputs.triggers).toEqual([instances[i].id]);
    });
    for (const [i, invocation] of resourcesOfType(run, T.invocation).entries()) {
      expect(invocation.options.dependsOn).toEqual([{ type: T.localCommand, name: `app-${i}-agent-grace` }]);
      // The provider fails an Aborted invocation at once; "*" turns the failed (tainted) one into a replacement.
      expect(invocation.options.replaceOnChanges).toEqual(["*"]);
    }
  });

  test("readiness checks and app restarts are retained on delete: Cloud Assistant forgets them, and the provider's Delete fails then", async () => {
    const appRestart = { script: "#!/bin/sh\nexit 0\n", trigger: "revision-1", timeoutSeconds: 660 };
    const run = await runComponents(() => new BackendInstances("app", { ...base, count: 2, appRestart }));
    const invocations = resourcesOfType(run, T.invocation);
    expect(invocations.map((i) => i.name)).toEqual(["app-0-ready", "app-1-ready", "app-0-restart", "app-1-restart"]);
    for (const invocation of invocations) expect([invocation.name, invocation.options.retainOnDelete]).toEqual([invocation.name, true]);
    // Nothing else is: the instances and the commands are deleted as usual.
    for (const other of run.resources.filter((r) => r.custom && r.type !== T.invocation))
      expect(other.options.retainOnDelete).toBeUndefined();
  });

  test("user data above ECS's 32 KB fails before anything is declared, naming the size and the limit", () => {
    const big = `#cloud-config\n# ${"x".repeat(33 * 1024)}\n`;
    expect(() => new BackendInstances("app", { ...base, count: 1, userData: big })).toThrow(
      /user data is 33\d{3} bytes, above the 32768 bytes \(before base64\) ECS accepts/,
    );
  });

  test("a readiness timeout outside 300-3600 s is refused", () => {
    expect(() => new BackendInstances("app", { ...base, count: 1, readinessTimeoutSeconds: 60 })).toThrow(
      "readinessTimeout must be whole seconds from 300 to 3600, got 60",
    );
  });

  test("rejects impossible counts before declaring anything", () => {
    expect(() => new BackendInstances("app", { ...base, count: 0 })).toThrow("count must be a whole number of at least 1 (got 0)");
    expect(() => new BackendInstances("app", { ...base, count: 1, vswitchIds: [] })).toThrow("vswitchIds is empty");
  });
});
