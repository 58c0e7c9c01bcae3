// The committed stacks with `edge: instance`, run through the whole program: one instance with an
// EIP, nginx ending TLS on it, no load balancer; the certificate reaches the instance through OOS
// encrypted parameters and a reload invocation, never through the user data.
import { gunzipSync } from "node:zlib";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { ALL_POLICIES } from "../../../policy/policies";
import { FAKE } from "../../../tools/plan/mocks";
import { fromDeclared, runPolicies } from "../../support/policyHarness";
import { PROJECT_DIR, findResource, isSecretInput, planOf, resourcesOfType, revealSecret, T } from "../../support/program";

const EIP = "alicloud:ecs/eipAddress:EipAddress";
const EIP_ASSOCIATION = "alicloud:ecs/eipAssociation:EipAssociation";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "edge-stack-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The committed stack file with `changes` to its config, as a file the plan reads. */
function stackFile(stack: string, changes: Record<string, string>): string {
  const committed = parse(readFileSync(path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`), "utf8")) as { config: Record<string, unknown> };
  const file = path.join(dir, `Pulumi.${stack}.yaml`);
  const config = { ...committed.config, ...Object.fromEntries(Object.entries(changes).map(([k, v]) => [`wechat-https-backend:${k}`, v])) };
  writeFileSync(file, stringify({ config }));
  return file;
}

describe.each([
  ["dev", { edge: "instance" }],
  ["prod", { edge: "instance", instanceCount: "1", zoneCount: "1" }],
])("Pulumi.%s.yaml with edge: instance", (stack, changes) => {
  let plan: Awaited<ReturnType<typeof planOf>>;
  beforeAll(async () => {
    plan = await planOf({ configFile: stackFile(stack, changes) });
  });

  test("one instance with an EIP billed by traffic, no load balancer, the DNS record on the EIP", () => {
    expect(plan.run.resources.filter((r) => r.type.startsWith("alicloud:slb/"))).toEqual([]);
    const instance = findResource(plan.run, T.instance);
    expect(instance.inputs.internetMaxBandwidthOut).toBe(0);
    const eip = findResource(plan.run, EIP);
    expect(eip.inputs).toMatchObject({ paymentType: "PayAsYouGo", internetChargeType: "PayByTraffic", isp: "BGP" });
    const association = findResource(plan.run, EIP_ASSOCIATION);
    expect(association.inputs).toMatchObject({ allocationId: eip.id, instanceId: instance.id, instanceType: "EcsInstance" });
    expect(association.options.deleteBeforeReplace).toBe(true);
    expect(association.options.dependsOn?.map((d) => d.name)).toEqual(["wechat-app-0-ready", "wechat-app-0-tls-reload"]);
    expect(findResource(plan.run, T.dnsRecord).inputs.value).toBe(FAKE.eipAddress);
    expect(plan.document.outputs).toMatchObject({ publicAddress: FAKE.eipAddress });
    expect(plan.document.outputs).not.toHaveProperty("loadBalancerAddress");
  });

  test("the security group opens 443 and 80 to the internet and nothing else", () => {
    const rules = resourcesOfType(plan.run, T.securityGroupRule);
    expect(rules.map((r) => [r.name, r.inputs.ipProtocol, r.inputs.portRange, r.inputs.cidrIp])).toEqual([
      ["wechat-net-https-from-internet", "tcp", "443/443", "0.0.0.0/0"],
      ["wechat-net-http-from-internet", "tcp", "80/80", "0.0.0.0/0"],
    ]);
  });

  test("the certificate is in OOS encrypted parameters as secrets, read by the instance's role; the user data holds only their names", () => {
    const parameters = resourcesOfType(plan.run, T.secretParameter)
      .filter((p) => String(p.inputs.secretParameterName).includes("/tls-"))
      .sort((a, b) => String(a.inputs.secretParameterName).localeCompare(String(b.inputs.secretParameterName)));
    expect(parameters.map((p) => p.inputs.secretParameterName)).toEqual([
      `wechat-https-backend/${stack}/tls-chain-1`,
      `wechat-https-backend/${stack}/tls-chain-2`,
      `wechat-https-backend/${stack}/tls-chain-3`,
      `wechat-https-backend/${stack}/tls-private-key`,
    ]);
    for (const parameter of parameters) expect(isSecretInput(parameter.inputs.value)).toBe(true);
    // The mocks' leaf and the ACME key, as the parts hold them.
    expect(revealSecret(parameters[0].inputs.value)).toBe(FAKE.certificatePem);
    expect(revealSecret(parameters[1].inputs.value)).toBe("(unused)");
    expect(revealSecret(parameters[3].inputs.value)).toContain("mock wechat-cert-key");
    const policy = JSON.parse(String(findResource(plan.run, T.ramPolicy, "wechat-runtime-policy").inputs.policyDocument)) as {
      Statement: { Action: string[]; Resource: string[] }[];
    };
    expect(policy.Statement[0]).toMatchObject({
      Action: ["oos:GetSecretParameter"],
      Resource: [`acs:oos:cn-hangzhou:${FAKE.accountId}:secretparameter/wechat-https-backend/${stack}/*`],
    });
    expect(findResource(plan.run, T.ramRoleAttachment).inputs.instanceId).toBe(findResource(plan.run, T.instance).id);
    const userData = Buffer.from(String(findResource(plan.run, T.instance).inputs.userData), "base64").toString("utf8");
    const files = (parse(userData) as { write_files: { path: string; content: string; encoding?: string }[] }).write_files;
    const decoded = files.map((f) => (f.encoding === "gz+b64" ? gunzipSync(Buffer.from(f.content, "base64")).toString("utf8") : f.content));
    // Not the certificate (a line of the mocks' leaf), not the key (the mocks' key text for it).
    expect(decoded.join("\n")).not.toContain(FAKE.certificatePem.split("\n")[1]);
    expect(decoded.join("\n")).not.toContain("-----BEGIN PRIVATE KEY-----");
    expect(decoded.join("\n")).not.toContain("mock wechat-cert-key");
    expect(decoded.join("\n")).toContain(`wechat-https-backend/${stack}/tls-private-key`);
  });

  test("a certificate change reloads nginx through Cloud Assistant: the invocation runs again when the chain or key does", () => {
    const reload = findResource(plan.run, T.invocation, "wechat-app-0-tls-reload");
    expect(reload.options.replacementTrigger).toBe(true);
    // A digest, and not a secret: a secret trigger crashes `pulumi preview --json` (components/appRuntime.ts).
    expect(isSecretInput(reload.replacementTrigger)).toBe(false);
    expect(reload.replacementTrigger).toMatch(/^[0-9a-f]{64}$/);
    expect(reload.options.dependsOn?.map((d) => d.name)).toEqual([
      "wechat-app-0-ready",
      "wechat-runtime-secret-tls-chain-1",
      "wechat-runtime-secret-tls-chain-2",
      "wechat-runtime-secret-tls-chain-3",
      "wechat-runtime-secret-tls-private-key",
    ]);
    const command = findResource(plan.run, T.command, "wechat-app-tls-reload");
    const script = Buffer.from(String(command.inputs.commandContent), "base64").toString("utf8");
    expect(script).toContain("nginx -s reload");
    expect(script).toContain("tlsctl.py' '/etc/wechat-https-backend/tls.json' fetch");
  });

  test("no server certificate is uploaded; the certificate output names the leaf by its fingerprint", () => {
    expect(resourcesOfType(plan.run, T.serverCertificate)).toEqual([]);
    expect(plan.document.outputs.certificateId).toMatch(/^[0-9a-f]{64}$/);
  });

  test("the policy pack allows it: no violation of any policy, mandatory or advisory", async () => {
    const config = JSON.parse(readFileSync(path.join(PROJECT_DIR, "policy", "config", `${stack}.json`), "utf8")) as Record<
      string,
      Record<string, unknown>
    >;
    const findings = await runPolicies(ALL_POLICIES, fromDeclared(plan.run.resources, plan.stack, "wechat-https-backend"), config);
    expect(findings.filter((f) => f.kind === "violation")).toEqual([]);
    expect(findings.filter((f) => f.kind === "cannot-run")).toEqual([]);
  });

  test("monitoring has no load balancer alarms to set; the instance's and the site monitor's stay", () => {
    const alarms = resourcesOfType(plan.run, T.alarm).map((a) => a.inputs.project);
    expect(alarms).not.toContain("acs_slb_dashboard");
    if (stack === "prod") expect(alarms).toEqual(["acs_networkmonitor", "acs_ecs_dashboard"]);
  });

  test(stack === "prod" ? "prod: the EIP is protected in Pulumi and from release, the DNS record too" : "dev: nothing is protected", () => {
    const eip = findResource(plan.run, EIP);
    expect(eip.options.protect ?? false).toBe(stack === "prod");
    expect(eip.inputs.deletionProtection).toBe(stack === "prod");
    expect(findResource(plan.run, T.dnsRecord).options.protect ?? false).toBe(stack === "prod");
  });
});
