// Custom RAM policies and their versions. Shapes read in terraform-provider-alicloud v1.285.0:
// - alicloud/resource_alicloud_ram_policy.go: CreatePolicy (PolicyName, Description, PolicyDocument,
//   Tag as JSON; id from `Policy.PolicyName`); an Update of the document is CreatePolicyVersion with
//   SetAsDefault=true and RotateStrategy, of the description UpdatePolicyDescription; Delete is
//   DeletePolicy with CascadingDelete=true, retried while it answers DeleteConflict.Policy.Group,
//   .User, .Version or DeleteConflict.Role.Policy, done on EntityNotExist; with `force` it first
//   detaches every entity (ListEntitiesForPolicy) and deletes the other versions
//   (ListPolicyVersions, DeletePolicyVersion).
// - alicloud/service_alicloud_ram_v2.go DescribeRamPolicy: GetPolicy with PolicyType=Custom, reading
//   `$.DefaultPolicyVersion.{PolicyDocument, VersionId}` and `$.Policy.{CreateDate, Description,
//   PolicyName, DefaultVersion, AttachmentCount, PolicyType}`; EntityNotExist.Policy is not-found.
// The Node SDK model @alicloud/ram20150501 (GetPolicyResponseBody, CreatePolicyVersionResponseBody,
// ListPolicyVersionsResponseBody: PolicyVersions.PolicyVersion[]) has the same names; AttachmentCount
// is a number, IsDefaultVersion a boolean. Limits and errors, RAM API reference and error list:
// at most 5 versions (409 LimitExceeded.Policy.Version), a document of at most 6144 characters
// (400 InvalidParameter.PolicyDocument.Length), 404 EntityNotExist.Policy.Version, 409
// DeleteConflict.Policy.Version.Default, 409 DeleteConflict.Policy.Version; CascadingDelete deletes
// every version with the policy.
import { ApiError, notFound } from "../../apiError";
import type { Params } from "../../params";
import type { RpcHandler } from "../../rpc";
import type { LabRecord, LabStore } from "../../store";
import { apiTime } from "../ecs/apiTime";
import { RAM_KINDS, checkName, conflict, mustPolicy, versionKey } from "./kinds";
import { policyDocument } from "./roles";
import { tagParameter } from "./tags";

const MAX_VERSIONS = 5;
const MAX_DOCUMENT = 6144;

const versionNotFound = (): ApiError => notFound("EntityNotExist.Policy.Version", "The policy version does not exist.");

function document(params: Params): string {
  const value = policyDocument(params, "PolicyDocument") as string;
  if (value.length > MAX_DOCUMENT) {
    throw new ApiError(
      "InvalidParameter.PolicyDocument.Length",
      `The maximum length of the policy document is exceeded. It must not exceed ${MAX_DOCUMENT} characters.`,
    );
  }
  return value;
}

/** The policy's versions, oldest first. */
function versions(store: LabStore, policyName: string): LabRecord[] {
  return store
    .list(RAM_KINDS.policyVersion)
    .filter((v) => v.PolicyName === policyName)
    .sort((a, b) => Number(String(a.VersionId).slice(1)) - Number(String(b.VersionId).slice(1)));
}

function versionView(v: LabRecord): Record<string, unknown> {
  return { VersionId: v.VersionId, IsDefaultVersion: v.IsDefaultVersion, PolicyDocument: v.PolicyDocument, CreateDate: v.CreateDate };
}

function policyView(store: LabStore, p: LabRecord): Record<string, unknown> {
  const attached = store.list(RAM_KINDS.rolePolicy).filter((a) => a.PolicyType === "Custom" && a.PolicyName === p.PolicyName).length;
  const current = store.get(RAM_KINDS.policyVersion, versionKey(String(p.PolicyName), String(p.DefaultVersion)));
  return {
    PolicyName: p.PolicyName,
    PolicyType: p.PolicyType,
    Description: p.Description,
    DefaultVersion: p.DefaultVersion,
    CreateDate: p.CreateDate,
    UpdateDate: p.UpdateDate,
    AttachmentCount: attached,
    PolicyDocument: current?.PolicyDocument,
  };
}

