// Turns a program run into what people and machines read: secrets as "[secret]", values only the
// cloud knows as "(known after apply)", resources as a tree under their components.
import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { CONFIG_CATALOGS } from "../../lib/config/messages";
import { USER_DATA_MAX_BYTES } from "../../lib/constants";
import type { Locale } from "../../lib/i18n";
import { COMMAND_CATALOGS } from "../messages";
import type { DeclaredResource, ProgramRun, RecordedOptions, ResourceRef } from "./runProgram";

export const SECRET = "[secret]";
export const UNKNOWN = "(known after apply)";

/** True for Pulumi's wire form of a secret, `{ [specialSigKey]: specialSecretSig, value }`. */
export function isSecretMarker(value: unknown): value is { value: unknown } {
  return pulumi.runtime.isRpcSecret(value);
}

/** Plain-text secrets shorter than this count only as a whole value, not inside other text. */
const MIN_EMBEDDED_SECRET = 4;

/**
 * True when a string is, or contains, one of `secrets` (values of secrets the stack file holds in
 * plain text): a program that passed one on without marking it secret must not make it printable.
 */
export function holdsPlaintextSecret(text: string, secrets: readonly string[]): boolean {
  return secrets.some((secret) => text === secret || (secret.length >= MIN_EMBEDDED_SECRET && text.includes(secret)));
}

/** A JSON-safe copy with secrets (and `plaintextSecrets` wherever they appear) and unknowns replaced by their labels. */
export function redact(value: unknown, plaintextSecrets: readonly string[] = []): unknown {
  if (pulumi.isUnknown(value)) return UNKNOWN;
  if (isSecretMarker(value)) return SECRET;
  if (typeof value === "string" && holdsPlaintextSecret(value, plaintextSecrets)) return SECRET;
  if (Array.isArray(value)) return value.map((v) => redact(v, plaintextSecrets));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, plaintextSecrets)]));
  }
  return value;
}

export interface PlannedResource {
  readonly type: string;
  readonly name: string;
  /** "<type>::<name>" of the parent component, if any. */
  readonly parent?: string;
  readonly inputs: Record<string, unknown>;
  readonly options: Omit<RecordedOptions, "dependsOn"> & { dependsOn?: string[] };
}

export interface PlanDocument {
  readonly stack: string;
  readonly environment?: string;
  readonly resources: PlannedResource[];
  readonly outputs: Record<string, unknown>;
  readonly lookups: { token: string; args: unknown }[];
  readonly warnings: string[];
  readonly checksNotRun: string[];
  /** Size of the instances' user data before base64, against what ECS accepts; absent without instances. */
  readonly userData?: { readonly bytes: number; readonly limitBytes: number };
}

/** The user data the instances get, measured as ECS counts it (decoded from the base64 the program sends). */
function userDataSize(resources: readonly DeclaredResource[]): PlanDocument["userData"] {
  const encoded = resources.find((r) => r.type === "alicloud:ecs/instance:Instance" && typeof r.inputs.userData === "string")?.inputs
    .userData;
  if (typeof encoded !== "string") return undefined;
  return { bytes: Buffer.from(encoded, "base64").length, limitBytes: USER_DATA_MAX_BYTES };
}

const refText = (ref: ResourceRef) => `${ref.type}::${ref.name}`;

/** `plaintextSecrets`: values of secrets the stack file holds in plain text, hidden wherever they turn up. */
export function toPlanDocument(stack: string, run: ProgramRun, plaintextSecrets: readonly string[] = []): PlanDocument {
  const resources = run.resources.map((r: DeclaredResource): PlannedResource => ({
    type: r.type,
    name: r.name,
    parent: r.parent ? refText(r.parent) : undefined,
    inputs: Object.fromEntries(
      Object.entries(r.inputs).map(([key, value]) => [key, r.secretInputs.includes(key) ? SECRET : redact(value, plaintextSecrets)]),
    ),
    options: { ...r.options, dependsOn: r.options.dependsOn?.map(refText) },
  }));
  const outputs = Object.fromEntries(
    Object.entries(run.outputs).map(([name, o]) => [name, o.secret ? SECRET : redact(o.value, plaintextSecrets)]),
  );
  const environment = typeof outputs.environment === "string" ? outputs.environment : undefined;
  // The program logs them under a prefix in its language (lib/config/messages).
  const prefixes = Object.values(CONFIG_CATALOGS).map((m) => m.notCheckedPrefix());
  const notCheckedText = (message: string) => prefixes.find((prefix) => message.startsWith(prefix));
  return {
    stack,
    environment,
    resources,
    outputs,
    lookups: run.mocks.invokes.map((i) => ({ token: i.token, args: redact(i.inputs, plaintextSecrets) })),
    warnings: run.log.filter((l) => l.level === "warning").map((l) => l.message),
    checksNotRun: run.log
      .filter((l) => l.level === "info" && notCheckedText(l.message) !== undefined)
      .map((l) => l.message.slice(notCheckedText(l.message)?.length ?? 0)),
    userData: userDataSize(run.resources),
  };
}

