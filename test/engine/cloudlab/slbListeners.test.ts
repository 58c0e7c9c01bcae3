// Contract of the emulated CLB listeners: the HTTPS listener's fields with the types the provider's
// readListener asserts, start/stop statuses that settle, the HTTP-to-HTTPS forward, and refusals.
import { SLB_KINDS, listenerCertificateTimeline, listenerId } from "../../../tools/cloudlab/products/slb";
import { sdkError, useLab } from "../../support/labClients";
import { createLoadBalancer, leafFor, uploadCertificate, slbLab, type SlbLab } from "./slbSupport";

const lab = useLab();
let t: SlbLab;
let lbId: string;
let certId: string;
let groupId: string;
beforeAll(async () => {
  t = await slbLab(lab());
  lbId = await createLoadBalancer(t.slb);
  const { leaf, chain } = await leafFor(t.pki, "lab.example.com");
  certId = await uploadCertificate(t.slb, chain, leaf.keyPem);
  groupId = (await t.slb<{ VServerGroupId: string }>("CreateVServerGroup", { LoadBalancerId: lbId, VServerGroupName: "g" })).VServerGroupId;
  await t.slb("CreateLoadBalancerHTTPSListener", {
    LoadBalancerId: lbId,
    ListenerPort: 443,
    BackendServerPort: 80,
    VServerGroupId: groupId,
    ServerCertificateId: certId,
    HealthCheck: "on",
    HealthCheckURI: "/healthz",
    HealthyThreshold: 2,
    IdleTimeout: 60,
    StickySession: "off",
  });
});

type Listener = Record<string, unknown>;
const describeHttps = (port = 443): Promise<Listener> =>
  t.slb<Listener>("DescribeLoadBalancerHTTPSListenerAttribute", { LoadBalancerId: lbId, ListenerPort: port });

test("a new HTTPS listener reads stopped, with numbers as JSON numbers and the API's defaults", async () => {
  const l = await describeHttps();
  expect(l).toMatchObject({
    Status: "stopped",
    ListenerPort: 443,
    BackendServerPort: 80,
    Bandwidth: -1,
    VServerGroupId: groupId,
    ServerCertificateId: certId,
    Scheduler: "wrr",
    HealthCheck: "on",
    HealthCheckURI: "/healthz",
    HealthyThreshold: 2,
    UnhealthyThreshold: 3,
    HealthCheckTimeout: 5,
    HealthCheckInterval: 2,
    IdleTimeout: 60,
    RequestTimeout: 60,
    Gzip: "on",
    EnableHttp2: "on",
    TLSCipherPolicy: "tls_cipher_policy_1_0",
    XForwardedFor: "on",
    XForwardedFor_proto: "off",
    AclStatus: "off",
  });
  for (const field of ["ListenerPort", "BackendServerPort", "Bandwidth", "HealthyThreshold", "IdleTimeout", "RequestTimeout"]) {
    expect(typeof l[field]).toBe("number");
  }
});

test("StartLoadBalancerListener: starting for one read, then running; Stop goes back through stopping", async () => {
  await t.slb("StartLoadBalancerListener", { LoadBalancerId: lbId, ListenerPort: 443, ListenerProtocol: "https" });
  expect((await describeHttps()).Status).toBe("starting");
  expect((await describeHttps()).Status).toBe("running");
  await t.slb("StopLoadBalancerListener", { LoadBalancerId: lbId, ListenerPort: 443, ListenerProtocol: "https" });
  expect((await describeHttps()).Status).toBe("stopping");
  expect((await describeHttps()).Status).toBe("stopped");
  await t.slb("StartLoadBalancerListener", { LoadBalancerId: lbId, ListenerPort: 443, ListenerProtocol: "https" });
});

test("SetLoadBalancerHTTPSListenerAttribute swaps the certificate and the TLS policy; the history shows each", async () => {
  const { leaf, chain } = await leafFor(t.pki, "lab.example.com");
  const next = await uploadCertificate(t.slb, chain, leaf.keyPem, "next");
  await t.slb("SetLoadBalancerHTTPSListenerAttribute", {
    LoadBalancerId: lbId,
    ListenerPort: 443,
    ServerCertificateId: next,
    TLSCipherPolicy: "tls_cipher_policy_1_2_strict_with_1_3",
    XForwardedFor_proto: "on",
  });
  expect(await describeHttps()).toMatchObject({
    ServerCertificateId: next,
    TLSCipherPolicy: "tls_cipher_policy_1_2_strict_with_1_3",
    XForwardedFor_proto: "on",
  });
  const served = listenerCertificateTimeline(t.lab.store.changes, listenerId(lbId, "https", 443)).map((m) => m.value);
  expect(served[0]).toBe(certId);
  expect(served.at(-1)).toBe(next);
  const refused = await sdkError(
    t.slb("SetLoadBalancerHTTPSListenerAttribute", { LoadBalancerId: lbId, ListenerPort: 443, TLSCipherPolicy: "tls_cipher_policy_0_9" }),
  );
  expect(refused.code).toBe("InvalidParameter");
});

