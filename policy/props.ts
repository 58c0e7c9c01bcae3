// Reading resource properties the way the Pulumi CLI hands them to a policy.
//
// During `pulumi preview` a value that depends on another resource's output is not known yet. The
// engine sends it as one of the sentinels below, and @pulumi/policy wraps the properties in a proxy
// that throws on reading such a value (the policy then reports "can't run during preview" instead
// of a verdict). Policies here must decide for themselves what an unknown means (skip, or say so),
// so they look at values through `peek`, which reads the raw property without tripping the proxy.
import { runtime } from "@pulumi/pulumi";

/** The engine's wire sentinels for unknown values (string, number, bool, array, asset, archive, object). */
const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
  "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  "030794c1-ac77-496b-92df-f27374a8bd58",
  "e48ece36-62e2-4504-bad9-02848725956a",
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);

/** The string the engine uses for an unknown value; tests and the plan adapter produce it too. */
export const UNKNOWN_STRING = runtime.unknownValue;

export type Peeked = { readonly state: "absent" } | { readonly state: "unknown" } | { readonly state: "known"; readonly value: unknown };

export function isUnknownValue(value: unknown): boolean {
  return typeof value === "string" && UNKNOWN_SENTINELS.has(value);
}

/**
 * A secret's plain value. The CLI unwraps secrets before a policy sees them, but a harness or an
 * older SDK may pass the wire form; both read the same here.
 */
export function unwrapSecret(value: unknown): unknown {
  return runtime.isRpcSecret(value) ? runtime.unwrapRpcSecret(value) : value;
}

/** The property at `path` (keys of nested objects), without triggering the unknown-checking proxy. */
export function peek(props: object, ...path: string[]): Peeked {
  let current: unknown = props;
  for (const key of path) {
    current = unwrapSecret(current);
    if (typeof current !== "object" || current === null) return { state: "absent" };
    // The proxy has no getOwnPropertyDescriptor trap, so this reads the raw target value.
    const descriptor = Object.getOwnPropertyDescriptor(current, key);
    if (!descriptor || descriptor.value === undefined || descriptor.value === null) return { state: "absent" };
    current = descriptor.value;
    if (isUnknownValue(current)) return { state: "unknown" };
  }
  current = unwrapSecret(current);
  if (isUnknownValue(current)) return { state: "unknown" };
  return { state: "known", value: current };
}

/** Returned for a value the engine does not know yet (preview). */
export const NOT_KNOWN: unique symbol = Symbol("not known until the resource exists");

/** A known string property, undefined when absent, NOT_KNOWN when not known yet. */
export function peekString(props: object, ...path: string[]): string | undefined | typeof NOT_KNOWN {
  const found = peek(props, ...path);
  if (found.state === "unknown") return NOT_KNOWN;
  if (found.state === "absent") return undefined;
  return typeof found.value === "string" ? found.value : String(found.value);
}

/** A known number property (numbers given as strings count), undefined, or NOT_KNOWN. */
export function peekNumber(props: object, ...path: string[]): number | undefined | typeof NOT_KNOWN {
  const found = peek(props, ...path);
  if (found.state === "unknown") return NOT_KNOWN;
  if (found.state === "absent") return undefined;
  const value = typeof found.value === "number" ? found.value : Number(found.value);
  return Number.isFinite(value) ? value : undefined;
}
