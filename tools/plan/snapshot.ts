// A stack's offline plan reduced to what the plan diff compares, safe to pass between processes:
// - secret values never leave the process that planned them: they become an HMAC (keyed by the
//   parent, per run) that says only "same" or "different";
// - values only the cloud knows (ids, addresses, lookup results) become references to the resource
//   that provides them, so a replaced resource changes what depends on it, as in `pulumi preview`.
// The plan runs in the mocks' test mode, where each such value is fake but unique to its resource.
import { createHmac } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { lookupAnswers } from "./cloudCatalog";
import type { StackPlan } from "./planStack";
import { plaintextSecretValues } from "./stackFiles";
import { holdsPlaintextSecret, isSecretMarker } from "./present";
import type { DeclaredResource, RecordedOptions, ResourceRef } from "./runProgram";

/** Where a value only the cloud knows comes from: an output (or the id) of another resource. */
export interface CloudRef {
  readonly urn: string;
  readonly name: string;
  readonly key: string;
}

/** Plain JSON, plus four markers: `$unknown`, `$secret`, `$ref`, `$lookup`. */
export type Encoded =
  | null
  | boolean
  | number
  | string
  | Encoded[]
  | { readonly $unknown: true }
  | { readonly $secret: { readonly known: boolean; readonly hash?: string; readonly refs: string[] } }
  | { readonly $ref: CloudRef[] }
  | { readonly $lookup: string }
  | { readonly [key: string]: Encoded };

export interface SnapshotResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  readonly inputs: Record<string, Encoded>;
  readonly options: Pick<RecordedOptions, "protect" | "deleteBeforeReplace" | "replaceOnChanges" | "ignoreChanges" | "retainOnDelete"> & {
    /** The replacementTrigger option's value, encoded like an input (a secret one only as a hash). */
    readonly replacementTrigger?: Encoded;
  };
  /** The URNs it had before (aliases): a deployed resource under one of them is this one. */
  readonly aliases?: string[];
}

export type ConfigEntry =
  { readonly secret: false; readonly value: string } | { readonly secret: true; readonly hash?: string; readonly encrypted: boolean };

export interface PlanSnapshot {
  readonly stack: string;
  readonly project: string;
  /** In registration order, which is dependency order: a resource's inputs only refer to earlier ones. */
  readonly resources: SnapshotResource[];
  readonly outputs: Record<string, Encoded>;
  readonly config: Record<string, ConfigEntry>;
  readonly warnings: string[];
}

/** Provided values shorter than this are too generic ("active") to say where an input came from. */
const MIN_REF_LENGTH = 8;
/** Provided values at least this long (PEM, certificates) also count when an input contains them. */
const MIN_EMBEDDED_LENGTH = 64;

const keyOf = (ref: ResourceRef) => `${ref.type}::${ref.name}`;

function urnsOf(resources: readonly DeclaredResource[], stack: string, project: string): Map<DeclaredResource, string> {
  const byKey = new Map(resources.map((r) => [keyOf(r), r]));
  const qualified = (r: DeclaredResource): string => {
    const parent = r.parent ? byKey.get(keyOf(r.parent)) : undefined;
    return parent ? `${qualified(parent)}$${r.type}` : r.type;
  };
  return new Map(resources.map((r) => [r, `urn:pulumi:${stack}::${project}::${qualified(r)}::${r.name}`]));
}

/** Every value a resource gets from the cloud (its id, outputs that are not echoed inputs), by value. */
function cloudValues(resources: readonly DeclaredResource[], urns: Map<DeclaredResource, string>): Map<string, CloudRef[]> {
  const provided = new Map<string, CloudRef[]>();
  const add = (value: unknown, ref: CloudRef) => {
    if (typeof value !== "string" || value.length < MIN_REF_LENGTH) return;
    provided.set(value, [...(provided.get(value) ?? []), ref]);
  };
  for (const r of resources) {
    const urn = urns.get(r) ?? "";
    if (r.id) add(r.id, { urn, name: r.name, key: "id" });
    for (const [key, value] of Object.entries(r.state)) {
      if (JSON.stringify(r.inputs[key]) !== JSON.stringify(value)) add(value, { urn, name: r.name, key });
    }
  }
  return provided;
}

export class Encoder {
  private readonly embedded: [string, CloudRef[]][];
  private readonly lookups: Set<string>;

  constructor(
    private readonly hmacKey: Buffer,
    private readonly provided: Map<string, CloudRef[]>,
    lookups: readonly string[],
    /** Values of secrets the stack file holds in plain text: encoded as secrets wherever they turn up. */
    private readonly plaintextSecrets: readonly string[] = [],
  ) {
    this.embedded = [...provided].filter(([value]) => value.length >= MIN_EMBEDDED_LENGTH);
    // Test-mode answers of the lookups (image, instance type, zones): known only at preview.
    this.lookups = new Set<string>(lookups);
  }

  hash(text: string): string {
    return createHmac("sha256", this.hmacKey).update(text).digest("hex");
  }

