// The replace-trigger table against what the provider source says (each entry cites it): the entries
// corrected from the source rather than older docs.
import { REPLACE_TRIGGERS, replacingInputs } from "../../../tools/plan/replaceTriggers";
import { runProgram } from "../../../tools/plan/runProgram";
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
