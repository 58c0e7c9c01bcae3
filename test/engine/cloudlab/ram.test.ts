// RAM in the emulator, through the official Node SDK (@alicloud/ram20150501): each action's typed
// answer, and each refusal with the code and HTTP status the RAM API reference gives.
import Ram, * as $Ram from "@alicloud/ram20150501";
import { RAM_KINDS } from "../../../tools/cloudlab/products/ram";
import { sdkConfig, sdkError, useLab } from "../../support/labClients";

const TRUST = JSON.stringify({
  Version: "1",
  Statement: [{ Action: "sts:AssumeRole", Effect: "Allow", Principal: { Service: ["ecs.aliyuncs.com"] } }],
});
const doc = (action: string): string =>
  JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: [action], Resource: ["*"] }] });

const lab = useLab({ perTest: true });
let ram: Ram;

beforeEach(() => {
  ram = new Ram(sdkConfig(lab(), "ram"));
});

const createRole = (roleName = "app-role"): Promise<$Ram.CreateRoleResponse> =>
  ram.createRole(
    new $Ram.CreateRoleRequest({
      roleName,
      assumeRolePolicyDocument: TRUST,
      description: "app",
      tag: [new $Ram.CreateRoleRequestTag({ key: "stack", value: "lab" })],
    }),
  );
const createPolicy = (policyName = "app-policy"): Promise<$Ram.CreatePolicyResponse> =>
  ram.createPolicy(
    new $Ram.CreatePolicyRequest({ policyName, policyDocument: doc("oos:GetSecretParameter"), description: "reads secrets" }),
  );
const attach = (): Promise<$Ram.AttachPolicyToRoleResponse> =>
  ram.attachPolicyToRole(new $Ram.AttachPolicyToRoleRequest({ policyType: "Custom", policyName: "app-policy", roleName: "app-role" }));

