// Contract of the emulated SSL Certificates Service lookup through the official @alicloud/cas20200407
// client (ListUserCertificateOrder, GetUserCertificateDetail) and the 2018-07-13 detail call the
// provider makes for getServiceCertificates' enable_details (DescribeUserCertificateDetail).
import Cas, * as $Cas from "@alicloud/cas20200407";
import { seedCasCertificate } from "../../../tools/cloudlab/products/cas";
import { createPki, chainPem, type Issued } from "../../support/pki";
import { rpcCaller, sdkConfig, useLab } from "../../support/labClients";

const lab = useLab();
let client: Cas;
let leaf: Issued;
let chain: string;
beforeAll(async () => {
  client = new Cas(sdkConfig(lab(), "cas"));
  const pki = await createPki("cloudlab cas");
  leaf = await pki.leaf({ dnsNames: ["api.example.com", "www.example.com"] });
  chain = chainPem(leaf, pki.intermediate);
});

test("a seeded certificate is listed with the fields the data source reads, Expired a boolean", async () => {
  const seeded = seedCasCertificate(lab().store, { certPem: chain, keyPem: leaf.keyPem, name: "api-cert" });
  const listed = (
    await client.listUserCertificateOrder(new $Cas.ListUserCertificateOrderRequest({ orderType: "CERT", showSize: 100, currentPage: 1 }))
  ).body;
  expect(listed?.totalCount).toBe(1);
  expect(listed?.certificateOrderList?.[0]).toMatchObject({
    certificateId: seeded.CertificateId,
    name: "api-cert",
    commonName: "api.example.com",
    sans: "api.example.com,www.example.com",
    expired: false,
    endDate: new Date(leaf.cert.notAfter).toISOString().slice(0, 10),
  });
  expect(JSON.stringify(listed)).not.toContain("PRIVATE KEY");
  const none = (
    await client.listUserCertificateOrder(new $Cas.ListUserCertificateOrderRequest({ orderType: "CERT", keyword: "other.example.org" }))
  ).body;
  expect(none?.certificateOrderList).toEqual([]);
});

test("the detail answers the chain and the key, by the 2020-04-07 and the 2018-07-13 action; an unknown id answers no Id", async () => {
  const seeded = seedCasCertificate(lab().store, { certPem: chain, keyPem: leaf.keyPem });
  const detail = (
    await client.getUserCertificateDetail(new $Cas.GetUserCertificateDetailRequest({ certId: seeded.CertificateId as number }))
  ).body;
  expect(detail).toMatchObject({
    id: seeded.CertificateId,
    common: "api.example.com",
    cert: chain,
    key: leaf.keyPem,
    buyInAliyun: false,
    expired: false,
  });
  const legacy = rpcCaller(lab(), "cas", "2018-07-13");
  const described = await legacy<Record<string, unknown>>("DescribeUserCertificateDetail", { CertId: String(seeded.CertificateId) });
  expect(described).toMatchObject({ Id: seeded.CertificateId, Cert: chain, Key: leaf.keyPem, BuyInAliyun: false });
  const unknown = await legacy<Record<string, unknown>>("DescribeUserCertificateDetail", { CertId: "1" });
  expect(unknown).not.toHaveProperty("Id");
});