/** A long string (at any depth: a function's zip sits inside its `code` object) as its length and digest. */
function shortened(value: unknown): unknown {
  if (typeof value === "string" && value.length > 120) {
    const digest = createHash("sha256").update(value).digest("hex").slice(0, 12);
    return `<${value.length} characters, sha256 ${digest}…>`;
  }
  if (Array.isArray(value)) return value.map(shortened);
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shortened(v)]));
  return value;
}

function shortValue(value: unknown): string {
  const short = shortened(value);
  return typeof short === "string" && short.startsWith("<") && short !== value ? short : JSON.stringify(short);
}

function optionText(options: PlannedResource["options"]): string {
  const parts: string[] = [];
  if (options.protect) parts.push("protected");
  if (options.deleteBeforeReplace) parts.push("delete-before-replace");
  if (options.replaceOnChanges?.length) parts.push(`replace on ${options.replaceOnChanges.join(",")}`);
  if (options.ignoreChanges?.length) parts.push(`ignores ${options.ignoreChanges.join(",")}`);
  if (options.customTimeouts?.create) parts.push(`create timeout ${options.customTimeouts.create}`);
  if (options.dependsOn?.length) parts.push(`after ${options.dependsOn.map((d) => d.split("::")[1]).join(", ")}`);
  return parts.length ? `  [${parts.join("; ")}]` : "";
}

/**
 * The plan as text: a tree of resources with their inputs, then lookups, outputs and notes. Headings
 * and summary are in `locale`; the resource list is as the engine names it, in any language.
 */
export function formatPlan(doc: PlanDocument, source: string, locale: Locale = "en"): string {
  const m = COMMAND_CATALOGS[locale];
  const lines: string[] = [];
  lines.push(m.planTitle({ stack: doc.stack, source }) + (doc.environment ? m.planTitleEnvironment({ environment: doc.environment }) : ""));
  lines.push(m.planNoCloudCalls(), "");
  const children = new Map<string | undefined, PlannedResource[]>();
  for (const r of doc.resources) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
  const walk = (parent: string | undefined, depth: number) => {
    for (const r of children.get(parent) ?? []) {
      const indent = "  ".repeat(depth);
      lines.push(`${indent}+ ${r.type}  ${r.name}${optionText(r.options)}`);
      for (const [key, value] of Object.entries(r.inputs)) lines.push(`${indent}    ${key}: ${shortValue(value)}`);
      walk(`${r.type}::${r.name}`, depth + 1);
    }
  };
  walk(undefined, 0);
  lines.push("", m.planLookups());
  for (const l of doc.lookups) lines.push(`  ${l.token} ${JSON.stringify(l.args)}`);
  if (doc.userData) {
    const { bytes, limitBytes } = doc.userData;
    lines.push("", m.planUserData({ bytes, limit: limitBytes, percent: Math.round((100 * bytes) / limitBytes) }));
  }
  lines.push("", m.planOutputs());
  for (const [name, value] of Object.entries(doc.outputs)) lines.push(`  ${name}: ${JSON.stringify(value)}`);
  if (doc.warnings.length) {
    lines.push("", m.planWarnings());
    for (const w of doc.warnings) lines.push(`  ! ${w}`);
  }
  if (doc.checksNotRun.length) {
    lines.push("", m.planChecksNotRun());
    for (const c of doc.checksNotRun) lines.push(`  ? ${c}`);
  }
  const custom = doc.resources.filter((r) => !r.type.startsWith("wechat-https-backend:")).length;
  lines.push("", m.planSummary({ total: doc.resources.length, provider: custom, components: doc.resources.length - custom }));
  return lines.join("\n") + "\n";
}
