// The load balancers' data plane: a CLB set up through the SLB API answers on its loopback address as
// the real one would, and the project's verifier passes it in front of the stack's rendered nginx.
// Needs ports 443 and 80 on loopback addresses: root, as CI and the engine suite run.
import { verify } from "../../../verifier";
import { KINDS } from "../../../tools/cloudlab/products/ecs/kinds";
import { startCloudLab, type CloudLab } from "../../../tools/cloudlab";
import { LabPki } from "../../../tools/realEngine/labCertificate";
import { routeLabHostsThrough, rpcCaller } from "../../support/labClients";
import { startTestApp, type TestApp } from "../../support/apps";
import { startProjectNginx, testNginxOptions, type RunningNginx } from "../../support/nginx";

const DOMAIN = "api.example.com";

let app: TestApp;
let nginx: RunningNginx;
let lab: CloudLab;
let unroute: () => void;
let root: string;
let address: string;
let setPolicy: (policy: string) => Promise<void>;

beforeAll(async () => {
  app = await startTestApp();
  nginx = await startProjectNginx(testNginxOptions(app.port, { domain: DOMAIN }));
  lab = await startCloudLab({ backend: { host: "127.0.0.1", port: nginx.port } });
  unroute = routeLabHostsThrough(lab);
  const slb = rpcCaller(lab, "slb", "2014-05-15");
  const pki = await LabPki.create();
  const certificate = await pki.issue(DOMAIN);
  root = certificate.rootPem;
  const { LoadBalancerId: lb, Address } = await slb<{ LoadBalancerId: string; Address: string }>("CreateLoadBalancer", {
    AddressType: "internet",
    InstanceChargeType: "PayByCLCU",
    LoadBalancerName: "lab",
  });
  address = Address;
  const { ServerCertificateId: cert } = await slb<{ ServerCertificateId: string }>("UploadServerCertificate", {
    ServerCertificate: certificate.chainPem,
    PrivateKey: certificate.keyPem,
  });
  lab.store.create(KINDS.instance, "i-bp1dataplane000000", {
    InstanceId: "i-bp1dataplane000000",
    Status: "Running",
    VpcAttributes: { VpcId: "" },
  });
  const { VServerGroupId: group } = await slb<{ VServerGroupId: string }>("CreateVServerGroup", {
    LoadBalancerId: lb,
    VServerGroupName: "lab",
  });
  await slb("AddVServerGroupBackendServers", {
    VServerGroupId: group,
    BackendServers: JSON.stringify([{ ServerId: "i-bp1dataplane000000", Port: 80, Weight: 100 }]),
  });
  await slb("CreateLoadBalancerHTTPSListener", {
    LoadBalancerId: lb,
    ListenerPort: 443,
    BackendServerPort: 80,
    Bandwidth: -1,
    ServerCertificateId: cert,
    VServerGroupId: group,
    TLSCipherPolicy: "tls_cipher_policy_1_2_strict_with_1_3",
    XForwardedFor_proto: "on",
    HealthCheck: "on",
  });
  await slb("StartLoadBalancerListener", { LoadBalancerId: lb, ListenerPort: 443 });
  await slb("CreateLoadBalancerHTTPListener", {
    LoadBalancerId: lb,
    ListenerPort: 80,
    ListenerForward: "on",
    ForwardPort: 443,
    Bandwidth: -1,
  });
  await slb("StartLoadBalancerListener", { LoadBalancerId: lb, ListenerPort: 80 });
  for (const port of [443, 80]) {
    for (let i = 0; i < 3; i++)
      await slb(port === 443 ? "DescribeLoadBalancerHTTPSListenerAttribute" : "DescribeLoadBalancerHTTPListenerAttribute", {
        LoadBalancerId: lb,
        ListenerPort: port,
      });
  }
  await lab.dataPlane?.settled();
  setPolicy = async (policy) => {
    await slb("SetLoadBalancerHTTPSListenerAttribute", { LoadBalancerId: lb, ListenerPort: 443, TLSCipherPolicy: policy, Bandwidth: -1 });
    await lab.dataPlane?.settled();
  };
});

afterAll(async () => {
  unroute?.();
  await lab?.stop();
  await nginx?.stop();
  await app?.close();
});

test("the load balancer's address is on loopback, in the lab's own block", () => {
  expect(address).toMatch(/^127\.\d+\.\d+\.\d+$/);
  expect(address.startsWith(`${lab.store.publicBlock}.`)).toBe(true);
});

test("two labs side by side hand out different addresses", async () => {
  const other = await startCloudLab();
  try {
    expect(other.store.publicBlock).not.toBe(lab.store.publicBlock);
  } finally {
    await other.stop();
  }
});

test("the project's verifier passes the CLB (TLS policy, chain, redirect) in front of the rendered nginx (HSTS, health)", async () => {
  const report = await verify({
    url: `https://${DOMAIN}/`,
    resolve: [`${DOMAIN}:443:${address}`, `${DOMAIN}:80:${address}`],
    extraRootsPem: [root],
    deadlineSeconds: 60,
  });
  expect(lab.dataPlane?.problems).toEqual([]);
  expect(report.checks.filter((c) => !c.ok).map((c) => `${c.id}: ${c.detail}`)).toEqual([]);
});

test("the listener's TLS policy is what the data plane serves: TLS 1.0 and non-forward-secret suites under tls_cipher_policy_1_0", async () => {
  await setPolicy("tls_cipher_policy_1_0");
  try {
    const report = await verify({
      url: `https://${DOMAIN}/`,
      resolve: [`${DOMAIN}:443:${address}`, `${DOMAIN}:80:${address}`],
      extraRootsPem: [root],
      deadlineSeconds: 60,
    });
    expect(
      report.checks
        .filter((c) => !c.ok)
        .map((c) => c.id)
        .sort(),
    ).toEqual(["cipher-suites", "tls-versions"]);
  } finally {
    await setPolicy("tls_cipher_policy_1_2_strict_with_1_3");
  }
});
