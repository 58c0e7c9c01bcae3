// Policies attached to roles. Shapes read in terraform-provider-alicloud v1.285.0:
// - alicloud/resource_alicloud_ram_role_policy_attachment.go: AttachPolicyToRole (PolicyType,
//   PolicyName, RoleName), id `role:<PolicyName>:<PolicyType>:<RoleName>`; Delete is
//   DetachPolicyFromRole, done on EntityNotExist.Role, EntityNotExist.Role.Policy or any 404.
// - alicloud/service_alicloud_ram_v2.go DescribeRamRolePolicyAttachment: ListPoliciesForRole,
//   `$.Policies.Policy[*]` matched on PolicyName and PolicyType; an empty list or no match is
//   not-found, and so is EntityNotExist.Role.
// The Node SDK model @alicloud/ram20150501 ListPoliciesForRoleResponseBody: Policies.Policy[]
// {PolicyName, PolicyType, Description, DefaultVersion, AttachDate}. Errors, RAM API reference
// (AttachPolicyToRole, DetachPolicyFromRole) and error list: 404 EntityNotExist.Role,
// EntityNotExist.Policy, EntityNotExist.Role.Policy; 409 EntityAlreadyExists.Role.Policy; 409
// LimitExceeded.Role.Policy past 5 custom policies on a role.
import { notFound } from "../../apiError";
import type { RpcHandler } from "../../rpc";
import { apiTime } from "../ecs/apiTime";
import { RAM_KINDS, attachmentKey, conflict, mustPolicy, mustRole } from "./kinds";

const MAX_CUSTOM_PER_ROLE = 5;

const attachPolicyToRole: RpcHandler = ({ params, store }) => {
  const type = params.required("PolicyType");
  const policy = mustPolicy(store, params.required("PolicyName"), type);
  const role = mustRole(store, params.required("RoleName"));
  const key = attachmentKey(String(role.RoleName), type, String(policy.PolicyName));
  if (store.get(RAM_KINDS.rolePolicy, key))
    throw conflict("EntityAlreadyExists.Role.Policy", "The role has already been attached this policy.");
  const held = store.list(RAM_KINDS.rolePolicy).filter((a) => a.RoleName === role.RoleName && a.PolicyType === type);
  if (held.length >= MAX_CUSTOM_PER_ROLE)
    throw conflict("LimitExceeded.Role.Policy", "The count of policies attached to the role beyond the current limits.");
  store.create(RAM_KINDS.rolePolicy, key, {
    RoleName: role.RoleName,
    PolicyName: policy.PolicyName,
    PolicyType: type,
    AttachDate: apiTime(),
  });
  return {};
};

const detachPolicyFromRole: RpcHandler = ({ params, store }) => {
  const role = mustRole(store, params.required("RoleName"));
  const key = attachmentKey(String(role.RoleName), params.required("PolicyType"), params.required("PolicyName"));
  store.must(RAM_KINDS.rolePolicy, key, () => notFound("EntityNotExist.Role.Policy", "The policy is not attached to the role."));
  store.delete(RAM_KINDS.rolePolicy, key);
  return {};
};

const listPoliciesForRole: RpcHandler = ({ params, store }) => {
  const role = mustRole(store, params.required("RoleName"));
  const policies = store
    .list(RAM_KINDS.rolePolicy)
    .filter((a) => a.RoleName === role.RoleName)
    .map((a) => {
      const policy = store.get(RAM_KINDS.policy, String(a.PolicyName)) ?? {};
      return {
        PolicyName: a.PolicyName,
        PolicyType: a.PolicyType,
        Description: policy.Description,
        DefaultVersion: policy.DefaultVersion,
        AttachDate: a.AttachDate,
      };
    });
  return { Policies: { Policy: policies } };
};

export const attachmentActions: Record<string, RpcHandler> = {
  AttachPolicyToRole: attachPolicyToRole,
  DetachPolicyFromRole: detachPolicyFromRole,
  ListPoliciesForRole: listPoliciesForRole,
};
