// The committed stack files, run through the whole program as they are, and every policy of the
// pack over their plans. One file, so that each committed stack is planned once per run (planOf
// keeps the plans of a file).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { FAKE, type MockMode } from "../../../tools/plan/mocks";
import { LOGTAIL_ID_PATH } from "../../../lib/instance/cloudInit";
import { ALL_POLICIES } from "../../../policy/policies";
import { fromDeclared, runPolicies, type Finding } from "../../support/policyHarness";
import { findResource, isSecretInput, planOf, resourcesOfType, revealSecret, T } from "../../support/program";

describe("Pulumi.dev.yaml", () => {
  let plan: Awaited<ReturnType<typeof planOf>>;
  beforeAll(async () => {
    plan = await planOf({ stack: "dev" });
  });

  test("HTTPS listener under the TLS 1.2+ policy, HTTP redirected to 443", () => {
    const https = findResource(plan.run, T.listener, "wechat-lb-https");
    expect(https.inputs).toMatchObject({ protocol: "https", frontendPort: 443, tlsCipherPolicy: "tls_cipher_policy_1_2_strict_with_1_3" });
    const redirect = findResource(plan.run, T.listener, "wechat-lb-http-redirect");
    expect(redirect.inputs).toMatchObject({ protocol: "http", frontendPort: 80, listenerForward: "on", forwardPort: 443 });
    expect(https.inputs.serverCertificateId).toBe(findResource(plan.run, T.serverCertificate).id);
  });

  test("the DNS record points the dev subdomain at the load balancer's address", () => {
    const record = findResource(plan.run, T.dnsRecord);
    const lb = findResource(plan.run, T.loadBalancer);
    expect(record.inputs).toMatchObject({ domainName: "example.com", rr: "dev", type: "A", ttl: 600 });
    expect(record.inputs.value).toBe(lb.state.address);
    expect(record.inputs.value).toBe(FAKE.loadBalancerAddress);
  });

  test("one instance in one zone behind the load balancer, reachable only from it", () => {
    const instances = resourcesOfType(plan.run, T.instance);
    expect(instances).toHaveLength(1);
    const vswitch = findResource(plan.run, T.vswitch);
    // The mocks' region: the first zone, in name order, of the looked-up type that takes new vSwitches.
    expect(vswitch.inputs.zoneId).toBe("cn-hangzhou-h");
    expect(instances[0].inputs.vswitchId).toBe(vswitch.id);
    expect(instances[0].inputs).toMatchObject({ instanceType: "ecs.c7.large", imageId: "ubuntu_22_04_x64_20G_alibase_20241224.vhd" });
    expect(findResource(plan.run, T.serverAttachment).inputs).toMatchObject({ serverId: instances[0].id, port: 80 });
    const rules = resourcesOfType(plan.run, T.securityGroupRule);
    expect(rules.map((r) => [r.inputs.portRange, r.inputs.cidrIp])).toEqual([["80/80", "100.64.0.0/10"]]);
  });

  test("a Let's Encrypt certificate for the dev host through DNS-01 on Alibaba Cloud DNS, nothing protected", () => {
    const provider = findResource(plan.run, "pulumi:providers:acme");
    expect(provider.inputs.serverUrl).toBe("https://acme-v02.api.letsencrypt.org/directory");
    const request = findResource(plan.run, T.certRequest);
    expect(request.inputs).toMatchObject({ dnsNames: ["dev.example.com"], subject: { commonName: "dev.example.com" } });
    const issued = findResource(plan.run, T.acmeCertificate);
    expect(issued.inputs).toMatchObject({ minDaysRemaining: 30, dnsChallenges: [{ provider: "alidns", config: { ALICLOUD_TTL: "600" } }] });
    expect(issued.inputs.certificateRequestPem).toBe(request.state.certRequestPem);
    // No contact address: Let's Encrypt needs none and sends no expiry emails (README, "Certificates").
    expect(findResource(plan.run, T.acmeRegistration).inputs.emailAddress).toBeUndefined();
    const uploaded = findResource(plan.run, T.serverCertificate);
    expect(isSecretInput(uploaded.inputs.serverCertificate)).toBe(true);
    expect(isSecretInput(uploaded.inputs.privateKey)).toBe(true);
    expect(revealSecret(uploaded.inputs.serverCertificate)).toBe(String(issued.state.certificatePem) + String(issued.state.issuerPem));
    expect(revealSecret(uploaded.inputs.privateKey)).toBe(findResource(plan.run, T.tlsKey, "wechat-cert-key").state.privateKeyPem);
    expect(resourcesOfType(plan.run, T.selfSigned)).toHaveLength(0);
    expect(findResource(plan.run, T.loadBalancer).options.protect).toBe(false);
    expect(findResource(plan.run, T.dnsRecord).options.protect).toBe(false);
  });

  test("outputs: the WeChat console values without a port, the API base URL, the load balancer address", () => {
    const outputs = Object.fromEntries(Object.entries(plan.run.outputs).map(([k, v]) => [k, v.value]));
    expect(outputs).toMatchObject({
      wechatDomains: {
        request: ["https://dev.example.com"],
        uploadFile: ["https://dev.example.com"],
        downloadFile: ["https://dev.example.com"],
        socket: ["wss://dev.example.com"],
      },
      apiBaseUrl: "https://dev.example.com/api",
      healthUrl: "https://dev.example.com/api/health",
      loadBalancerAddress: FAKE.loadBalancerAddress,
      certificateId: findResource(plan.run, T.serverCertificate).id,
      environment: "dev",
    });
    expect(JSON.stringify(outputs)).not.toMatch(/:443/);
  });
});

