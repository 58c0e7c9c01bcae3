// Reads a stack's raw config map into typed values, driven by the key schema in keys.ts: each key's
// type, range, allowed values and shape are checked here, once, for every key alike; defaults are
// applied; and a key the project does not know (a typo such as `domian` or `alicloud:regoin`) is
// refused with the nearest known key, instead of being ignored while the real key keeps its default.
import { closest, distance } from "fastest-levenshtein";
import { readFileSync } from "node:fs";
import { CONTROL_OR_LINE_SEPARATOR } from "../constants";
import { joinList, type Locale } from "../i18n";
import type { Problems } from "../problems";
import { CONFIG_KEYS, PROJECT, type ConfigKey, type ConfigKeySpec, type ConfigValues } from "./keys";
import { configMessages, type ConfigMessages } from "./messages";

/**
 * What the offline plan puts in the config map for a secret it cannot decrypt. The program never
 * sees it under the Pulumi CLI, which decrypts every secret before the program starts.
 */
export const UNREADABLE_SECRET = "[secret value the offline plan cannot decrypt]";

let providerKeyList: string[] | undefined;

/**
 * The Alibaba Cloud provider's own config keys (`alicloud:region`, `alicloud:accessKey`, ...), from
 * the installed provider: its config/vars module declares one `export declare const <key>` per key.
 * Read from the declarations, not by loading the module, which loads the Pulumi SDK: about a second
 * at the start of every test file that checks config, only to list names.
 */
export function providerKeys(): string[] {
  if (providerKeyList) return providerKeyList;
  const declarations = readFileSync(require.resolve("@pulumi/alicloud/config/vars.d.ts"), "utf8");
  providerKeyList = [...declarations.matchAll(/^export declare const (\w+):/gm)].map((match) => match[1]);
  if (providerKeyList.length === 0) throw new Error("no config keys found in @pulumi/alicloud/config/vars.d.ts");
  return providerKeyList;
}

export const PROVIDER_NAMESPACE = "alicloud";

/** The command that sets a key to its example value. */
export function setCommand(key: string): string {
  const spec: ConfigKeySpec | undefined = (CONFIG_KEYS as Record<string, ConfigKeySpec>)[key];
  if (!spec) return `pulumi config set ${key} <value>`;
  if (spec.example.startsWith("pulumi ")) return spec.example;
  const value = /^[A-Za-z0-9._:/@-]+$/.test(spec.example) ? spec.example : `'${spec.example}'`;
  return spec.type === "array"
    ? `pulumi config set --path '${key}[0]' ${JSON.parse(spec.example)[0]}`
    : `pulumi config set ${key} ${value}`;
}

/** The known name nearest to `name` (case differences and a few typing slips), if any is near. */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const byLower = new Map(known.map((k) => [k.toLowerCase(), k]));
  const candidate = closest(name.toLowerCase(), [...byLower.keys()]);
  const slips = distance(name.toLowerCase(), candidate);
  return slips <= Math.max(2, Math.floor(name.length / 3)) ? byLower.get(candidate) : undefined;
}

function removeCommand(full: string): string {
  return `pulumi config rm ${full.includes(" ") ? `'${full}'` : full}`;
}

function unknownKeyProblem(m: ConfigMessages, full: string, namespace: string, name: string, known: readonly string[]): string {
  const near = nearestName(name, known);
  const remove = removeCommand(full);
  return near
    ? m.unknownKeyNear({ key: full, near: namespace === PROJECT ? near : `${namespace}:${near}`, remove })
    : m.unknownKey({ key: full, remove });
}

