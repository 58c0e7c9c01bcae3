// Where a stack keeps its app's secrets (OOS encrypted parameters) and what its instances' RAM role
// may do: read those parameters and nothing else, and pull the app image from one ACR repository.
// Pure functions, so the names and the policy are tested without the cloud.
import { MAX_SECRET_PARAMETER_NAME_LENGTH } from "../constants";
import { NAME_HASH_LENGTH, shortHash } from "../names";

/** Every parameter of the project starts with this. */
export const SECRET_PARAMETER_ROOT = "wechat-https-backend";

/**
 * `wechat-https-backend/<stack>/`: the names of one stack's parameters, and a RAM resource prefix
 * that matches no other stack's (stack names hold no "/"). OOS names allow letters, digits, "-",
 * "_" and "/" (terraform-provider-alicloud website/docs/r/oos_secret_parameter.html.markdown), so
 * any other character of a stack name (".") becomes "-".
 */
export function secretParameterPrefix(stack: string): string {
  return `${SECRET_PARAMETER_ROOT}/${stackSegment(stack)}/`;
}

function stackSegment(stack: string): string {
  return stack.replace(/[^A-Za-z0-9_-]/g, "-");
}

/** Characters of the stack kept in a shortened prefix, before "-" and the hash. */
const SHORT_SEGMENT_START = 40;

/**
 * The prefix of the parameters whose full name would pass OOS's 180 characters (a stack name of up
 * to 100 characters plus a long variable name): the stack's first 40 characters and a hash of the
 * whole stack name, so it stays this stack's alone. The same as secretParameterPrefix for a stack
 * name short enough that cutting it would save nothing.
 */
export function shortSecretParameterPrefix(stack: string): string {
  const segment = stackSegment(stack);
  if (segment.length <= SHORT_SEGMENT_START + 1 + NAME_HASH_LENGTH) return secretParameterPrefix(stack);
  return `${SECRET_PARAMETER_ROOT}/${segment.slice(0, SHORT_SEGMENT_START)}-${shortHash(stack)}/`;
}

/** Every prefix this stack's parameters may have: what its RAM policy allows. */
export function secretParameterPrefixes(stack: string): string[] {
  return [...new Set([secretParameterPrefix(stack), shortSecretParameterPrefix(stack)])];
}

/**
 * `<prefix><name>`; under the short prefix only when the full name would be too long for OOS.
 * secret_parameter_name is ForceNew (resource_alicloud_oos_secret_parameter.go): a name that fits is
 * never moved, so deployed parameters keep theirs.
 */
function parameterName(stack: string, name: string): string {
  const full = `${secretParameterPrefix(stack)}${name}`;
  return full.length <= MAX_SECRET_PARAMETER_NAME_LENGTH ? full : `${shortSecretParameterPrefix(stack)}${name}`;
}

/** The parameter holding app secret `variable` (an upper-case environment variable name). */
export function appSecretParameterName(stack: string, variable: string): string {
  return parameterName(stack, variable);
}

/** The parameter holding registryPassword: lower case, so no environment variable name can take it. */
export function registryPasswordParameterName(stack: string): string {
  return parameterName(stack, "registry-password");
}

/** Lets ECS instances assume the role (the documented trust policy of an instance RAM role). */
export const ECS_TRUST_POLICY = JSON.stringify({
  Version: "1",
  Statement: [{ Action: "sts:AssumeRole", Effect: "Allow", Principal: { Service: ["ecs.aliyuncs.com"] } }],
});

export interface AppRoleNeeds {
  readonly region: string;
  readonly accountId: string;
  readonly stack: string;
  /** The instances read this stack's parameters (app secrets, registry password). */
  readonly readsSecrets: boolean;
  /** The instances pull from this ACR Enterprise Edition repository. */
  readonly acr?: { readonly instanceId: string; readonly repository: string };
}

interface Statement {
  readonly Effect: "Allow";
  readonly Action: string[];
  readonly Resource: string[];
}

/** The statements of the instances' role policy; empty when the instances need no cloud access. */
export function appRoleStatements(needs: AppRoleNeeds): Statement[] {
  const statements: Statement[] = [];
  const { region, accountId } = needs;
  if (needs.readsSecrets) {
    const prefixes = secretParameterPrefixes(needs.stack);
    // OOS keeps each encrypted parameter as the KMS secret "oos/<name>", and reading it needs
    // kms:GetSecretValue on that secret as well (OOS docs: control access to encryption parameters).
    statements.push(
      {
        Effect: "Allow",
        Action: ["oos:GetSecretParameter"],
        Resource: prefixes.map((prefix) => `acs:oos:${region}:${accountId}:secretparameter/${prefix}*`),
      },
      {
        Effect: "Allow",
        Action: ["kms:GetSecretValue"],
        Resource: prefixes.map((prefix) => `acs:kms:${region}:${accountId}:secret/oos/${prefix}*`),
      },
    );
  }
  if (needs.acr) {
    statements.push(
      // GetAuthorizationToken takes no resource-level permission (its API page lists all
      // resources); the token it returns can do no more than the caller, i.e. the pull below.
      { Effect: "Allow", Action: ["cr:GetAuthorizationToken"], Resource: ["*"] },
      {
        Effect: "Allow",
        Action: ["cr:PullRepository"],
        Resource: [`acs:cr:${region}:${accountId}:repository/${needs.acr.instanceId}/${needs.acr.repository}`],
      },
    );
  }
  return statements;
}

/** The role policy document (RAM policy language version 1). */
export function appRolePolicyDocument(needs: AppRoleNeeds): string {
  return JSON.stringify({ Version: "1", Statement: appRoleStatements(needs) });
}
