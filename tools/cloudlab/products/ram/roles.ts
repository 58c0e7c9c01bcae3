// RAM roles. Shapes read in terraform-provider-alicloud v1.285.0:
// - alicloud/resource_alicloud_ram_role.go: CreateRole (RoleName, Description, MaxSessionDuration,
//   AssumeRolePolicyDocument, Tag as JSON) and the id taken from `Role.RoleName` of its answer;
//   UpdateRole (NewDescription, NewMaxSessionDuration, NewAssumeRolePolicyDocument); DeleteRole,
//   retried while it answers DeleteConflict.Role.Policy, done when EntityNotExist.Role.
// - alicloud/service_alicloud_ram_v2.go DescribeRamRole: GetRole, `$.Role` with Arn,
//   AssumeRolePolicyDocument, CreateDate, Description, MaxSessionDuration (a number), RoleId,
//   RoleName; EntityNotExist.Role is not-found.
// The Node SDK model @alicloud/ram20150501 (GetRoleResponseBodyRole, CreateRoleResponseBodyRole)
// has the same fields, plus UpdateDate. Errors: the RAM API reference (CreateRole, DeleteRole,
// UpdateRole): 409 EntityAlreadyExists.Role, 404 EntityNotExist.Role, 409 DeleteConflict.Role.Policy.
import { randomInt } from "node:crypto";
import { ApiError } from "../../apiError";
import type { Params } from "../../params";
import type { RpcHandler } from "../../rpc";
import type { LabRecord } from "../../store";
import { apiTime } from "../ecs/apiTime";
import { RAM_KINDS, checkName, conflict, mustRole } from "./kinds";
import { tagParameter } from "./tags";

/** The fields GetRole answers (the record also keeps its Tags, which ListTagResources answers). */
const ROLE_FIELDS = [
  "RoleId",
  "RoleName",
  "Arn",
  "Description",
  "AssumeRolePolicyDocument",
  "CreateDate",
  "UpdateDate",
  "MaxSessionDuration",
];

function roleView(record: LabRecord): Record<string, unknown> {
  return Object.fromEntries(ROLE_FIELDS.map((f) => [f, record[f]]));
}

/** A policy document is JSON; RAM answers MalformedPolicyDocument otherwise (RAM error list). */
export function policyDocument(params: Params, name: string, required = true): string | undefined {
  const value = required ? params.required(name) : params.get(name);
  if (value === undefined) return undefined;
  try {
    JSON.parse(value);
  } catch {
    throw new ApiError("MalformedPolicyDocument", `The parameter - "${name}" is not a valid JSON document.`);
  }
  return value;
}

/** MaxSessionDuration: 3600 to 43200 seconds, 3600 by default (CreateRole in the RAM API reference). */
function sessionDuration(params: Params, name: string): number | undefined {
  const value = params.int(name);
  if (value !== undefined && (value < 3600 || value > 43200)) {
    throw new ApiError("InvalidParameter.MaxSessionDuration", `The parameter - "${name}" must be between 3600 and 43200.`);
  }
  return value;
}

/** RoleId: a number of 15 to 19 digits in the reference's examples ("901234567890123"). */
function roleId(): string {
  return Array.from({ length: 18 }, (_, i) => String(randomInt(i === 0 ? 1 : 0, 10))).join("");
}

const createRole: RpcHandler = ({ params, store }) => {
  const name = params.required("RoleName");
  checkName("RoleName", name);
  if (store.get(RAM_KINDS.role, name)) throw conflict("EntityAlreadyExists.Role", "The role does already EXIST.");
  const now = apiTime();
  const record = store.create(RAM_KINDS.role, name, {
    RoleId: roleId(),
    RoleName: name,
    // Unconfirmed: the reference's examples show the name as given ("role/ECSAdmin").
    Arn: `acs:ram::${store.accountId}:role/${name}`,
    Description: params.get("Description") ?? "",
    AssumeRolePolicyDocument: policyDocument(params, "AssumeRolePolicyDocument"),
    CreateDate: now,
    UpdateDate: now,
    MaxSessionDuration: sessionDuration(params, "MaxSessionDuration") ?? 3600,
    Tags: tagParameter(params),
  });
  return { Role: roleView(record) };
};

const getRole: RpcHandler = ({ params, store }) => ({ Role: roleView(mustRole(store, params.required("RoleName"))) });

const updateRole: RpcHandler = ({ params, store }) => {
  const name = params.required("RoleName");
  const record = mustRole(store, name);
  const patch: LabRecord = { UpdateDate: apiTime() };
  const document = policyDocument(params, "NewAssumeRolePolicyDocument", false);
  if (document !== undefined) patch.AssumeRolePolicyDocument = document;
  if (params.values.NewDescription !== undefined) patch.Description = params.values.NewDescription;
  const duration = sessionDuration(params, "NewMaxSessionDuration");
  if (duration !== undefined) patch.MaxSessionDuration = duration;
  store.update(RAM_KINDS.role, name, patch);
  return { Role: roleView(record) };
};

const deleteRole: RpcHandler = ({ params, store }) => {
  const name = params.required("RoleName");
  mustRole(store, name);
  if (store.list(RAM_KINDS.rolePolicy).some((a) => a.RoleName === name)) {
    throw conflict("DeleteConflict.Role.Policy", "The role CAN NOT has any attached policy while deleting the role.");
  }
  store.delete(RAM_KINDS.role, name);
  return {};
};

export const roleActions: Record<string, RpcHandler> = {
  CreateRole: createRole,
  GetRole: getRole,
  UpdateRole: updateRole,
  DeleteRole: deleteRole,
};
