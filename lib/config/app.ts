// Checks of the app container's keys (appEnv, appSecrets, appUser, acrInstanceId, registryUsername,
// registryPassword) against each other, appImage and the environment: names the container can
// take, values an env file can carry, secrets that really are secrets, and a registry login that
// can work from instances without internet access.
import { ENV_NAME_PATTERN, MAX_SECRET_PARAMETER_NAME_LENGTH, MAX_SECRET_VALUE_LENGTH, STACK_APP_ENV_NAMES } from "../constants";
import { appSecretParameterName } from "../cloud/appRole";
import type { Problems } from "../problems";
import { PROJECT, type ConfigKey, type ConfigValues } from "./keys";
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
function valueProblem(value: string, secret: boolean): string | undefined {
  if (/[\n\r\0]/.test(value)) return "holds a line break or NUL, which docker's --env-file cannot carry (encode it, e.g. base64)";
  if (secret && value.length === 0) return "is empty (OOS stores 1-4096 characters); remove it instead";
  if (secret && value.length > MAX_SECRET_VALUE_LENGTH)
    return `is ${value.length} characters; OOS stores at most ${MAX_SECRET_VALUE_LENGTH}`;
  return undefined;
}

function nameProblem(name: string): string | undefined {
  if (!ENV_NAME_PATTERN.test(name)) return "is not an environment variable name (A-Z, 0-9 and _, not starting with a digit)";
  if ((STACK_APP_ENV_NAMES as readonly string[]).includes(name)) return `is set by the stack itself (${STACK_APP_ENV_NAMES.join(", ")})`;
  return undefined;
}

function readEnv(input: AppConfigInput): Record<string, string> {
  const env: Record<string, string> = {};
  if (Object.keys(input.values.appEnv).length > 0 && input.isSecret?.(`${PROJECT}:appEnv`)) {
    // appEnv goes into the user data in plain text; a secret there would be published.
    input.problems.error(
      `appEnv holds secret values; move them to appSecrets: ${setCommand("appSecrets")}, then pulumi config rm --path 'appEnv.<NAME>'`,
    );
    return env;
  }
  for (const [name, value] of Object.entries(input.values.appEnv)) {
    const problem = nameProblem(name) ?? valueProblem(value, false);
    if (problem) input.problems.error(`appEnv.${name} ${problem}; e.g. pulumi config set --path 'appEnv.LOG_LEVEL' info`);
    else env[name] = value;
  }
  return env;
}

function readSecrets(input: AppConfigInput, env: Record<string, string>): Record<string, SecretValue> {
  const entries = Object.entries(input.values.appSecrets);
  const fix = `set each with ${setCommand("appSecrets")}`;
  // The CLI marks the whole map secret as soon as one entry is; a map without any is plain text.
  if (entries.length > 0 && input.isSecret && !input.isSecret(`${PROJECT}:appSecrets`)) {
    input.problems.error(`appSecrets holds plain-text values (${entries.map(([name]) => name).join(", ")}); ${fix}`);
    return {};
  }
  const secrets: Record<string, SecretValue> = {};
  for (const [name, value] of entries) {
    const problem =
      nameProblem(name) ??
      (name in env ? "is in appEnv too; keep it in one of them" : undefined) ??
      (appSecretParameterName(input.stack, name).length > MAX_SECRET_PARAMETER_NAME_LENGTH
        ? `makes the OOS parameter name ${appSecretParameterName(input.stack, name)} longer than ${MAX_SECRET_PARAMETER_NAME_LENGTH} characters`
        : undefined) ??
      (value === UNREADABLE_SECRET ? undefined : valueProblem(value, true));
    if (problem) input.problems.error(`appSecrets.${name} ${problem}; ${fix}`);
    else secrets[name] = value === UNREADABLE_SECRET ? { known: false } : { known: true, value };
  }
  return secrets;
}

function readUser(input: AppConfigInput): string {
  const user = input.values.appUser;
  const [uid] = user.split(":");
  if (uid === "root" || /^0+$/.test(uid)) {
    input.problems.error(`appUser: "${user}" runs the app as root; use an unprivileged user, e.g. ${setCommand("appUser")}`);
  }
  return user;
}

