// Which environment a stack is, for the prod-only policy.
//
// The pack cannot ask for the stack name (the CLI tells a policy pack only the stack's tags), so it
// goes by what the stack itself declares: the program tags every taggable resource with
// `environment` (dev or prod, from the stack config). The policy config `environment` overrides it,
// so CI can insist that the prod stack is judged as prod whatever the program says.
import type { StackValidationArgs } from "@pulumi/policy";
import { peek } from "./props";

export type Environment = "dev" | "prod";
export type EnvironmentSetting = Environment | "auto";

export interface Tagged {
  readonly props: object;
}

/** "prod" when configured so, or when any resource carries the tag environment=prod; else "dev". */
export function stackEnvironment(setting: EnvironmentSetting | undefined, resources: readonly Tagged[]): Environment {
  if (setting === "dev" || setting === "prod") return setting;
  const prodTagged = resources.some((r) => {
    const tag = peek(r.props, "tags", "environment");
    return tag.state === "known" && tag.value === "prod";
  });
  return prodTagged ? "prod" : "dev";
}

/** The policy config of a prod-only policy: `environment` (auto, dev or prod), auto by default. */
export const PROD_ONLY_CONFIG_SCHEMA = {
  properties: {
    environment: { type: "string" as const, enum: ["auto", "dev", "prod"], default: "auto" },
  },
};

/** Whether a prod-only policy applies to this stack; says why not when it does not. */
export function appliesToProd(args: StackValidationArgs, whyNot: string): boolean {
  const { environment } = args.getConfig<{ environment?: EnvironmentSetting }>();
  if (stackEnvironment(environment, args.resources) === "prod") return true;
  args.notApplicable(whyNot);
  return false;
}
