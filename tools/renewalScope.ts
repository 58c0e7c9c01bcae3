// What the weekly renewal (renew.yml) may change, judged on the output of `pulumi preview --json`
// for the targeted ACME certificate and its dependents. A renewal issues a new chain; the uploaded
// server certificate is replaced, the HTTPS listener switches to it, the deploy check runs again. At
// the instance edge the chain and key parameters (OOS) are updated instead, and each instance's
// certificate reload runs again.
// Anything else in the preview is a change merged to main that has not been through the deploy
// workflow's approval: the renewal must fail loudly instead of applying it.
//
// The JSON is the Pulumi CLI's PreviewDigest (pkg/display/json.go in pulumi/pulumi): `steps` of
// { op, urn, diffReasons, replaceReasons, detailedDiff: { <path>: { kind, inputDiff } } }. Steps of
// unchanged resources ("same") are left out unless --show-sames, and the halves of a replacement
// ("create-replacement", "delete-replaced") unless --show-replacement-steps
// (pkg/backend/display/display.go, shouldShow); both forms are understood here.

/** One step as `pulumi preview --json` prints it (only the fields the check reads). */
export interface PreviewStep {
  readonly op: string;
  readonly urn: string;
  readonly diffReasons?: readonly string[] | null;
  readonly replaceReasons?: readonly string[] | null;
  readonly detailedDiff?: Readonly<Record<string, { readonly kind?: string; readonly inputDiff?: boolean }>> | null;
}

export interface PreviewDigest {
  readonly steps?: readonly PreviewStep[] | null;
}

/** A kind of change a renewal may make to one resource type. */
interface RenewalRule {
  readonly type: string;
  readonly op: "update" | "replace";
  /** Top-level properties that may differ; any other makes the step a refusal. */
  readonly keys: readonly string[];
  readonly why: string;
  /** The resource names the rule covers; default every name of the type. */
  readonly names?: RegExp;
  /**
   * Replaced by its `replacementTrigger` (a re-run): the engine's step then names no property
   * (pulumi/pulumi pkg/resource/deploy/step_generator.go: a trigger is a diff with no keys), so no
   * key is the expected change, and any key is one a renewal does not make.
   */
  readonly triggered?: boolean;
}

/**
 * The computed properties terraform-provider-acme marks as new when a certificate is due for renewal
 * (resourceACMECertificateCustomizeDiff in acme/resource_acme_certificate.go: SetNewComputed), in
 * the Pulumi SDK's names. A change to any input of the certificate is not a renewal.
 */
const ACME_RENEWAL_OUTPUTS = [
  "certificatePem",
  "certificateP12",
  "certificateUrl",
  "certificateDomain",
  "certificateNotBefore",
  "certificateNotAfter",
  "privateKeyPem",
  "issuerPem",
  "certificateSerial",
  "renewalInfoWindowStart",
  "renewalInfoWindowEnd",
  "renewalInfoWindowSelected",
  "renewalInfoExplanationUrl",
  "renewalInfoRetryAfter",
];

export const RENEWAL_RULES: readonly RenewalRule[] = [
  { type: "acme:index/certificate:Certificate", op: "update", keys: ACME_RENEWAL_OUTPUTS, why: "the new certificate" },
  {
    type: "alicloud:slb/serverCertificate:ServerCertificate",
    op: "replace",
    keys: ["serverCertificate"],
    why: "the new chain uploaded to the load balancer",
  },
  { type: "alicloud:slb/listener:Listener", op: "update", keys: ["serverCertificateId"], why: "the HTTPS listener serves the new chain" },
  { type: "command:local:Command", op: "replace", keys: ["triggers"], why: "the deploy check runs again on the new certificate" },
  {
    type: "alicloud:oos/secretParameter:SecretParameter",
    op: "update",
    keys: ["value"],
    // Only the certificate's parameters (components/appRuntime.ts): an app secret's is not a renewal.
    names: /-secret-tls-(chain-\d+|private-key)$/,
    why: "the new chain and key for the instance edge's nginx",
  },
  {
    type: "alicloud:ecs/ecsInvocation:EcsInvocation",
    op: "replace",
    keys: [],
    names: /-\d+-tls-reload$/,
    triggered: true,
    why: "the instance edge fetches the new certificate and reloads nginx",
  },
];

/** Operations that change nothing in the cloud. */
const NO_CHANGE = new Set(["same", "read"]);
/** The engine's names for the parts of a replacement (pkg/resource/deploy/step.go). */
const REPLACE_OPS = new Set(["replace", "create-replacement", "delete-replaced", "discard-replaced", "read-replacement"]);

