// RAM policies grant what one part of the stack needs, never everything: a statement allowing every
// action ("*") on every resource ("*") is the administrator's, and a role holding it (the instances',
// the monitoring function's) hands the whole account to whoever controls what runs there. The same
// goes for attaching the system policy AdministratorAccess. KICS
// ram_policy_admin_access_not_attached_to_users_groups_roles (Alibaba Cloud queries).
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { peek, peekString } from "./props";
import { RAM_POLICY_ATTACHMENT_TYPES, TYPES } from "./resourceTypes";

/** A statement as RAM policy language version 1 writes it (or the provider's deprecated `statements`). */
interface Statement {
  readonly Effect?: unknown;
  readonly Action?: unknown;
  readonly Resource?: unknown;
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** True for an Allow of every action on every resource. */
function grantsEverything(statement: Statement): boolean {
  return (
    String(statement.Effect).toLowerCase() === "allow" &&
    asList(statement.Action).some((action) => action === "*") &&
    asList(statement.Resource).some((resource) => resource === "*")
  );
}

/** The statements of a policy document (JSON text), or undefined when it is not one. */
function documentStatements(text: string): Statement[] | undefined {
  try {
    const document = JSON.parse(text) as { Statement?: unknown };
    return asList(document.Statement).filter((s): s is Statement => typeof s === "object" && s !== null);
  } catch {
    return undefined;
  }
}

/** The statements of a ram.Policy from whichever of its inputs holds them; undefined while not known. */
function policyStatements(props: object): Statement[] | undefined {
  for (const key of ["policyDocument", "document"]) {
    const found = peek(props, key);
    if (found.state === "unknown") return undefined;
    if (found.state === "known") return documentStatements(String(found.value)) ?? [];
  }
  const statements = peek(props, "statements");
  if (statements.state !== "known" || !Array.isArray(statements.value)) return [];
  return (statements.value as { effect?: unknown; actions?: unknown; resources?: unknown }[]).map((s) => ({
    Effect: s.effect,
    Action: s.actions,
    Resource: s.resources,
  }));
}

export const ramPoliciesNotAdministrator: ResourceValidationPolicy = {
  name: "ram-policies-not-administrator",
  description:
    'No RAM policy allows every action ("*") on every resource ("*"), and no role, user or group gets the system policy AdministratorAccess.',
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type === TYPES.ramPolicy) {
      // A document built from other resources' outputs is known at pulumi up, where this runs again.
      const statements = policyStatements(args.props);
      if (statements?.some(grantsEverything)) {
        reportViolation(
          `RAM policy "${args.name}" allows every action ("*") on every resource ("*"), the whole account: ` +
            `list the actions and resources the role needs (as lib/cloud/appRole.ts does for the instances)`,
        );
      }
    } else if (RAM_POLICY_ATTACHMENT_TYPES.includes(args.type)) {
      const name = peekString(args.props, "policyName");
      const type = peekString(args.props, "policyType");
      if (typeof name === "string" && name.toLowerCase() === "administratoraccess" && type === "System") {
        reportViolation(
          `RAM policy attachment "${args.name}" grants the system policy AdministratorAccess, the whole account: ` +
            `attach a custom policy listing the actions and resources needed`,
        );
      }
    }
  },
};
