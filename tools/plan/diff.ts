// Compares two plan snapshots (the program at a git ref, and the working tree) the way `pulumi
// preview` compares the program with the stack's state: each resource is created, updated in
// place, replaced (delete and create) or deleted. Replacements come from the provider's
// replace-triggering inputs (replaceTriggers.ts) and the program's own replaceOnChanges; a replaced
// resource gets new ids and outputs, so whatever takes them as inputs changes too.
import { createHash } from "node:crypto";
import { edgeSwitchNotes } from "./edgeSwitch";
import { keptWhenOmitted } from "./keptWhenOmitted";
import { replacingInputs } from "./replaceTriggers";
import type { CloudRef, Encoded, PlanSnapshot, SnapshotResource } from "./snapshot";

export type Op = "create" | "update" | "replace" | "delete";

export interface InputChange {
  readonly key: string;
  /** Display form; absent when the input is not set on that side or is a secret. */
  readonly before?: string;
  readonly after?: string;
  /** Secret inputs are only ever reported as changed, never with their values. */
  readonly secret: boolean;
  /** This change replaces the resource, and why. */
  readonly replaces?: string;
}

export interface ResourceChange {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly op: Op;
  /** Replace: the old one is deleted before the new one is created (resource option deleteBeforeReplace). */
  readonly deleteBeforeReplace?: boolean;
  /** The URN it has in the deployed stack, when it was renamed there (an alias). */
  readonly formerUrn?: string;
  /** Top-level input keys that change. */
  readonly changedInputs: string[];
  readonly inputs: InputChange[];
  readonly notes: string[];
}

export interface OptionChange {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly option: string;
  readonly before: string;
  readonly after: string;
}

export interface ValueChange {
  readonly name: string;
  readonly status: "added" | "removed" | "changed";
  readonly before?: string;
  readonly after?: string;
  readonly secret: boolean;
}

export interface PlanDiff {
  readonly stack: string;
  readonly summary: Record<Op | "unchanged", number>;
  readonly changes: ResourceChange[];
  /** What `pulumi up` does, in order: creates and updates in dependency order, then the deletes it defers to the end. */
  readonly operations: string[];
  readonly optionChanges: OptionChange[];
  readonly outputs: ValueChange[];
  readonly config: ValueChange[];
  readonly notes: string[];
}

type Marker =
  { $unknown: true } | { $secret: { known: boolean; hash?: string; refs: string[] } } | { $ref: CloudRef[] } | { $lookup: string };

function marker(value: Encoded | undefined): Marker | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  for (const key of ["$unknown", "$secret", "$ref", "$lookup"]) if (key in value) return value as Marker;
  return undefined;
}

interface CompareContext {
  /** URNs of resources that are replaced or deleted: their ids and outputs change. */
  readonly replaced: ReadonlySet<string>;
  /** An encrypted secret in the stack config changed: secrets the plan cannot decrypt may have changed. */
  readonly encryptedSecretChanged: boolean;
  /** The base URN of each renamed resource (found under an alias), by its head URN. */
  readonly formerUrn: ReadonlyMap<string, string>;
}

