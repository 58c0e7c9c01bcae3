// The pack allows exactly the instance edge's shape: one public instance (an EIP or its own public
// IP) whose security groups let the internet reach TCP 443 and 80 and nothing else; SSH from listed
// ranges as before. Anything more on such an instance, or 80 from the internet on a stack without
// it, is still refused. Stacks built by hand, linked the way the engine links them (propertyDependencies).
import {
  backendPortOnlyFromLoadBalancer,
  dnsRecordPointsAtLoadBalancer,
  instancesWithoutPublicIp,
  noOtherPortsFromInternet,
  prodStatefulResourcesProtected,
} from "../../../policy/policies";
import { UNKNOWN_STRING } from "../../../policy/props";
import { TYPES } from "../../../policy/resourceTypes";
import { runStackPolicy, urnOf, type Finding, type PolicyInput } from "../../support/policyHarness";

function resource(
  type: string,
  name: string,
  props: Record<string, unknown>,
  links: Record<string, string[]> = {},
  opts: PolicyInput["opts"] = {},
): PolicyInput {
  return { type, name, urn: urnOf("test", "wechat-https-backend", type, name), props, propertyDependencies: links, opts };
}

const violations = (findings: Finding[]) => findings.filter((f) => f.kind === "violation").map((f) => `${f.resource}: ${f.message}`);

const rule = (name: string, portRange: string, cidrIp: string, ipProtocol = "tcp") =>
  resource(
    TYPES.securityGroupRule,
    name,
    { type: "ingress", ipProtocol, portRange, cidrIp, nicType: "intranet", policy: "accept", securityGroupId: UNKNOWN_STRING },
    { securityGroupId: ["sg"] },
  );

/** The instance edge as the program declares it, at preview (ids unknown), with `extra` beside it. */
function edgeStack(extra: PolicyInput[] = [], eipOpts: PolicyInput["opts"] = {}): PolicyInput[] {
  return [
    resource(TYPES.securityGroup, "sg", { vpcId: UNKNOWN_STRING, innerAccessPolicy: "Drop" }),
    rule("https-from-internet", "443/443", "0.0.0.0/0"),
    rule("http-from-internet", "80/80", "0.0.0.0/0"),
    rule("ssh-office", "22/22", "203.0.113.0/24"),
    resource(
      TYPES.instance,
      "app-0",
      { internetMaxBandwidthOut: 0, securityGroups: [UNKNOWN_STRING], httpTokens: "required", systemDiskEncrypted: true },
      { securityGroups: ["sg"] },
    ),
    resource(TYPES.eipAddress, "eip", { ipAddress: "198.51.100.20", paymentType: "PayAsYouGo", deletionProtection: true }, {}, eipOpts),
    resource(
      TYPES.eipAssociation,
      "eip-association",
      { allocationId: UNKNOWN_STRING, instanceId: UNKNOWN_STRING, instanceType: "EcsInstance" },
      { allocationId: ["eip"], instanceId: ["app-0"] },
    ),
    resource(TYPES.dnsRecord, "dns-a", { domainName: "example.com", rr: "@", type: "A", value: "198.51.100.20" }, {}, { protect: true }),
    ...extra,
  ];
}

const POLICIES = [instancesWithoutPublicIp, backendPortOnlyFromLoadBalancer, noOtherPortsFromInternet, dnsRecordPointsAtLoadBalancer];

async function allViolations(stack: PolicyInput[]): Promise<string[]> {
  const findings = await Promise.all(POLICIES.map((policy) => runStackPolicy(policy, stack)));
  return findings.flatMap(violations);
}

test("the instance edge's shape passes every policy: an EIP on an instance that opens 443 and 80 to the internet, SSH from a range", async () => {
  expect(await allViolations(edgeStack())).toEqual([]);
});

