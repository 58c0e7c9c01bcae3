// The backend instances: reachable only through the load balancer (no public address of their own,
// and no EIP, HaVip or DNAT entry in front of one: the provider's eip_association instance_type,
// havip_attachment and forward_entry), metadata only with session tokens (an SSRF in the app cannot
// read the instance's credentials), and disks encrypted at rest.
//
// Established rule sets this follows: checkov CKV_ALI_7 (disks are encrypted) and KICS
// disk_encryption_disabled. Not CKV_ALI_8 (a customer-managed KMS key): the ECS service key
// (alias/acs/ecs) encrypts just the same and costs nothing to keep; a team that needs its own key
// sets systemDiskKmsKeyId and this pack still passes it.
import type { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { parsePortRange, type PortRange } from "./network";
import { namedPortsIn } from "./ports";
import { NOT_KNOWN, peek, peekNumber, peekString } from "./props";
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
function publicPathProblem(args: ResourceValidationArgs): string | undefined {
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

export const instancesWithoutPublicIp: ResourceValidationPolicy = {
  name: "instances-without-public-ip",
  description:
    "ECS instances get no public address and no public path (internetMaxBandwidthOut 0; no EIP on an instance, its network " +
    "interface, a HaVip or a private address; no HaVip attachment; no DNAT entry): they are reached only through the load balancer.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    const path = publicPathProblem(args);
    if (path) reportViolation(path);
    if (args.type === TYPES.instance) {
      const bandwidth = peekNumber(args.props, "internetMaxBandwidthOut");
      if (typeof bandwidth === "number" && bandwidth > 0) {
        reportViolation(
          `instance "${args.name}" has internetMaxBandwidthOut ${bandwidth}, which gives it a public IP address: ` +
            `set it to 0; the instances are reached only through the load balancer`,
        );
      }
      if (peekString(args.props, "allocatePublicIp") === "true") {
        reportViolation(
          `instance "${args.name}" has allocatePublicIp true: remove it; the instances are reached only through the load balancer`,
        );
      }
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