describe("the post-deploy verification", () => {
  test("is on in prod, re-runs only when the certificate, listeners, instances or TLS policy change", async () => {
    const prod = await planOf({ stack: "prod" });
    const check = findResource(prod.run, T.localCommand, "wechat-verify-verify");
    const instances = resourcesOfType(prod.run, T.instance);
    expect(check.inputs.triggers).toEqual([
      findResource(prod.run, T.serverCertificate).id,
      findResource(prod.run, T.listener, "wechat-lb-https").id,
      findResource(prod.run, T.listener, "wechat-lb-http-redirect").id,
      "tls_cipher_policy_1_2_strict_with_1_3",
      ...resourcesOfType(prod.run, T.serverAttachment).map((a) => a.id),
    ]);
    expect(instances).toHaveLength(2);
    expect(String(check.inputs.create)).toContain(`--resolve example.com:443:${FAKE.loadBalancerAddress}`);
    expect(check.options.dependsOn?.map((d) => d.name)).toEqual(["wechat-lb-https", "wechat-lb-http-redirect", "wechat-lb-health-settle"]);
  });

  test("is off in dev unless asked for", async () => {
    const dev = await planOf({ stack: "dev" });
    expect(resourcesOfType(dev.run, T.localCommand).filter((c) => c.name.includes("verify"))).toEqual([]);
  });
});

describe("Pulumi.prod.yaml", () => {
  let plan: Awaited<ReturnType<typeof planOf>>;
  beforeAll(async () => {
    plan = await planOf({ stack: "prod" }, "plan");
  });

  test("two instances in two different zones", () => {
    const switches = resourcesOfType(plan.run, T.vswitch);
    expect(switches).toHaveLength(2);
    expect(new Set(switches.map((s) => s.inputs.cidrBlock)).size).toBe(2);
    const instances = resourcesOfType(plan.run, T.instance);
    expect(instances).toHaveLength(2);
    expect(resourcesOfType(plan.run, T.invocation)).toHaveLength(2);
    // The type lookup takes the image lookup's answer, so in the offline plan it waits for it.
    expect(plan.run.mocks.invokes.map((i) => i.token)).toEqual(
      expect.arrayContaining([
        "alicloud:ecs/getImages:getImages",
        "alicloud:index/getZones:getZones",
        "alicloud:dns/getAlidnsDomains:getAlidnsDomains",
      ]),
    );
  });

  test("the apex record, the load balancer and the record are protected, CLB delete protection on", () => {
    const record = findResource(plan.run, T.dnsRecord);
    expect(record.inputs).toMatchObject({ domainName: "example.com", rr: "@" });
    expect(record.options.protect).toBe(true);
    const lb = findResource(plan.run, T.loadBalancer);
    expect(lb.inputs.deleteProtection).toBe("on");
    expect(lb.options.protect).toBe(true);
  });

  test("the certificate and its keys stay secret in the plan, known or not", () => {
    const planned = (type: string) => plan.document.resources.find((r) => r.type === type)?.inputs;
    expect(planned(T.serverCertificate)?.privateKey).toBe("[secret]");
    expect(planned(T.acmeRegistration)?.accountKeyPem).toBe("[secret]");
    expect(planned(T.acmeCertificate)?.accountKeyPem).toBe("[secret]");
    expect(planned(T.serverCertificate)?.serverCertificate).toBe("[secret]");
  });

  test("values only the cloud knows are unknown, not invented", () => {
    expect(plan.document.outputs.loadBalancerAddress).toBe("(known after apply)");
    expect(plan.document.resources.find((r) => r.type === T.dnsRecord)?.inputs.value).toBe("(known after apply)");
    expect(plan.document.resources.find((r) => r.type === T.instance)?.inputs.imageId).toBe("(known after apply)");
  });
});

// The policy pack over the same plans. Test mode gives fake but known cloud values (the DNS record
// and the CLB share an address, so the DNS check really matches); plan mode shows what `pulumi
// preview` sees (unknown addresses, undecryptable secrets), where the checks that cannot decide
// must say so without failing.
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

