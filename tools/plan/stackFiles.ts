// Reads Pulumi.yaml and a stack file the way the Pulumi CLI does for a program: project config
// defaults apply to keys the stack does not set, short keys get the project's namespace, lists and
// maps arrive as JSON. `secure:` values cannot be decrypted without the CLI; they are marked.
// Secrets stored in plain text (a provider's credentials such as `alicloud:secretKey`, or a key the
// schema marks secret) are treated as secrets all the same, and reported.
import { readFileSync, existsSync } from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { CONFIG_KEYS, type ConfigKey } from "../../lib/config/keys";
import { UNREADABLE_SECRET } from "../../lib/config/stackConfig";
import { isCredentialKey } from "../../lib/config/credentials";

/** Config keys that must be secrets (a committed stack file never holds them). */
export const SECRET_CONFIG_KEYS = (Object.keys(CONFIG_KEYS) as ConfigKey[]).filter((key) => "secret" in CONFIG_KEYS[key]);

export interface ProjectFile {
  readonly name: string;
  /** Declared config keys (short form, without the project prefix) and their declarations. */
  readonly config: Record<string, { type?: string; default?: unknown; description?: string; secret?: boolean } | unknown>;
}

export interface LoadedStackConfig {
  /** Full keys (`project:key`, `alicloud:region`) to the string form the runtime holds. */
  readonly values: Record<string, string>;
  /** Keys whose stack value is `secure:` (encrypted). */
  readonly secretKeys: string[];
  /** Secret keys the offline plan could not decrypt. */
  readonly unreadableSecretKeys: string[];
  /** Secret keys stored in plain text (a warning: they belong in `secure:` or the environment); also in secretKeys. */
  readonly plaintextSecretKeys: string[];
  /** The `secure:` ciphertexts as stored, by full key: what the plan diff compares for them. */
  readonly ciphertexts: Record<string, string>;
  /** The stack file read. */
  readonly file: string;
}

export class StackFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StackFileError";
  }
}

export function readProjectFile(projectDir: string): ProjectFile {
  const file = path.join(projectDir, "Pulumi.yaml");
  const doc = parse(readFileSync(file, "utf8")) as { name?: unknown; config?: unknown } | null;
  if (!doc || typeof doc.name !== "string") throw new StackFileError(`${file} has no project name`);
  const config = (doc.config ?? {}) as ProjectFile["config"];
  return { name: doc.name, config };
}

function fullKey(project: string, key: string): string {
  return key.includes(":") ? key : `${project}:${key}`;
}

