// The committed stack files, run through the whole program as they are.
import { FAKE } from "../../lib/plan/mocks";
import { findResource, isSecretInput, planOf, resourcesOfType, T } from "../support/program";

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
    expect(vswitch.inputs.zoneId).toBe(FAKE.zones("cn-hangzhou")[0]);
    expect(instances[0].inputs.vswitchId).toBe(vswitch.id);
    expect(findResource(plan.run, T.backendServer).inputs.backendServers).toEqual([{ serverId: instances[0].id, weight: 100, type: "ecs" }]);
    const rules = resourcesOfType(plan.run, T.securityGroupRule);
    expect(rules.map((r) => [r.inputs.portRange, r.inputs.cidrIp])).toEqual([["80/80", "100.64.0.0/10"]]);
  });

  test("a self-signed certificate, nothing protected", () => {
    expect(findResource(plan.run, T.selfSigned).inputs.dnsNames).toEqual(["dev.example.com"]);
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
    expect(plan.run.mocks.invokes.map((i) => i.token)).toContain("alicloud:ecs/getInstanceTypes:getInstanceTypes");
  });

  test("the apex record, the load balancer and the record are protected, CLB delete protection on", () => {
    const record = findResource(plan.run, T.dnsRecord);
    expect(record.inputs).toMatchObject({ domainName: "example.com", rr: "@" });
    expect(record.options.protect).toBe(true);
    const lb = findResource(plan.run, T.loadBalancer);
    expect(lb.inputs.deleteProtection).toBe("on");
    expect(lb.options.protect).toBe(true);
  });

  test("the certificate it cannot decrypt offline stays a secret, and the plan says which checks did not run", () => {
    const uploaded = findResource(plan.run, T.serverCertificate);
    expect(isSecretInput(uploaded.inputs.privateKey)).toBe(true);
    expect(isSecretInput(uploaded.inputs.serverCertificate)).toBe(true);
    expect(plan.document.resources.find((r) => r.type === T.serverCertificate)?.inputs.privateKey).toBe("[secret]");
    expect(plan.document.checksNotRun).toEqual([expect.stringMatching(/^certificate checks .*offline plan cannot decrypt/)]);
  });

  test("values only the cloud knows are unknown, not invented", () => {
    expect(plan.document.outputs.loadBalancerAddress).toBe("(known after apply)");
    expect(plan.document.resources.find((r) => r.type === T.dnsRecord)?.inputs.value).toBe("(known after apply)");
    expect(plan.document.resources.find((r) => r.type === T.instance)?.inputs.imageId).toBe("(known after apply)");
  });
});
