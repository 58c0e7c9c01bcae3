import * as pulumi from "@pulumi/pulumi";
import { stackPrefix } from "../../../lib/names";
import { HttpsLoadBalancer } from "../../../components/httpsLoadBalancer";
import { findResource, resourcesOfType, runComponents, T } from "../../support/program";

class Gate extends pulumi.CustomResource {
  constructor(name: string) {
    super("test:index:Gate", name, {});
  }
}

const base = {
  certificateId: "cert-1",
  tlsPolicy: "tls_cipher_policy_1_2_strict_with_1_3" as const,
  backendInstanceIds: ["i-1", "i-2"],
  healthPath: "/api/health",
};

function listeners(run: Awaited<ReturnType<typeof runComponents>>) {
  return {
    https: findResource(run, T.listener, "lb-https"),
    redirect: findResource(run, T.listener, "lb-http-redirect"),
  };
}

describe("HttpsLoadBalancer", () => {
  test("an internet CLB, pay-by-LCU, no delete protection unless asked", async () => {
    const run = await runComponents(() => new HttpsLoadBalancer("lb", base));
    const lb = findResource(run, T.loadBalancer);
    expect(lb.inputs).toMatchObject({
      addressType: "internet",
      instanceChargeType: "PayByCLCU",
      paymentType: "PayAsYouGo",
      deleteProtection: "off",
    });
    expect(lb.options.protect).toBe(false);
  });

  test("HTTPS on 443 to nginx on 80 with the TLS policy, HTTP/2, X-Forwarded-Proto and an HTTP health check", async () => {
    const run = await runComponents(() => new HttpsLoadBalancer("lb", base));
    const { https } = listeners(run);
    expect(https.inputs).toMatchObject({
      protocol: "https",
      frontendPort: 443,
      backendPort: 80,
      serverCertificateId: "cert-1",
      tlsCipherPolicy: "tls_cipher_policy_1_2_strict_with_1_3",
      enableHttp2: "on",
      xForwardedFor: { retriveSlbProto: true },
      healthCheck: "on",
      healthCheckUri: "/api/health",
      healthCheckHttpCode: "http_2xx",
    });
    expect(https.inputs.loadBalancerId).toBe(findResource(run, T.loadBalancer).id);
    expect(https.options.deleteBeforeReplace).toBe(true);
  });

  test("HTTP on 80 redirects to 443 with only the arguments a redirect listener accepts, after the HTTPS listener", async () => {
    const run = await runComponents(() => new HttpsLoadBalancer("lb", base));
    const { redirect } = listeners(run);
    expect(redirect.inputs).toEqual({
      loadBalancerId: findResource(run, T.loadBalancer).id,
      protocol: "http",
      frontendPort: 80,
      listenerForward: "on",
      forwardPort: 443,
    });
    expect(redirect.options.deleteBeforeReplace).toBe(true);
    expect(redirect.options.dependsOn).toEqual([{ type: T.listener, name: "lb-https" }]);
  });

  test("each backend has its own attachment to a VServer group the HTTPS listener forwards to; none is a BackendServer list", async () => {
    const run = await runComponents(() => new HttpsLoadBalancer("lb", base));
    const group = findResource(run, T.serverGroup);
    expect(group.inputs).toMatchObject({ loadBalancerId: findResource(run, T.loadBalancer).id, name: "lb-backends" });
    expect(group.inputs.servers).toBeUndefined();
    const attachments = resourcesOfType(run, T.serverAttachment);
    expect(attachments.map((a) => [a.name, a.inputs])).toEqual([
      ["lb-backend-0", { serverGroupId: group.id, serverId: "i-1", port: 80, weight: 100, type: "ecs" }],
      ["lb-backend-1", { serverGroupId: group.id, serverId: "i-2", port: 80, weight: 100, type: "ecs" }],
    ]);
    const { https } = listeners(run);
    expect(https.inputs.serverGroupId).toBe(group.id);
    // On a stack that used the default server group, the listener switches only once the group holds backends.
    expect(https.options.dependsOn).toEqual(attachments.map((a) => ({ type: T.serverAttachment, name: a.name })));
    expect(resourcesOfType(run, T.backendServer)).toEqual([]);
  });

  test("an attachment waits for its instance's readiness by dependsOn, and takes the instance's id as it is", async () => {
    const run = await runComponents(() => {
      const gate = new Gate("gate");
      new HttpsLoadBalancer("lb", { ...base, backendInstanceIds: ["i-1"], backendReady: [[gate]] });
    });
    // The mock sees the attachment only once the gate registered (the engine: once it ran).
    const names = run.resources.map((r) => r.name);
    expect(names.indexOf("lb-backend-0")).toBeGreaterThan(names.indexOf("gate"));
    const attachment = findResource(run, T.serverAttachment);
    expect(attachment.inputs.serverId).toBe("i-1");
    expect(attachment.options.dependsOn).toEqual([{ type: "test:index:Gate", name: "gate" }]);
    expect(() => new HttpsLoadBalancer("lb2", { ...base, backendReady: [[]] })).toThrow("backendReady has 1 entries for 2 backends");
  });

  test("the endpoint counts as serving only after CLB can have found every new backend healthy", async () => {
    const run = await runComponents(() => new HttpsLoadBalancer("lb", base));
    const settle = findResource(run, T.localCommand, "lb-health-settle");
    // (healthyThreshold 2 + one interval of slack) x 5 s interval + 5 s check timeout.
    expect(settle.inputs.create).toBe('node -e "setTimeout(() => {}, 20000)"');
    expect(settle.inputs.triggers).toEqual(resourcesOfType(run, T.serverAttachment).map((a) => a.id));
    expect(settle.options.dependsOn).toEqual([
      { type: T.listener, name: "lb-https" },
      { type: T.serverAttachment, name: "lb-backend-0" },
      { type: T.serverAttachment, name: "lb-backend-1" },
    ]);
  });

  test("physical names in the provider's current fields, not the deprecated name", async () => {
    const run = await runComponents(() => new HttpsLoadBalancer("lb", { ...base, namePrefix: "wechat-https-backend-prod" }));
    const lb = findResource(run, T.loadBalancer);
    expect(lb.inputs.loadBalancerName).toBe("wechat-https-backend-prod-clb");
    expect(lb.inputs.name).toBeUndefined();
  });

  test("a 100-character stack name: the load balancer and server group names cut to CLB's 80 characters", async () => {
    const run = await runComponents(() => new HttpsLoadBalancer("lb", { ...base, namePrefix: stackPrefix("s".repeat(100)) }));
    const names = [findResource(run, T.loadBalancer).inputs.loadBalancerName, findResource(run, T.serverGroup).inputs.name] as string[];
    expect(names.map((n) => n.length)).toEqual([80, 80]);
    expect(names[0]).toMatch(/-[0-9a-f]{8}-clb$/);
    expect(names[1]).toMatch(/-[0-9a-f]{8}-backends$/);
  });

  test("protect turns on CLB delete protection and Pulumi protection", async () => {
    const run = await runComponents(() => new HttpsLoadBalancer("lb", { ...base, protect: true }));
    const lb = findResource(run, T.loadBalancer);
    expect(lb.inputs.deleteProtection).toBe("on");
    expect(lb.options.protect).toBe(true);
  });

  test("refuses a load balancer without backends", () => {
    expect(() => new HttpsLoadBalancer("lb", { ...base, backendInstanceIds: [] })).toThrow("backendInstanceIds is empty");
  });
});