function asConfigString(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** Keys the project file itself declares `secret: true` (short or full form). */
function declaredSecretKeys(project: ProjectFile): string[] {
  return Object.entries(project.config)
    .filter(
      ([, declaration]) => typeof declaration === "object" && declaration !== null && (declaration as { secret?: unknown }).secret === true,
    )
    .map(([key]) => fullKey(project.name, key));
}

function isSecure(value: unknown): value is { secure: string } {
  return typeof value === "object" && value !== null && !Array.isArray(value) && typeof (value as { secure?: unknown }).secure === "string";
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Keys whose schema type is a map (appSecrets): their values are secret one entry at a time. */
function isMapKey(short: string): boolean {
  return (CONFIG_KEYS as Record<string, { type: string }>)[short]?.type === "object";
}

/**
 * Loads the config of `stack` (Pulumi.<stack>.yaml next to Pulumi.yaml) or of any file in that format.
 * `secretKeyNames` are the project's short keys that must be secrets (a plain-text value is reported,
 * an absent one is unknown). Provider credentials and keys Pulumi.yaml declares secret are secrets too.
 */
export function loadStackConfig(
  projectDir: string,
  stackOrFile: { stack: string } | { file: string },
  secretKeyNames: readonly string[],
): LoadedStackConfig {
  const project = readProjectFile(projectDir);
  const file = "file" in stackOrFile ? path.resolve(stackOrFile.file) : path.join(projectDir, `Pulumi.${stackOrFile.stack}.yaml`);
  if (!existsSync(file)) {
    // The commands take a file in different ways (plan and render: --config-file; miniprogram:
    // --stack development=<file>), so the fix names neither option.
    throw new StackFileError(
      "file" in stackOrFile
        ? `no stack file ${stackOrFile.file}; check the path`
        : `no stack file ${path.basename(file)} next to Pulumi.yaml; create it with pulumi stack init ${stackOrFile.stack}, or give the path of a stack file`,
    );
  }
  let doc: { config?: unknown; environment?: unknown } | null;
  try {
    doc = parse(readFileSync(file, "utf8")) as { config?: unknown; environment?: unknown } | null;
  } catch (err) {
    throw new StackFileError(`${path.basename(file)} is not valid YAML: ${(err as Error).message}`);
  }
  const config = doc?.config ?? {};
  if (typeof config !== "object" || config === null || Array.isArray(config)) {
    throw new StackFileError(`${path.basename(file)}: "config" must be a map of keys to values`);
  }

  const values: Record<string, string> = {};
  const secretKeys: string[] = [];
  const unreadableSecretKeys: string[] = [];
  const plaintextSecretKeys: string[] = [];
  const ciphertexts: Record<string, string> = {};
  const declaredSecret = declaredSecretKeys(project);
  for (const [key, value] of Object.entries(config as Record<string, unknown>)) {
    const full = fullKey(project.name, key);
    if (isSecure(value)) {
      values[full] = UNREADABLE_SECRET;
      ciphertexts[full] = value.secure;
      secretKeys.push(full);
      unreadableSecretKeys.push(full);
      continue;
    }
    if (value === null || value === undefined) continue;
    const short = full.startsWith(`${project.name}:`) ? full.slice(project.name.length + 1) : full;
    if (isMap(value) && secretKeyNames.includes(short) && isMapKey(short)) {
      // `pulumi config set --secret --path 'appSecrets.NAME' ...` encrypts each entry; the CLI then
      // hands the program the whole map as one secret key. An entry in plain text is refused here,
      // where it can be told apart (the program only sees whether the key as a whole is secret).
      const plain = Object.keys(value).filter((name) => !isSecure(value[name]));
      if (plain.length > 0) {
        throw new StackFileError(
          `${path.basename(file)}: ${plain.map((name) => `${short}.${name}`).join(", ")} ${plain.length > 1 ? "are" : "is"} in plain text; ` +
            `store each as a secret: pulumi config set --secret --path '${short}.${plain[0]}' <value>`,
        );
      }
      values[full] = JSON.stringify(Object.fromEntries(Object.keys(value).map((name) => [name, UNREADABLE_SECRET])));
      ciphertexts[full] = JSON.stringify(value);
      secretKeys.push(full);
      unreadableSecretKeys.push(full);
      continue;
    }
    if (Array.isArray(value) && value.some(isSecure)) {
      // `pulumi config set --secret --path 'alertWebhooks[0]' ...` encrypts one item: the CLI makes the
      // whole key secret, and so does the plan.
      values[full] = JSON.stringify(value.map((item) => (isSecure(item) ? UNREADABLE_SECRET : item)));
      ciphertexts[full] = JSON.stringify(value);
      secretKeys.push(full);
      unreadableSecretKeys.push(full);
      continue;
    }
    if (isMap(value) && Object.values(value).some(isSecure)) {
      // Encrypted entries in a map: the CLI makes the whole key secret, and so does the plan.
      values[full] = JSON.stringify(
        Object.fromEntries(Object.entries(value).map(([name, entry]) => [name, isSecure(entry) ? UNREADABLE_SECRET : entry])),
      );
      ciphertexts[full] = JSON.stringify(value);
      secretKeys.push(full);
      unreadableSecretKeys.push(full);
      continue;
    }
    values[full] = asConfigString(value);
    const mustBeSecret = secretKeyNames.includes(short) || isCredentialKey(full) || declaredSecret.includes(full);
    if (mustBeSecret && values[full] !== "") {
      plaintextSecretKeys.push(full);
      secretKeys.push(full);
    }
  }
  // An absent secret is absent for the Pulumi CLI too (the program then says "not set" and how to set
  // it), unless the stack imports Pulumi ESC environments (`environment:`), which may supply config
  // the offline plan cannot see: only then is it as unknown as an encrypted one.
  if (doc?.environment !== undefined && doc.environment !== null) {
    for (const short of secretKeyNames) {
      const full = fullKey(project.name, short);
      // An absent map (appSecrets) is an empty one, not an unknown one.
      if (isMapKey(short)) continue;
      if (values[full] === undefined || values[full] === "") {
        values[full] = UNREADABLE_SECRET;
        secretKeys.push(full);
        unreadableSecretKeys.push(full);
      }
    }
  }
  for (const [key, declaration] of Object.entries(project.config)) {
    const full = fullKey(project.name, key);
    if (full in values) continue;
    const hasDefault = typeof declaration === "object" && declaration !== null && "default" in declaration;
    if (hasDefault) values[full] = asConfigString((declaration as { default: unknown }).default);
    else if (typeof declaration !== "object" || declaration === null) values[full] = asConfigString(declaration);
  }
  return { values, secretKeys, unreadableSecretKeys, plaintextSecretKeys, ciphertexts, file };
}

/** The values of secrets stored in plain text: wherever one turns up in a plan, it is shown as a secret. */
export function plaintextSecretValues(config: LoadedStackConfig): string[] {
  return config.plaintextSecretKeys.map((key) => config.values[key]).filter((v): v is string => typeof v === "string" && v.length > 0);
}

/** The stack's name: given, or read from a Pulumi.<stack>.yaml file name. */
export function stackNameOf(request: { stack?: string; configFile?: string }): string {
  if (request.stack) return request.stack;
  if (request.configFile) return path.basename(request.configFile).replace(/^Pulumi\.(.+)\.ya?ml$/, "$1");
  return "dev";
}

/** The config of a stack given by name or by file, the way `npm run plan` and `npm run render` take it. */
export function loadStack(
  projectDir: string,
  request: { stack?: string; configFile?: string },
): { stack: string; config: LoadedStackConfig } {
  const stack = stackNameOf(request);
  const config = loadStackConfig(projectDir, request.configFile ? { file: request.configFile } : { stack }, SECRET_CONFIG_KEYS);
  return { stack, config };
}