/** True when the value changes between the two sides (or may, where it depends on a replaced resource). */
function differs(a: Encoded | undefined, b: Encoded | undefined, ctx: CompareContext): boolean {
  if ((a === undefined || a === null) && (b === undefined || b === null)) return false;
  const ma = marker(a);
  const mb = marker(b);
  if (ma || mb) {
    // A looked-up value now set in the config (or the reverse) is a change only if the value differs.
    if (ma && "$lookup" in ma && typeof b === "string") return ma.$lookup !== b;
    if (mb && "$lookup" in mb && typeof a === "string") return mb.$lookup !== a;
    if (!ma || !mb) return true;
    if ("$unknown" in ma && "$unknown" in mb) return false;
    if ("$secret" in ma && "$secret" in mb) {
      if (mb.$secret.refs.some((urn) => ctx.replaced.has(urn))) return true;
      if (!ma.$secret.known || !mb.$secret.known) return ctx.encryptedSecretChanged;
      return ma.$secret.hash !== mb.$secret.hash;
    }
    if ("$ref" in ma && "$ref" in mb) {
      const urnsA = ma.$ref
        .map((r) => r.urn)
        .sort()
        .join();
      const urnsB = mb.$ref
        .map((r) => ctx.formerUrn.get(r.urn) ?? r.urn)
        .sort()
        .join();
      return urnsA !== urnsB || mb.$ref.some((r) => ctx.replaced.has(r.urn));
    }
    if ("$lookup" in ma && "$lookup" in mb) return ma.$lookup !== mb.$lookup;
    return true;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return true;
    return a.some((item, i) => differs(item, b[i], ctx));
  }
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const ra = a as Record<string, Encoded>;
    const rb = b as Record<string, Encoded>;
    return [...new Set([...Object.keys(ra), ...Object.keys(rb)])].some((key) => differs(ra[key], rb[key], ctx));
  }
  return a !== b;
}

function containsSecret(value: Encoded | undefined): boolean {
  if (Array.isArray(value)) return value.some(containsSecret);
  if (typeof value !== "object" || value === null) return false;
  if ("$secret" in value) return true;
  return Object.values(value as Record<string, Encoded>).some(containsSecret);
}

const MAX_STRING = 80;
const MAX_DISPLAY = 240;

function displayable(value: Encoded, ctx?: CompareContext): unknown {
  const m = marker(value);
  if (m) {
    if ("$unknown" in m) return "(known after apply)";
    if ("$secret" in m) return "[secret]";
    if ("$lookup" in m) return "(lookup result)";
    const ref = m.$ref[0];
    if (ctx && m.$ref.some((r) => ctx.replaced.has(r.urn))) return `(known after apply: ${ref.name} is replaced)`;
    return ref.key === "id" ? `(id of ${ref.name})` : `(${ref.key} of ${ref.name})`;
  }
  if (Array.isArray(value)) return value.map((v) => displayable(v, ctx));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value as Record<string, Encoded>).map(([k, v]) => [k, displayable(v, ctx)]));
  }
  // Long values (user data, scripts) by size and digest, so two versions can be told apart.
  if (typeof value === "string" && value.length > MAX_STRING) {
    return `<${value.length} characters, sha256 ${createHash("sha256").update(value).digest("hex").slice(0, 12)}>`;
  }
  return value;
}

/** A short, secret-free text form of an encoded value; `ctx` marks values of replaced resources. */
export function display(value: Encoded | undefined, ctx?: CompareContext): string | undefined {
  if (value === undefined || value === null) return undefined;
  const shown = displayable(value, ctx);
  const text = typeof shown === "string" && marker(value) ? shown : JSON.stringify(shown);
  return text.length > MAX_DISPLAY ? `${text.slice(0, MAX_DISPLAY - 1)}…` : text;
}

function replaceOnChangesCovers(resource: SnapshotResource, key: string): boolean {
  const paths = resource.options.replaceOnChanges ?? [];
  return paths.some((p) => p === "*" || p === key || p.startsWith(`${key}.`) || p.startsWith(`${key}[`));
}

