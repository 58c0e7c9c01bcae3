// Runs the pack's policies without the Pulumi CLI, over the resources of the offline plan
// (tools/plan) or over hand-built ones: the one place that turns a declared resource into the
// arguments @pulumi/policy gives a policy, the way its analyzer server does:
// - props: the resource's inputs (validateResource) or its outputs (validateStack), secrets
//   unwrapped to plain values, values not known yet as the engine's unknown sentinel, all behind
//   the SDK's unknown-checking proxy;
// - opts: protect, ignoreChanges, deleteBeforeReplace, ... from the resource options;
// - a policy that reads an unknown value through the proxy "can't run during preview" (advisory),
//   one that calls notApplicable() is reported as not applicable, like the CLI does.
// Not part of the pack itself (index.ts never imports it).
import * as policySdk from "@pulumi/policy";
import type {
  PolicyResource,
  PolicyResourceOptions,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationPolicy,
} from "@pulumi/policy";
import * as pulumi from "@pulumi/pulumi";
import type { DeclaredResource, ResourceRef } from "../../tools/plan/runProgram";
import { UNKNOWN_STRING, isUnknownValue, unwrapSecret } from "../../policy/props";

/** A resource as the policies receive it; build one by hand in tests, or from the plan with fromDeclared. */
export interface PolicyInput {
  readonly type: string;
  readonly name: string;
  readonly urn: string;
  /** Inputs, as plain JSON; use UNKNOWN_STRING for a value not known at preview. */
  readonly props: Record<string, unknown>;
  /** Outputs for stack policies; default: the props. */
  readonly outputs?: Record<string, unknown>;
  /** For stack policies: the names of the resources each property's value comes from (e.g. a listener's loadBalancerId). */
  readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
  readonly opts?: Partial<PolicyResourceOptions>;
}

export type Finding =
  | { readonly kind: "violation"; readonly policy: string; readonly level: string; readonly resource?: string; readonly message: string }
  | { readonly kind: "not-applicable"; readonly policy: string; readonly resource?: string; readonly message: string }
  | { readonly kind: "cannot-run"; readonly policy: string; readonly resource?: string; readonly message: string };

type Policy = ResourceValidationPolicy | StackValidationPolicy;

/** The SDK's proxy and error exist at runtime but are not in its public typings. */
const sdkInternals = policySdk as unknown as {
  unknownCheckingProxy?: <T extends object>(value: T) => T;
  UnknownValueError?: new (...args: never[]) => Error;
};
const guarded = <T extends object>(value: T): T => sdkInternals.unknownCheckingProxy?.(value) ?? value;

class NotApplicable extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

function isUnknownRead(err: unknown): boolean {
  return sdkInternals.UnknownValueError !== undefined && err instanceof sdkInternals.UnknownValueError;
}

/** Plain JSON with secrets unwrapped and every unknown (SDK object or sentinel) as the engine's sentinel. */
export function plainProps(value: unknown): unknown {
  const inner = unwrapSecret(value);
  if (pulumi.isUnknown(inner) || isUnknownValue(inner)) return UNKNOWN_STRING;
  if (Array.isArray(inner)) return inner.map(plainProps);
  if (typeof inner === "object" && inner !== null) {
    return Object.fromEntries(Object.entries(inner).map(([k, v]) => [k, plainProps(v)]));
  }
  return inner;
}

export function urnOf(stack: string, project: string, qualifiedType: string, name: string): string {
  return `urn:pulumi:${stack}::${project}::${qualifiedType}::${name}`;
}

/** The string values anywhere in an input (a list of ids, an id inside an object). */
function stringsIn(value: unknown): string[] {
  const inner = unwrapSecret(value);
  if (typeof inner === "string") return [inner];
  if (Array.isArray(inner)) return inner.flatMap(stringsIn);
  if (typeof inner === "object" && inner !== null) return Object.values(inner).flatMap(stringsIn);
  return [];
}

/**
 * What the engine hands a stack policy as propertyDependencies, rebuilt from the plan: the resources
 * whose id an input holds. Only where ids are known (test mode); at preview the engine knows the
 * links from the registrations, which the mocks do not see.
 */
function propertyDependencies(resource: DeclaredResource, byId: ReadonlyMap<string, string>): Record<string, string[]> {
  const links = Object.entries(resource.inputs).map(([key, value]) => [
    key,
    [...new Set(stringsIn(value).flatMap((text) => byId.get(text) ?? []))].filter((name) => name !== resource.name),
  ]);
  return Object.fromEntries(links.filter(([, names]) => names.length > 0));
}

