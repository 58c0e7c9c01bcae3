// Which input changes make the provider replace a resource (delete and create) instead of updating
// it in place, for the resource types this project uses. The offline plan diff marks replacements
// from this table; `pulumi preview` asks the real provider, so the two can only disagree where an
// entry is wrong or incomplete. Each entry cites where the provider says so, at the version that
// was checked; where a fact could not be confirmed the entry says so in `unconfirmed`.
//
// Pulumi's bridged providers turn Terraform's `ForceNew: true` (SDKv2) and `RequiresReplace()`
// (plugin framework) into replacements. Input names below are Pulumi's (camelCase).

export interface ReplaceTriggers {
  /** The upstream resource the Pulumi type is bridged from. */
  readonly upstream: string;
  /** Inputs whose change replaces the resource. */
  readonly inputs?: readonly string[];
  /** The provider cannot update this resource at all: every input change replaces it, except these. */
  readonly everyInputExcept?: readonly string[];
  /** Where the provider says so: repository, path, and what was read there. */
  readonly source: string;
  /** What could not be confirmed (newer inputs absent from the checked version, provider-level behaviour). */
  readonly unconfirmed?: string;
}

const ALICLOUD = "aliyun/terraform-provider-alicloud";

export const REPLACE_TRIGGERS: Readonly<Record<string, ReplaceTriggers>> = {
  "alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer": {
    upstream: "alicloud_slb_load_balancer",
    inputs: ["address", "addressIpVersion", "addressType", "masterZoneId", "slaveZoneId", "resourceGroupId", "vswitchId"],
    source: `${ALICLOUD} alicloud/resource_alicloud_slb_load_balancer.go (schema ForceNew: true; stored version 0612d756)`,
    unconfirmed: "paymentType/instanceChargeType switches are updates there; later provider versions were not checked",
  },
  "alicloud:slb/listener:Listener": {
    upstream: "alicloud_slb_listener",
    inputs: ["loadBalancerId", "frontendPort", "backendPort", "protocol", "listenerForward", "forwardPort"],
    source:
      `${ALICLOUD} alicloud/resource_alicloud_slb_listener.go (schema ForceNew: true; stored version 01538912) and ` +
      "website/docs/r/slb_listener.html.markdown (ForceNew markers, stored version cca5df85)",
  },
  "alicloud:slb/serverCertificate:ServerCertificate": {
    upstream: "alicloud_slb_server_certificate",
    inputs: [
      "serverCertificate",
      "privateKey",
      "alicloudCertificateId",
      "alicloudCertificateName",
      "alicloudCertificateRegionId",
      "alicloudCertifacteId",
      "alicloudCertifacteName",
      "resourceGroupId",
    ],
    source: `${ALICLOUD} alicloud/resource_alicloud_slb_server_certificate.go (schema ForceNew: true; stored version 0612d756)`,
  },
  "alicloud:slb/backendServer:BackendServer": {
    upstream: "alicloud_slb_backend_server",
    inputs: ["loadBalancerId"],
    source: `${ALICLOUD} alicloud/resource_alicloud_slb_backend_server.go (schema ForceNew: true; backend_servers is updated in place)`,
  },
  "alicloud:dns/alidnsRecord:AlidnsRecord": {
    upstream: "alicloud_alidns_record",
    inputs: ["domainName"],
    source: `${ALICLOUD} website/docs/r/alidns_record.html.markdown (domain_name "Required, ForceNew"; stored version e71f69b6)`,
  },
  "alicloud:ecs/instance:Instance": {
    upstream: "alicloud_instance",
    inputs: [
      "availabilityZone",
      "systemDiskCategory",
      "systemDiskAutoSnapshotPolicyId",
      "systemDiskEncrypted",
      "systemDiskKmsKeyId",
      "systemDiskEncryptAlgorithm",
      "systemDiskStorageClusterId",
      "dataDisks",
      "roleName",
      "keyName",
      "spotStrategy",
      "spotPriceLimit",
      "securityEnhancementStrategy",
      "hpcClusterId",
    ],
    source: `${ALICLOUD} alicloud/resource_alicloud_instance.go (schema ForceNew: true; stored version 00f9da03; the system disk encryption fields checked again at master of 2026-08)`,
    unconfirmed:
      "inputs newer than the checked version (httpTokens, vpcId, ...) were not checked; imageId, instanceType, vswitchId and userData are updates there " +
      "(this program replaces instances on userData itself with replaceOnChanges)",
  },
  "alicloud:ecs/command:Command": {
    upstream: "alicloud_ecs_command",
    everyInputExcept: [],
    source: `${ALICLOUD} alicloud/resource_alicloud_ecs_command.go (no Update function; every argument ForceNew: true)`,
  },
  "alicloud:ecs/ecsInvocation:EcsInvocation": {
    upstream: "alicloud_ecs_invocation",
    everyInputExcept: [],
    source: `${ALICLOUD} alicloud/resource_alicloud_ecs_invocation.go (no Update function; every argument ForceNew: true)`,
  },
  "alicloud:ecs/securityGroup:SecurityGroup": {
    upstream: "alicloud_security_group",
    inputs: ["vpcId", "securityGroupType", "description"],
    source: `${ALICLOUD} website/docs/r/security_group.html.markdown (vpc_id, security_group_type "ForceNew", description "Forces new resource"; stored version 995c8d94)`,
    unconfirmed: "later provider versions may update description in place",
  },
  "alicloud:ecs/securityGroupRule:SecurityGroupRule": {
    upstream: "alicloud_security_group_rule",
    everyInputExcept: ["description", "prefixListId"],
    source: `${ALICLOUD} website/docs/r/security_group_rule.html.markdown (every argument "ForceNew" but description and prefix_list_id; stored version 86eef05c)`,
    unconfirmed: "sourceGroupOwnerId is newer than the checked docs",
  },
  "alicloud:vpc/network:Network": {
    upstream: "alicloud_vpc",
    inputs: ["dryRun", "userCidrs"],
    source: `${ALICLOUD} website/docs/r/vpc.html.markdown (dry_run, user_cidrs "ForceNew"; cidr_block is not; stored version b585b384)`,
    unconfirmed: "inputs newer than the checked docs (ipv4IpamPoolId, ...) were not checked",
  },
  "alicloud:vpc/switch:Switch": {
    upstream: "alicloud_vswitch",
    inputs: ["zoneId", "availabilityZone", "vpcId", "cidrBlock"],
    source: `${ALICLOUD} website/docs/r/vswitch.html.markdown (zone_id, availability_zone, vpc_id, cidr_block "ForceNew"; stored version 7b48cf0c)`,
  },
  "tls:index/privateKey:PrivateKey": {
    upstream: "tls_private_key",
    everyInputExcept: [],
    source:
      "hashicorp/terraform-provider-tls internal/provider/resource_private_key.go (algorithm, rsa_bits, ecdsa_curve: RequiresReplace(); Update is a no-op)",
  },
  "tls:index/selfSignedCert:SelfSignedCert": {
    upstream: "tls_self_signed_cert",
    everyInputExcept: ["earlyRenewalHours", "maxPathLength"],
    source:
      "hashicorp/terraform-provider-tls internal/provider/resource_self_signed_cert.go (every argument RequiresReplace() but early_renewal_hours and max_path_length)",
    unconfirmed:
      "a certificate inside its early-renewal window is replaced on the next update whatever changed; the offline plan cannot see time",
  },
  "acme:index/registration:Registration": {
    upstream: "acme_registration",
    everyInputExcept: [],
    source:
      "vancluever/terraform-provider-acme acme/resource_acme_registration.go (no Update function; account_key_pem, email_address, external_account_binding ForceNew: true)",
    unconfirmed: "accountKeyAlgorithm/accountKeyEcdsaCurve/accountKeyRsaBits are newer than the checked version",
  },
  "acme:index/certificate:Certificate": {
    upstream: "acme_certificate",
    inputs: [
      "accountKeyPem",
      "commonName",
      "subjectAlternativeNames",
      "keyType",
      "certificateRequestPem",
      "mustStaple",
      "preferredChain",
      "profile",
    ],
    source: "vancluever/terraform-provider-acme acme/resource_acme_certificate.go (resourceACMECertificateV5 schema: ForceNew: true)",
    unconfirmed:
      "validityDays and minDaysDynamic are newer than the checked version; a renewal (inside minDaysRemaining) is an in-place update that issues a new certificate, which the offline plan cannot see",
  },
  "command:local:Command": {
    upstream: "pulumi/pulumi-command local.Command",
    inputs: ["triggers"],
    source:
      'pulumi/pulumi-command provider/pkg/provider/common/inputs.go (triggers: provider:"replaceOnChanges"); ' +
      "provider/pkg/provider/local/commandController.go (any other change is an Update, which runs `update`, or `create` again when unset)",
  },
  "pulumi:providers:acme": {
    upstream: "provider configuration of @pulumiverse/acme",
    inputs: [],
    source:
      "pulumi/pulumi-terraform-bridge#1683 (DiffConfig replaces a bridged provider only for properties marked ForcesProviderReplace) and " +
      "pulumi/pulumi#18509 (explicit providers are judged by DiffConfig too)",
    unconfirmed: "whether @pulumiverse/acme marks serverUrl ForcesProviderReplace; if it does, changing it replaces every ACME resource",
  },
};

export interface ReplaceVerdict {
  /** The changed inputs that replace the resource. */
  readonly triggers: string[];
  /** The table's source for them, or why it has none. */
  readonly source: string;
  readonly known: boolean;
}

/** Of the changed top-level inputs of a resource of `type`, those the provider replaces it for. */
export function replacingInputs(type: string, changedInputs: readonly string[]): ReplaceVerdict {
  const entry = REPLACE_TRIGGERS[type];
  if (!entry) {
    return {
      triggers: [],
      source: `no replace-trigger entry for ${type} in tools/plan/replaceTriggers.ts: check with pulumi preview`,
      known: false,
    };
  }
  const triggers = entry.everyInputExcept
    ? changedInputs.filter((key) => !entry.everyInputExcept?.includes(key))
    : changedInputs.filter((key) => entry.inputs?.includes(key));
  return { triggers, source: entry.source, known: true };
}
