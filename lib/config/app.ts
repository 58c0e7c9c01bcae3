// Checks of the app container's keys (appEnv, appSecrets, appUser, acrInstanceId, registryUsername,
// registryPassword) against each other, appImage and the environment: names the container can
// take, values an env file can carry, secrets that really are secrets, and a registry login that
// can work from instances without internet access.
import { ENV_NAME_PATTERN, MAX_SECRET_PARAMETER_NAME_LENGTH, MAX_SECRET_VALUE_LENGTH, STACK_APP_ENV_NAMES } from "../constants";
import { appSecretParameterName } from "../cloud/appRole";
import type { Problems } from "../problems";
import { PROJECT, type ConfigKey, type ConfigValues } from "./keys";
import type { ConfigMessages } from "./messages";
import { UNREADABLE_SECRET, setCommand } from "./read";
import type { AppSettings, Environment, RegistrySettings, SecretValue } from "./settings";

export interface AppConfigInput {
  readonly values: ConfigValues;
  /** Keys refused already. */
  readonly invalid: ReadonlySet<ConfigKey>;
  /** Whether a full config key (`wechat-https-backend:appSecrets`) holds a secret; undefined: cannot tell. */
  readonly isSecret?: (fullKey: string) => boolean;
  readonly environment: Environment;
  readonly region: string;
  readonly stack: string;
  readonly problems: Problems;
  /** Messages in the run's language. */
  readonly m: ConfigMessages;
}

/** A docker image reference split into its registry host (undefined: Docker Hub) and repository path. */
export function imageParts(image: string): { host?: string; repository: string } {
  const withoutDigest = image.split("@")[0];
  const slash = withoutDigest.indexOf("/");
  const first = slash < 0 ? "" : withoutDigest.slice(0, slash);
  // Docker's rule: the first component is a registry when it has a "." or ":" or is localhost.
  const isHost = first !== "" && (first.includes(".") || first.includes(":") || first === "localhost");
  const path = isHost ? withoutDigest.slice(slash + 1) : withoutDigest;
  const lastSlash = path.lastIndexOf("/");
  const colon = path.indexOf(":", lastSlash + 1);
  return { host: isHost ? first : undefined, repository: colon < 0 ? path : path.slice(0, colon) };
}

/** ACR Enterprise Edition hosts: <instance>-registry[-vpc].<region>.cr.aliyuncs.com. */
const ACR_ENTERPRISE_HOST = /^[a-z0-9-]+-registry(-vpc)?\.([a-z0-9-]+)\.cr\.aliyuncs\.com$/;
/** ACR Personal Edition hosts: registry[-vpc].<region>.aliyuncs.com, crpi-<id>[-vpc].<region>.personal.cr.aliyuncs.com. */
const ACR_PERSONAL_HOST =
  /^(registry(-vpc)?\.([a-z0-9-]+)\.aliyuncs\.com|crpi-[a-z0-9]+(-vpc)?\.([a-z0-9-]+)\.personal\.cr\.aliyuncs\.com)$/;

function secretOf(value: string): SecretValue | undefined {
  if (value === "") return undefined;
  return value === UNREADABLE_SECRET ? { known: false } : { known: true, value };
}

/** What an env file line and OOS can carry: one line, 1-4096 characters; the message names, never shows, the value. */
function valueProblem(m: ConfigMessages, value: string, secret: boolean): string | undefined {
  if (/[\n\r\0]/.test(value)) return m.envValueLineBreak();
  if (secret && value.length === 0) return m.secretValueEmpty();
  if (secret && value.length > MAX_SECRET_VALUE_LENGTH) return m.secretValueTooLong({ length: value.length, max: MAX_SECRET_VALUE_LENGTH });
  return undefined;
}

function nameProblem(m: ConfigMessages, name: string): string | undefined {
  if (!ENV_NAME_PATTERN.test(name)) return m.envNameInvalid();
  if ((STACK_APP_ENV_NAMES as readonly string[]).includes(name)) return m.envNameReserved({ names: STACK_APP_ENV_NAMES.join(", ") });
  return undefined;
}

function readEnv(input: AppConfigInput): Record<string, string> {
  const env: Record<string, string> = {};
  if (Object.keys(input.values.appEnv).length > 0 && input.isSecret?.(`${PROJECT}:appEnv`)) {
    // appEnv goes into the user data in plain text; a secret there would be published.
    input.problems.error(input.m.appEnvIsSecret({ fix: setCommand("appSecrets") }));
    return env;
  }
  for (const [name, value] of Object.entries(input.values.appEnv)) {
    const problem = nameProblem(input.m, name) ?? valueProblem(input.m, value, false);
    if (problem) input.problems.error(input.m.appEnvEntry({ name, problem }));
    else env[name] = value;
  }
  return env;
}

