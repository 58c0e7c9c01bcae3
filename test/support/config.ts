// Building stack config maps and collecting what a refused config says, for the config tests.
import { ConfigError, resolveStackConfig, type ConfigInput } from "../../lib/config/stackConfig";

/** The project's config namespace. */
export const P = "wechat-https-backend:";

/** Short keys (`domain`) in the project's namespace; keys with a namespace (`alicloud:region`) as they are. */
export function fullKeys(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key.includes(":") ? key : P + key, value]));
}

/** The problems of a config that must be refused; fails the test when it is accepted or fails otherwise. */
export function refusalOf(resolve: () => unknown): string[] {
  try {
    resolve();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error("expected the config to be refused");
}

/** The problems of refusing `input`. */
export function problemsOf(input: ConfigInput): string[] {
  return refusalOf(() => resolveStackConfig(input));
}
