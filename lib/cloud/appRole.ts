// Where a stack keeps its app's secrets (OOS encrypted parameters) and what its instances' RAM role
// may do: read those parameters and nothing else, and pull the app image from one ACR repository.
// Pure functions, so the names and the policy are tested without the cloud.

/** Every parameter of the project starts with this. */
export const SECRET_PARAMETER_ROOT = "wechat-https-backend";

/**
 * `wechat-https-backend/<stack>/`: the names of one stack's parameters, and a RAM resource prefix
 * that matches no other stack's (stack names hold no "/"). OOS names allow letters, digits, "-",
 * "_" and "/" (terraform-provider-alicloud website/docs/r/oos_secret_parameter.html.markdown), so
 * any other character of a stack name (".") becomes "-".
 */
export function secretParameterPrefix(stack: string): string {
  return `${SECRET_PARAMETER_ROOT}/${stack.replace(/[^A-Za-z0-9_-]/g, "-")}/`;
}

/** The parameter holding app secret `variable` (an upper-case environment variable name). */
export function appSecretParameterName(stack: string, variable: string): string {
  return `${secretParameterPrefix(stack)}${variable}`;
}

/** The parameter holding registryPassword: lower case, so no environment variable name can take it. */
export function registryPasswordParameterName(stack: string): string {
  return `${secretParameterPrefix(stack)}registry-password`;
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
    const prefix = secretParameterPrefix(needs.stack);
    // OOS keeps each encrypted parameter as the KMS secret "oos/<name>", and reading it needs
    // kms:GetSecretValue on that secret as well (OOS docs: control access to encryption parameters).
    statements.push(
      { Effect: "Allow", Action: ["oos:GetSecretParameter"], Resource: [`acs:oos:${region}:${accountId}:secretparameter/${prefix}*`] },
      { Effect: "Allow", Action: ["kms:GetSecretValue"], Resource: [`acs:kms:${region}:${accountId}:secret/oos/${prefix}*`] },
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
