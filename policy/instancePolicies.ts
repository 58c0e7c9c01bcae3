// The backend instances: reachable only through the load balancer (no public address of their own,
// and no EIP, HaVip or DNAT entry in front of one: the provider's eip_association instance_type,
// havip_attachment and forward_entry), but for the instance edge (instanceEdge.ts: one instance that
// lets the internet reach 443 and 80 and nothing else); metadata only with session tokens (an SSRF in
// the app cannot read the instance's credentials), and disks encrypted at rest.
//
// Established rule sets this follows: checkov CKV_ALI_7 (disks are encrypted) and KICS
// disk_encryption_disabled. Not CKV_ALI_8 (a customer-managed KMS key): the ECS service key
// (alias/acs/ecs) encrypts just the same and costs nothing to keep; a team that needs its own key
// sets systemDiskKmsKeyId and this pack still passes it.
import type { PolicyResource, ResourceValidationArgs, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { edgeShape, linked, ownPublicAddress } from "./instanceEdge";
import { parsePortRange, type PortRange } from "./network";
import { namedPortsIn } from "./ports";
import { NOT_KNOWN, peek, peekString } from "./props";
import { DISK_TYPES, TYPES } from "./resourceTypes";

/**
 * What an EIP association gives a public address to, by its instanceType (the provider's default is
 * EcsInstance): the ones in front of an instance. A NAT gateway (Nat) and a load balancer
 * (SlbInstance) are not; any other or unknown type is not proven safe.
 */
const EIP_TARGETS: Record<string, string> = {
  EcsInstance: "an instance",
  NetworkInterface: "an instance's network interface",
  HaVip: "a HaVip, the address of whichever instance holds it",
  IpAddress: "a private IP address in the VPC, in front of whichever instance has it",
};
const EIP_SAFE_TARGETS: readonly string[] = ["Nat", "SlbInstance"];

const REACHED_ONLY_BY_LOAD_BALANCER = "the instances are reached only through the load balancer";

/** A DNAT entry's port ("22", "any", "1000/2000") as a range; undefined when unreadable. */
function dnatPorts(port: string | undefined): PortRange | undefined {
  if (port === undefined || port.toLowerCase() === "any") return { from: 1, to: 65535 };
  return parsePortRange(port.includes("/") ? port : `${port}/${port}`);
}

/** The public paths to an instance other than its own address: an EIP in front of it, a HaVip, a DNAT entry. */
function publicPathProblem(args: Pick<ResourceValidationArgs, "type" | "name" | "props">): string | undefined {
  if (args.type === TYPES.eipAssociation) {
    const target = peekString(args.props, "instanceType") ?? "EcsInstance";
    if (typeof target === "string" && EIP_SAFE_TARGETS.includes(target)) return undefined;
    const what = target === NOT_KNOWN ? "an instance type not known before it is applied" : (EIP_TARGETS[target] ?? `a ${target}`);
    return `EIP association "${args.name}" gives ${what} a public IP address: remove it; ${REACHED_ONLY_BY_LOAD_BALANCER}`;
  }
  if (args.type === TYPES.haVipAttachment) {
    return (
      `HaVip attachment "${args.name}" gives an instance an address that an EIP (or a route) can make public, ` +
      `outside the load balancer: remove it; ${REACHED_ONLY_BY_LOAD_BALANCER}`
    );
  }
  if (args.type === TYPES.forwardEntry) {
    const external = peekString(args.props, "externalPort");
    const internal = peekString(args.props, "internalPort");
    const range = dnatPorts(typeof internal === "string" ? internal : undefined);
    const named = internal === NOT_KNOWN || !range ? [] : namedPortsIn(range);
    const what = named.length > 0 ? named.join(", ") : `port ${typeof internal === "string" ? internal : "(not known yet)"}`;
    const from = typeof external === "string" ? ` from its public port ${external}` : "";
    const to = peekString(args.props, "internalIp");
    return (
      `DNAT entry "${args.name}" forwards the internet${from} to ${what} on ${typeof to === "string" ? to : "a VPC address"}: remove it; ` +
      `${REACHED_ONLY_BY_LOAD_BALANCER}`
    );
  }
  return undefined;
}

const INSTANCE_EDGE = "or make it the instance edge: one instance whose security groups open only 443 and 80 to the internet";

/** Why a public instance is not allowed: not the instance edge's shape (instanceEdge.ts); undefined when it is. */
function notEdgeShaped(instance: PolicyResource, resources: readonly PolicyResource[], what: string): string | undefined {
  const shape = edgeShape(instance, resources);
  if (shape.problems.length === 0) return undefined;
  if (shape.groups.length === 0) return `${what}: remove it; ${REACHED_ONLY_BY_LOAD_BALANCER}`;
  return `${what}, and ${shape.problems.join("; ")}: close those, or remove the public address; ${REACHED_ONLY_BY_LOAD_BALANCER}, ${INSTANCE_EDGE}`;
}

/** The violations of one resource: a public path to an instance that is not the instance edge. */
function publicAddressProblems(resource: PolicyResource, resources: readonly PolicyResource[]): string[] {
  if (resource.type === TYPES.eipAssociation) {
    const target = peekString(resource.props, "instanceType") ?? "EcsInstance";
    const instances = target === "EcsInstance" ? linked(resource, "instanceId", TYPES.instance) : [];
    if (instances.length > 0) {
      const what = `EIP association "${resource.name}" gives instance "${instances[0].name}" a public IP address`;
      return [notEdgeShaped(instances[0], resources, what)].filter((m): m is string => m !== undefined);
    }
  }
  const path = publicPathProblem({ type: resource.type, name: resource.name, props: resource.props });
  if (path) return [path];
  if (resource.type !== TYPES.instance) return [];
  const own = ownPublicAddress(resource);
  if (!own) return [];
  if (own.startsWith("allocatePublicIp")) {
    const problem = notEdgeShaped(resource, resources, `instance "${resource.name}" has allocatePublicIp true`);
    return problem ? [problem] : [];
  }
  const problem = notEdgeShaped(resource, resources, `instance "${resource.name}" has ${own}`);
  // Without security groups to judge: the plain advice, as before the instance edge existed.
  if (problem && edgeShape(resource, resources).groups.length === 0) {
    return [`instance "${resource.name}" has ${own}: set it to 0; ${REACHED_ONLY_BY_LOAD_BALANCER}`];
  }
  return problem ? [problem] : [];
}

export const instancesWithoutPublicIp: StackValidationPolicy = {
  name: "instances-without-public-ip",
  description:
    "ECS instances get no public address and no public path (internetMaxBandwidthOut 0; no EIP on an instance, its network " +
    "interface, a HaVip or a private address; no HaVip attachment; no DNAT entry): they are reached only through the load " +
    "balancer. The one exception is the instance edge: an instance with a public address whose security groups open only " +
    "TCP 443 and 80 to the internet.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    for (const resource of args.resources) {
      for (const message of publicAddressProblems(resource, args.resources)) reportViolation(message, resource.urn);
    }
  },
};

