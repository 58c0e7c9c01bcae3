// Every policy of the pack over the offline plan of every committed stack: they must comply.
// Test mode gives fake but known cloud values (the DNS record and the CLB share an address, so
// the DNS check really matches); plan mode shows what `pulumi preview` sees (unknown addresses,
// undecryptable secrets), where the checks that cannot decide must say so without failing.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { MockMode } from "../../../tools/plan/mocks";
import { ALL_POLICIES } from "../../../policy/policies";
import { fromDeclared, runPolicies, type Finding } from "../../support/policyHarness";
import { planOf } from "../../support/program";

const PROJECT = "wechat-https-backend";

async function findingsOf(
  stackOrFile: { stack: string } | { configFile: string },
  mode: MockMode,
  policies = ALL_POLICIES,
): Promise<Finding[]> {
  const plan = await planOf(stackOrFile, mode);
  return runPolicies(policies, fromDeclared(plan.run.resources, plan.stack, PROJECT));
}

const violations = (findings: Finding[]) => findings.filter((f) => f.kind === "violation").map((f) => `${f.policy}: ${f.message}`);
const outcome = (findings: Finding[], policy: string) => findings.filter((f) => f.policy === policy).map((f) => f.kind);

describe.each(["dev", "prod"])("Pulumi.%s.yaml", (stack) => {
  test("test mode: no violation, the A record matches the CLB's address", async () => {
    // Test mode's certificates are the mocks' real long-lived test certificate, which the
    // certificate policy reads and accepts.
    const findings = await findingsOf({ stack }, "test");
    expect(violations(findings)).toEqual([]);
    expect(findings.filter((f) => f.kind === "cannot-run")).toEqual([]);
    expect(outcome(findings, "dns-record-points-at-load-balancer")).toEqual([]);
    expect(outcome(findings, "prod-stateful-resources-protected")).toEqual(stack === "prod" ? [] : ["not-applicable"]);
    expect(outcome(findings, "prod-strict-tls-policy")).toEqual(stack === "prod" ? [] : ["not-applicable"]);
    expect(outcome(findings, "certificate-validity")).toEqual([]);
  });
});

test("Pulumi.dev.yaml in plan mode: no violation; what preview cannot know is reported as not applicable", async () => {
  const findings = await findingsOf({ stack: "dev" }, "plan");
  expect(violations(findings)).toEqual([]);
  expect(outcome(findings, "dns-record-points-at-load-balancer")).toEqual(["not-applicable"]);
  expect(outcome(findings, "certificate-validity")).toEqual(["not-applicable"]);
});

test("the adapter passes the program's real inputs: a dev stack with SSH open to half the world is caught", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "policy-stack-"));
  const file = path.join(dir, "Pulumi.open-ssh.yaml");
  writeFileSync(
    file,
    [
      "config:",
      "  alicloud:region: cn-hangzhou",
      "  wechat-https-backend:environment: dev",
      "  wechat-https-backend:domain: dev.example.com",
      "  wechat-https-backend:certificateSource: selfSigned",
      '  wechat-https-backend:sshAllowedCidrs: ["0.0.0.0/1", "128.0.0.0/1"]',
      "",
    ].join("\n"),
  );
  const findings = await findingsOf({ configFile: file }, "test");
  rmSync(dir, { recursive: true, force: true });
  expect(violations(findings)).toEqual([
    `no-admin-ports-from-internet: security group rule "wechat-net-ssh-0-0-0-0-1" opens port 22 (SSH) to the internet (0.0.0.0/1; any range wider than /8 counts): allow only known ranges (stack config sshAllowedCidrs, e.g. ["203.0.113.0/24"]) or remove the rule`,
    `no-admin-ports-from-internet: security group rule "wechat-net-ssh-128-0-0-0-1" opens port 22 (SSH) to the internet (128.0.0.0/1; any range wider than /8 counts): allow only known ranges (stack config sshAllowedCidrs, e.g. ["203.0.113.0/24"]) or remove the rule`,
  ]);
});
