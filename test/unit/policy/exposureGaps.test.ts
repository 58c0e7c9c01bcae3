// The ways past the pack found by a red team, each refused with the resource named: a public OSS
// bucket or bucket ACL, a RAM policy allowing everything, ALB and NLB listeners serving plain HTTP or
// exposing SSH, RDP or a database on a public load balancer, an EIP on a HaVip or a private address,
// a HaVip attachment, a DNAT entry to SSH or RDP, an SSH rule from a prefix list the pack cannot
// judge, and SSH from a public /8.
import {
  albNlbListenersNotExposed,
  instancesWithoutPublicIp,
  noAdminPortsFromInternet,
  noSensitivePortsFromInternet,
  ossBucketsPrivate,
  ramPoliciesNotAdministrator,
} from "../../../policy/policies";
import { UNKNOWN_STRING } from "../../../policy/props";
import { TYPES } from "../../../policy/resourceTypes";
import { runResourcePolicy, runStackPolicy, urnOf, type Finding, type PolicyInput } from "../../support/policyHarness";

function resource(type: string, name: string, props: Record<string, unknown>, extra: Partial<PolicyInput> = {}): PolicyInput {
  return { type, name, urn: urnOf("test", "wechat-https-backend", type, name), props, ...extra };
}

const violations = (findings: Finding[]) => findings.filter((f) => f.kind === "violation").map((f) => f.message);

describe("OSS buckets", () => {
  test.each(["public-read", "public-read-write"])("a bucket with acl %s is refused, named", async (acl) => {
    expect(violations(await runResourcePolicy(ossBucketsPrivate, resource(TYPES.ossBucket, "uploads", { bucket: "b", acl })))).toEqual([
      expect.stringMatching(new RegExp(`^OSS bucket "uploads" has acl "${acl}", which lets anyone read.*: set acl to "private"$`)),
    ]);
  });

  test("public-read is said to let anyone read, not write; resources other than buckets are not judged", async () => {
    expect(violations(await runResourcePolicy(ossBucketsPrivate, resource(TYPES.ossBucket, "site", { acl: "public-read" })))).toEqual([
      'OSS bucket "site" has acl "public-read", which lets anyone read its objects: set acl to "private"',
    ]);
    expect(await runResourcePolicy(ossBucketsPrivate, resource(TYPES.dnsRecord, "not-a-bucket", { acl: "public-read" }))).toEqual([]);
  });

  test("a bucket ACL resource making a bucket public is refused, named", async () => {
    const acl = resource(TYPES.ossBucketAcl, "uploads-acl", { bucket: "b", acl: "public-read-write" });
    expect(violations(await runResourcePolicy(ossBucketsPrivate, acl))).toEqual([
      'OSS bucket ACL "uploads-acl" has acl "public-read-write", which lets anyone read and write its objects: set acl to "private"',
    ]);
  });

  test("private, unset (private by default) and the stack's own state bucket pass; an acl not known yet is refused", async () => {
    for (const props of [{ acl: "private" }, {}, { serverSideEncryptionRule: { sseAlgorithm: "AES256" } }]) {
      expect(await runResourcePolicy(ossBucketsPrivate, resource(TYPES.ossBucket, "state", { bucket: "b", ...props }))).toEqual([]);
    }
    expect(violations(await runResourcePolicy(ossBucketsPrivate, resource(TYPES.ossBucketAcl, "later", { acl: UNKNOWN_STRING })))).toEqual([
      expect.stringContaining('OSS bucket ACL "later" has an acl not known before it is applied'),
    ]);
  });
});

