// What RAM keeps in the store, under the API's own field names, and the errors it answers when a
// name is unknown. Codes and HTTP statuses: the RAM error list (EntityNotExist.* 404,
// EntityAlreadyExists.* / DeleteConflict.* / LimitExceeded.* 409), as the RAM API reference's
// per-action error tables give them (e.g. DeleteRole: 404 EntityNotExist.Role, 409
// DeleteConflict.Role.Policy).
import { ApiError, notFound } from "../../apiError";
import type { LabRecord, LabStore } from "../../store";

export const RAM_KINDS = {
  role: "ram.role",
  policy: "ram.policy",
  /** One version of a custom policy, by `<PolicyName>:<VersionId>`. */
  policyVersion: "ram.policyVersion",
  /** A policy attached to a role, by `<RoleName>:<PolicyType>:<PolicyName>`. */
  rolePolicy: "ram.rolePolicyAttachment",
} as const;

export const roleNotFound = (): ApiError => notFound("EntityNotExist.Role", "The role does not exist.");
export const policyNotFound = (): ApiError => notFound("EntityNotExist.Policy", "The policy does not exist.");

export const conflict = (code: string, message: string): ApiError => new ApiError(code, message, 409);

export function mustRole(store: LabStore, name: string): LabRecord {
  return store.must(RAM_KINDS.role, name, roleNotFound);
}

/** A custom policy. The lab account holds no system policies: a System one is never found. */
export function mustPolicy(store: LabStore, name: string, type = "Custom"): LabRecord {
  if (type !== "Custom" && type !== "System")
    throw new ApiError("InvalidParameter.PolicyType", `The parameter - "PolicyType" is incorrect.`);
  if (type === "System") throw policyNotFound();
  return store.must(RAM_KINDS.policy, name, policyNotFound);
}

export function versionKey(policyName: string, versionId: string): string {
  return `${policyName}:${versionId}`;
}

export function attachmentKey(roleName: string, policyType: string, policyName: string): string {
  return `${roleName}:${policyType}:${policyName}`;
}

/** Name rules from the API reference (CreateRole: 1-64 of letters, digits, `.` and `-`; CreatePolicy: 1-128 of letters, digits and `-`). */
export function checkName(kind: "RoleName" | "PolicyName", value: string): void {
  const [pattern, max] = kind === "RoleName" ? [/^[A-Za-z0-9.-]+$/, 64] : [/^[A-Za-z0-9-]+$/, 128];
  if (value.length > max) throw new ApiError(`InvalidParameter.${kind}.Length`, `The parameter - "${kind}" beyond the length limit.`);
  if (!pattern.test(value))
    throw new ApiError(`InvalidParameter.${kind}.InvalidChars`, `The parameter - "${kind}" contains invalid chars.`);
}