export interface JudgedStep {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly op: string;
  readonly keys: string[];
  /** Why it is allowed, or why it is refused. */
  readonly reason: string;
}

export interface RenewalVerdict {
  readonly allowed: JudgedStep[];
  readonly refused: JudgedStep[];
}

/** Type and name of a URN: urn:pulumi:<stack>::<project>::<parent types$type>::<name>. */
export function parseUrn(urn: string): { type: string; name: string } {
  const parts = urn.split("::");
  if (parts.length < 4 || !parts[0].startsWith("urn:pulumi:")) return { type: "(not a URN)", name: urn };
  const qualified = parts[2];
  return { type: qualified.slice(qualified.lastIndexOf("$") + 1), name: parts.slice(3).join("::") };
}

/** The top-level properties a step changes: its diff and replace reasons, and the roots of its detailed diff's paths. */
function changedKeys(step: PreviewStep): string[] {
  const detailed = Object.keys(step.detailedDiff ?? {}).map((path) => /^[^.[]+/.exec(path)?.[0] ?? path);
  return [...new Set([...(step.diffReasons ?? []), ...(step.replaceReasons ?? []), ...detailed])].sort();
}

/** " named <name>" where a rule of the type covers only some names, so the refusal says which. */
function named(type: string, name: string): string {
  return RENEWAL_RULES.some((r) => r.type === type && r.names) ? ` named ${name}` : "";
}

function judge(step: PreviewStep): { allowed: boolean; reason: string; keys: string[] } {
  const { type, name } = parseUrn(step.urn);
  const keys = changedKeys(step);
  const op = REPLACE_OPS.has(step.op) ? "replace" : step.op;
  const rule = RENEWAL_RULES.find((r) => r.type === type && r.op === op && (r.names?.test(name) ?? true));
  if (!rule) return { allowed: false, keys, reason: `a renewal makes no ${step.op} of a ${type}${named(type, name)}` };
  // The deleting half of a replacement carries no diff of its own; its replacing half is judged.
  if (keys.length === 0 && (step.op === "delete-replaced" || rule.triggered)) return { allowed: true, keys, reason: rule.why };
  if (keys.length === 0)
    return { allowed: false, keys, reason: `the preview does not say what changes, so it cannot be shown to be only ${rule.why}` };
  const extra = keys.filter((k) => !rule.keys.includes(k));
  if (extra.length > 0) {
    if (rule.keys.length === 0)
      return { allowed: false, keys, reason: `it changes ${extra.join(", ")}, and a renewal only runs it again (${rule.why})` };
    const only = rule.type.startsWith("acme:") ? "the certificate's own outputs" : rule.keys.join(", ");
    return { allowed: false, keys, reason: `it changes ${extra.join(", ")}, and a renewal changes only ${only} (${rule.why})` };
  }
  return { allowed: true, keys, reason: rule.why };
}

/** Sorts every step that changes something into allowed (a renewal) and refused (anything else). */
export function judgeRenewalPreview(digest: PreviewDigest): RenewalVerdict {
  const allowed: JudgedStep[] = [];
  const refused: JudgedStep[] = [];
  for (const step of digest.steps ?? []) {
    if (NO_CHANGE.has(step.op)) continue;
    const { type, name } = parseUrn(step.urn);
    const verdict = judge(step);
    const judged = { urn: step.urn, type, name, op: step.op, keys: verdict.keys, reason: verdict.reason };
    (verdict.allowed ? allowed : refused).push(judged);
  }
  return { allowed, refused };
}

/** Reads the CLI's JSON; throws with a clear message when it is not a preview digest. */
export function parsePreviewDigest(text: string): PreviewDigest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new Error(`not JSON (is it the output of pulumi preview --json?): ${(err as Error).message}`, { cause: err });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new Error("not a pulumi preview --json document (an object)");
  const steps = (value as { steps?: unknown }).steps;
  if (steps !== undefined && steps !== null && !Array.isArray(steps))
    throw new Error('"steps" is not a list: not a pulumi preview --json document');
  for (const step of (steps ?? []) as unknown[]) {
    const s = step as { op?: unknown; urn?: unknown };
    if (typeof s?.op !== "string" || typeof s.urn !== "string")
      throw new Error("a step without op or urn: not a pulumi preview --json document");
  }
  return value as PreviewDigest;
}