function inputChanges(
  base: SnapshotResource,
  head: SnapshotResource,
  ctx: CompareContext,
): { changes: InputChange[]; notes: string[]; kept: string[]; replace: boolean } {
  const ignored = new Set(head.options.ignoreChanges ?? []);
  const kept: string[] = [];
  const keys = [...new Set([...Object.keys(base.inputs), ...Object.keys(head.inputs)])].filter((key) => {
    if (!differs(base.inputs[key], head.inputs[key], ctx)) return false;
    if (ignored.has(key)) {
      // The engine passes the deployed value on instead (pulumi/pulumi step_generator.go, processIgnoreChanges).
      const deployed = display(base.inputs[key]);
      kept.push(
        `${key} is ignored (ignoreChanges): it keeps the deployed ${deployed ?? "value"}, not ${display(head.inputs[key], ctx) ?? "none"}`,
      );
      return false;
    }
    const source = head.inputs[key] == null ? keptWhenOmitted(head.type, key) : undefined;
    if (source) kept.push(`${key} is no longer set, which the provider takes as no change: the cloud keeps it (${source})`);
    return source === undefined;
  });
  const verdict = replacingInputs(head.type, keys);
  const notes: string[] = [];
  const changes = keys.map((key): InputChange => {
    const secret = containsSecret(base.inputs[key]) || containsSecret(head.inputs[key]);
    const byProvider = verdict.triggers.includes(key);
    const byProgram = replaceOnChangesCovers(head, key);
    const replaces = byProgram
      ? "the program's replaceOnChanges"
      : byProvider
        ? `the provider forces replacement (${verdict.source})`
        : undefined;
    return {
      key,
      secret,
      ...(secret ? {} : { before: display(base.inputs[key]), after: display(head.inputs[key], ctx) }),
      ...(replaces ? { replaces } : {}),
    };
  });
  if (keys.length > 0 && !verdict.known) notes.push(verdict.source);
  // The engine compares the option with its last recorded value; an absent side never triggers
  // (pulumi/pulumi pkg/resource/deploy/step_generator.go, shouldTriggerReplace).
  const triggerBefore = base.options.replacementTrigger;
  const triggerAfter = head.options.replacementTrigger;
  if (triggerBefore != null && triggerAfter != null && differs(triggerBefore, triggerAfter, ctx)) {
    const secret = containsSecret(triggerBefore) || containsSecret(triggerAfter);
    changes.push({
      key: REPLACEMENT_TRIGGER,
      secret,
      ...(secret ? {} : { before: display(triggerBefore), after: display(triggerAfter, ctx) }),
      replaces: "the program's replacementTrigger",
    });
  }
  return { changes, notes, kept, replace: changes.some((c) => c.replaces !== undefined) };
}

/** How a change of the replacementTrigger resource option is listed among a resource's changes. */
export const REPLACEMENT_TRIGGER = "replacementTrigger (option)";

const OPTION_NAMES = ["protect", "deleteBeforeReplace", "replaceOnChanges", "ignoreChanges", "retainOnDelete"] as const;

function optionChanges(base: SnapshotResource, head: SnapshotResource): OptionChange[] {
  return OPTION_NAMES.flatMap((option) => {
    const before = JSON.stringify(base.options[option] ?? null);
    const after = JSON.stringify(head.options[option] ?? null);
    return before === after ? [] : [{ urn: head.urn, type: head.type, name: head.name, option, before, after }];
  });
}

function valueChanges(before: Record<string, Encoded>, after: Record<string, Encoded>, ctx: CompareContext): ValueChange[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return names.flatMap((name): ValueChange[] => {
    const a = before[name];
    const b = after[name];
    if (!differs(a, b, ctx)) return [];
    const secret = containsSecret(a) || containsSecret(b);
    const status = a === undefined ? "added" : b === undefined ? "removed" : "changed";
    return [{ name, status, secret, ...(secret ? {} : { before: display(a), after: display(b, ctx) }) }];
  });
}

