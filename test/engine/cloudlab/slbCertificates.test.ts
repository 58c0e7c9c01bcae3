// Contract of the emulated CLB server certificates: the id format, what DescribeServerCertificates
// reports from the PEM, the PEM checks, one from SSL Certificates Service, and deletion refused in use.
import { seedCasCertificate } from "../../../tools/cloudlab/products/cas";
import { SLB_KINDS } from "../../../tools/cloudlab/products/slb";
import { LAB_ACCOUNT_ID } from "../../../tools/cloudlab/settings";
import { sdkError, useLab } from "../../support/labClients";
import { createLoadBalancer, leafFor, uploadCertificate, slbLab, type SlbLab } from "./slbSupport";

const lab = useLab();
let t: SlbLab;
beforeAll(async () => {
  t = await slbLab(lab());
});

type Described = { ServerCertificates: { ServerCertificate: Record<string, unknown>[] } };

test("UploadServerCertificate: an id in the cloud's format; DescribeServerCertificates reads the leaf, never the chain or the key", async () => {
  const { leaf, chain } = await leafFor(t.pki, "lab.example.com");
  const id = await uploadCertificate(t.slb, chain, leaf.keyPem, "first");
  expect(id).toMatch(new RegExp(`^${LAB_ACCOUNT_ID}_[0-9a-f]{11}_\\d{10}_\\d{10}$`));
  const found = await t.slb<Described>("DescribeServerCertificates", { ServerCertificateId: id });
  const c = found.ServerCertificates.ServerCertificate[0];
  expect(c).toMatchObject({
    ServerCertificateId: id,
    ServerCertificateName: "first",
    CommonName: "lab.example.com",
    SubjectAlternativeNames: { SubjectAlternativeName: ["lab.example.com"] },
    IsAliCloudCertificate: 0,
    ExpireTimeStamp: new Date(leaf.cert.notAfter).getTime(),
  });
  expect(c.Fingerprint).toMatch(/^([0-9a-f]{2}:){19}[0-9a-f]{2}$/);
  expect(JSON.stringify(found)).not.toContain("BEGIN");
  // The state keeps the chain CLB serves, and no key.
  const stored = t.lab.store.get(SLB_KINDS.serverCertificate, id);
  expect(stored?.ServerCertificate).toBe(chain);
  expect(JSON.stringify(stored)).not.toContain("PRIVATE KEY");
  await t.slb("SetServerCertificateName", { ServerCertificateId: id, ServerCertificateName: "renamed" });
  expect(
    (await t.slb<Described>("DescribeServerCertificates", { ServerCertificateId: id })).ServerCertificates.ServerCertificate[0],
  ).toMatchObject({
    ServerCertificateName: "renamed",
  });
  const none = await t.slb<Described>("DescribeServerCertificates", { ServerCertificateId: `${LAB_ACCOUNT_ID}_0_0_0` });
  expect(none.ServerCertificates.ServerCertificate).toEqual([]);
});

test("the PEM checks: a key of another certificate, a chain that is no certificate, a missing key", async () => {
  const a = await leafFor(t.pki, "a.example.com");
  const b = await leafFor(t.pki, "b.example.com");
  expect((await sdkError(uploadCertificate(t.slb, a.chain, b.leaf.keyPem))).code).toBe("CertificateNotMatchPrivateKey");
  expect((await sdkError(uploadCertificate(t.slb, "not a certificate", a.leaf.keyPem))).code).toBe("KeyFormatError");
  const noKey = await sdkError(t.slb("UploadServerCertificate", { ServerCertificate: a.chain }));
  expect(noKey).toMatchObject({ code: "InvalidParameter", message: expect.stringContaining("ServerCertificate or Key is empty") });
});

test("a certificate from SSL Certificates Service is uploaded by its id", async () => {
  const { leaf, chain } = await leafFor(t.pki, "cas.example.com");
  const seeded = seedCasCertificate(t.lab.store, { certPem: chain, keyPem: leaf.keyPem, name: "bought" });
  const uploaded = await t.slb<Record<string, unknown>>("UploadServerCertificate", {
    AliCloudCertificateId: String(seeded.CertificateId),
    AliCloudCertificateName: "bought",
    AliCloudCertificateRegionId: "cn-hangzhou",
  });
  expect(uploaded).toMatchObject({
    AliCloudCertificateId: String(seeded.CertificateId),
    AliCloudCertificateName: "bought",
    IsAliCloudCertificate: 1,
    CommonName: "cas.example.com",
  });
  const unknown = await sdkError(t.slb("UploadServerCertificate", { AliCloudCertificateId: "999", AliCloudCertificateName: "x" }));
  expect(unknown.code).toBe("InvalidParameter");
});

test("DeleteServerCertificate refuses a certificate a listener serves, then deletes it once the listener is gone", async () => {
  const { leaf, chain } = await leafFor(t.pki, "used.example.com");
  const id = await uploadCertificate(t.slb, chain, leaf.keyPem);
  const lbId = await createLoadBalancer(t.slb);
  await t.slb("CreateLoadBalancerHTTPSListener", {
    LoadBalancerId: lbId,
    ListenerPort: 443,
    BackendServerPort: 80,
    ServerCertificateId: id,
  });
  expect((await sdkError(t.slb("DeleteServerCertificate", { ServerCertificateId: id }))).code).toBe("CertificateAndPrivateKeyIsRefered");
  await t.slb("DeleteLoadBalancerListener", { LoadBalancerId: lbId, ListenerPort: 443, ListenerProtocol: "https" });
  await t.slb("DeleteServerCertificate", { ServerCertificateId: id });
  expect((await sdkError(t.slb("DeleteServerCertificate", { ServerCertificateId: id }))).code).toBe("ServerCertificateId.NotFound");
});

test("certificate tags through TagResources with ResourceType certificate", async () => {
  const { leaf, chain } = await leafFor(t.pki, "tag.example.com");
  const id = await uploadCertificate(t.slb, chain, leaf.keyPem);
  await t.slb("TagResources", { ResourceType: "certificate", "ResourceId.1": id, "Tag.1.Key": "env", "Tag.1.Value": "lab" });
  const listed = await t.slb<{ TagResources: { TagResource: unknown[] } }>("ListTagResources", {
    ResourceType: "certificate",
    "ResourceId.1": id,
  });
  expect(listed.TagResources.TagResource).toEqual([{ ResourceType: "certificate", ResourceId: id, TagKey: "env", TagValue: "lab" }]);
});
