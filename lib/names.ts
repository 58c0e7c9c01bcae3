// Physical names built from the stack name. Pulumi allows stack names of 1-100 characters of
// letters, digits, "-", "_" and "." (pulumi/pulumi sdk/go/common/tokens/stack_name.go,
// ParseStackName), so `wechat-https-backend-<stack>-vswitch-0` can reach 131 characters. Each name
// is cut to its resource's limit only when it is too long: a name that fits stays exactly what it
// was, so deployed stacks see no rename. A cut name keeps its start and its suffix and carries 8 hex
// of the SHA-256 of the whole name, so two long stack names that share a start stay distinct.
// Instances take neither instance_name nor host_name from the stack (components/backendInstances.ts
// sets neither; ECS names them itself), so a "." or "_" of a stack name never reaches a host name.
// The monitoring names (lib/monitoring/names.ts) use a slug of at most 20 characters, hashed when cut.
import { createHash } from "node:crypto";

/** Hex digits of the hash a shortened name carries. */
export const NAME_HASH_LENGTH = 8;

/**
 * Hex digits of the hash of the exact stack name that the names of RAM's scope carry when they cannot
 * carry the name itself (lib/cloud/appRole.ts, ramName, the monitoring role): 64 bits, so no two
 * stack names share one by chance.
 */
export const EXACT_NAME_HASH_LENGTH = 16;

export function shortHash(text: string, length = NAME_HASH_LENGTH): string {
  return createHash("sha256").update(text).digest("hex").slice(0, length);
}

/**
 * `${base}${suffix}` when it is at most `max` characters; else the start of `base`, "-", the hash of
 * the whole name, then `suffix` (exactly `max` characters).
 */
export function fitName(base: string, suffix: string, max: number): string {
  const full = `${base}${suffix}`;
  if (full.length <= max) return full;
  const room = max - suffix.length - NAME_HASH_LENGTH - 1;
  if (room < 1) throw new Error(`fitName: suffix "${suffix}" leaves no room for a name of at most ${max} characters`);
  return `${base.slice(0, room)}-${shortHash(full)}${suffix}`;
}

export interface NameRule {
  /** Most characters the cloud accepts. */
  readonly max: number;
  /** What a name must look like, as the cloud states it (checked by the tests for every stack name). */
  readonly pattern: RegExp;
  /** Where the rule was read. */
  readonly source: string;
}

/**
 * The names this project gives that grow with the stack name. None of these fields is ForceNew in
 * the provider: a rename updates the resource in place (they are Optional+Computed without ForceNew
 * in the files named below), except the RAM role's and policy's (ForceNew: a new name is a new
 * role), whose shortening is the one they always had.
 */
export const NAME_RULES = {
  /** load_balancer_name: "can have a maximum of 80 characters" (website/docs/r/slb_load_balancer.html.markdown; resource_alicloud_slb_load_balancer.go). */
  loadBalancer: { max: 80, pattern: /^[A-Za-z0-9][A-Za-z0-9._/-]{0,79}$/, source: "slb_load_balancer" },
  /** The vServer group's name: the provider states no limit (resource_alicloud_slb_server_group.go); the CLB's 80 is kept. */
  serverGroup: { max: 80, pattern: /^[A-Za-z0-9][A-Za-z0-9._/-]{0,79}$/, source: "slb_server_group" },
  /** vpc_name: 2-128, starts with a letter; digits, ".", "_", "-" (CreateVpc; resource_alicloud_vpc.go has no check of its own). */
  vpc: { max: 128, pattern: /^[A-Za-z][A-Za-z0-9._-]{1,127}$/, source: "vpc" },
  /** vswitch_name: 1-128 characters (website/docs/r/vswitch.html.markdown; resource_alicloud_vswitch.go). */
  vswitch: { max: 128, pattern: /^[A-Za-z][A-Za-z0-9._-]{0,127}$/, source: "vswitch" },
  /** role_name (ForceNew): 1-64 letters, digits, "." and "-" (RAM CreateRole; resource_alicloud_ram_role.go). */
  ramRole: { max: 64, pattern: /^[A-Za-z0-9.-]{1,64}$/, source: "ram_role" },
  /** policy_name (ForceNew): 1-128 letters, digits and "-" (website/docs/r/ram_policy.html.markdown). */
  ramPolicy: { max: 128, pattern: /^[A-Za-z0-9-]{1,128}$/, source: "ram_policy" },
  /** security_group_name: 2-128, starts with a letter; letters, digits, ":", "_", ".", "-" (website/docs/r/security_group.html.markdown). */
  securityGroup: { max: 128, pattern: /^[A-Za-z][A-Za-z0-9:_.-]{1,127}$/, source: "security_group" },
  /** address_name: AllocateEipAddress's Name, 1-128 characters, not starting with http:// or https:// (its API page); kept to the VPC's shape. */
  eip: { max: 128, pattern: /^[A-Za-z][A-Za-z0-9._-]{0,127}$/, source: "eip_address" },
} as const satisfies Record<string, NameRule>;

export type NamedResource = keyof typeof NAME_RULES;

/** `wechat-https-backend-<stack>`: the start of every name below. */
export function stackPrefix(stack: string): string {
  return `wechat-https-backend-${stack}`;
}

/** The physical name of `resource` for this stack: `<prefix><suffix>`, shortened only when too long. */
export function physicalName(resource: NamedResource, stack: string, suffix: string): string {
  return fitName(stackPrefix(stack), suffix, NAME_RULES[resource].max);
}

/**
 * A stack name RAM names carry as it is: lowercase letters, digits and "-", not starting with "-".
 * Any other had its "_" and "." turned into "-" (shop.prod and shop-prod shared a role), and whether
 * RAM tells names apart by case is not documented, so upper case is not taken either.
 */
const PLAIN_RAM_STACK = /^[a-z0-9][a-z0-9-]*$/;

/** Starts the RAM names of the other stack names; no plain name has "--" there. */
const HASHED_RAM_START = "wechat-https-backend--";

/**
 * The instances' RAM role and its policy, at most 64 characters, one-to-one on stack names (both are
 * account-wide, and the policy reads the stack's secrets). For a plain stack name,
 * `wechat-https-backend-<stack>-<region>-<suffix>` as it has always been (role_name and policy_name
 * are ForceNew: resource_alicloud_ram_role.go, resource_alicloud_ram_policy.go), cut with fitName
 * when too long: such a cut name ends in its hash before the suffix, where a whole one has its
 * region's last part, and no region's is hex. For any other stack name,
 * `wechat-https-backend--<start>-<16 hex of the exact name>-<region>-<suffix>`.
 */
export function ramName(stack: string, region: string, suffix: string): string {
  const clean = (text: string): string => text.replace(/[^A-Za-z0-9-]/g, "-");
  if (PLAIN_RAM_STACK.test(stack)) {
    return fitName(clean(`${stackPrefix(stack)}-${region}`), clean(`-${suffix}`), NAME_RULES.ramRole.max);
  }
  const tail = clean(`${shortHash(stack, EXACT_NAME_HASH_LENGTH)}-${region}-${suffix}`);
  const room = NAME_RULES.ramRole.max - HASHED_RAM_START.length - tail.length - 1;
  const start = stack
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, Math.max(room, 0))
    .replace(/-+$/, "");
  return `${HASHED_RAM_START}${start === "" ? "" : `${start}-`}${tail}`;
}