function configChanges(base: PlanSnapshot, head: PlanSnapshot): { changes: ValueChange[]; encryptedSecretChanged: boolean } {
  let encryptedSecretChanged = false;
  const keys = [...new Set([...Object.keys(base.config), ...Object.keys(head.config)])].sort();
  const changes = keys.flatMap((name): ValueChange[] => {
    const a = base.config[name];
    const b = head.config[name];
    const status = a === undefined ? "added" : b === undefined ? "removed" : "changed";
    if (a?.secret || b?.secret) {
      const hashA = a?.secret ? a.hash : undefined;
      const hashB = b?.secret ? b.hash : undefined;
      if (hashA === hashB) return [];
      if ((a?.secret && a.encrypted) || (b?.secret && b.encrypted)) encryptedSecretChanged = true;
      return [{ name, status, secret: true }];
    }
    const before = a?.secret === false ? a.value : undefined;
    const after = b?.secret === false ? b.value : undefined;
    return before === after ? [] : [{ name, status, secret: false, before, after }];
  });
  return { changes, encryptedSecretChanged };
}

export function diffSnapshots(base: PlanSnapshot, head: PlanSnapshot): PlanDiff {
  const config = configChanges(base, head);
  const replaced = new Set<string>();
  const formerUrn = new Map<string, string>();
  const ctx: CompareContext = { replaced, encryptedSecretChanged: config.encryptedSecretChanged, formerUrn };
  const baseByUrn = new Map(base.resources.map((r) => [r.urn, r]));
  const headUrns = new Set(head.resources.map((r) => r.urn));
  // A resource renamed with an alias is the deployed one under its former URN, as the engine takes it
  // (the first alias the state has, that no resource of the program has itself).
  for (const resource of head.resources) {
    if (baseByUrn.has(resource.urn)) continue;
    const former = resource.aliases?.find((urn) => baseByUrn.has(urn) && !headUrns.has(urn) && ![...formerUrn.values()].includes(urn));
    if (former) formerUrn.set(resource.urn, former);
  }
  const changes: ResourceChange[] = [];
  const options: OptionChange[] = [];
  /** Inputs left out of resources that otherwise stay as they are, which the cloud keeps. */
  const keptNotes: string[] = [];
  let unchanged = 0;

  // Head order is registration order: every resource a value refers to comes first, so `replaced`
  // is complete for a resource's inputs by the time they are compared.
  for (const resource of head.resources) {
    const former = formerUrn.get(resource.urn);
    const before = baseByUrn.get(former ?? resource.urn);
    if (!before) {
      changes.push({ urn: resource.urn, type: resource.type, name: resource.name, op: "create", changedInputs: [], inputs: [], notes: [] });
      continue;
    }
    options.push(...optionChanges(before, resource));
    const { changes: inputs, notes, kept, replace } = inputChanges(before, resource, ctx);
    if (inputs.length === 0) {
      unchanged++;
      keptNotes.push(...kept.map((note) => `${resource.name}: ${note}`));
      continue;
    }
    notes.push(...kept);
    if (replace) {
      replaced.add(resource.urn);
      if (before.options.protect) notes.push("protected: pulumi up refuses to replace it until protect is turned off");
      if (resource.options.retainOnDelete && !before.options.retainOnDelete) {
        notes.push(
          "retainOnDelete is new: this update still deletes the old one, as the state recorded it without " +
            "(pulumi/pulumi#13428); only later replacements leave the old one alone",
        );
      }
    }
    if (former) notes.push(`renamed from ${before.name} (an alias): the same resource in the cloud`);
    changes.push({
      urn: resource.urn,
      type: resource.type,
      name: resource.name,
      ...(former ? { formerUrn: former } : {}),
      op: replace ? "replace" : "update",
      ...(replace && resource.options.deleteBeforeReplace ? { deleteBeforeReplace: true } : {}),
      changedInputs: inputs.map((i) => i.key),
      inputs,
      notes,
    });
  }
  const renamed = new Set(formerUrn.values());
  for (const resource of base.resources) {
    if (headUrns.has(resource.urn) || renamed.has(resource.urn)) continue;
    const notes = resource.options.protect ? ["protected: pulumi up refuses to delete it until protect is turned off"] : [];
    changes.push({ urn: resource.urn, type: resource.type, name: resource.name, op: "delete", changedInputs: [], inputs: [], notes });
  }
  // A resource that only moved (same type and name, new parent) gets a new URN: Pulumi creates it anew.
  for (const change of changes) {
    const twin = changes.find((c) => c !== change && c.type === change.type && c.name === change.name && c.op !== change.op);
    if (twin && (change.op === "create" || change.op === "delete")) {
      change.notes.push(
        "its URN changes (it moved to another parent): Pulumi creates the new one and deletes the old; add an alias to keep it",
      );
    }
  }

  const summary: PlanDiff["summary"] = { create: 0, update: 0, replace: 0, delete: 0, unchanged };
  for (const change of changes) summary[change.op]++;
  const notes: string[] = [...keptNotes];
  if (config.encryptedSecretChanged) {
    notes.push(
      "an encrypted (secure:) config value changed; the offline plan cannot decrypt it, so the resources " +
        "that take secret inputs from config are shown as changed",
    );
  }
  notes.push(...edgeSwitchNotes(base, head));
  if (config.changes.some((c) => c.name === "alicloud:region")) {
    notes.push(
      "alicloud:region changed: resources cannot move between regions, and whether the provider replaces " +
        "all of them on its own was not confirmed offline: read pulumi preview before applying",
    );
  }
  return {
    stack: head.stack,
    summary,
    changes,
    operations: operationOrder(changes, head, base),
    optionChanges: options,
    outputs: valueChanges(base.outputs, head.outputs, ctx),
    config: config.changes,
    notes,
  };
}