describe.each(["dev", "prod"])("the policy pack over Pulumi.%s.yaml", (stack) => {
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

test("the policy pack over Pulumi.dev.yaml in plan mode: no violation; what preview cannot know is reported as not applicable", async () => {
  const findings = await findingsOf({ stack: "dev" }, "plan");
  expect(violations(findings)).toEqual([]);
  expect(outcome(findings, "dns-record-points-at-load-balancer")).toEqual(["not-applicable"]);
  expect(outcome(findings, "certificate-validity")).toEqual(["not-applicable"]);
});

test("the policy adapter passes the program's real inputs: a dev stack with SSH open to half the world is caught", async () => {
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
    `no-admin-ports-from-internet: security group rule "wechat-net-ssh-0-0-0-0-1" opens port 22 (SSH) to the internet (0.0.0.0/1; ` +
      `an IPv4 /8 or an IPv6 /32, or wider, counts): allow only known ranges (stack config sshAllowedCidrs, e.g. ["203.0.113.0/24"]) or remove the rule`,
    `no-admin-ports-from-internet: security group rule "wechat-net-ssh-128-0-0-0-1" opens port 22 (SSH) to the internet (128.0.0.0/1; ` +
      `an IPv4 /8 or an IPv6 /32, or wider, counts): allow only known ranges (stack config sshAllowedCidrs, e.g. ["203.0.113.0/24"]) or remove the rule`,
  ]);
});

// Monitoring in the committed stacks: on in prod (the function, its timer, the site monitor, the
// alarms and the contact group, Logtail on the instances), absent from dev.
describe("monitoring in the committed stacks", () => {
  test("prod plans the function, its timer, the site monitor, the alarms and the contact group", async () => {
    const plan = await planOf({ stack: "prod" });
    const fn = findResource(plan.run, T.fcFunction);
    expect(findResource(plan.run, T.fcTrigger).inputs.functionName).toBe(fn.inputs.functionName);
    findResource(plan.run, T.siteMonitor);
    expect(resourcesOfType(plan.run, T.alarm)).toHaveLength(4);
    expect(findResource(plan.run, T.alarmContactGroup).inputs.contacts).toHaveLength(1);
    // The alarms watch this stack's load balancer and instances.
    const lb = findResource(plan.run, T.loadBalancer);
    const unhealthy = findResource(plan.run, T.alarm, "wechat-monitor-unhealthy-backends");
    expect(JSON.parse(String(unhealthy.inputs.metricDimensions))).toEqual([{ instanceId: lb.id }]);
    const cpu = findResource(plan.run, T.alarm, "wechat-monitor-cpu");
    const instances = resourcesOfType(plan.run, T.instance);
    expect(JSON.parse(String(cpu.inputs.metricDimensions))).toEqual(instances.map((i) => ({ instanceId: i.id })));
    // Every instance runs Logtail with the machine group's identifier.
    const group = findResource(plan.run, T.machineGroup);
    for (const instance of instances) {
      const userData = String(instance.inputs.userData);
      const decoded = userData.startsWith("#cloud-config") ? userData : Buffer.from(userData, "base64").toString("utf8");
      expect(decoded).toContain(`path: ${LOGTAIL_ID_PATH}`);
      expect(decoded).toContain(`${(group.inputs.identifyLists as string[])[0]}\n`);
      expect(decoded).toMatch(/logtail-release-cn-hangzhou\.oss-cn-hangzhou-internal\.aliyuncs\.com\/linux64\/logtail\.sh/);
    }
  });

  test("dev has no monitoring and no Logtail", async () => {
    const plan = await planOf({ stack: "dev" });
    expect(resourcesOfType(plan.run, T.fcFunction)).toHaveLength(0);
    expect(plan.run.resources.filter((r) => r.type.startsWith("alicloud:cms/") || r.type.startsWith("alicloud:log/"))).toEqual([]);
    const userData = String(findResource(plan.run, T.instance).inputs.userData);
    const decoded = userData.startsWith("#cloud-config") ? userData : Buffer.from(userData, "base64").toString("utf8");
    expect(decoded).not.toContain("logtail");
  });
});

describe("the example values of the committed stacks", () => {
  test.each([
    ["dev", ["domain"]],
    ["prod", ["domain", "icpLicense", "alertEmails"]],
  ])("%s: the plan warns that each example value is a placeholder, with the command to replace it", async (stack, keys) => {
    const plan = await planOf({ stack: stack as string });
    const placeholders = plan.document.warnings.filter((w) => /\bexample\b/.test(w));
    expect(placeholders.map((w) => /^\w+/.exec(w)?.[0])).toEqual(keys);
    for (const warning of placeholders) expect(warning).toMatch(/pulumi config set (\w+|--path '\w+\[0\]') \S+$/);
  });
});