function readRegistry(input: AppConfigInput, image: string): RegistrySettings | undefined {
  const { values, problems, region } = input;
  const { host, repository } = imageParts(image);
  const password = secretOf(values.registryPassword);
  const username = values.registryUsername;
  const enterprise = host ? ACR_ENTERPRISE_HOST.exec(host) : null;
  const personal = host ? ACR_PERSONAL_HOST.exec(host) : null;
  const offline = "the instances have no public IP, so they reach registries over the VPC only";
  if (host === undefined) {
    problems.warning(`appImage: ${image} is on Docker Hub, which ${offline}; push it to Container Registry and use its VPC address`);
  }
  if (values.acrInstanceId !== "" && !input.invalid.has("acrInstanceId")) {
    if (username !== "")
      problems.error(
        "acrInstanceId and registryUsername are both set; an ACR Enterprise Edition pull uses the role's token, so remove registryUsername",
      );
    if (!enterprise || enterprise[1] !== "-vpc" || enterprise[2] !== region) {
      problems.error(
        `appImage: with acrInstanceId, pull through the Enterprise Edition instance's VPC endpoint in ${region}, <instance name>-registry-vpc.${region}.cr.aliyuncs.com/<namespace>/<repository>:<tag> (got ${host ?? "Docker Hub"})`,
      );
    }
    return { kind: "acr", host: host ?? "", instanceId: values.acrInstanceId, repository };
  }
  if (enterprise) {
    problems.error(
      `appImage: ${host} is an ACR Enterprise Edition registry; set its instance id so the instances pull with their RAM role: ${setCommand("acrInstanceId")}`,
    );
  }
  const publicEndpoint = (enterprise && enterprise[1] === undefined) || (personal && !host?.includes("-vpc."));
  if (publicEndpoint) {
    const vpcHost = host
      ?.replace(/^registry\./, "registry-vpc.")
      .replace(/^(crpi-[a-z0-9]+)\./, "$1-vpc.")
      .replace(/-registry\./, "-registry-vpc.");
    problems.errorIf(input.environment === "prod", `appImage: ${host} is a public registry endpoint, which ${offline}; use ${vpcHost}`);
  }
  if (username === "") {
    if (password?.known) problems.error(`registryPassword is set without registryUsername; ${setCommand("registryUsername")}`);
    if (personal) {
      problems.warning(
        `appImage: ${host} is ACR Personal Edition, which does not allow anonymous pulls for instances created since 2024-09; set registryUsername and registryPassword`,
      );
    }
    return undefined;
  }
  if (host === undefined) {
    problems.error("registryUsername: appImage names no registry host to log in to; use the registry's full address in appImage");
    return undefined;
  }
  if (!password) problems.error(`registryPassword is not set (registryUsername is); ${setCommand("registryPassword")}`);
  return { kind: "password", host, username, password: password ?? { known: false } };
}

/** The app's settings; problems go to input.problems. */
export function resolveAppSettings(input: AppConfigInput, appImage: string | undefined): AppSettings {
  const { values, problems } = input;
  const env = readEnv(input);
  const secrets = readSecrets(input, env);
  const user = readUser(input);
  if (appImage === undefined) {
    const used = (["appEnv", "appSecrets", "acrInstanceId", "registryUsername"] as const).filter((key) => {
      const value = values[key];
      return typeof value === "string" ? value !== "" : Object.keys(value).length > 0;
    });
    if (used.length > 0) {
      problems.error(
        `${used.join(", ")} ${used.length > 1 ? "are" : "is"} set but appImage is not: the built-in app takes no settings; ${setCommand("appImage")}`,
      );
    }
    return { env, secrets, user };
  }
  const registry = input.invalid.has("appImage") ? undefined : readRegistry(input, appImage);
  if (input.environment === "prod" && !appImage.includes("@sha256:")) {
    problems.warning(
      `appImage: ${appImage} has no digest; a re-tagged image reaches instances created later (scale-out, replacement). Pin it: ${appImage.split("@")[0]}@sha256:<digest>`,
    );
  }
  return { env, secrets, user, registry };
}
