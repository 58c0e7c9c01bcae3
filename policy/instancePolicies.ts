// The backend instances: reachable only through the load balancer (no public address), metadata
// only with session tokens (an SSRF in the app cannot read the instance's credentials), and disks
// encrypted at rest.
//
// Established rule sets this follows: checkov CKV_ALI_7 (disks are encrypted) and KICS
// disk_encryption_disabled. Not CKV_ALI_8 (a customer-managed KMS key): the ECS service key
// (alias/acs/ecs) encrypts just the same and costs nothing to keep; a team that needs its own key
// sets systemDiskKmsKeyId and this pack still passes it.
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { NOT_KNOWN, peek, peekNumber, peekString } from "./props";
import { DISK_TYPES, TYPES } from "./resourceTypes";

export const instancesWithoutPublicIp: ResourceValidationPolicy = {
  name: "instances-without-public-ip",
  description: "ECS instances get no public address (internetMaxBandwidthOut 0, no EIP): they are reached only through the load balancer.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
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
    } else if (args.type === TYPES.eipAssociation) {
      // The provider's default instanceType is EcsInstance; a secondary network interface is an instance's too.
      const target = peekString(args.props, "instanceType");
      if (target === NOT_KNOWN || (target !== undefined && !["EcsInstance", "NetworkInterface"].includes(target))) return;
      reportViolation(
        `EIP association "${args.name}" gives an instance a public IP address: remove it; the instances are reached only through the load balancer`,
      );
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