describe("RAM policies", () => {
  const policy = (name: string, props: Record<string, unknown>) => resource(TYPES.ramPolicy, name, props);
  const everything = (statement: Record<string, unknown>) => JSON.stringify({ Version: "1", Statement: [statement] });

  test.each([
    ["policyDocument, strings", { policyDocument: everything({ Effect: "Allow", Action: "*", Resource: "*" }) }],
    ["policyDocument, lists", { policyDocument: everything({ Effect: "Allow", Action: ["oss:GetObject", "*"], Resource: ["*"] }) }],
    ["document (deprecated)", { document: JSON.stringify({ Version: "1", Statement: { Effect: "Allow", Action: "*", Resource: "*" } }) }],
    ["statements (deprecated)", { statements: [{ effect: "Allow", actions: ["*"], resources: ["*"] }] }],
  ])('Action "*" on Resource "*" in %s is refused, named', async (_how, props) => {
    expect(violations(await runResourcePolicy(ramPoliciesNotAdministrator, policy("admin", props)))).toEqual([
      'RAM policy "admin" allows every action ("*") on every resource ("*"), the whole account: list the actions and ' +
        "resources the role needs (as lib/cloud/appRole.ts does for the instances)",
    ]);
  });

  test("scoped statements, a Deny of everything and a document not known yet pass", async () => {
    for (const statement of [
      { Effect: "Allow", Action: "*", Resource: "acs:oss:*:123:bucket/*" },
      { Effect: "Allow", Action: ["oss:GetObject"], Resource: "*" },
      { Effect: "Deny", Action: "*", Resource: "*" },
    ]) {
      expect(await runResourcePolicy(ramPoliciesNotAdministrator, policy("scoped", { policyDocument: everything(statement) }))).toEqual([]);
    }
    expect(await runResourcePolicy(ramPoliciesNotAdministrator, policy("later", { policyDocument: UNKNOWN_STRING }))).toEqual([]);
  });

  test("attaching the system policy AdministratorAccess to a role, a user or a group is refused, named", async () => {
    for (const type of [TYPES.ramRolePolicyAttachment, TYPES.ramUserPolicyAttachment, TYPES.ramGroupPolicyAttachment]) {
      const attachment = resource(type, "admin-grant", { policyName: "AdministratorAccess", policyType: "System", roleName: "r" });
      expect(violations(await runResourcePolicy(ramPoliciesNotAdministrator, attachment))).toEqual([
        expect.stringMatching(/^RAM policy attachment "admin-grant" grants the system policy AdministratorAccess/),
      ]);
    }
  });
});