  encode(value: unknown): Encoded {
    if (pulumi.isUnknown(value) || value === pulumi.runtime.unknownValue) return { $unknown: true };
    if (isSecretMarker(value)) {
      const inner = this.encode(value.value);
      const text = JSON.stringify(inner);
      return { $secret: { known: !text.includes('"$unknown"'), hash: this.hash(text), refs: refsIn(inner) } };
    }
    if (Array.isArray(value)) return value.map((v) => this.encode(v));
    if (typeof value === "object" && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.encode(v)]));
    }
    if (typeof value === "string" && holdsPlaintextSecret(value, this.plaintextSecrets)) {
      return { $secret: { known: true, hash: this.hash(value), refs: [] } };
    }
    if (typeof value === "string") {
      // In URN order: the same references make the same encoding, whatever order the resources registered in.
      const refs = [
        ...(this.provided.get(value) ?? this.embedded.filter(([provided]) => value.includes(provided)).flatMap(([, r]) => r)),
      ].sort((a, b) => a.urn.localeCompare(b.urn) || a.key.localeCompare(b.key));
      if (refs.length > 0) return { $ref: refs };
      if (this.lookups.has(value)) return { $lookup: value };
    }
    if (value === undefined) return null;
    return value as Encoded;
  }
}

/** An alias as a URN: one given as a URN, or a bare name, which keeps the type and parent of `urn`. */
function aliasUrn(urn: string, alias: string): string {
  return alias.startsWith("urn:") ? alias : `${urn.slice(0, urn.lastIndexOf("::") + 2)}${alias}`;
}

/** The URNs of the resources an encoded value refers to. */
export function refsIn(value: Encoded): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (typeof value !== "object" || value === null) return [];
  if ("$ref" in value) return (value.$ref as CloudRef[]).map((r) => r.urn);
  if ("$secret" in value) return [...(value.$secret as { refs: string[] }).refs];
  return Object.values(value as Record<string, Encoded>).flatMap(refsIn);
}

/** The stack's config as the diff shows it: secret values only as a keyed hash (ciphertexts included). */
function configOf(plan: StackPlan, encoder: Encoder): Record<string, ConfigEntry> {
  const entries: Record<string, ConfigEntry> = {};
  const plaintextSecrets = plaintextSecretValues(plan.config);
  for (const [key, value] of Object.entries(plan.config.values)) {
    if (!plan.config.secretKeys.includes(key) && !holdsPlaintextSecret(value, plaintextSecrets)) {
      entries[key] = { secret: false, value };
      continue;
    }
    const ciphertext = plan.config.ciphertexts[key];
    if (ciphertext !== undefined) entries[key] = { secret: true, hash: encoder.hash(ciphertext), encrypted: true };
    else if (plan.config.unreadableSecretKeys.includes(key)) entries[key] = { secret: true, encrypted: false };
    else entries[key] = { secret: true, hash: encoder.hash(value), encrypted: false };
  }
  return entries;
}

/** A config value and, when it is a JSON list (an array key), its items. */
function configStrings(value: string): string[] {
  if (!value.startsWith("[")) return [value];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === "string") : [value];
  } catch {
    return [value];
  }
}

export interface SnapshotOptions {
  readonly project: string;
  /** Key of the HMAC that stands in for secret values; random per diff run. */
  readonly hmacKey: Buffer;
}

export function toSnapshot(plan: StackPlan, options: SnapshotOptions): PlanSnapshot {
  const resources = plan.run.resources;
  const urns = urnsOf(resources, plan.stack, options.project);
  // A value the stack config names itself (zoneIds, instanceType, imageId) is no lookup result.
  const configured = new Set(Object.values(plan.config.values).flatMap(configStrings));
  const lookups = lookupAnswers(plan.run.mocks.catalog).filter((value) => !configured.has(value));
  const encoder = new Encoder(options.hmacKey, cloudValues(resources, urns), lookups, plaintextSecretValues(plan.config));
  return {
    stack: plan.stack,
    project: options.project,
    resources: resources.map((r) => ({
      urn: urns.get(r) ?? "",
      type: r.type,
      name: r.name,
      custom: r.custom,
      inputs: Object.fromEntries(Object.entries(r.inputs).map(([k, v]) => [k, encoder.encode(v)])),
      ...(r.options.aliases ? { aliases: r.options.aliases.map((alias) => aliasUrn(urns.get(r) ?? "", alias)) } : {}),
      options: {
        protect: r.options.protect,
        deleteBeforeReplace: r.options.deleteBeforeReplace,
        replaceOnChanges: r.options.replaceOnChanges,
        ignoreChanges: r.options.ignoreChanges,
        retainOnDelete: r.options.retainOnDelete,
        ...(r.replacementTrigger === undefined ? {} : { replacementTrigger: encoder.encode(r.replacementTrigger) }),
      },
    })),
    outputs: Object.fromEntries(
      Object.entries(plan.run.outputs).map(([name, output]) => {
        const encoded = encoder.encode(output.value);
        return [
          name,
          output.secret
            ? { $secret: { known: output.known, hash: encoder.hash(JSON.stringify(encoded)), refs: refsIn(encoded) } }
            : encoded,
        ];
      }),
    ),
    config: configOf(plan, encoder),
    warnings: [...plan.document.warnings],
  };
}
