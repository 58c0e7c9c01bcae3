// Which credentials the ACME DNS-01 challenge uses, decided at preview. The challenge runs inside
// the ACME provider, whose DNS client (lego's alidns: go-acme/lego providers/dns/alidns, v4.35 in
// terraform-provider-acme 2.48) reads only ALICLOUD_ACCESS_KEY, ALICLOUD_SECRET_KEY,
// ALICLOUD_SECURITY_TOKEN and ALICLOUD_RAM_ROLE (an instance RAM role) from its environment or the
// challenge's config. The Alibaba Cloud provider takes more (terraform-provider-alicloud
// alicloud/provider.go): the same keys under ALIBABA_CLOUD_* / ALIBABACLOUD_* names, stack config,
// profiles, an assumed role, a credentials URI, OIDC. Whatever the provider uses is passed on to
// lego under its names; a source lego cannot use is refused here, with the fix.
import type { Problems } from "../problems";
import { configMessages, type ConfigMessages } from "./messages";

/** The variables lego's alidns reads. */
export type LegoVariable = "ALICLOUD_ACCESS_KEY" | "ALICLOUD_SECRET_KEY" | "ALICLOUD_SECURITY_TOKEN" | "ALICLOUD_RAM_ROLE";

/** Where a value the program passes on is read: a provider config key, or an environment variable. */
export interface ValueSource {
  readonly from: "config" | "env";
  readonly key: string;
  /** Secret values (keys, tokens) are passed as Pulumi secrets. */
  readonly secret: boolean;
}

export interface DnsChallengeCredentials {
  /** Where they come from, in words. */
  readonly source: string;
  /** What the program passes to the challenge; empty when lego reads the ALICLOUD_* environment itself. */
  readonly pass: Readonly<Partial<Record<LegoVariable, ValueSource>>>;
}

type Values = Readonly<Record<string, string | undefined>>;

/** The provider's settings, each as its config key and its environment variables in the provider's order. */
const PROVIDER = {
  accessKey: { config: "alicloud:accessKey", env: ["ALICLOUD_ACCESS_KEY", "ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABACLOUD_ACCESS_KEY_ID"] },
  secretKey: {
    config: "alicloud:secretKey",
    env: ["ALICLOUD_SECRET_KEY", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABACLOUD_ACCESS_KEY_SECRET"],
  },
  securityToken: {
    config: "alicloud:securityToken",
    env: ["ALICLOUD_SECURITY_TOKEN", "ALIBABA_CLOUD_SECURITY_TOKEN", "ALIBABACLOUD_SECURITY_TOKEN"],
  },
  ecsRoleName: { config: "alicloud:ecsRoleName", env: ["ALICLOUD_ECS_ROLE_NAME", "ALIBABA_CLOUD_ECS_METADATA"] },
} as const;

/** Sources lego cannot use at all. */
const UNUSABLE = [
  {
    what: (m: ConfigMessages) => m.credentialsProfile(),
    config: ["alicloud:profile", "alicloud:sharedCredentialsFile"],
    env: ["ALICLOUD_PROFILE", "ALIBABA_CLOUD_PROFILE"],
  },
  {
    what: (m: ConfigMessages) => m.credentialsUri(),
    config: ["alicloud:credentialsUri"],
    env: ["ALICLOUD_CREDENTIALS_URI", "ALIBABA_CLOUD_CREDENTIALS_URI"],
  },
  {
    what: (m: ConfigMessages) => m.credentialsOidc(),
    config: ["alicloud:assumeRoleWithOidc"],
    env: ["ALIBABA_CLOUD_OIDC_TOKEN_FILE", "ALIBABA_CLOUD_OIDC_PROVIDER_ARN"],
  },
] as const;

const ASSUMED_ROLE = { config: ["alicloud:assumeRole"], env: ["ALICLOUD_ASSUME_ROLE_ARN", "ALIBABA_CLOUD_ROLE_ARN"] } as const;

const set = (value: string | undefined): boolean => value !== undefined && value.trim() !== "";

function find(setting: { config: string; env: readonly string[] }, config: Values, env: Values): ValueSource | undefined {
  if (set(config[setting.config])) return { from: "config", key: setting.config, secret: true };
  const name = setting.env.find((n) => set(env[n]));
  return name ? { from: "env", key: name, secret: true } : undefined;
}

/**
 * The challenge's credentials, or undefined with a problem reported: an error when the provider's
 * credentials are of a kind lego cannot use, a check not run when none are visible (the offline plan).
 */
export function resolveDnsChallengeCredentials(
  config: Values,
  env: Values,
  problems: Problems,
  m: ConfigMessages = configMessages("en"),
): DnsChallengeCredentials | undefined {
  const accessKey = find(PROVIDER.accessKey, config, env);
  const secretKey = find(PROVIDER.secretKey, config, env);
  const token = find(PROVIDER.securityToken, config, env);
  const assumed = [...ASSUMED_ROLE.config.filter((k) => set(config[k])), ...ASSUMED_ROLE.env.filter((k) => set(env[k]))];
  if (accessKey && secretKey) {
    if (assumed.length > 0) {
      problems.warning(m.dnsChallengeAssumedRole({ names: assumed.join(", ") }));
    }
    const lego = { ALICLOUD_ACCESS_KEY: accessKey, ALICLOUD_SECRET_KEY: secretKey, ...(token ? { ALICLOUD_SECURITY_TOKEN: token } : {}) };
    const readsItself = Object.entries(lego).every(([name, source]) => source.from === "env" && source.key === name);
    const where = [...new Set([accessKey, secretKey, token].filter((s) => s !== undefined).map((s) => s.key))].join(", ");
    // lego finds ALICLOUD_* in the environment it inherits; passing them would only copy them into the state.
    return readsItself ? { source: `the environment (${where})`, pass: {} } : { source: where, pass: lego };
  }
  const role = find(PROVIDER.ecsRoleName, config, env);
  if (role) return { source: `the instance RAM role (${role.key})`, pass: { ALICLOUD_RAM_ROLE: { ...role, secret: false } } };
  for (const kind of UNUSABLE) {
    const names = [...kind.config.filter((k) => set(config[k])), ...kind.env.filter((k) => set(env[k]))];
    if (names.length > 0) {
      problems.error(m.dnsChallengeUnusable({ what: kind.what(m), names: names.join(", ") }));
      return undefined;
    }
  }
  problems.notChecked(m.dnsChallengeNotChecked());
  return undefined;
}