/** Config keys no part of the stack reads: typos, or keys of an older version. */
export function checkKnownKeys(values: Readonly<Record<string, string | undefined>>, problems: Problems, locale: Locale = "en"): void {
  const m = configMessages(locale);
  const projectKeys = Object.keys(CONFIG_KEYS);
  let alicloudKeys: string[] | undefined;
  for (const full of Object.keys(values)) {
    const separator = full.indexOf(":");
    if (separator < 0) continue;
    const namespace = full.slice(0, separator);
    const name = full.slice(separator + 1);
    if (namespace === PROJECT) {
      if (!projectKeys.includes(name)) problems.error(unknownKeyProblem(m, full, namespace, name, projectKeys));
    } else if (namespace === PROVIDER_NAMESPACE) {
      alicloudKeys ??= providerKeys();
      if (!alicloudKeys.includes(name)) problems.error(unknownKeyProblem(m, full, namespace, name, alicloudKeys));
    } else if (nearestName(namespace, [PROJECT, PROVIDER_NAMESPACE])) {
      // Another provider's namespace (acme:, pulumi:) is not ours to judge; a misspelt one of ours is.
      const near = nearestName(namespace, [PROJECT, PROVIDER_NAMESPACE]);
      problems.error(m.unknownNamespace({ key: full, namespace, near: `${near}:${name}`, remove: removeCommand(full) }));
    }
  }
}

/** What every reader needs besides the key and its value. */
interface Reading {
  readonly problems: Problems;
  readonly locale: Locale;
  readonly m: ConfigMessages;
}

/**
 * Refuses a value (or map key) holding a control or line-separator character, naming where it sits
 * (`label`: the key, `appEnv.NAME`, `zoneIds[1]`) and which character it is, never showing the
 * value. Returns whether the text is clean. Values reach the instances' user data, nginx config and
 * scripts; the renderers escape or encode what they embed, and this keeps such characters out of
 * the stack in the first place (they are invisible, and never meant).
 */
