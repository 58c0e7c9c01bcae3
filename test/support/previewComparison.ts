// The real engine's preview (`pulumi preview --json`) against the offline plan of the same config in
// "preview" mode: the same resources (type, name, parent, provider), and every input the plan shows
// with the same value in the engine's, secrets and unknowns compared as such. What the provider's
// Check adds (its `__defaults`: defaults and auto-names) is collected, for the test to hold against
// the list it expects; anything else that differs is a difference.
import type { PlanDocument } from "../../tools/plan/present";
import type { DeclaredResource } from "../../tools/plan/runProgram";
import { SECRET, UNKNOWN } from "../../tools/plan/present";

/** The engine's marker for a value not known until apply (pulumi/pulumi sdk/go/common/resource/plugin: UnknownStringValue). */
const ENGINE_UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export interface PreviewStep {
  readonly op: string;
  readonly urn: string;
  readonly provider?: string;
  readonly newState?: { readonly type: string; readonly parent?: string; readonly inputs?: Record<string, unknown> };
}

export interface Comparison {
  /** "<type> <name>: <what differs>" lines; empty when the two agree. */
  readonly differences: string[];
  /** Per type, the inputs the provider's Check added (sorted). */
  readonly checkAdded: Record<string, string[]>;
}

/** "<type>::<name>" of a URN's resource (the last type of its type chain). */
function typeAndName(urn: string): string {
  const parts = urn.split("::"); // urn:pulumi:<stack> :: <project> :: <type chain> :: <name>
  const types = (parts[2] ?? "").split("$");
  return `${types[types.length - 1]}::${parts.slice(3).join("::")}`;
}

/**
 * The engine's value in the plan's terms: its unknown marker as the plan's, and the `__defaults`
 * lists Check leaves in nested objects taken out (reported as "<path>.<key>" into `added`).
 */
function normalize(value: unknown, added: Set<string>, path = ""): unknown {
  if (value === ENGINE_UNKNOWN) return UNKNOWN;
  if (Array.isArray(value)) return value.map((v) => normalize(v, added, `${path}[]`));
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value);
    const defaults = (value as { __defaults?: string[] }).__defaults ?? [];
    for (const key of defaults) added.add(path ? `${path}.${key}` : key);
    return Object.fromEntries(
      entries
        .filter(([k]) => k !== "__defaults" || path === "")
        .map(([k, v]) => [k, k === "__defaults" ? v : normalize(v, added, path ? `${path}.${k}` : k)]),
    );
  }
  return value;
}

/** True when the engine's value is, or holds, a secret: Check may push a secret map's secrecy down to its values. */
function holdsSecret(value: unknown): boolean {
  if (value === SECRET) return true;
  if (Array.isArray(value)) return value.some(holdsSecret);
  if (typeof value === "object" && value !== null) return Object.values(value).some(holdsSecret);
  return false;
}

function sameValue(planned: unknown, engine: unknown): boolean {
  if (planned === SECRET) return holdsSecret(engine);
  return JSON.stringify(planned) === JSON.stringify(engine);
}

/** A provider reference as a name: "default" for the default provider, else the provider resource's name. */
function providerName(reference: string | undefined): string | undefined {
  if (!reference) return undefined;
  const urn = reference.split("::").slice(0, -1).join("::");
  const name = urn.split("::").pop() ?? "";
  return name.startsWith("default") ? "default" : name;
}

export function comparePreview(
  plan: { document: PlanDocument; run: { resources: DeclaredResource[] } },
  steps: readonly PreviewStep[],
): Comparison {
  const differences: string[] = [];
  const checkAdded: Record<string, Set<string>> = {};
  const engine = new Map<string, PreviewStep>();
  for (const step of steps) {
    if (!step.newState || step.newState.type.startsWith("pulumi:pulumi:Stack")) continue;
    engine.set(typeAndName(step.urn), step);
  }
  const planned = new Set<string>();
  const declared = new Map(plan.run.resources.map((r) => [`${r.type}::${r.name}`, r]));
  for (const resource of plan.document.resources) {
    const key = `${resource.type}::${resource.name}`;
    planned.add(key);
    const step = engine.get(key);
    const label = `${resource.type} ${resource.name}`;
    if (!step?.newState) {
      differences.push(`${label}: in the plan, not in the engine's preview`);
      continue;
    }
    const parent = step.newState.parent ? typeAndName(step.newState.parent) : undefined;
    const planParent = resource.parent?.startsWith("pulumi:pulumi:Stack") ? undefined : resource.parent;
    if (!(parent?.startsWith("pulumi:pulumi:Stack") && planParent === undefined) && parent !== planParent) {
      differences.push(`${label}: parent ${planParent ?? "(stack)"} in the plan, ${parent ?? "(stack)"} in the engine`);
    }
    const explicit = declared.get(key)?.provider;
    const planProvider = explicit ? providerName(explicit) : "default";
    const stepProvider = providerName(step.provider) ?? "default";
    if (step.newState.type.startsWith("pulumi:providers:") || resource.type.includes(":index:") || !stepProvider) {
      // providers and components have no provider of their own
    } else if (planProvider !== stepProvider && !(planProvider === "default" && stepProvider === "default")) {
      differences.push(`${label}: provider ${planProvider} in the plan, ${stepProvider} in the engine`);
    }
    const added = new Set<string>();
    const inputs = normalize(step.newState.inputs ?? {}, added) as Record<string, unknown>;
    const defaults = new Set((inputs.__defaults as string[] | undefined) ?? []);
    for (const nested of [...added].filter((k) => k.includes("."))) (checkAdded[resource.type] ??= new Set()).add(nested);
    for (const [key, value] of Object.entries(resource.inputs)) {
      if (!(key in inputs)) differences.push(`${label}: input ${key} is in the plan, not in the engine's preview`);
      else if (!sameValue(value, inputs[key])) {
        differences.push(`${label}: input ${key} is ${JSON.stringify(value)} in the plan, ${JSON.stringify(inputs[key])} in the engine`);
      }
    }
    for (const key of Object.keys(inputs)) {
      if (key === "__defaults" || key in resource.inputs) continue;
      if (defaults.has(key)) (checkAdded[resource.type] ??= new Set()).add(key);
      else differences.push(`${label}: input ${key} = ${JSON.stringify(inputs[key])} is in the engine's preview, not in the plan`);
    }
  }
  for (const key of engine.keys()) {
    if (!planned.has(key)) differences.push(`${key.replace("::", " ")}: in the engine's preview, not in the plan`);
  }
  return {
    differences,
    checkAdded: Object.fromEntries(
      Object.entries(checkAdded)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([type, keys]) => [type, [...keys].sort()]),
    ),
  };
}

export { SECRET, UNKNOWN };
