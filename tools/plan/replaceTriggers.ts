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
    inputs: ["address", "addressIpVersion", "addressType", "masterZoneId", "slaveZoneId", "resourceGroupId", "vswitchId"],
    source:
      `${ALICLOUD} alicloud/resource_alicloud_slb_load_balancer.go (schema ForceNew: true; master of 2026-08, ` +
      `${ALICLOUD_COMMIT}; load_balancer_name is not; internet is ForceNew but Removed since 1.124, so no input)`,
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
  "alicloud:ecs/eipAddress:EipAddress": {
    upstream: "alicloud_eip_address",
    inputs: [
      "allocationId",
      "highDefinitionMonitorLogStatus",
      "internetChargeType",
      "ipAddress",
      "isp",
      "netmode",
      "paymentType",
      "publicIpAddressPoolId",
      "securityProtectionTypes",
      "zone",
      "instanceChargeType",
    ],
    source:
      `${ALICLOUD} alicloud/resource_alicloud_eip_address.go (schema ForceNew: true; address_name, description, bandwidth, ` +
      `deletion_protection, mode and tags update in place; ${ALICLOUD_COMMIT})`,
  },
  "alicloud:ecs/eipAssociation:EipAssociation": {
    upstream: "alicloud_eip_association",
    inputs: ["allocationId", "instanceId", "instanceType", "privateIpAddress", "vpcId"],
    source: `${ALICLOUD} alicloud/resource_alicloud_eip_association.go (schema ForceNew: true; mode updates in place; ${ALICLOUD_COMMIT})`,
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
  "alicloud:ecs/ramRoleAttachment:RamRoleAttachment": {
    upstream: "alicloud_ecs_ram_role_attachment",
    inputs: ["instanceId", "ramRoleName"],
    source:
      `${ALICLOUD} alicloud/resource_alicloud_ecs_ram_role_attachment.go (instance_id, ram_role_name ForceNew: true; ` +
      `policy is not, and its Update does nothing; ${ALICLOUD_COMMIT})`,
  },
  "alicloud:ram/role:Role": {
    upstream: "alicloud_ram_role",
    inputs: ["roleName", "name"],
    source:
      `${ALICLOUD} alicloud/resource_alicloud_ram_role.go (role_name and the deprecated name ForceNew: true; ` +
      `assume_role_policy_document, description, max_session_duration and tags update in place; ${ALICLOUD_COMMIT})`,
  },
  "alicloud:ram/policy:Policy": {
    upstream: "alicloud_ram_policy",
    inputs: ["policyName", "name"],
    source:
      `${ALICLOUD} alicloud/resource_alicloud_ram_policy.go (policy_name and the deprecated name ForceNew: true; ` +
      `policy_document updates as a new policy version; ${ALICLOUD_COMMIT})`,
  },
  "alicloud:ram/rolePolicyAttachment:RolePolicyAttachment": {
    upstream: "alicloud_ram_role_policy_attachment",
    everyInputExcept: [],
    source:
      `${ALICLOUD} alicloud/resource_alicloud_ram_role_policy_attachment.go (no Update function; role_name, ` +
      `policy_name, policy_type ForceNew: true; ${ALICLOUD_COMMIT})`,
  },
  "alicloud:oos/secretParameter:SecretParameter": {
    upstream: "alicloud_oos_secret_parameter",
    inputs: ["secretParameterName", "type", "keyId", "dkmsInstanceId", "constraints"],
    source:
      `${ALICLOUD} alicloud/resource_alicloud_oos_secret_parameter.go (secret_parameter_name, type, key_id, ` +
      `dkms_instance_id, constraints ForceNew: true; value, description, tags update in place; ${ALICLOUD_COMMIT})`,
  },
  "alicloud:cr/vpcEndpointLinkedVpc:VpcEndpointLinkedVpc": {
    upstream: "alicloud_cr_vpc_endpoint_linked_vpc",
    inputs: ["instanceId", "vpcId", "vswitchId", "moduleName"],
    source:
      `${ALICLOUD} alicloud/resource_alicloud_cr_vpc_endpoint_linked_vpc.go (instance_id, vpc_id, vswitch_id, ` +
      `module_name ForceNew: true; ${ALICLOUD_COMMIT})`,
    unconfirmed:
      "enable_create_dns_record_in_pvzt is not ForceNew, but the resource's Update only calls another resource's Read " +
      "(resourceAlicloudHbrHanaBackupClientRead): a change of it does nothing in the cloud and may fail",
  },
  "alicloud:fc/v3Function:V3Function": {
    upstream: "alicloud_fcv3_function",
    inputs: ["functionName", "idleTimeout"],
    source:
      `${ALICLOUD} alicloud/resource_alicloud_fcv3_function.go (function_name, idle_timeout ForceNew: true; code, ` +
      `environment_variables, role, oss_mount_config, log_config and the rest update in place; ${ALICLOUD_COMMIT})`,
  },
  "alicloud:fc/v3Trigger:V3Trigger": {
    upstream: "alicloud_fcv3_trigger",
    inputs: ["functionName", "qualifier", "sourceArn", "triggerName", "triggerType"],
    source:
      `${ALICLOUD} alicloud/resource_alicloud_fcv3_trigger.go (function_name, qualifier, source_arn, trigger_name, ` +
      `trigger_type ForceNew: true; trigger_config and description update in place; ${ALICLOUD_COMMIT})`,
  },
  "alicloud:oss/bucket:Bucket": {
    upstream: "alicloud_oss_bucket",
    inputs: ["bucket", "storageClass", "redundancyType"],
    source:
      `${ALICLOUD} alicloud/resource_alicloud_oss_bucket.go (bucket, storage_class, redundancy_type ForceNew: true; ` +
      `server_side_encryption_rule, tags and force_destroy update in place; ${ALICLOUD_COMMIT})`,
  },
  "alicloud:log/project:Project": {
    upstream: "alicloud_log_project",
    inputs: ["projectName", "name"],
    source:
      `${ALICLOUD} alicloud/resource_alicloud_log_project.go (project_name and the deprecated name ForceNew: true; ` +
      `description, policy, tags update in place; ${ALICLOUD_COMMIT})`,
  },
  "alicloud:log/store:Store": {
    upstream: "alicloud_log_store",
    inputs: ["projectName", "logstoreName", "project", "name", "shardCount", "telemetryType", "encryptConf"],
    source:
      `${ALICLOUD} alicloud/resource_alicloud_log_store.go (project_name, logstore_name, the deprecated project and name, ` +
      `shard_count, telemetry_type and every field of encrypt_conf ForceNew: true; retention_period updates in place; ${ALICLOUD_COMMIT})`,
  },
  "alicloud:log/storeIndex:StoreIndex": {
    upstream: "alicloud_log_store_index",
    inputs: ["project", "logstore"],
    source:
      `${ALICLOUD} alicloud/resource_alicloud_log_store_index.go (project, logstore ForceNew: true; ` +
      `full_text and field_search update in place; ${ALICLOUD_COMMIT})`,
  },
  "alicloud:log/machineGroup:MachineGroup": {
    upstream: "alicloud_log_machine_group",
    inputs: ["project", "name"],
    source:
      `${ALICLOUD} alicloud/resource_alicloud_log_machine_group.go (project, name ForceNew: true; ` +
      `identify_type, identify_list, topic update in place; ${ALICLOUD_COMMIT})`,
  },
  "alicloud:log/logTailConfig:LogTailConfig": {
    upstream: "alicloud_logtail_config",
    inputs: ["project", "logstore", "name", "outputType"],
    source:
      `${ALICLOUD} alicloud/resource_alicloud_logtail_config.go (project, logstore, name, output_type ForceNew: true; ` +
      `input_type, input_detail, log_sample update in place; ${ALICLOUD_COMMIT})`,
  },
  "alicloud:log/logTailAttachment:LogTailAttachment": {
    upstream: "alicloud_logtail_attachment",
    everyInputExcept: [],
    source: `${ALICLOUD} alicloud/resource_alicloud_logtail_attachment.go (no Update function; every argument ForceNew: true; ${ALICLOUD_COMMIT})`,
  },
  "alicloud:cms/alarm:Alarm": {
    upstream: "alicloud_cms_alarm",
    inputs: ["project", "metric"],
    source:
      `${ALICLOUD} alicloud/resource_alicloud_cms_alarm.go (project, metric ForceNew: true; name, metric_dimensions, ` +
      `contact_groups, escalations_*, targets and the rest update in place; ${ALICLOUD_COMMIT})`,
  },
  "alicloud:cms/alarmContact:AlarmContact": {
    upstream: "alicloud_cms_alarm_contact",
    inputs: ["alarmContactName"],
    source:
      `${ALICLOUD} alicloud/resource_alicloud_cms_alarm_contact.go (alarm_contact_name ForceNew: true; ` +
      `describe, channels_*, lang update in place; ${ALICLOUD_COMMIT})`,
  },
  "alicloud:cms/alarmContactGroup:AlarmContactGroup": {
    upstream: "alicloud_cms_alarm_contact_group",
    inputs: ["alarmContactGroupName"],
    source:
      `${ALICLOUD} alicloud/resource_alicloud_cms_alarm_contact_group.go (alarm_contact_group_name ForceNew: true; ` +
      `contacts, describe, enable_subscribed update in place; ${ALICLOUD_COMMIT})`,
  },
  "alicloud:cms/siteMonitor:SiteMonitor": {
    upstream: "alicloud_cms_site_monitor",
    inputs: ["taskType", "agentGroup"],
    source:
      `${ALICLOUD} alicloud/resource_alicloud_cms_site_monitor.go (task_type, agent_group ForceNew: true; address, ` +
      `task_name, interval, isp_cities, option_json update in place; ${ALICLOUD_COMMIT})`,
    unconfirmed: "option_json.is_base_encode is ForceNew inside option_json; this table judges top-level inputs only",
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