function cleanText(key: ConfigKey, label: string, text: string, r: Reading, what: "value" | "name" = "value"): boolean {
  const match = CONTROL_OR_LINE_SEPARATOR.exec(text);
  if (!match) return true;
  const codePoint = `U+${(match[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
  const said = { key: label, codePoint, position: [...text.slice(0, match.index)].length + 1, fix: setCommand(key) };
  r.problems.error(what === "name" ? r.m.controlCharacterInName(said) : r.m.controlCharacter(said));
  return false;
}

function readString(key: ConfigKey, spec: Extract<ConfigKeySpec, { type: "string" }>, raw: string | undefined, r: Reading): string {
  const { problems, locale, m } = r;
  const value = raw === undefined ? (spec.default ?? "") : spec.secret ? raw : raw.trim();
  // Empty means "not set" for an optional key; a required key's absence is for stackConfig to explain.
  if (value === "" || spec.secret || value === UNREADABLE_SECRET) return value;
  if (!spec.multiline && !cleanText(key, key, value, r)) return spec.default ?? "";
  if (spec.enum && !spec.enum.includes(value)) {
    const refusal = spec.refusedBecause?.(value);
    const allowed = joinList(locale, spec.enum, "or");
    const fix = setCommand(key);
    problems.error(
      refusal
        ? m.valueRefused({ key, value, reason: locale === "zh-CN" ? refusal.reasonZh : refusal.reason, allowed, fix })
        : m.valueNotAllowed({ key, value, allowed, fix }),
    );
    return spec.default ?? "";
  }
  const shape = spec.shape;
  if (shape && (!shape.pattern.test(value) || (shape.maxLength !== undefined && value.length > shape.maxLength))) {
    problems.error(m.valueWrongShape({ key, value, shape: locale === "zh-CN" ? shape.nameZh : shape.name, fix: setCommand(key) }));
  }
  return value;
}

function readInteger(key: ConfigKey, spec: Extract<ConfigKeySpec, { type: "integer" }>, raw: string | undefined, r: Reading): number {
  const { problems, locale, m } = r;
  const fallback = spec.default ?? 0;
  if (raw === undefined || raw.trim() === "") return fallback;
  if (!/^-?\d{1,10}$/.test(raw.trim())) {
    problems.error(m.notWholeNumber({ key, value: raw, fix: setCommand(key) }));
    return fallback;
  }
  const value = Number(raw.trim());
  if (value < spec.min || value > spec.max) {
    const note = spec.rangeNote ? (locale === "zh-CN" ? spec.rangeNote.reasonZh : spec.rangeNote.reason) : "";
    problems.error(m.outOfRange({ key, value, min: spec.min, max: spec.max, note, fix: setCommand(key) }));
    return fallback;
  }
  return value;
}

function readJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function readArray(key: ConfigKey, spec: Extract<ConfigKeySpec, { type: "array" }>, raw: string | undefined, r: Reading): string[] {
  if (raw === undefined || raw.trim() === "") return [...(spec.default ?? [])];
  // A secret list may arrive unreadable (the offline plan: `secure:` whole, or per item); its area's
  // check reads the raw value itself and never quotes it.
  if (spec.secret) return [];
  // A single value set without --path arrives as a plain string.
  const parsed = /^[[{"]/.test(raw.trim()) ? readJson(raw) : [raw];
  if (!Array.isArray(parsed) || !parsed.every((item): item is string => typeof item === "string")) {
    r.problems.error(r.m.notList({ key, fix: setCommand(key) }));
    return [];
  }
  const items = parsed.map((item) => item.trim());
  return items.filter((item, i) => cleanText(key, `${key}[${i}]`, item, r));
}

function readObject(
  key: ConfigKey,
  spec: Extract<ConfigKeySpec, { type: "object" }>,
  raw: string | undefined,
  r: Reading,
): Record<string, string> {
  if (raw === undefined || raw.trim() === "") return { ...(spec.default ?? {}) };
  const parsed = readJson(raw);
  const isMap = typeof parsed === "object" && parsed !== null && !Array.isArray(parsed);
  if (!isMap || !Object.values(parsed).every((item) => typeof item === "string")) {
    r.problems.error(r.m.notMap({ key, fix: setCommand(key) }));
    return {};
  }
  const entries: [string, string][] = [];
  for (const [name, raw] of Object.entries(parsed as Record<string, string>)) {
    // A secret map's values never reach a rendered file (only its names do); pasted values are used trimmed.
    const value = spec.pastedValues ? raw.replace(/^\uFEFF/, "").trim() : raw;
    const label = `${key}.${name.replace(new RegExp(CONTROL_OR_LINE_SEPARATOR.source, "gu"), "?")}`;
    if (cleanText(key, label, name, r, "name") && (spec.secret || cleanText(key, label, value, r))) entries.push([name, value]);
  }
  return Object.fromEntries(entries);
}

/** The value of `key` in the runtime's config map (`wechat-https-backend:<key>`). */
export function rawValue(values: Readonly<Record<string, string | undefined>>, key: ConfigKey): string | undefined {
  return values[`${PROJECT}:${key}`];
}

export interface ReadConfig {
  readonly values: ConfigValues;
  /** Keys whose value broke their spec (reported already): checks built on them should not pile on. */
  readonly invalid: ReadonlySet<ConfigKey>;
}

/**
 * Every key of the schema, typed, with its default when unset. A value that breaks its key's spec is
 * reported and replaced by the default, so the checks that build on it can still run.
 */
export function readConfigValues(
  values: Readonly<Record<string, string | undefined>>,
  problems: Problems,
  locale: Locale = "en",
): ReadConfig {
  checkKnownKeys(values, problems, locale);
  const reading: Reading = { problems, locale, m: configMessages(locale) };
  const read: Record<string, unknown> = {};
  const invalid = new Set<ConfigKey>();
  for (const key of Object.keys(CONFIG_KEYS) as ConfigKey[]) {
    const before = problems.errors.length;
    const spec = CONFIG_KEYS[key] as ConfigKeySpec;
    const raw = rawValue(values, key);
    switch (spec.type) {
      case "string":
        read[key] = readString(key, spec, raw, reading);
        break;
      case "integer":
        read[key] = readInteger(key, spec, raw, reading);
        break;
      case "array":
        read[key] = readArray(key, spec, raw, reading);
        break;
      case "object":
        read[key] = readObject(key, spec, raw, reading);
        break;
    }
    if (problems.errors.length > before) invalid.add(key);
  }
  return { values: read as ConfigValues, invalid };
}
