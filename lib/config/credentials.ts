// Which config keys hold secrets, whatever their namespace: the project's own keys its schema marks
// secret (keys.ts), and the credentials of any provider (`alicloud:accessKey`, `alicloud:secretKey`,
// `alicloud:securityToken`, `alicloud:assumeRoleWithOidc` whose `oidcToken` is a bearer token, the same
// names in any other namespace). The providers do not say so themselves: pulumi-alicloud's config
// module reads them all with a plain `get` (sdk/nodejs/config/vars.ts), and terraform-provider-alicloud's
// provider schema does not mark them Sensitive (alicloud/provider.go), so a value stored in plain text
// would be printed like any other.
import { CONFIG_KEYS, PROJECT, type ConfigKeySpec } from "./keys";
import { configMessages, type ConfigMessages } from "./messages";

/** Names of provider settings that are credentials, in every namespace. */
export const CREDENTIAL_KEY_NAMES: readonly string[] = ["accessKey", "secretKey", "securityToken", "assumeRoleWithOidc"];

/** The environment variables the alicloud provider reads instead (alicloud/provider.go, DefaultFunc). */
const ALICLOUD_VARIABLES: Readonly<Record<string, string>> = {
  accessKey: "ALICLOUD_ACCESS_KEY",
  secretKey: "ALICLOUD_SECRET_KEY",
  securityToken: "ALICLOUD_SECURITY_TOKEN",
  assumeRoleWithOidc: "ALIBABA_CLOUD_OIDC_TOKEN",
};

/** True for `<namespace>:accessKey`, `<namespace>:secretKey`, `<namespace>:securityToken`, `<namespace>:assumeRoleWithOidc`. */
export function isCredentialKey(fullKey: string): boolean {
  const separator = fullKey.indexOf(":");
  return separator > 0 && CREDENTIAL_KEY_NAMES.includes(fullKey.slice(separator + 1));
}

/** The project's keys the schema marks secret, in full (`wechat-https-backend:privateKeyPem`). */
export function schemaSecretKeys(): string[] {
  return Object.entries(CONFIG_KEYS as Record<string, ConfigKeySpec>)
    .filter(([, spec]) => spec.secret)
    .map(([key]) => `${PROJECT}:${key}`);
}

/** True when a full config key must be a Pulumi secret: a credential or a key the schema marks secret. */
export function isSecretConfigKey(fullKey: string): boolean {
  return isCredentialKey(fullKey) || schemaSecretKeys().includes(fullKey);
}

/** What to do about a secret stored in plain text: the key named, the command that encrypts it. */
export function plaintextSecretWarning(fullKey: string, where?: string, m: ConfigMessages = configMessages("en")): string {
  const file = where ?? m.theStackFile();
  const short = fullKey.startsWith(`${PROJECT}:`) ? fullKey.slice(PROJECT.length + 1) : fullKey;
  if (isCredentialKey(fullKey)) {
    const [namespace, name] = fullKey.split(":");
    const variable = namespace === "alicloud" ? ALICLOUD_VARIABLES[name] : m.itsEnvironmentVariable();
    return m.plaintextCredential({ key: fullKey, where: file, variable });
  }
  const spec = (CONFIG_KEYS as Record<string, ConfigKeySpec>)[short];
  const command = spec?.example.startsWith("pulumi config set --secret") ? spec.example : `pulumi config set --secret ${short} <value>`;
  return m.plaintextSecret({ key: short, where: file, command });
}

/**
 * Warnings for secrets the stack holds in plain text, under the Pulumi CLI (which tells the program
 * which config values were stored as `secure:`).
 */
export function plaintextSecretWarnings(
  values: Readonly<Record<string, string | undefined>>,
  isSecret: (fullKey: string) => boolean,
  m: ConfigMessages = configMessages("en"),
): string[] {
  return (
    Object.keys(values)
      // An empty map ("{}", appSecrets' default) holds nothing; a map with plain entries is refused elsewhere.
      .filter((key) => !["", "{}", "[]", undefined].includes(values[key]) && isSecretConfigKey(key) && !isSecret(key))
      .sort()
      .map((key) => plaintextSecretWarning(key, undefined, m))
  );
}
