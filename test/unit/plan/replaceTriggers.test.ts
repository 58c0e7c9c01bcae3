// The replace-trigger table against what the provider source says (each entry cites it): the entries
// corrected from the source rather than older docs; every trigger it lists, each a declared input of
// its type and each making the plan diff replace the resource (cases generated from the table); and
// the table as a whole against the providers' own attribute names, so an entry dropped fails.
import { readFileSync } from "node:fs";
import { diffSnapshots } from "../../../tools/plan/diff";
import { REPLACE_TRIGGERS, replacingInputs } from "../../../tools/plan/replaceTriggers";
import { runProgram } from "../../../tools/plan/runProgram";
import type { SnapshotResource } from "../../../tools/plan/snapshot";
import { fullKeys, P } from "../../support/config";
import { loadIndex, T } from "../../support/program";

const replaces = (type: string, input: string) => replacingInputs(type, [input]).triggers.includes(input);

describe("replace triggers read from terraform-provider-alicloud and terraform-provider-tls", () => {
  test.each([
    [T.securityGroup, "description", false],
    [T.securityGroup, "securityGroupName", false],
    [T.securityGroup, "vpcId", true],
    [T.securityGroupRule, "prefixListId", true],
    [T.securityGroupRule, "description", false],
    [T.instance, "keyName", false],
    [T.instance, "roleName", false],
    [T.instance, "systemDiskAutoSnapshotPolicyId", false],
    [T.instance, "systemDiskCategory", true],
    [T.vpc, "isDefault", true],
    [T.vpc, "vpcName", false],
    [T.vpc, "dryRun", false],
    [T.vswitch, "zoneId", true],
    [T.vswitch, "vswitchName", false],
    [T.loadBalancer, "loadBalancerName", false],
    [T.certRequest, "dnsNames", true],
    [T.certRequest, "subject", true],
    [T.serverAttachment, "serverId", true],
    [T.serverGroup, "name", false],
    [T.secretParameter, "value", false],
    [T.secretParameter, "secretParameterName", true],
    [T.ramRoleAttachment, "instanceId", true],
    [T.ramRoleAttachment, "policy", false],
    [T.ramRole, "assumeRolePolicyDocument", false],
    [T.ramRole, "roleName", true],
    [T.ramPolicy, "policyDocument", false],
    [T.ramRolePolicyAttachment, "policyName", true],
    [T.registryVpcLink, "vswitchId", true],
    [T.fcFunction, "environmentVariables", false],
    [T.fcFunction, "code", false],
    [T.fcFunction, "functionName", true],
    [T.fcTrigger, "triggerConfig", false],
    [T.fcTrigger, "triggerName", true],
    [T.ossBucket, "bucket", true],
    [T.ossBucket, "serverSideEncryptionRule", false],
    [T.logProject, "projectName", true],
    [T.logStore, "retentionPeriod", false],
    [T.logStore, "shardCount", true],
    [T.logStoreIndex, "fullText", false],
    [T.machineGroup, "identifyLists", false],
    [T.logtailConfig, "inputDetail", false],
    [T.logtailConfig, "logstore", true],
    [T.logtailAttachment, "machineGroupName", true],
    [T.alarm, "metricDimensions", false],
    [T.alarm, "metric", true],
    [T.alarmContact, "channelsMail", false],
    [T.alarmContactGroup, "contacts", false],
    [T.siteMonitor, "ispCities", false],
    [T.siteMonitor, "taskType", true],
  ])("%s %s replaces: %s", (type, input, expected) => {
    expect(replacingInputs(type, [input]).known).toBe(true);
    expect(replaces(type, input)).toBe(expected);
  });
});

