// The DNS policies beyond the cases in rules.test.ts: records at the instance edge's EIP, several
// edges or records at once, values or types not known at preview, and resources that are not records.
import { dnsRecordPointsAtLoadBalancer, dnsRecordTtl } from "../../../policy/policies";
import { UNKNOWN_STRING } from "../../../policy/props";
import { TYPES } from "../../../policy/resourceTypes";
import { runResourcePolicy, runStackPolicy, urnOf, type Finding } from "../../support/policyHarness";

const resource = (type: string, name: string, props: Record<string, unknown>) => ({
  type,
  name,
  urn: urnOf("test", "wechat-https-backend", type, name),
  props,
});
const record = (name: string, props: Record<string, unknown>) =>
  resource(TYPES.dnsRecord, name, { domainName: "example.com", rr: "@", type: "A", ...props });
const clb = (name: string, props: Record<string, unknown>) => resource(TYPES.loadBalancer, name, { addressType: "internet", ...props });
const eip = (name: string, props: Record<string, unknown>) => resource(TYPES.eipAddress, name, props);

const messages = (findings: Finding[]) => findings.filter((f) => f.kind === "violation").map((f) => f.message);
const reasons = (findings: Finding[]) => findings.filter((f) => f.kind === "not-applicable").map((f) => f.message);
const pendingReason = (names: string) =>
  `the value of DNS record ${names} or the edge's address is not known until the load balancer or EIP exists ` +
  `(pulumi preview); checked again at pulumi up`;

describe("dns-record-ttl", () => {
  test("a low ttl without rr is named without one; a ttl not known yet and other resources are not judged", async () => {
    expect(messages(await runResourcePolicy(dnsRecordTtl, record("apex", { rr: undefined, ttl: 60 })))).toEqual([
      `DNS record "apex" has ttl 60: set ttl to at least 600 seconds (the lowest the free Alibaba Cloud DNS edition accepts)`,
    ]);
    expect(await runResourcePolicy(dnsRecordTtl, record("later", { ttl: UNKNOWN_STRING }))).toEqual([]);
    expect(await runResourcePolicy(dnsRecordTtl, clb("lb", { ttl: 60 }))).toEqual([]);
  });
});

describe("dns-record-points-at-load-balancer (stack)", () => {
  test("a stack without DNS records: not applicable, said why", async () => {
    expect(reasons(await runStackPolicy(dnsRecordPointsAtLoadBalancer, [clb("lb", { address: "203.0.113.10" })]))).toEqual([
      "the stack has no DNS record",
    ]);
  });

  test("the instance edge: a record at the EIP's address passes; elsewhere, the EIP's address is named", async () => {
    const edge = eip("edge", { ipAddress: "203.0.113.20" });
    expect(await runStackPolicy(dnsRecordPointsAtLoadBalancer, [edge, record("a", { value: "203.0.113.20" })])).toEqual([]);
    expect(messages(await runStackPolicy(dnsRecordPointsAtLoadBalancer, [edge, record("a", { value: "198.51.100.7" })]))).toEqual([
      `DNS A record "a" points at 198.51.100.7, which is not the address of a load balancer or an EIP in this stack ` +
        `(203.0.113.20): set its value to the edge's address output`,
    ]);
  });

  test("with a load balancer and an EIP, both addresses are named", async () => {
    const stack = [
      clb("lb", { address: "203.0.113.10" }),
      eip("edge", { ipAddress: "203.0.113.20" }),
      record("a", { value: "198.51.100.7" }),
    ];
    expect(messages(await runStackPolicy(dnsRecordPointsAtLoadBalancer, stack))).toEqual([
      expect.stringContaining("in this stack (203.0.113.10, 203.0.113.20):"),
    ]);
  });

  test.each([
    ["not known", UNKNOWN_STRING],
    ["left out", undefined],
  ])("a record elsewhere while one edge's address is %s: not judged yet", async (_how, address) => {
    for (const pendingEdge of [clb("lb2", { address }), eip("edge", { ipAddress: address })]) {
      const findings = await runStackPolicy(dnsRecordPointsAtLoadBalancer, [
        clb("lb", { address: "203.0.113.10" }),
        pendingEdge,
        record("a", { value: "198.51.100.7" }),
      ]);
      expect(messages(findings)).toEqual([]);
      expect(reasons(findings)).toEqual([pendingReason('"a"')]);
    }
  });

  test("a record whose type or value is not known yet, beside a known load balancer: not judged yet, every such record named", async () => {
    const findings = await runStackPolicy(dnsRecordPointsAtLoadBalancer, [
      clb("lb", { address: "203.0.113.10" }),
      record("a", { type: UNKNOWN_STRING, value: "198.51.100.7" }),
      record("b", { value: UNKNOWN_STRING }),
      record("c", { value: undefined }),
    ]);
    expect(messages(findings)).toEqual([]);
    expect(reasons(findings)).toEqual([pendingReason('"a", "b", "c"')]);
  });

  test("a record without a type is refused as not an address record", async () => {
    const stack = [clb("lb", { address: "203.0.113.10" }), record("typeless", { type: undefined, value: "203.0.113.10" })];
    expect(messages(await runStackPolicy(dnsRecordPointsAtLoadBalancer, stack))).toEqual([
      `DNS (NO TYPE) record "typeless" points at 203.0.113.10: this stack's records only point the domain at its load ` +
        `balancer (A, or AAAA for an IPv6 one); remove it, or manage it outside this stack`,
    ]);
  });
});
