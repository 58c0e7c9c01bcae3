// What the security group policies read from a rule (policy/securityGroupRules.ts): the provider's
// defaults, values not known at preview, and every kind of source a rule can name.
import { NOT_KNOWN, UNKNOWN_STRING } from "../../../policy/props";
import { portIngress, prefixListSource, ruleFacts, ruleSource } from "../../../policy/securityGroupRules";

const rule = (props: Record<string, unknown>) => ({ props });

describe("ruleFacts and portIngress", () => {
  test("an ingress rule without policy, protocol or port range: accept on every port (the provider's defaults)", () => {
    expect(ruleFacts(rule({ type: "ingress" }))).toEqual({ ingressAccept: true, protocol: undefined, range: { from: 1, to: 65535 } });
    expect(ruleFacts(rule({ type: "ingress", policy: "accept", ipProtocol: "TCP", portRange: "22/22" }))).toEqual({
      ingressAccept: true,
      protocol: "tcp",
      range: { from: 22, to: 22 },
    });
  });

  test("egress and drop rules let nothing in", () => {
    expect(ruleFacts(rule({ type: "egress", ipProtocol: "tcp" }))?.ingressAccept).toBe(false);
    expect(ruleFacts(rule({ type: "ingress", policy: "drop", ipProtocol: "tcp" }))?.ingressAccept).toBe(false);
  });

  test.each(["type", "policy", "ipProtocol", "portRange"])("a rule whose %s is not known yet has no facts", (key) => {
    const props = { type: "ingress", policy: "accept", ipProtocol: "tcp", portRange: "443/443", [key]: UNKNOWN_STRING };
    expect(ruleFacts(rule(props))).toBeUndefined();
    expect(portIngress(rule(props))).toBeUndefined();
  });

  test("portIngress: tcp, udp and all on ports; icmp and egress are not port ingress", () => {
    expect(portIngress(rule({ type: "ingress", ipProtocol: "udp", portRange: "53/53" }))?.range).toEqual({ from: 53, to: 53 });
    expect(portIngress(rule({ type: "ingress", ipProtocol: "icmp", portRange: "-1/-1" }))).toBeUndefined();
    expect(portIngress(rule({ type: "egress", ipProtocol: "tcp", portRange: "22/22" }))).toBeUndefined();
  });
});

describe("prefixListSource", () => {
  test("a prefix list is named; one not known yet is said so; none or empty is no prefix list", () => {
    expect(prefixListSource(rule({ prefixListId: "pl-123" }))).toBe("pl-123");
    expect(prefixListSource(rule({ prefixListId: UNKNOWN_STRING }))).toBe("(not known until it exists)");
    expect(prefixListSource(rule({ prefixListId: "" }))).toBeUndefined();
    expect(prefixListSource(rule({}))).toBeUndefined();
  });
});

describe("ruleSource", () => {
  test("each kind of source, in the provider's order", () => {
    expect(ruleSource(rule({ cidrIp: "10.0.0.0/8" }))).toEqual({ kind: "cidr", cidr: "10.0.0.0/8", label: "10.0.0.0/8" });
    expect(ruleSource(rule({ ipv6CidrIp: "::/0" }))).toEqual({ kind: "cidr", cidr: "::/0", label: "::/0" });
    expect(ruleSource(rule({ sourceSecurityGroupId: "sg-1" }))).toEqual({ kind: "other", label: "security group sg-1" });
    expect(ruleSource(rule({ prefixListId: "pl-1" }))).toEqual({ kind: "other", label: "prefix list pl-1" });
    expect(ruleSource(rule({}))).toEqual({ kind: "other", label: "an unspecified source" });
  });

  test("a source not known yet is NOT_KNOWN", () => {
    expect(ruleSource(rule({ cidrIp: UNKNOWN_STRING }))).toBe(NOT_KNOWN);
    expect(ruleSource(rule({ ipv6CidrIp: UNKNOWN_STRING }))).toBe(NOT_KNOWN);
  });
});
