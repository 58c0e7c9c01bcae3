// Which environment a stack is, for the prod-only policy.
//
// The pack cannot ask for the stack name (the CLI tells a policy pack only the stack's tags), so it
// goes by what the stack itself declares: the program tags every taggable resource with
// `environment` (dev or prod, from the stack config). The policy config `environment` overrides it,
// so CI can insist that the prod stack is judged as prod whatever the program says.
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