describe("ALB and NLB listeners", () => {
  const lb = (type: string, name: string, addressType: string) => resource(type, name, { addressType, vpcId: "vpc-1" });
  const listener = (type: string, name: string, props: Record<string, unknown>, loadBalancer?: string) =>
    resource(
      type,
      name,
      { loadBalancerId: UNKNOWN_STRING, ...props },
      loadBalancer ? { propertyDependencies: { loadBalancerId: [loadBalancer] } } : {},
    );
  const publicAlb = lb(TYPES.albLoadBalancer, "alb", "Internet");
  const internalAlb = lb(TYPES.albLoadBalancer, "alb-internal", "Intranet");
  const publicNlb = lb(TYPES.nlbLoadBalancer, "nlb", "Internet");
  const internalNlb = lb(TYPES.nlbLoadBalancer, "nlb-internal", "Intranet");

  test("a plain HTTP ALB listener on a public ALB is refused, named; HTTPS passes, and so does HTTP on an Intranet ALB", async () => {
    const http = listener(TYPES.albListener, "alb-http", { listenerProtocol: "HTTP", listenerPort: 80 }, "alb");
    const https = listener(TYPES.albListener, "alb-https", { listenerProtocol: "HTTPS", listenerPort: 443 }, "alb");
    const inside = listener(TYPES.albListener, "alb-inside", { listenerProtocol: "HTTP", listenerPort: 80 }, "alb-internal");
    const findings = await runStackPolicy(albNlbListenersNotExposed, [publicAlb, internalAlb, http, https, inside]);
    expect(findings.map((f) => f.kind === "violation" && [f.resource, f.message])).toEqual([
      [
        "alb-http",
        'ALB listener "alb-http" serves plain HTTP (HTTP on port 80) on the public load balancer "alb": WeChat calls https:// ' +
          "only; use listenerProtocol HTTPS with a certificate, or an Intranet load balancer",
      ],
    ]);
  });

  test("a listener whose load balancer is not in the stack counts as public", async () => {
    const orphan = listener(TYPES.albListener, "alb-elsewhere", { listenerProtocol: "HTTP", listenerPort: 8080 });
    expect(violations(await runStackPolicy(albNlbListenersNotExposed, [orphan]))).toEqual([
      expect.stringContaining("on a load balancer this stack does not define, so it counts as public"),
    ]);
  });

  test.each([
    [22, "22 (SSH)"],
    [3389, "3389 (RDP)"],
    [3306, "3306 (MySQL)"],
    [6379, "6379 (Redis)"],
  ])("an NLB listener on port %s of a public NLB is refused, naming %s", async (port, named) => {
    const exposed = listener(TYPES.nlbListener, "nlb-tcp", { listenerProtocol: "TCP", listenerPort: port, serverGroupId: "sg" }, "nlb");
    expect(violations(await runStackPolicy(albNlbListenersNotExposed, [publicNlb, exposed]))).toEqual([
      `NLB listener "nlb-tcp" (TCP on port ${port}) opens ${named} on the public load balancer "nlb": remove the listener; ` +
        "administration and databases stay inside the VPC",
    ]);
  });

  test("an all-port NLB listener, and a TCP listener on 80 (plain HTTP), are refused; TCPSSL on 443 and Intranet pass", async () => {
    const allPorts = listener(
      TYPES.nlbListener,
      "nlb-all",
      { listenerProtocol: "TCP", listenerPort: 0, startPort: 1, endPort: 65535 },
      "nlb",
    );
    const plain = listener(TYPES.nlbListener, "nlb-80", { listenerProtocol: "TCP", listenerPort: 80 }, "nlb");
    const tls = listener(TYPES.nlbListener, "nlb-443", { listenerProtocol: "TCPSSL", listenerPort: 443 }, "nlb");
    const inside = listener(TYPES.nlbListener, "nlb-ssh-inside", { listenerProtocol: "TCP", listenerPort: 22 }, "nlb-internal");
    const found = violations(await runStackPolicy(albNlbListenersNotExposed, [publicNlb, internalNlb, allPorts, plain, tls, inside]));
    expect(found).toEqual([
      expect.stringMatching(
        /^NLB listener "nlb-all" \(TCP on ports 1-65535\) opens 20 \(FTP data\), 21 \(FTP\), 22 \(SSH\),.* 3389 \(RDP\)/,
      ),
      expect.stringMatching(/^NLB listener "nlb-all" serves plain HTTP \(TCP on ports 1-65535\)/),
      'NLB listener "nlb-80" serves plain HTTP (TCP on port 80) on the public load balancer "nlb": WeChat calls https:// only; ' +
        "use TCPSSL with a certificate, or an Intranet load balancer",
    ]);
  });
});