test("every provider resource type the program declares has an entry", async () => {
  const stack = (values: Record<string, string>, secretKeys: string[] = []) =>
    runProgram({
      project: "wechat-https-backend",
      stack: "shop",
      config: fullKeys({ "alicloud:region": "cn-hangzhou", environment: "dev", domain: "api.example.com", ...values }),
      secretKeys,
      mode: "test",
      loadProgram: loadIndex,
    });
  // Between them, every kind of resource: the ACME certificate, the app's secrets and private image,
  // monitoring; and the self-signed certificate.
  const runs = [
    await stack(
      {
        certificateSource: "acme",
        acmeEmail: "ops@example.com",
        appImage: "team-registry-vpc.cn-hangzhou.cr.aliyuncs.com/shop/api:1.4.2",
        acrInstanceId: "cri-abc123def456",
        appSecrets: JSON.stringify({ WX_APP_SECRET: "s" }),
        monitoring: "on",
        alertEmails: JSON.stringify(["ops@example.com"]),
      },
      [`${P}appSecrets`],
    ),
    await stack({ certificateSource: "selfSigned" }),
  ];
  const types = new Set(runs.flatMap((run) => run.resources.filter((r) => r.custom).map((r) => r.type)));
  expect(types.size).toBeGreaterThan(30);
  expect([...types].filter((type) => !(type in REPLACE_TRIGGERS)).sort()).toEqual([]);
});

/**
 * What replaces each resource, in the providers' own attribute names, read from their sources at the
 * versions the table cites (terraform-provider-alicloud 81c43b67: the top-level ForceNew arguments
 * that are not Removed; data_disks and encrypt_conf are ForceNew in each of their fields): "replacedBy" lists them,
 * "everyArgumentExcept" is a resource the provider cannot update. Written out here rather than taken
 * from the table, so a trigger dropped from the table (or added without a source) fails.
 */