function readSecrets(input: AppConfigInput, env: Record<string, string>): Record<string, SecretValue> {
  const entries = Object.entries(input.values.appSecrets);
  const { m } = input;
  const fix = m.appSecretsFix({ fix: setCommand("appSecrets") });
  // The CLI marks the whole map secret as soon as one entry is; a map without any is plain text.
  if (entries.length > 0 && input.isSecret && !input.isSecret(`${PROJECT}:appSecrets`)) {
    input.problems.error(m.appSecretsPlain({ names: entries.map(([name]) => name).join(", "), fix }));
    return {};
  }
  const secrets: Record<string, SecretValue> = {};
  for (const [name, value] of entries) {
    const problem =
      nameProblem(m, name) ??
      (name in env ? m.envNameInBoth() : undefined) ??
      (appSecretParameterName(input.stack, name).length > MAX_SECRET_PARAMETER_NAME_LENGTH
        ? m.secretParameterTooLong({ parameter: appSecretParameterName(input.stack, name), max: MAX_SECRET_PARAMETER_NAME_LENGTH })
        : undefined) ??
      (value === UNREADABLE_SECRET ? undefined : valueProblem(m, value, true));
    if (problem) input.problems.error(m.appSecretsEntry({ name, problem, fix }));
    else secrets[name] = value === UNREADABLE_SECRET ? { known: false } : { known: true, value };
  }
  return secrets;
}

/** root by name or id: uid 0, or gid 0 (the root group, which owns files root's own processes trust). */
const isRoot = (part: string | undefined): boolean => part !== undefined && (part === "root" || /^0+$/.test(part));

function readUser(input: AppConfigInput): string {
  const user = input.values.appUser;
  // A value of the wrong shape ("0: ") has its one error already; judging its parts would add a second.
  if (input.invalid.has("appUser")) return user;
  const [uid, gid] = user.split(":");
  if (isRoot(uid)) {
    input.problems.error(input.m.appUserRoot({ user, fix: setCommand("appUser") }));
  } else if (isRoot(gid)) {
    input.problems.error(input.m.appUserRootGroup({ user, fix: setCommand("appUser") }));
  }
  return user;
}

function readRegistry(input: AppConfigInput, image: string): RegistrySettings | undefined {
  const { values, problems, region, m } = input;
  const { host, repository } = imageParts(image);
  const password = secretOf(values.registryPassword);
  const username = values.registryUsername;
  const enterprise = host ? ACR_ENTERPRISE_HOST.exec(host) : null;
  const personal = host ? ACR_PERSONAL_HOST.exec(host) : null;
  if (host === undefined) problems.warning(m.imageOnDockerHub({ image }));
  if (values.acrInstanceId !== "" && !input.invalid.has("acrInstanceId")) {
    if (username !== "") problems.error(m.acrWithUsername());
    if (!enterprise || enterprise[1] !== "-vpc" || enterprise[2] !== region) {
      problems.error(m.acrNotVpcEndpoint({ region, host: host ?? "Docker Hub" }));
    }
    return { kind: "acr", host: host ?? "", instanceId: values.acrInstanceId, repository };
  }
  if (enterprise) {
    problems.error(m.acrIdMissing({ host: host ?? "", fix: setCommand("acrInstanceId") }));
  }
  const publicEndpoint = (enterprise && enterprise[1] === undefined) || (personal && !host?.includes("-vpc."));
  if (publicEndpoint) {
    const vpcHost = host
      ?.replace(/^registry\./, "registry-vpc.")
      .replace(/^(crpi-[a-z0-9]+)\./, "$1-vpc.")
      .replace(/-registry\./, "-registry-vpc.");
    problems.errorIf(input.environment === "prod", m.registryPublicEndpoint({ host: host ?? "", vpcHost: vpcHost ?? "" }));
  }
  if (username === "") {
    if (password?.known) problems.error(m.registryPasswordWithoutUser({ fix: setCommand("registryUsername") }));
    if (personal) problems.warning(m.personalNeedsLogin({ host: host ?? "" }));
    return undefined;
  }
  if (host === undefined) {
    problems.error(m.registryNoHost());
    return undefined;
  }
  if (!password) problems.error(m.registryPasswordNotSet({ fix: setCommand("registryPassword") }));
  return { kind: "password", host, username, password: password ?? { known: false } };
}

/** The app's settings; problems go to input.problems. */
export function resolveAppSettings(input: AppConfigInput, appImage: string | undefined): AppSettings {
  const { values, problems, m } = input;
  const env = readEnv(input);
  const secrets = readSecrets(input, env);
  const user = readUser(input);
  if (appImage === undefined) {
    const used = (["appEnv", "appSecrets", "acrInstanceId", "registryUsername"] as const).filter((key) => {
      const value = values[key];
      return typeof value === "string" ? value !== "" : Object.keys(value).length > 0;
    });
    if (used.length > 0) {
      problems.error(m.appSettingsWithoutImage({ keys: used.join(", "), count: used.length, fix: setCommand("appImage") }));
    }
    return { env, secrets, user };
  }
  const registry = input.invalid.has("appImage") ? undefined : readRegistry(input, appImage);
  if (input.environment === "prod" && !appImage.includes("@sha256:")) {
    problems.warning(m.imageWithoutDigest({ image: appImage, pinned: appImage.split("@")[0] }));
  }
  return { env, secrets, user, registry };
}