describe("public paths to an instance besides its own address", () => {
  test.each([
    ["HaVip", "a HaVip, the address of whichever instance holds it"],
    ["IpAddress", "a private IP address in the VPC, in front of whichever instance has it"],
    ["EcsInstance", "an instance"],
    ["NetworkInterface", "an instance's network interface"],
  ])("an EIP associated with a %s is refused, named", async (instanceType, what) => {
    const association = resource(TYPES.eipAssociation, "eip", { allocationId: "eip-1", instanceId: "x", instanceType });
    expect(violations(await runStackPolicy(instancesWithoutPublicIp, [association]))).toEqual([
      `EIP association "eip" gives ${what} a public IP address: remove it; the instances are reached only through the load balancer`,
    ]);
  });

  test("an EIP on a NAT gateway or a load balancer passes", async () => {
    for (const instanceType of ["Nat", "SlbInstance"]) {
      const association = resource(TYPES.eipAssociation, "eip", { allocationId: "eip-1", instanceId: "x", instanceType });
      expect(await runStackPolicy(instancesWithoutPublicIp, [association])).toEqual([]);
    }
  });

  test("a HaVip attachment is refused, named", async () => {
    const attachment = resource(TYPES.haVipAttachment, "vip", { haVipId: "havip-1", instanceId: "i-1", instanceType: "EcsInstance" });
    expect(violations(await runStackPolicy(instancesWithoutPublicIp, [attachment]))).toEqual([
      expect.stringMatching(/^HaVip attachment "vip" gives an instance an address that an EIP \(or a route\) can make public/),
    ]);
  });

  test.each([
    ["22", "22 (SSH)"],
    ["3389", "3389 (RDP)"],
    ["any", "20 (FTP data), 21 (FTP), 22 (SSH)"],
  ])("a DNAT entry to internal port %s is refused, naming the service", async (internalPort, named) => {
    const entry = resource(TYPES.forwardEntry, "dnat", {
      forwardTableId: "ftb-1",
      externalIp: "203.0.113.9",
      externalPort: "2222",
      internalIp: "10.0.1.5",
      internalPort,
      ipProtocol: "tcp",
    });
    expect(violations(await runStackPolicy(instancesWithoutPublicIp, [entry]))).toEqual([
      expect.stringContaining(`DNAT entry "dnat" forwards the internet from its public port 2222 to ${named}`),
    ]);
  });
});

describe("security group sources the pack cannot judge, and a /8", () => {
  const rule = (name: string, props: Record<string, unknown>) =>
    resource(TYPES.securityGroupRule, name, {
      securityGroupId: UNKNOWN_STRING,
      type: "ingress",
      ipProtocol: "tcp",
      policy: "accept",
      ...props,
    });

  test("SSH from a prefix list is refused (its entries may hold 0.0.0.0/0), named; also one not known yet", async () => {
    for (const prefixListId of ["pl-abc123", UNKNOWN_STRING]) {
      const found = violations(await runResourcePolicy(noAdminPortsFromInternet, rule("ssh-list", { portRange: "22/22", prefixListId })));
      expect(found).toEqual([
        expect.stringMatching(
          /^security group rule "ssh-list" opens port 22 \(SSH\) to prefix list .*, whose entries this pack cannot see/,
        ),
      ]);
    }
  });

  test("MySQL from a prefix list is refused too; a prefix list on another port is not these policies' concern", async () => {
    const mysql = rule("db-list", { portRange: "3306/3306", prefixListId: "pl-abc123" });
    expect(violations(await runResourcePolicy(noSensitivePortsFromInternet, mysql))).toEqual([
      expect.stringContaining('security group rule "db-list" opens 3306 (MySQL) to prefix list pl-abc123'),
    ]);
    expect(
      await runResourcePolicy(noAdminPortsFromInternet, rule("web-list", { portRange: "8443/8443", prefixListId: "pl-abc123" })),
    ).toEqual([]);
  });

  test("SSH from 1.0.0.0/8 (a public /8) is refused; from the private 10.0.0.0/8 it passes", async () => {
    expect(
      violations(await runResourcePolicy(noAdminPortsFromInternet, rule("ssh-8", { portRange: "22/22", cidrIp: "1.0.0.0/8" }))),
    ).toEqual([
      expect.stringContaining(
        'security group rule "ssh-8" opens port 22 (SSH) to the internet (1.0.0.0/8; an IPv4 /8 or an IPv6 /32, or wider, counts)',
      ),
    ]);
    expect(await runResourcePolicy(noAdminPortsFromInternet, rule("ssh-corp", { portRange: "22/22", cidrIp: "10.0.0.0/8" }))).toEqual([]);
  });
});
