// The replace-trigger table against what the provider source says (each entry cites it): the entries
// corrected from the source rather than older docs.
import { replacingInputs } from "../../../tools/plan/replaceTriggers";
import { T } from "../../support/program";

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
  ])("%s %s replaces: %s", (type, input, expected) => {
    expect(replacingInputs(type, [input]).known).toBe(true);
    expect(replaces(type, input)).toBe(expected);
  });
});
