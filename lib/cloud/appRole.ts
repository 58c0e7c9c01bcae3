// Where a stack keeps its app's secrets (OOS encrypted parameters) and what its instances' RAM role
// may do: read those parameters and nothing else, and pull the app image from one ACR repository.
// Pure functions, so the names and the policy are tested without the cloud.
import { MAX_SECRET_PARAMETER_NAME_LENGTH, MAX_SECRET_VALUE_LENGTH, TLS_CHAIN_PARTS } from "../constants";
import { EXACT_NAME_HASH_LENGTH, shortHash } from "../names";

/** Every parameter of the project whose stack name is its own segment starts with this. */
export const SECRET_PARAMETER_ROOT = "wechat-https-backend";

/**
 * The parameters of every other stack live under this root instead, in a segment that carries a
 * hash of the exact stack name: no plain prefix (`wechat-https-backend/<stack>/`) is a prefix of
 * them, nor they of it, so one stack's RAM policy never reaches another's parameters.
 */
export const HASHED_SECRET_PARAMETER_ROOT = "wechat-https-backend-hashed";

/**
 * A stack name that is its own segment, as it has always been: lowercase letters, digits, "-" and
 * "_" (all OOS allows; terraform-provider-alicloud website/docs/r/oos_secret_parameter.html.markdown).
 * A "." had become "-" (so shop.prod read shop-prod's parameters), and whether RAM matches resource
 * names without regard to case is not documented (Shop and shop could share): both are hashed.
 */
const PLAIN_SEGMENT = /^[a-z0-9_-]+$/;

/** Characters of the stack kept in a hashed segment, before "-" and the hash. */
const HASHED_SEGMENT_START = 40;

/** `wechat-https-backend-hashed/<start of the stack, as OOS takes it>-<16 hex of the exact stack name>/`. */
function hashedSecretParameterPrefix(stack: string): string {
  const start = stack
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, "-")
    .slice(0, HASHED_SEGMENT_START);
  return `${HASHED_SECRET_PARAMETER_ROOT}/${start}-${shortHash(stack, EXACT_NAME_HASH_LENGTH)}/`;
}

/**
 * The prefix of one stack's parameters, matching no other stack's (stack names hold no "/"):
 * `wechat-https-backend/<stack>/` for a stack name that is its own segment (deployed stacks keep
 * their parameters), the hashed prefix for any other.
 */
export function secretParameterPrefix(stack: string): string {
  return PLAIN_SEGMENT.test(stack) ? `${SECRET_PARAMETER_ROOT}/${stack}/` : hashedSecretParameterPrefix(stack);
}

/**
 * Every prefix this stack's parameters may have: what its RAM policy allows. A parameter whose full
 * name would pass OOS's 180 characters (a long stack name and a long variable name) goes under the
 * hashed prefix when that is the shorter.
 */
export function secretParameterPrefixes(stack: string): string[] {
  const primary = secretParameterPrefix(stack);
  const hashed = hashedSecretParameterPrefix(stack);
  return hashed.length < primary.length ? [primary, hashed] : [primary];
}

/**
 * `<prefix><name>`; under the hashed prefix only when the full name would be too long for OOS.
 * secret_parameter_name is ForceNew (resource_alicloud_oos_secret_parameter.go): a name that fits is
 * never moved, so deployed parameters keep theirs.
 */
function parameterName(stack: string, name: string): string {
  const [primary, shorter] = secretParameterPrefixes(stack);
  const full = `${primary}${name}`;
  return full.length <= MAX_SECRET_PARAMETER_NAME_LENGTH || !shorter ? full : `${shorter}${name}`;
}

/** The parameter holding app secret `variable` (an upper-case environment variable name). */
export function appSecretParameterName(stack: string, variable: string): string {
  return parameterName(stack, variable);
}

/** The parameter holding registryPassword: lower case, so no environment variable name can take it. */
export function registryPasswordParameterName(stack: string): string {
  return parameterName(stack, "registry-password");
}

/**
 * The instance edge's certificate chain, in TLS_CHAIN_PARTS parameters: `tls-chain-1`... Lower case,
 * so no environment variable name (upper case) can take them.
 */
export function tlsChainParameterNames(stack: string): string[] {
  return Array.from({ length: TLS_CHAIN_PARTS }, (_, i) => parameterName(stack, `tls-chain-${i + 1}`));
}

/** What a chain part past the chain's end holds: OOS takes no empty value, and this is no PEM block. */
export const UNUSED_CHAIN_PART = "(unused)";

/**
 * The chain as the values of its TLS_CHAIN_PARTS parameters, in order: consecutive slices of at most
 * MAX_SECRET_VALUE_LENGTH characters, then placeholders. Throws when it does not fit (a chain of
 * more than about six certificates), naming the limit.
 */
export function tlsChainParts(chainPem: string): string[] {
  const parts: string[] = [];
  for (let i = 0; i < chainPem.length; i += MAX_SECRET_VALUE_LENGTH) parts.push(chainPem.slice(i, i + MAX_SECRET_VALUE_LENGTH));
  if (parts.length > TLS_CHAIN_PARTS) {
    throw new Error(
      `the certificate chain is ${chainPem.length} characters, more than the ${TLS_CHAIN_PARTS} OOS parameters of ` +
        `${MAX_SECRET_VALUE_LENGTH} characters the instance edge keeps it in: leave out certificates the chain does not need (the root)`,
    );
  }
  while (parts.length < TLS_CHAIN_PARTS) parts.push(UNUSED_CHAIN_PART);
  return parts;
}

/** The instance edge's private key. */
export function tlsKeyParameterName(stack: string): string {
  return parameterName(stack, "tls-private-key");
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