/** Adds version v<n+1>; `asDefault` makes it the one in force. */
function addVersion(store: LabStore, policy: LabRecord, text: string, asDefault: boolean): LabRecord {
  const name = String(policy.PolicyName);
  const versionId = `v${Number(policy._lastVersion ?? 0) + 1}`;
  const now = apiTime();
  if (asDefault) {
    for (const v of versions(store, name))
      if (v.IsDefaultVersion) store.update(RAM_KINDS.policyVersion, versionKey(name, String(v.VersionId)), { IsDefaultVersion: false });
  }
  const version = store.create(RAM_KINDS.policyVersion, versionKey(name, versionId), {
    PolicyName: name,
    VersionId: versionId,
    IsDefaultVersion: asDefault,
    PolicyDocument: text,
    CreateDate: now,
  });
  store.update(RAM_KINDS.policy, name, {
    _lastVersion: Number(versionId.slice(1)),
    UpdateDate: now,
    ...(asDefault ? { DefaultVersion: versionId } : {}),
  });
  return version;
}

const createPolicy: RpcHandler = ({ params, store }) => {
  const name = params.required("PolicyName");
  checkName("PolicyName", name);
  const text = document(params);
  if (store.get(RAM_KINDS.policy, name)) throw conflict("EntityAlreadyExists.Policy", "The policy does already EXIST.");
  const now = apiTime();
  const policy = store.create(RAM_KINDS.policy, name, {
    PolicyName: name,
    PolicyType: "Custom",
    Description: params.get("Description") ?? "",
    DefaultVersion: "v1",
    CreateDate: now,
    UpdateDate: now,
    Tags: tagParameter(params),
  });
  addVersion(store, policy, text, true);
  return {
    Policy: {
      PolicyName: name,
      PolicyType: "Custom",
      Description: policy.Description,
      DefaultVersion: policy.DefaultVersion,
      CreateDate: now,
    },
  };
};

const getPolicy: RpcHandler = ({ params, store }) => {
  const policy = mustPolicy(store, params.required("PolicyName"), params.required("PolicyType"));
  const current = store.must(
    RAM_KINDS.policyVersion,
    versionKey(String(policy.PolicyName), String(policy.DefaultVersion)),
    versionNotFound,
  );
  return { Policy: policyView(store, policy), DefaultPolicyVersion: versionView(current) };
};

const updatePolicyDescription: RpcHandler = ({ params, store }) => {
  const policy = mustPolicy(store, params.required("PolicyName"));
  store.update(RAM_KINDS.policy, String(policy.PolicyName), { Description: params.values.NewDescription ?? "", UpdateDate: apiTime() });
  const { AttachmentCount: _count, PolicyDocument: _document, ...view } = policyView(store, policy);
  return { Policy: view };
};

const getPolicyVersion: RpcHandler = ({ params, store }) => {
  const policy = mustPolicy(store, params.required("PolicyName"), params.required("PolicyType"));
  const version = store.must(RAM_KINDS.policyVersion, versionKey(String(policy.PolicyName), params.required("VersionId")), versionNotFound);
  return { PolicyVersion: versionView(version) };
};

const listPolicyVersions: RpcHandler = ({ params, store }) => {
  const policy = mustPolicy(store, params.required("PolicyName"), params.required("PolicyType"));
  return { PolicyVersions: { PolicyVersion: versions(store, String(policy.PolicyName)).map(versionView) } };
};

const createPolicyVersion: RpcHandler = ({ params, store }) => {
  const policy = mustPolicy(store, params.required("PolicyName"));
  const name = String(policy.PolicyName);
  const text = document(params);
  const rotate = params.get("RotateStrategy") ?? "None";
  if (rotate !== "None" && rotate !== "DeleteOldestNonDefaultVersionWhenLimitExceeded") {
    throw new ApiError("InvalidParameter.RotateStrategy", `The parameter - "RotateStrategy" is incorrect: ${rotate}.`);
  }
  const held = versions(store, name);
  if (held.length >= MAX_VERSIONS) {
    const oldest = held.find((v) => !v.IsDefaultVersion);
    if (rotate === "None" || !oldest)
      throw conflict("LimitExceeded.Policy.Version", "The count of policy version beyond the current limits.");
    store.delete(RAM_KINDS.policyVersion, versionKey(name, String(oldest.VersionId)));
  }
  return { PolicyVersion: versionView(addVersion(store, policy, text, params.bool("SetAsDefault") === true)) };
};

