// SSL Certificates Service (CAS): the lookup the project's certificateSource `cas` makes through
// alicloud.cas.getServiceCertificates. Read in terraform-provider-alicloud v1.285.0:
// - data_source_alicloud_ssl_certificates_service_certificates.go: ListUserCertificateOrder on API
//   version 2020-04-07 (OrderType=CERT, ShowSize=PageSizeLarge, CurrentPage, Keyword), a generic map
//   (tea-rpc, numbers as json.Number): $.CertificateOrderList[].{CertificateId (matched with
//   fmt.Sprint against `ids`), Name, Fingerprint, CommonName, Sans, OrgName, Issuer, Country,
//   Province, City, Expired (set into a TypeBool: must be a JSON boolean), StartDate, EndDate}; it
//   pages until a page holds fewer than ShowSize.
// - with enable_details (the project sets it), service_alicloud_cas.go
//   DescribeSslCertificatesServiceCertificate: DescribeUserCertificateDetail on API version
//   2018-07-13 with CertId; not found unless the answer has "Id"; it reads Cert, Key, BuyInAliyun.
// Field names and types: @alicloud/cas20200407's models (ListUserCertificateOrderResponseBody,
// GetUserCertificateDetailResponseBody, the same detail shape as DescribeUserCertificateDetail).
// Tests seed certificates with seedCasCertificate: the account's certificates are not made by the stack.
import type { RpcProduct } from "../../rpc";
import { casActions } from "./certificates";

export { CAS_CERTIFICATE, seedCasCertificate, type SeededCasCertificate } from "./certificates";

export const cas: RpcProduct = {
  name: "cas",
  // 2020-04-07 for the list, 2018-07-13 for the detail the provider asks for: both on one endpoint.
  versions: ["2020-04-07", "2018-07-13"],
  actions: casActions,
};
