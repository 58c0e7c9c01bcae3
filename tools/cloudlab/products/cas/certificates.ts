// The account's certificates in SSL Certificates Service, as ListUserCertificateOrder and the detail
// calls show them (shapes: see index.ts).
import { randomInt } from "node:crypto";
import { ApiError } from "../../apiError";
import type { Params } from "../../params";
import type { RpcHandler } from "../../rpc";
import type { LabRecord, LabStore } from "../../store";
import { certificateFacts } from "./certificateFacts";

export const CAS_CERTIFICATE = "cas.certificate";

export interface SeededCasCertificate {
  /** The chain, leaf first. */
  readonly certPem: string;
  readonly keyPem: string;
  /** Its name in the console; default the leaf's common name. */
  readonly name?: string;
  /** Its numeric id; default a new one. */
  readonly id?: number;
  /** Bought through Alibaba Cloud (true) or uploaded (false, the default). */
  readonly buyInAliyun?: boolean;
}

const day = (date: Date): string => date.toISOString().slice(0, 10);

/** Puts a certificate in the lab account, as one uploaded to (or bought in) the console would be. */
export function seedCasCertificate(store: LabStore, seed: SeededCasCertificate): LabRecord {
  const facts = certificateFacts(seed.certPem);
  if (!facts) throw new Error("seedCasCertificate: certPem holds no readable certificate");
  // Real ids are numbers of seven to eight digits (the API reference's examples: 8xxxxxx).
  let id = seed.id ?? randomInt(10_000_000, 99_999_999);
  while (seed.id === undefined && store.get(CAS_CERTIFICATE, String(id))) id = randomInt(10_000_000, 99_999_999);
  const expired = facts.notAfter.getTime() < Date.now();
  return store.create(CAS_CERTIFICATE, String(id), {
    CertificateId: id,
    Name: seed.name ?? facts.commonName,
    CommonName: facts.commonName,
    Sans: facts.sans.join(","),
    Fingerprint: facts.fingerprint.replace(/:/g, "").toUpperCase(),
    Issuer: facts.issuerOrganization || facts.issuerCommonName,
    OrgName: "",
    Country: "",
    Province: "",
    City: "",
    Expired: expired,
    Status: expired ? "EXPIRED" : "ISSUED",
    StartDate: day(facts.notBefore),
    EndDate: day(facts.notAfter),
    CertStartTime: facts.notBefore.getTime(),
    CertEndTime: facts.notAfter.getTime(),
    Algorithm: facts.keyAlgorithm,
    SerialNo: facts.leaf.serialNumber.toLowerCase(),
    SourceType: seed.buyInAliyun ? "buy" : "upload",
    Upload: !seed.buyInAliyun,
    BuyInAliyun: seed.buyInAliyun ?? false,
    ResourceGroupId: "",
    Cert: seed.certPem,
    Key: seed.keyPem,
  });
}

/** One entry of CertificateOrderList (@alicloud/cas20200407 ListUserCertificateOrderResponseBodyCertificateOrderList). */
function orderEntry(c: LabRecord): LabRecord {
  const { Cert: _cert, Key: _key, BuyInAliyun: _buy, ...entry } = c;
  return entry;
}

function listUserCertificateOrder({ params, store }: { params: Params; store: LabStore }): Record<string, unknown> {
  const type = params.get("OrderType") ?? "CPACK";
  const keyword = params.get("Keyword");
  const status = params.get("Status");
  const all = store
    .list(CAS_CERTIFICATE)
    .filter((c) => type !== "UPLOAD" || c.Upload === true)
    .filter((c) => type !== "BUY" || c.Upload === false)
    .filter((c) => !status || c.Status === status)
    .filter(
      (c) => !keyword || String(c.Name).includes(keyword) || String(c.CommonName).includes(keyword) || String(c.Sans).includes(keyword),
    )
    .sort((a, b) => Number(a.CertificateId) - Number(b.CertificateId));
  const size = params.int("ShowSize", 50) as number;
  const page = params.int("CurrentPage", 1) as number;
  return {
    TotalCount: all.length,
    ShowSize: size,
    CurrentPage: page,
    CertificateOrderList: all.slice((page - 1) * size, page * size).map(orderEntry),
  };
}

/** DescribeUserCertificateDetail (2018-07-13) and GetUserCertificateDetail (2020-04-07): one shape. */
function certificateDetail({ params, store }: { params: Params; store: LabStore }): Record<string, unknown> {
  const raw = params.required("CertId");
  if (!/^\d+$/.test(raw)) throw new ApiError("InvalidParameter", `The specified parameter "CertId" is not valid.`, 400);
  const c = store.get(CAS_CERTIFICATE, raw);
  // An id the account does not hold: an answer without "Id", which is how the provider tells it
  // (service_alicloud_cas.go); the API reference read lists no error code for it (not confirmed).
  if (!c) return {};
  return {
    Id: c.CertificateId,
    Name: c.Name,
    Common: c.CommonName,
    Sans: c.Sans,
    Fingerprint: c.Fingerprint,
    Issuer: c.Issuer,
    OrgName: c.OrgName,
    Country: c.Country,
    Province: c.Province,
    City: c.City,
    StartDate: c.StartDate,
    EndDate: c.EndDate,
    NotBefore: c.CertStartTime,
    NotAfter: c.CertEndTime,
    Expired: c.Expired,
    BuyInAliyun: c.BuyInAliyun,
    Algorithm: c.Algorithm,
    SerialNo: c.SerialNo,
    CertIdentifier: `${String(c.CertificateId)}-cn-hangzhou`,
    ResourceGroupId: c.ResourceGroupId,
    Cert: c.Cert,
    Key: c.Key,
  };
}

export const casActions: Record<string, RpcHandler> = {
  ListUserCertificateOrder: listUserCertificateOrder,
  DescribeUserCertificateDetail: certificateDetail,
  GetUserCertificateDetail: certificateDetail,
};
