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
/** The provider commit read for the entries that cite it: master of 2026-08. */
const ALICLOUD_COMMIT = "81c43b67";

export const REPLACE_TRIGGERS: Readonly<Record<string, ReplaceTriggers>> = {
  "alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer": {
    upstream: "alicloud_slb_load_balancer",
    inputs: ["internet", "address", "addressIpVersion", "addressType", "masterZoneId", "slaveZoneId", "resourceGroupId", "vswitchId"],
    source:
      `${ALICLOUD} alicloud/resource_alicloud_slb_load_balancer.go (schema ForceNew: true; master of 2026-08, ` +
      `${ALICLOUD_COMMIT}; load_balancer_name is not)`,
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
  "alicloud:slb/serverGroup:ServerGroup": {
    upstream: "alicloud_slb_server_group",
    inputs: ["loadBalancerId"],
    source:
      `${ALICLOUD} alicloud/resource_alicloud_slb_server_group.go (load_balancer_id ForceNew; name, tags ` +
      `and servers update in place; ${ALICLOUD_COMMIT})`,
  },
  "alicloud:slb/serverGroupServerAttachment:ServerGroupServerAttachment": {
    upstream: "alicloud_slb_server_group_server_attachment",
    everyInputExcept: [],
    source:
      `${ALICLOUD} alicloud/resource_alicloud_slb_server_group_server_attachment.go (no Update function; ` +
      `every argument ForceNew: true; ${ALICLOUD_COMMIT})`,
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
      "networkInterfaceId",
      "systemDiskCategory",
      "systemDiskStorageClusterId",
      "systemDiskEncrypted",
      "systemDiskKmsKeyId",
      "systemDiskEncryptAlgorithm",
      "networkInterfaceTrafficMode",
      "networkCardIndex",
      "queuePairNumber",
      "sourceDestCheck",
      "dataDisks",
      "spotStrategy",
      "spotPriceLimit",
      "spotInterruptionBehavior",
      "securityEnhancementStrategy",
      "hpcClusterId",
      "httpPutResponseHopLimit",
      "ipv6AddressCount",
      "dedicatedHostId",
      "launchTemplateName",
      "launchTemplateId",
      "launchTemplateVersion",
    ],
    source:
      `${ALICLOUD} alicloud/resource_alicloud_instance.go (schema ForceNew: true, data_disks by its elements; ${ALICLOUD_COMMIT}); ` +
      "key_name, role_name, system_disk_auto_snapshot_policy_id, http_tokens, image_id, instance_type, vswitch_id and user_data update in place",
    unconfirmed:
      "image_id replaces only when the provider's features.ecs_instance.replace_on_image_update is set (resourceAliCloudInstanceCustomizeDiff); " +
      "this program replaces instances on userData, instanceType and imageId itself with replaceOnChanges",
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
    inputs: ["vpcId", "securityGroupType"],
    source:
      `${ALICLOUD} alicloud/resource_alicloud_security_group.go (vpc_id, security_group_type ForceNew: true; ` +
      `description and security_group_name update in place with ModifySecurityGroupAttribute; ${ALICLOUD_COMMIT})`,
  },
  "alicloud:ecs/securityGroupRule:SecurityGroupRule": {
    upstream: "alicloud_security_group_rule",
    everyInputExcept: ["description"],
    source:
      `${ALICLOUD} alicloud/resource_alicloud_security_group_rule.go (every argument ForceNew: true but ` +
      `description, prefix_list_id included; ${ALICLOUD_COMMIT})`,
  },
  "alicloud:vpc/network:Network": {
    upstream: "alicloud_vpc",
    inputs: ["isDefault", "userCidrs", "ipv6CidrBlock"],
    source:
      `${ALICLOUD} alicloud/resource_alicloud_vpc.go (is_default, user_cidrs, ipv6_cidr_block ForceNew: ` +
      `true; cidr_block, vpc_name and dry_run are not; ${ALICLOUD_COMMIT})`,
  },
  "alicloud:vpc/switch:Switch": {
    upstream: "alicloud_vswitch",
    inputs: ["zoneId", "availabilityZone", "vpcId", "cidrBlock", "isDefault"],
    source:
      `${ALICLOUD} alicloud/resource_alicloud_vswitch.go (zone_id, availability_zone, vpc_id, cidr_block, ` +
      `is_default ForceNew: true; vswitch_name is not; ${ALICLOUD_COMMIT})`,
  },
  "tls:index/privateKey:PrivateKey": {
    upstream: "tls_private_key",
    everyInputExcept: [],
    source:
      "hashicorp/terraform-provider-tls internal/provider/resource_private_key.go (algorithm, rsa_bits, ecdsa_curve: RequiresReplace(); Update is a no-op)",
  },
  "tls:index/certRequest:CertRequest": {
    upstream: "tls_cert_request",
    everyInputExcept: ["privateKeyPemWo"],
    source:
      "hashicorp/terraform-provider-tls internal/provider/resource_cert_request.go (every attribute RequiresReplace(), private_key_pem when its PEM changes; " +
      "the write-only private_key_pem_wo is never compared, its version replaces)",
  },
  "tls:index/selfSignedCert:SelfSignedCert": {
    upstream: "tls_self_signed_cert",
    everyInputExcept: ["earlyRenewalHours", "maxPathLength"],
    source:
      "hashicorp/terraform-provider-tls internal/provider/resource_self_signed_cert.go (every argument " +
      "RequiresReplace() but early_renewal_hours and max_path_length)",
    unconfirmed:
      "a certificate inside its early-renewal window is replaced on the next update whatever changed; the offline plan cannot see time",
  },
  "acme:index/registration:Registration": {
    upstream: "acme_registration",
    everyInputExcept: [],
    source:
      "vancluever/terraform-provider-acme acme/resource_acme_registration.go (no Update function; account_key_pem, account_key_algorithm, " +
      "account_key_ecdsa_curve, account_key_rsa_bits, email_address, external_account_binding ForceNew: true; master 5638d8d5)",
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
      "validityDays and minDaysDynamic are newer than the checked version; a renewal (inside minDaysRemaining) " +
      "is an in-place update that issues a new certificate, which the offline plan cannot see",
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