const setDefaultPolicyVersion: RpcHandler = ({ params, store }) => {
  const policy = mustPolicy(store, params.required("PolicyName"));
  const name = String(policy.PolicyName);
  const wanted = store.must(RAM_KINDS.policyVersion, versionKey(name, params.required("VersionId")), versionNotFound);
  for (const v of versions(store, name))
    store.update(RAM_KINDS.policyVersion, versionKey(name, String(v.VersionId)), { IsDefaultVersion: v === wanted });
  store.update(RAM_KINDS.policy, name, { DefaultVersion: wanted.VersionId, UpdateDate: apiTime() });
  return {};
};

const deletePolicyVersion: RpcHandler = ({ params, store }) => {
  const policy = mustPolicy(store, params.required("PolicyName"));
  const key = versionKey(String(policy.PolicyName), params.required("VersionId"));
  const version = store.must(RAM_KINDS.policyVersion, key, versionNotFound);
  if (version.IsDefaultVersion)
    throw conflict("DeleteConflict.Policy.Version.Default", "The default policy version CAN NOT been deleted directly.");
  store.delete(RAM_KINDS.policyVersion, key);
  return {};
};

const deletePolicy: RpcHandler = ({ params, store }) => {
  const policy = mustPolicy(store, params.required("PolicyName"));
  const name = String(policy.PolicyName);
  if (store.list(RAM_KINDS.rolePolicy).some((a) => a.PolicyType === "Custom" && a.PolicyName === name)) {
    // Unconfirmed: the reference documents the User and Group conflicts only; the provider retries
    // DeletePolicy on DeleteConflict.Role.Policy (resource_alicloud_ram_policy.go), the code taken here.
    throw conflict("DeleteConflict.Role.Policy", "The policy CAN NOT been attached to any role while deleting the policy.");
  }
  const others = versions(store, name).filter((v) => !v.IsDefaultVersion);
  if (others.length > 0 && params.bool("CascadingDelete") !== true) {
    throw conflict("DeleteConflict.Policy.Version", "The policy CAN NOT has any version except the default version.");
  }
  for (const v of versions(store, name)) store.delete(RAM_KINDS.policyVersion, versionKey(name, String(v.VersionId)));
  store.delete(RAM_KINDS.policy, name);
  return {};
};

/** Only roles hold policies in the lab account: Users and Groups are always empty. */
const listEntitiesForPolicy: RpcHandler = ({ params, store }) => {
  const policy = mustPolicy(store, params.required("PolicyName"), params.required("PolicyType"));
  const roles = store
    .list(RAM_KINDS.rolePolicy)
    .filter((a) => a.PolicyType === policy.PolicyType && a.PolicyName === policy.PolicyName)
    .map((a) => {
      const role = store.get(RAM_KINDS.role, String(a.RoleName)) ?? {};
      return { RoleName: a.RoleName, RoleId: role.RoleId, Arn: role.Arn, Description: role.Description, AttachDate: a.AttachDate };
    });
  return { Roles: { Role: roles }, Users: { User: [] }, Groups: { Group: [] } };
};

export const policyActions: Record<string, RpcHandler> = {
  CreatePolicy: createPolicy,
  GetPolicy: getPolicy,
  UpdatePolicyDescription: updatePolicyDescription,
  GetPolicyVersion: getPolicyVersion,
  ListPolicyVersions: listPolicyVersions,
  CreatePolicyVersion: createPolicyVersion,
  SetDefaultPolicyVersion: setDefaultPolicyVersion,
  DeletePolicyVersion: deletePolicyVersion,
  DeletePolicy: deletePolicy,
  ListEntitiesForPolicy: listEntitiesForPolicy,
};