/**
 * The order `pulumi up` carries the changes out in: creates, updates and create-before-delete
 * replacements in dependency order (the head's registration order is one), and every delete after
 * all of them, dependents first: the engine defers deleting replaced and removed resources to the end
 * of the update (pulumi/pulumi pkg/resource/deploy/deployment_executor.go, performPostSteps, and
 * step_generator.go, ScheduleDeletes). Components are left out: they have no cloud side. One whose
 * recorded (base) retainOnDelete is on is only forgotten: the engine calls no Delete for it (step.go,
 * DeleteStep.Apply).
 */
export function operationOrder(changes: readonly ResourceChange[], head: PlanSnapshot, base: PlanSnapshot): string[] {
  const custom = (urn: string, snapshot: PlanSnapshot) => snapshot.resources.find((r) => r.urn === urn)?.custom ?? false;
  const deployedUrn = (change: ResourceChange) => change.formerUrn ?? change.urn;
  const retained = (change: ResourceChange) => base.resources.find((r) => r.urn === deployedUrn(change))?.options.retainOnDelete === true;
  const label = (change: ResourceChange) => `${change.name} (${change.type})`;
  const now: string[] = [];
  const atEnd: { readonly urn: string; readonly step: string }[] = [];
  for (const change of changes) {
    if (change.op === "delete" || !custom(change.urn, head)) continue;
    if (change.op === "create") now.push(`create ${label(change)}`);
    else if (change.op === "update") now.push(`update ${label(change)} in place`);
    else if (change.deleteBeforeReplace) now.push(`delete ${label(change)}, then create its replacement`);
    else {
      now.push(`create the replacement of ${label(change)}`);
      const step = retained(change) ? `forget the old ${label(change)}: retained on delete` : `delete the old ${label(change)}`;
      atEnd.push({ urn: deployedUrn(change), step });
    }
  }
  for (const change of changes.filter((c) => c.op === "delete" && custom(c.urn, base))) {
    atEnd.push({ urn: change.urn, step: retained(change) ? `forget ${label(change)}: retained on delete` : `delete ${label(change)}` });
  }
  // Deletes run dependents first: the reverse of the order the deployed stack registered them in,
  // which is the order they depend on each other in.
  const position = new Map(base.resources.map((r, i) => [r.urn, i]));
  atEnd.sort((a, b) => (position.get(b.urn) ?? 0) - (position.get(a.urn) ?? 0));
  return [...now, ...atEnd.map((d) => d.step)];
}