export const instanceMetadataTokensRequired: ResourceValidationPolicy = {
  name: "instance-metadata-tokens-required",
  description:
    'ECS instances answer metadata requests only with a session token (httpTokens "required"), so a ' +
    "server-side request forgery in the app cannot read the instance's role credentials.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== TYPES.instance) return;
    const tokens = peekString(args.props, "httpTokens");
    const endpoint = peekString(args.props, "httpEndpoint");
    if (tokens === NOT_KNOWN || endpoint === NOT_KNOWN || tokens === "required" || endpoint === "disabled") return;
    reportViolation(
      `instance "${args.name}" has httpTokens ${tokens === undefined ? "unset (the provider's default: optional)" : `"${tokens}"`}, ` +
        `so any request the app can be tricked into sending reads its metadata: set httpTokens to "required"`,
    );
  },
};

export const disksEncrypted: ResourceValidationPolicy = {
  name: "disks-encrypted",
  description:
    "System and data disks are encrypted at rest (KMS; the ECS service key is enough). checkov CKV_ALI_7, KICS disk_encryption_disabled.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type === TYPES.instance) {
      const encrypted = peekString(args.props, "systemDiskEncrypted");
      if (encrypted !== NOT_KNOWN && encrypted !== "true") {
        reportViolation(
          `instance "${args.name}" has an unencrypted system disk: set systemDiskEncrypted true (the ECS service ` +
            `key is used unless systemDiskKmsKeyId is set); this replaces the instance`,
        );
      }
      const dataDisks = peek(args.props, "dataDisks");
      const disks = dataDisks.state === "known" && Array.isArray(dataDisks.value) ? dataDisks.value : [];
      disks.forEach((_, i) => {
        const diskEncrypted = peekString(args.props, "dataDisks", String(i), "encrypted");
        if (diskEncrypted !== NOT_KNOWN && diskEncrypted !== "true") {
          reportViolation(`instance "${args.name}" has an unencrypted data disk (dataDisks[${i}]): set encrypted true on it`);
        }
      });
    } else if (DISK_TYPES.includes(args.type)) {
      const encrypted = peekString(args.props, "encrypted");
      if (encrypted !== NOT_KNOWN && encrypted !== "true") {
        reportViolation(`disk "${args.name}" is not encrypted: set encrypted true (the ECS service key is used unless kmsKeyId is set)`);
      }
    }
  },
};