test("its own public IP instead of an EIP passes the same way", async () => {
  const stack = edgeStack()
    .filter((r) => r.type !== TYPES.eipAssociation && r.type !== TYPES.eipAddress && r.type !== TYPES.dnsRecord)
    .map((r) => (r.name === "app-0" ? { ...r, props: { ...r.props, internetMaxBandwidthOut: 10 } } : r));
  expect(await allViolations(stack)).toEqual([]);
});

test("one more port open to the internet makes it not the instance edge: the public address and the port are refused", async () => {
  expect(await allViolations(edgeStack([rule("alt", "8080/8080", "0.0.0.0/0")]))).toEqual([
    'eip-association: EIP association "eip-association" gives instance "app-0" a public IP address, and rule "alt" of security ' +
      'group "sg" lets the internet reach port range 8080/8080 (tcp): close those, or remove the public address; the instances ' +
      "are reached only through the load balancer, or make it the instance edge: one instance whose security groups open only 443 and 80 to the internet",
    // Without the shape, its 80 from the internet is a backend port open to everyone again.
    'http-from-internet: security group rule "http-from-internet" opens backend port 80 (nginx) to 0.0.0.0/0: only the ' +
      "load balancer's range 100.64.0.0/10 may reach it; set cidrIp to 100.64.0.0/10",
    expect.stringMatching(/^https-from-internet: security group rule "https-from-internet" opens port 443 to the internet/),
    expect.stringMatching(/^alt: security group rule "alt" opens port 8080 to the internet/),
  ]);
});

test.each([
  ["a range around 443", "443/444", "tcp"],
  ["443 over UDP (QUIC is not served)", "443/443", "udp"],
  ["every protocol on 80", "80/80", "all"],
])("%s on the instance's group is not the shape", async (_label, portRange, protocol) => {
  const stack = edgeStack([rule("odd", portRange, "0.0.0.0/0", protocol)]);
  const findings = await runStackPolicy(instancesWithoutPublicIp, stack);
  expect(violations(findings)).toEqual([
    expect.stringMatching(/^eip-association: .*rule "odd" of security group "sg" lets the internet reach/),
  ]);
});

test("an EIP on an instance whose groups are not this stack's is refused (nothing to judge them by)", async () => {
  const stack = edgeStack().map((r) => (r.name === "app-0" ? { ...r, propertyDependencies: {} } : r));
  expect(violations(await runStackPolicy(instancesWithoutPublicIp, stack))).toEqual([
    'eip-association: EIP association "eip-association" gives instance "app-0" a public IP address: remove it; ' +
      "the instances are reached only through the load balancer",
  ]);
});

test("80 from the internet on a stack with no public instance is still refused; 443 still reported", async () => {
  const stack = edgeStack().filter((r) => r.type !== TYPES.eipAssociation);
  const findings = [
    ...(await runStackPolicy(backendPortOnlyFromLoadBalancer, stack)),
    ...(await runStackPolicy(noOtherPortsFromInternet, stack)),
  ];
  expect(violations(findings)).toEqual([
    expect.stringMatching(/^http-from-internet: .*opens backend port 80 \(nginx\) to 0\.0\.0\.0\/0/),
    expect.stringMatching(/^https-from-internet: .*opens port 443 to the internet/),
  ]);
});

test("prod: the EIP must be protected, in Pulumi and from release", async () => {
  const prod = { environment: "prod" };
  expect(violations(await runStackPolicy(prodStatefulResourcesProtected, edgeStack([], { protect: true }), prod))).toEqual([]);
  const unprotected = edgeStack().map((r) =>
    r.type === TYPES.eipAddress ? { ...r, props: { ...r.props, deletionProtection: false } } : r,
  );
  expect(violations(await runStackPolicy(prodStatefulResourcesProtected, unprotected, prod))).toEqual([
    expect.stringMatching(/^eip: prod: EIP "eip" is not protected; its address is what DNS and the ICP filing point at: set protect/),
    expect.stringMatching(/^eip: prod: EIP "eip" can be released \(deletionProtection false\): turn deletion protection on/),
  ]);
});