const UPSTREAM: Record<string, { replacedBy: string } | { everyArgumentExcept: string }> = {
  "alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer": {
    replacedBy: "address address_ip_version address_type master_zone_id slave_zone_id resource_group_id vswitch_id",
  },
  "alicloud:slb/listener:Listener": { replacedBy: "load_balancer_id frontend_port backend_port protocol listener_forward forward_port" },
  "alicloud:slb/serverCertificate:ServerCertificate": {
    replacedBy:
      "server_certificate private_key alicloud_certificate_id alicloud_certificate_name " +
      "alicloud_certificate_region_id alicloud_certifacte_id alicloud_certifacte_name resource_group_id",
  },
  "alicloud:slb/serverGroup:ServerGroup": { replacedBy: "load_balancer_id" },
  "alicloud:slb/serverGroupServerAttachment:ServerGroupServerAttachment": { everyArgumentExcept: "" },
  "alicloud:slb/backendServer:BackendServer": { replacedBy: "load_balancer_id" },
  "alicloud:dns/alidnsRecord:AlidnsRecord": { replacedBy: "domain_name" },
  "alicloud:ecs/instance:Instance": {
    replacedBy:
      "availability_zone network_interface_id system_disk_category system_disk_storage_cluster_id " +
      "system_disk_encrypted system_disk_kms_key_id system_disk_encrypt_algorithm network_interface_traffic_mode " +
      "network_card_index queue_pair_number source_dest_check data_disks spot_strategy spot_price_limit " +
      "spot_interruption_behavior security_enhancement_strategy hpc_cluster_id http_put_response_hop_limit " +
      "ipv6_address_count dedicated_host_id launch_template_name launch_template_id launch_template_version",
  },
  "alicloud:ecs/command:Command": { everyArgumentExcept: "" },
  "alicloud:ecs/ecsInvocation:EcsInvocation": { everyArgumentExcept: "" },
  "alicloud:ecs/eipAddress:EipAddress": {
    replacedBy:
      "allocation_id high_definition_monitor_log_status internet_charge_type ip_address isp netmode payment_type " +
      "public_ip_address_pool_id security_protection_types zone instance_charge_type",
  },
  "alicloud:ecs/eipAssociation:EipAssociation": { replacedBy: "allocation_id instance_id instance_type private_ip_address vpc_id" },
  "alicloud:ecs/securityGroup:SecurityGroup": { replacedBy: "vpc_id security_group_type" },
  "alicloud:ecs/securityGroupRule:SecurityGroupRule": { everyArgumentExcept: "description" },
  "alicloud:vpc/network:Network": { replacedBy: "is_default user_cidrs ipv6_cidr_block" },
  "alicloud:vpc/switch:Switch": { replacedBy: "zone_id availability_zone vpc_id cidr_block is_default" },
  "alicloud:ecs/ramRoleAttachment:RamRoleAttachment": { replacedBy: "instance_id ram_role_name" },
  "alicloud:ram/role:Role": { replacedBy: "role_name name" },
  "alicloud:ram/policy:Policy": { replacedBy: "policy_name name" },
  "alicloud:ram/rolePolicyAttachment:RolePolicyAttachment": { everyArgumentExcept: "" },
  "alicloud:oos/secretParameter:SecretParameter": { replacedBy: "secret_parameter_name type key_id dkms_instance_id constraints" },
  "alicloud:cr/vpcEndpointLinkedVpc:VpcEndpointLinkedVpc": { replacedBy: "instance_id vpc_id vswitch_id module_name" },
  "alicloud:fc/v3Function:V3Function": { replacedBy: "function_name idle_timeout" },
  "alicloud:fc/v3Trigger:V3Trigger": { replacedBy: "function_name qualifier source_arn trigger_name trigger_type" },
  "alicloud:oss/bucket:Bucket": { replacedBy: "bucket storage_class redundancy_type" },
  "alicloud:log/project:Project": { replacedBy: "project_name name" },
  "alicloud:log/store:Store": { replacedBy: "project_name logstore_name project name shard_count telemetry_type encrypt_conf" },
  "alicloud:log/storeIndex:StoreIndex": { replacedBy: "project logstore" },
  "alicloud:log/machineGroup:MachineGroup": { replacedBy: "project name" },
  "alicloud:log/logTailConfig:LogTailConfig": { replacedBy: "project logstore name output_type" },
  "alicloud:log/logTailAttachment:LogTailAttachment": { everyArgumentExcept: "" },
  "alicloud:cms/alarm:Alarm": { replacedBy: "project metric" },
  "alicloud:cms/alarmContact:AlarmContact": { replacedBy: "alarm_contact_name" },
  "alicloud:cms/alarmContactGroup:AlarmContactGroup": { replacedBy: "alarm_contact_group_name" },
  "alicloud:cms/siteMonitor:SiteMonitor": { replacedBy: "task_type agent_group" },
  "tls:index/privateKey:PrivateKey": { everyArgumentExcept: "" },
  "tls:index/certRequest:CertRequest": { everyArgumentExcept: "private_key_pem_wo" },
  "tls:index/selfSignedCert:SelfSignedCert": { everyArgumentExcept: "early_renewal_hours max_path_length" },
  "acme:index/registration:Registration": { everyArgumentExcept: "" },
  "acme:index/certificate:Certificate": {
    replacedBy:
      "account_key_pem common_name subject_alternative_names key_type certificate_request_pem must_staple " + "preferred_chain profile",
  },
  "command:local:Command": { replacedBy: "triggers" },
  "pulumi:providers:acme": { replacedBy: "" },
};

const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
const words = (text: string) => text.split(" ").filter(Boolean).map(camel).sort();

test("the table says what the provider sources say, entry by entry", () => {
  expect(Object.keys(REPLACE_TRIGGERS).sort()).toEqual(Object.keys(UPSTREAM).sort());
  for (const [type, upstream] of Object.entries(UPSTREAM)) {
    const entry = REPLACE_TRIGGERS[type];
    const table =
      "replacedBy" in upstream
        ? { type, inputs: [...(entry.inputs ?? [])].sort(), everyInputExcept: entry.everyInputExcept }
        : { type, inputs: entry.inputs, everyInputExcept: [...(entry.everyInputExcept ?? [])].sort() };
    expect(table).toEqual(
      "replacedBy" in upstream
        ? { type, inputs: words(upstream.replacedBy), everyInputExcept: undefined }
        : { type, inputs: undefined, everyInputExcept: words(upstream.everyArgumentExcept) },
    );
  }
});