test("the HTTP listener forwarding to HTTPS answers only its forwarding, and takes no attributes", async () => {
  const missing = await sdkError(
    t.slb("CreateLoadBalancerHTTPListener", {
      LoadBalancerId: lbId,
      ListenerPort: 8080,
      ListenerForward: "on",
      ForwardPort: 8443,
      BackendServerPort: 80,
    }),
  );
  expect(missing).toMatchObject({ code: "ListenerNotFound", statusCode: 404 });
  await t.slb("CreateLoadBalancerHTTPListener", {
    LoadBalancerId: lbId,
    ListenerPort: 80,
    ListenerForward: "on",
    ForwardPort: 443,
    BackendServerPort: 80,
    StickySession: "off",
    HealthCheck: "off",
  });
  const l = await t.slb<Listener>("DescribeLoadBalancerHTTPListenerAttribute", { LoadBalancerId: lbId, ListenerPort: 80 });
  expect(l).toMatchObject({ ListenerPort: 80, ListenerForward: "on", ForwardPort: 443, Status: "stopped" });
  for (const absent of ["Bandwidth", "Gzip", "HealthCheck", "StickySession", "IdleTimeout", "RequestTimeout", "BackendServerPort"]) {
    expect(l).not.toHaveProperty(absent);
  }
  const refused = await sdkError(t.slb("SetLoadBalancerHTTPListenerAttribute", { LoadBalancerId: lbId, ListenerPort: 80, Gzip: "off" }));
  expect(refused.code).toBe("UnsupportedOperation");
  const lb = await t.slb<{ ListenerPortsAndProtocol: { ListenerPortAndProtocol: unknown[] } }>("DescribeLoadBalancerAttribute", {
    LoadBalancerId: lbId,
  });
  expect(lb.ListenerPortsAndProtocol.ListenerPortAndProtocol).toEqual([
    { ListenerPort: 80, ListenerProtocol: "http", ListenerForward: "on", ForwardPort: 443, Description: "" },
    { ListenerPort: 443, ListenerProtocol: "https", Description: "" },
  ]);
});

test("refusals: a port in use, a certificate the account does not hold, a VServer group of another instance", async () => {
  const taken = await sdkError(
    t.slb("CreateLoadBalancerHTTPSListener", {
      LoadBalancerId: lbId,
      ListenerPort: 443,
      BackendServerPort: 80,
      ServerCertificateId: certId,
    }),
  );
  expect(taken.code).toBe("ListenerAlreadyExists");
  const casId = await sdkError(
    t.slb("CreateLoadBalancerHTTPSListener", {
      LoadBalancerId: lbId,
      ListenerPort: 8443,
      BackendServerPort: 80,
      ServerCertificateId: "12345678",
    }),
  );
  expect(casId).toMatchObject({ code: "InvalidParameter", message: expect.stringContaining("ServerCertificateId is not Support") });
  const other = await createLoadBalancer(t.slb);
  const otherGroup = (await t.slb<{ VServerGroupId: string }>("CreateVServerGroup", { LoadBalancerId: other })).VServerGroupId;
  const wrongGroup = await sdkError(
    t.slb("SetLoadBalancerHTTPSListenerAttribute", {
      LoadBalancerId: lbId,
      ListenerPort: 443,
      VServerGroup: "on",
      VServerGroupId: otherGroup,
    }),
  );
  expect(wrongGroup.message).toContain("The specified VServerGroupId does not exist");
});

test("DeleteLoadBalancerListener: the listener is then the error the provider reads as gone", async () => {
  await t.slb("CreateLoadBalancerHTTPSListener", {
    LoadBalancerId: lbId,
    ListenerPort: 9443,
    BackendServerPort: 80,
    ServerCertificateId: certId,
  });
  await t.slb("DeleteLoadBalancerListener", { LoadBalancerId: lbId, ListenerPort: 9443, ListenerProtocol: "https" });
  const gone = await sdkError(describeHttps(9443));
  expect(gone).toMatchObject({ code: "InvalidParameter", message: expect.stringContaining("The specified resource does not exist") });
  expect(t.lab.store.get(SLB_KINDS.listener, listenerId(lbId, "https", 9443))).toBeUndefined();
});
