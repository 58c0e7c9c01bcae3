import * as pulumi from "@pulumi/pulumi";
import { NAME_RULES, stackPrefix } from "../../../lib/names";
import { Network, checkDeployedZones, pickZone } from "../../../components/network";
import { subnetCidr } from "../../../lib/cidr";
import { findResource, resourcesOfType, runComponents, T } from "../../support/program";

const zones = ["cn-hangzhou-h", "cn-hangzhou-i", "cn-hangzhou-j"];

describe("Network", () => {
  test("one vSwitch per zone, in zone order, with its own /24", async () => {
    const run = await runComponents(() => new Network("net", { zoneIds: pulumi.output(zones), zoneCount: 2 }));
    const switches = resourcesOfType(run, T.vswitch);
    expect(switches.map((s) => [s.name, s.inputs.zoneId, s.inputs.cidrBlock])).toEqual([
      ["net-vswitch-0", "cn-hangzhou-h", "10.0.0.0/24"],
      ["net-vswitch-1", "cn-hangzhou-i", "10.0.1.0/24"],
    ]);
    const vpc = findResource(run, T.vpc);
    expect(switches.every((s) => s.inputs.vpcId === vpc.id)).toBe(true);
    expect(switches.every((s) => s.parent?.name === "net")).toBe(true);
  });

  test("the backend HTTP port is open only to the load balancer range, and SSH is closed by default", async () => {
    const run = await runComponents(() => new Network("net", { zoneIds: zones, zoneCount: 1 }));
    const rules = resourcesOfType(run, T.securityGroupRule);
    expect(rules).toHaveLength(1);
    // 100.64.0.0/10 is where a classic load balancer in a VPC reaches its backends from (CLB docs).
    expect(rules[0].inputs).toMatchObject({
      type: "ingress",
      ipProtocol: "tcp",
      portRange: "80/80",
      cidrIp: "100.64.0.0/10",
      nicType: "intranet",
      policy: "accept",
    });
    expect(rules[0].inputs.ipv6CidrIp).toBeUndefined();
    expect(findResource(run, T.securityGroup).inputs.innerAccessPolicy).toBe("Drop");
  });

  test("SSH opens to each listed range only, IPv4 and IPv6, named after the range", async () => {
    const run = await runComponents(
      () => new Network("net", { zoneIds: zones, zoneCount: 1, sshAllowedCidrs: ["203.0.113.0/24", "2001:db8::/32"] }),
    );
    const ssh = resourcesOfType(run, T.securityGroupRule).filter((r) => r.inputs.portRange === "22/22");
    expect(ssh.map((r) => [r.name, r.inputs.cidrIp, r.inputs.ipv6CidrIp])).toEqual([
      ["net-ssh-203-0-113-0-24", "203.0.113.0/24", undefined],
      ["net-ssh-2001-db8-32", undefined, "2001:db8::/32"],
    ]);
  });

  test("fails with the fix when the region has fewer usable zones than zoneCount", () => {
    expect(() => pickZone(["cn-hangzhou-h"], ["cn-hangzhou-h"], 2)).toThrow(
      "zoneIds: only 1 zone(s) in this region can create the chosen instance type in a vSwitch, but zoneCount is 2; " +
        "lower zoneCount/instanceCount, pick another instanceType, another alicloud:region, or list the zones in use in zoneIds (pulumi stack output zoneIds)",
    );
    expect(() => pickZone(["cn-hangzhou-h"], ["cn-hangzhou-h"], 2, "zh-CN")).toThrow(
      /^zoneIds：本地域只有 1 个可用区.*但 zoneCount 是 2；.*instanceType.*alicloud:region.*（pulumi stack output zoneIds）$/,
    );
    expect(pickZone(zones, ["cn-hangzhou-h"], 2)).toBe("cn-hangzhou-i");
  });

  test("looked-up zones: each vSwitch keeps its zone (ignoreChanges), the next takes a zone none of the earlier ones is in", async () => {
    const run = await runComponents(() => new Network("net", { zoneIds: pulumi.output(zones), zoneCount: 3 }));
    const switches = resourcesOfType(run, T.vswitch);
    expect(switches.map((s) => s.inputs.zoneId)).toEqual(zones);
    expect(switches.every((s) => JSON.stringify(s.options.ignoreChanges) === '["zoneId"]')).toBe(true);
  });

  test("configured zones key their vSwitches: each zone's own subnet, taking over the positional vSwitch it had", async () => {
    const run = await runComponents(
      () => new Network("net", { zoneIds: ["cn-hangzhou-k", "cn-hangzhou-h"], zonesConfigured: true, zoneCount: 2 }),
    );
    const switches = resourcesOfType(run, T.vswitch);
    // k and h are the 11th and 8th letters: subnets 16 + 10 and 16 + 7, above the positional 0-4.
    expect(switches.map((s) => [s.name, s.inputs.zoneId, s.inputs.cidrBlock, s.inputs.vswitchName])).toEqual([
      ["net-vswitch-cn-hangzhou-k", "cn-hangzhou-k", "10.0.26.0/24", "net-vswitch-0"],
      ["net-vswitch-cn-hangzhou-h", "cn-hangzhou-h", "10.0.23.0/24", "net-vswitch-1"],
    ]);
    expect(switches.map((s) => s.options.aliases)).toEqual([["net-vswitch-0"], ["net-vswitch-1"]]);
    // A vSwitch never changes zone or range in place; one taken over keeps what it has.
    expect(switches.every((s) => JSON.stringify(s.options.ignoreChanges) === '["zoneId","cidrBlock"]')).toBe(true);
  });

  test("the zones the vSwitches really are in must be the configured ones, or the preview names the zones to pin first", () => {
    expect(() => checkDeployedZones(["cn-hangzhou-i", "cn-hangzhou-j"], ["cn-hangzhou-i", "cn-hangzhou-j"])).not.toThrow();
    const moved = () => checkDeployedZones(["cn-hangzhou-i", "cn-hangzhou-j"], ["cn-hangzhou-h", "cn-hangzhou-i"]);
    expect(moved).toThrow(/^zoneIds: .*\["cn-hangzhou-h","cn-hangzhou-i"\].*not \["cn-hangzhou-i","cn-hangzhou-j"\].*pulumi up/);
    expect(() => checkDeployedZones(["cn-hangzhou-i", "cn-hangzhou-j"], ["cn-hangzhou-h", "cn-hangzhou-i"], "zh-CN")).toThrow(
      /^zoneIds：.*\["cn-hangzhou-h","cn-hangzhou-i"\].*pulumi up/,
    );
  });

  test("configured zones that would share a subnet, or that do not match zoneCount, are refused before anything is declared", () => {
    const zonesOf = (zoneIds: string[], zoneCount: number) => () => new Network("net", { zoneIds, zonesConfigured: true, zoneCount });
    expect(zonesOf(["cn-hangzhou-h", "cn-shanghai-h"], 2)).toThrow("would share a subnet");
    expect(zonesOf(["cn-hangzhou-h"], 2)).toThrow("lists 1 zone(s) for zoneCount 2");
    expect(() => new Network("net", { zoneIds: pulumi.output(["cn-hangzhou-h"]), zonesConfigured: true, zoneCount: 1 })).toThrow(
      "must be a plain list",
    );
  });

  test("physical names in the provider's current fields (vpcName, vswitchName, securityGroupName), not the deprecated name", async () => {
    const run = await runComponents(() => new Network("net", { zoneIds: zones, zoneCount: 2, namePrefix: "wechat-https-backend-dev" }));
    const vpc = findResource(run, T.vpc);
    expect(vpc.inputs).toMatchObject({ vpcName: "wechat-https-backend-dev-vpc" });
    expect(resourcesOfType(run, T.vswitch).map((s) => s.inputs.vswitchName)).toEqual([
      "wechat-https-backend-dev-vswitch-0",
      "wechat-https-backend-dev-vswitch-1",
    ]);
    expect(findResource(run, T.securityGroup).inputs.securityGroupName).toBe("wechat-https-backend-dev-sg");
    for (const resource of [vpc, findResource(run, T.securityGroup), ...resourcesOfType(run, T.vswitch)]) {
      expect(resource.inputs.name).toBeUndefined();
    }
  });

  test("a 100-character stack name: each name fits its resource, the vSwitches' cut to 128 with a hash", async () => {
    const prefix = stackPrefix("s".repeat(100));
    const run = await runComponents(() => new Network("net", { zoneIds: zones, zoneCount: 2, namePrefix: prefix }));
    expect(findResource(run, T.vpc).inputs.vpcName).toBe(`${prefix}-vpc`);
    const switches = resourcesOfType(run, T.vswitch).map((s) => s.inputs.vswitchName as string);
    expect(switches.map((n) => n.length)).toEqual([128, 128]);
    expect(switches.every((n) => NAME_RULES.vswitch.pattern.test(n))).toBe(true);
    expect(new Set(switches).size).toBe(2);
    expect(findResource(run, T.securityGroup).inputs.securityGroupName).toBe(`${prefix}-sg`);
  });

  test("rejects a zone count below one before declaring anything", () => {
    expect(() => new Network("net", { zoneIds: zones, zoneCount: 0 })).toThrow("zoneCount must be a whole number of at least 1 (got 0)");
  });

  test("subnetCidr carves consecutive subnets eight bits longer", () => {
    expect(subnetCidr("10.0.0.0/16", 0)).toBe("10.0.0.0/24");
    expect(subnetCidr("10.0.0.0/16", 2)).toBe("10.0.2.0/24");
    expect(subnetCidr("172.16.0.0/12", 1)).toBe("172.16.16.0/20");
    expect(() => subnetCidr("10.0.0.0/28", 0)).toThrow("must be an IPv4 range of /24 or larger");
  });
});