/** The SDK declaration file of a type token, found through its module's index as the SDK exports it. */
function declarationsOf(type: string): { file: string; args: string } {
  const [pkg, module, name] = type.split(":");
  const npm = { alicloud: "@pulumi/alicloud", tls: "@pulumi/tls", acme: "@pulumiverse/acme", command: "@pulumi/command" }[pkg];
  if (npm === undefined) throw new Error(`no SDK package known for ${type}`);
  const dir = module.split("/")[0] === "index" ? npm : `${npm}/${module.split("/")[0]}`;
  const index = readFileSync(require.resolve(`${dir}/index.d.ts`), "utf8");
  const file = new RegExp(`^export type ${name} = import\\("\\./([\\w/]+)"\\)\\.${name};`, "m").exec(index)?.[1];
  if (!file) throw new Error(`${dir}/index.d.ts does not export ${name}`);
  return { file: require.resolve(`${dir}/${file}.d.ts`), args: `${name}Args` };
}

/** The input names the SDK declares for a resource type (its XArgs interface). */
function declaredInputs(type: string): string[] {
  const { file, args } = declarationsOf(type);
  const text = readFileSync(file, "utf8");
  const start = text.indexOf(`export interface ${args} {`);
  if (start < 0) throw new Error(`${args} is not declared in ${file}`);
  const body = text.slice(start, text.indexOf("\n}", start));
  return [...body.matchAll(/^ {4}(\w+)\??:/gm)].map((m) => m[1]);
}

const urn = (type: string) => `urn:pulumi:dev::wechat-https-backend::${type}::r`;
const resource = (type: string, inputs: Record<string, string>): SnapshotResource => ({
  urn: urn(type),
  type,
  name: "r",
  custom: true,
  inputs,
  options: {},
});
const snapshotOf = (resources: SnapshotResource[]) => ({
  stack: "dev",
  project: "wechat-https-backend",
  resources,
  outputs: {},
  config: {},
  warnings: [],
});

/** How the plan diff shows a change of `input` alone on a resource of `type`. */
function diffOf(type: string, input: string) {
  const [change] = diffSnapshots(
    snapshotOf([resource(type, { [input]: "before" })]),
    snapshotOf([resource(type, { [input]: "after" })]),
  ).changes;
  return { op: change.op, replaces: change.inputs.find((i) => i.key === input)?.replaces };
}

// Types whose inputs the SDK declares (the provider resource of @pulumiverse/acme has no trigger to check).
const TABLE = Object.entries(REPLACE_TRIGGERS).filter(([type]) => !type.startsWith("pulumi:providers:"));

describe.each(TABLE)("%s", (type, entry) => {
  const declared = declaredInputs(type);
  const listed = entry.inputs ?? entry.everyInputExcept ?? [];

  test("every input the table names is one the SDK declares", () => {
    expect(listed.filter((input) => !declared.includes(input))).toEqual([]);
  });

  const replacing = entry.inputs ?? declared.filter((input) => !entry.everyInputExcept?.includes(input));
  test.each(replacing)("a change of %s alone is planned as a replacement, with the table's source", (input) => {
    expect(diffOf(type, input)).toEqual({ op: "replace", replaces: `the provider forces replacement (${entry.source})` });
  });

  const updating = entry.everyInputExcept ?? declared.filter((input) => !entry.inputs?.includes(input));
  if (updating.length > 0) {
    test("a change of any other input alone is an update in place", () => {
      expect(updating.map((input) => [input, diffOf(type, input)])).toEqual(
        updating.map((input) => [input, { op: "update", replaces: undefined }]),
      );
    });
  }
});