describe("roles", () => {
  test("CreateRole answers the role with an 18-digit RoleId, its ARN and the default session length; GetRole reads it back", async () => {
    const created = (await createRole()).body?.role;
    expect(created?.roleId).toMatch(/^\d{18}$/);
    expect(created?.arn).toBe(`acs:ram::${lab().store.accountId}:role/app-role`);
    expect(created?.maxSessionDuration).toBe(3600);
    expect(created?.createDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const read = (await ram.getRole(new $Ram.GetRoleRequest({ roleName: "app-role" }))).body?.role;
    expect(read).toMatchObject({
      roleId: created?.roleId,
      roleName: "app-role",
      description: "app",
      assumeRolePolicyDocument: TRUST,
      maxSessionDuration: 3600,
    });
  });

  test("UpdateRole changes the description, the trust policy and the session length", async () => {
    await createRole();
    const trust = TRUST.replace("ecs.aliyuncs.com", "fc.aliyuncs.com");
    await ram.updateRole(
      new $Ram.UpdateRoleRequest({
        roleName: "app-role",
        newDescription: "changed",
        newAssumeRolePolicyDocument: trust,
        newMaxSessionDuration: 7200,
      }),
    );
    const read = (await ram.getRole(new $Ram.GetRoleRequest({ roleName: "app-role" }))).body?.role;
    expect(read).toMatchObject({ description: "changed", assumeRolePolicyDocument: trust, maxSessionDuration: 7200 });
  });

  test("refusals: an unknown role, a name taken, a session too long, a trust policy that is not JSON", async () => {
    expect(await sdkError(ram.getRole(new $Ram.GetRoleRequest({ roleName: "nobody" })))).toMatchObject({
      code: "EntityNotExist.Role",
      statusCode: 404,
    });
    await createRole();
    expect(await sdkError(createRole())).toMatchObject({ code: "EntityAlreadyExists.Role", statusCode: 409 });
    const long = ram.updateRole(new $Ram.UpdateRoleRequest({ roleName: "app-role", newMaxSessionDuration: 50000 }));
    expect((await sdkError(long)).code).toBe("InvalidParameter.MaxSessionDuration");
    const malformed = ram.createRole(new $Ram.CreateRoleRequest({ roleName: "other", assumeRolePolicyDocument: "{not json" }));
    expect(await sdkError(malformed)).toMatchObject({ code: "MalformedPolicyDocument", statusCode: 400 });
  });

  test("DeleteRole is refused while a policy is attached (DeleteConflict.Role.Policy), then deletes", async () => {
    await createRole();
    await createPolicy();
    await attach();
    expect(await sdkError(ram.deleteRole(new $Ram.DeleteRoleRequest({ roleName: "app-role" })))).toMatchObject({
      code: "DeleteConflict.Role.Policy",
      statusCode: 409,
    });
    await ram.detachPolicyFromRole(
      new $Ram.DetachPolicyFromRoleRequest({ policyType: "Custom", policyName: "app-policy", roleName: "app-role" }),
    );
    await ram.deleteRole(new $Ram.DeleteRoleRequest({ roleName: "app-role" }));
    expect(lab().store.list(RAM_KINDS.role)).toEqual([]);
    expect(await sdkError(ram.deleteRole(new $Ram.DeleteRoleRequest({ roleName: "app-role" })))).toMatchObject({
      code: "EntityNotExist.Role",
      statusCode: 404,
    });
  });
});

describe("policies and versions", () => {
  test("CreatePolicy makes v1 the default; GetPolicy answers it with the attachment count as a number", async () => {
    const created = (await createPolicy()).body?.policy;
    expect(created).toMatchObject({ policyName: "app-policy", policyType: "Custom", defaultVersion: "v1", description: "reads secrets" });
    const read = (await ram.getPolicy(new $Ram.GetPolicyRequest({ policyName: "app-policy", policyType: "Custom" }))).body;
    expect(read?.policy).toMatchObject({ policyName: "app-policy", defaultVersion: "v1", attachmentCount: 0 });
    expect(read?.defaultPolicyVersion).toMatchObject({
      versionId: "v1",
      isDefaultVersion: true,
      policyDocument: doc("oos:GetSecretParameter"),
    });
    const version = (
      await ram.getPolicyVersion(new $Ram.GetPolicyVersionRequest({ policyName: "app-policy", policyType: "Custom", versionId: "v1" }))
    ).body;
    expect(version?.policyVersion).toMatchObject({ versionId: "v1", isDefaultVersion: true });
  });

  test("five versions at most: the sixth is refused unless the oldest non-default one is rotated out", async () => {
    await createPolicy();
    for (const action of ["a:1", "a:2", "a:3", "a:4"]) {
      await ram.createPolicyVersion(
        new $Ram.CreatePolicyVersionRequest({ policyName: "app-policy", policyDocument: doc(action), setAsDefault: true }),
      );
    }
    const sixth = new $Ram.CreatePolicyVersionRequest({
      policyName: "app-policy",
      policyDocument: doc("a:5"),
      setAsDefault: true,
      rotateStrategy: "None",
    });
    expect(await sdkError(ram.createPolicyVersion(sixth))).toMatchObject({ code: "LimitExceeded.Policy.Version", statusCode: 409 });
    sixth.rotateStrategy = "DeleteOldestNonDefaultVersionWhenLimitExceeded";
    expect((await ram.createPolicyVersion(sixth)).body?.policyVersion).toMatchObject({
      versionId: "v6",
      isDefaultVersion: true,
      policyDocument: doc("a:5"),
    });
    const listed = (await ram.listPolicyVersions(new $Ram.ListPolicyVersionsRequest({ policyName: "app-policy", policyType: "Custom" })))
      .body;
    const versions = listed?.policyVersions?.policyVersion ?? [];
    expect(versions.map((v) => [v.versionId, v.isDefaultVersion])).toEqual([
      ["v2", false],
      ["v3", false],
      ["v4", false],
      ["v5", false],
      ["v6", true],
    ]);
    const read = (await ram.getPolicy(new $Ram.GetPolicyRequest({ policyName: "app-policy", policyType: "Custom" }))).body;
    expect(read?.policy?.defaultVersion).toBe("v6");
  });

  test("DeletePolicyVersion removes a version, never the default one", async () => {
    await createPolicy();
    await ram.createPolicyVersion(
      new $Ram.CreatePolicyVersionRequest({ policyName: "app-policy", policyDocument: doc("a:2"), setAsDefault: false }),
    );
    const dropDefault = ram.deletePolicyVersion(new $Ram.DeletePolicyVersionRequest({ policyName: "app-policy", versionId: "v1" }));
    expect(await sdkError(dropDefault)).toMatchObject({ code: "DeleteConflict.Policy.Version.Default", statusCode: 409 });
    await ram.deletePolicyVersion(new $Ram.DeletePolicyVersionRequest({ policyName: "app-policy", versionId: "v2" }));
    const gone = ram.getPolicyVersion(
      new $Ram.GetPolicyVersionRequest({ policyName: "app-policy", policyType: "Custom", versionId: "v2" }),
    );
    expect(await sdkError(gone)).toMatchObject({ code: "EntityNotExist.Policy.Version", statusCode: 404 });
  });

  test("UpdatePolicyDescription changes the description", async () => {
    await createPolicy();
    const updated = await ram.updatePolicyDescription(
      new $Ram.UpdatePolicyDescriptionRequest({ policyName: "app-policy", newDescription: "new words" }),
    );
    expect(updated.body?.policy?.description).toBe("new words");
  });

  test("DeletePolicy: refused while attached and while other versions exist without CascadingDelete; then the policy and its versions go", async () => {
    await createRole();
    await createPolicy();
    await ram.createPolicyVersion(
      new $Ram.CreatePolicyVersionRequest({ policyName: "app-policy", policyDocument: doc("a:2"), setAsDefault: true }),
    );
    await attach();
    const attachedCount = (await ram.getPolicy(new $Ram.GetPolicyRequest({ policyName: "app-policy", policyType: "Custom" }))).body?.policy
      ?.attachmentCount;
    expect(attachedCount).toBe(1);
    const cascading = new $Ram.DeletePolicyRequest({ policyName: "app-policy", cascadingDelete: true });
    expect(await sdkError(ram.deletePolicy(cascading))).toMatchObject({ code: "DeleteConflict.Role.Policy", statusCode: 409 });
    await ram.detachPolicyFromRole(
      new $Ram.DetachPolicyFromRoleRequest({ policyType: "Custom", policyName: "app-policy", roleName: "app-role" }),
    );
    const plain = new $Ram.DeletePolicyRequest({ policyName: "app-policy" });
    expect(await sdkError(ram.deletePolicy(plain))).toMatchObject({ code: "DeleteConflict.Policy.Version", statusCode: 409 });
    await ram.deletePolicy(cascading);
    expect(lab().store.list(RAM_KINDS.policy)).toEqual([]);
    expect(lab().store.list(RAM_KINDS.policyVersion)).toEqual([]);
    const gone = ram.getPolicy(new $Ram.GetPolicyRequest({ policyName: "app-policy", policyType: "Custom" }));
    expect(await sdkError(gone)).toMatchObject({ code: "EntityNotExist.Policy", statusCode: 404 });
  });

  test("the lab account holds no system policy: asking for one is EntityNotExist.Policy", async () => {
    await createPolicy();
    const system = ram.getPolicy(new $Ram.GetPolicyRequest({ policyName: "app-policy", policyType: "System" }));
    expect(await sdkError(system)).toMatchObject({ code: "EntityNotExist.Policy", statusCode: 404 });
  });
});

describe("policies attached to roles", () => {
  test("AttachPolicyToRole, ListPoliciesForRole, DetachPolicyFromRole; a second attach and a second detach are refused", async () => {
    await createRole();
    await createPolicy();
    await attach();
    expect(await sdkError(attach())).toMatchObject({ code: "EntityAlreadyExists.Role.Policy", statusCode: 409 });
    const listed =
      (await ram.listPoliciesForRole(new $Ram.ListPoliciesForRoleRequest({ roleName: "app-role" }))).body?.policies?.policy ?? [];
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ policyName: "app-policy", policyType: "Custom", defaultVersion: "v1", description: "reads secrets" });
    expect(listed[0]?.attachDate).toMatch(/Z$/);
    const detach = (): Promise<unknown> =>
      ram.detachPolicyFromRole(
        new $Ram.DetachPolicyFromRoleRequest({ policyType: "Custom", policyName: "app-policy", roleName: "app-role" }),
      );
    await detach();
    expect(await sdkError(detach())).toMatchObject({ code: "EntityNotExist.Role.Policy", statusCode: 404 });
    expect((await ram.listPoliciesForRole(new $Ram.ListPoliciesForRoleRequest({ roleName: "app-role" }))).body?.policies?.policy).toEqual(
      [],
    );
  });

  test("attaching needs both ends: an unknown role or policy is not found", async () => {
    await createPolicy();
    expect(await sdkError(attach())).toMatchObject({ code: "EntityNotExist.Role", statusCode: 404 });
    await ram.deletePolicy(new $Ram.DeletePolicyRequest({ policyName: "app-policy", cascadingDelete: true }));
    await createRole();
    expect(await sdkError(attach())).toMatchObject({ code: "EntityNotExist.Policy", statusCode: 404 });
    const unknownRole = ram.listPoliciesForRole(new $Ram.ListPoliciesForRoleRequest({ roleName: "nobody" }));
    expect(await sdkError(unknownRole)).toMatchObject({ code: "EntityNotExist.Role", statusCode: 404 });
  });
});

describe("tags", () => {
  test("ListTagResources answers a flat list; TagResources adds and UntagResources removes", async () => {
    await createRole();
    const list = async (): Promise<[string | undefined, string | undefined][]> =>
      (
        (await ram.listTagResources(new $Ram.ListTagResourcesRequest({ resourceType: "role", resourceNames: ["app-role"] }))).body
          ?.tagResources ?? []
      )
        .map((t): [string | undefined, string | undefined] => [t.tagKey, t.tagValue])
        .sort();
    expect(await list()).toEqual([["stack", "lab"]]);
    await ram.tagResources(
      new $Ram.TagResourcesRequest({
        resourceType: "role",
        resourceNames: ["app-role"],
        tag: [new $Ram.TagResourcesRequestTag({ key: "team", value: "web" })],
      }),
    );
    expect(await list()).toEqual([
      ["stack", "lab"],
      ["team", "web"],
    ]);
    await ram.untagResources(new $Ram.UntagResourcesRequest({ resourceType: "role", resourceNames: ["app-role"], tagKeys: ["stack"] }));
    expect(await list()).toEqual([["team", "web"]]);
  });
});