/** The plan's resources (tools/plan/runProgram) as policy inputs, with real URNs (parent types joined by $). */
export function fromDeclared(resources: readonly DeclaredResource[], stack: string, project: string): PolicyInput[] {
  const byKey = new Map(resources.map((r) => [`${r.type}::${r.name}`, r]));
  const qualifiedType = (r: ResourceRef & { parent?: ResourceRef }): string => {
    const parent = r.parent ? byKey.get(`${r.parent.type}::${r.parent.name}`) : undefined;
    return parent ? `${qualifiedType(parent)}$${r.type}` : r.type;
  };
  const urns = new Map(resources.map((r) => [r, urnOf(stack, project, qualifiedType(r), r.name)]));
  const byId = new Map(
    resources
      .filter((r) => r.custom && typeof r.id === "string" && r.id !== "" && !isUnknownValue(r.id))
      .map((r) => [r.id as string, r.name]),
  );
  return resources
    .filter((r) => r.custom)
    .map((r) => {
      const parent = r.parent ? byKey.get(`${r.parent.type}::${r.parent.name}`) : undefined;
      return {
        type: r.type,
        name: r.name,
        urn: urns.get(r) ?? "",
        props: plainProps(r.inputs) as Record<string, unknown>,
        outputs: plainProps(r.state) as Record<string, unknown>,
        propertyDependencies: propertyDependencies(r, byId),
        opts: {
          protect: r.options.protect ?? false,
          ignoreChanges: r.options.ignoreChanges ?? [],
          deleteBeforeReplace: r.options.deleteBeforeReplace,
          additionalSecretOutputs: r.options.additionalSecretOutputs ?? [],
          parent: parent ? urns.get(parent) : undefined,
        },
      };
    });
}

function optionsOf(input: PolicyInput): PolicyResourceOptions {
  return {
    protect: false,
    ignoreChanges: [],
    aliases: [],
    additionalSecretOutputs: [],
    customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    ...input.opts,
  };
}

function configOf(policy: Policy, overrides: Record<string, unknown>): Record<string, unknown> {
  const defaults = Object.fromEntries(
    Object.entries(policy.configSchema?.properties ?? {}).map(([key, schema]) => [key, (schema as { default?: unknown }).default]),
  );
  return { ...defaults, ...overrides };
}

const notApplicable = (reason?: string): never => {
  throw new NotApplicable(reason ?? "not applicable");
};

function settle(policy: Policy, resource: string | undefined, err: unknown): Finding {
  if (err instanceof NotApplicable) return { kind: "not-applicable", policy: policy.name, resource, message: err.reason };
  if (isUnknownRead(err))
    return { kind: "cannot-run", policy: policy.name, resource, message: `can't run during preview: ${(err as Error).message}` };
  throw err;
}

/** Runs one resource policy on one resource; its violations, or why it did not apply. */
export async function runResourcePolicy(
  policy: ResourceValidationPolicy,
  input: PolicyInput,
  config: Record<string, unknown> = {},
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const level = policy.enforcementLevel ?? "advisory";
  const validations =
    policy.validateResource === undefined
      ? []
      : Array.isArray(policy.validateResource)
        ? policy.validateResource
        : [policy.validateResource];
  for (const validate of validations) {
    const args: ResourceValidationArgs = {
      type: input.type,
      name: input.name,
      urn: input.urn,
      props: guarded(structuredClone(input.props)),
      opts: optionsOf(input),
      stackTags: new Map(),
      isType: () => false,
      asType: () => undefined,
      getConfig: <T extends object>() => configOf(policy, config) as T,
      notApplicable,
    };
    try {
      await validate(args, (message) => findings.push({ kind: "violation", policy: policy.name, level, resource: input.name, message }));
    } catch (err) {
      findings.push(settle(policy, input.name, err));
    }
  }
  return findings;
}

/** Runs one stack policy over every resource (their outputs as props, as at the end of an update). */
export async function runStackPolicy(
  policy: StackValidationPolicy,
  inputs: readonly PolicyInput[],
  config: Record<string, unknown> = {},
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const level = policy.enforcementLevel ?? "advisory";
  const resources: PolicyResource[] = inputs.map((input) => ({
    type: input.type,
    name: input.name,
    urn: input.urn,
    props: guarded(structuredClone(input.outputs ?? input.props)),
    opts: optionsOf(input),
    dependencies: [],
    propertyDependencies: {},
    isType: () => false,
    asType: () => undefined,
  }));
  // As the engine hands them over: each property's dependencies are the resources themselves.
  inputs.forEach((input, i) => {
    for (const [property, names] of Object.entries(input.propertyDependencies ?? {})) {
      resources[i].propertyDependencies[property] = resources.filter((resource) => names.includes(resource.name));
    }
  });
  const nameOf = (urn?: string) => (urn === undefined ? undefined : (inputs.find((i) => i.urn === urn)?.name ?? urn));
  try {
    await policy.validateStack(
      { resources, stackTags: new Map(), getConfig: <T extends object>() => configOf(policy, config) as T, notApplicable },
      (message, urn) => findings.push({ kind: "violation", policy: policy.name, level, resource: nameOf(urn), message }),
    );
  } catch (err) {
    findings.push(settle(policy, undefined, err));
  }
  return findings;
}

/** Every policy over every resource, like `pulumi preview --policy-pack` does; config keyed by policy name. */
export async function runPolicies(
  policies: readonly Policy[],
  inputs: readonly PolicyInput[],
  config: Record<string, Record<string, unknown>> = {},
): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const policy of policies) {
    if ("validateStack" in policy) {
      findings.push(...(await runStackPolicy(policy, inputs, config[policy.name])));
    } else {
      for (const input of inputs) findings.push(...(await runResourcePolicy(policy, input, config[policy.name])));
    }
  }
  return findings;
}
