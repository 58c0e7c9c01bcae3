import * as pulumi from "@pulumi/pulumi";
import { HttpsLoadBalancer } from "../../../components/httpsLoadBalancer";
import { findResource, runComponents, T } from "../../support/program";

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

  test("backends are attached after their readiness checks", async () => {
    const run = await runComponents(() => {
      const gate = new Gate("gate");
      new HttpsLoadBalancer("lb", { ...base, backendsReadyAfter: [gate] });
    });
    const attachment = findResource(run, T.backendServer);
    expect(attachment.inputs.backendServers).toEqual([
      { serverId: "i-1", weight: 100, type: "ecs" },
      { serverId: "i-2", weight: 100, type: "ecs" },
    ]);
    expect(attachment.options.dependsOn).toEqual([{ type: "test:index:Gate", name: "gate" }]);
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
