// The account's hosted zones ("domains") in Alibaba Cloud DNS. Shapes read in
// terraform-provider-alicloud v1.285.0:
// - alicloud/data_source_alicloud_alidns_domains.go: DescribeDomains (typed SDK: Domains.Domain[]
//   .{DomainId, DomainName, PunyCode, GroupId, GroupName, InstanceId, VersionCode, AliDomain,
//   Tags.Tag[]}, PageNumber/PageSize/TotalCount), KeyWord matching names that contain it (the API
//   reference's default "LIKE" SearchMode).
import { newId, type LabStore } from "../../store";
import type { RpcHandler } from "../../rpc";

export const DNS_DOMAIN = "alidns.domain";

/** A hosted zone the lab account holds (what a test or `npm run cloudlab --dns-zone` sets up). */
export function hostZone(store: LabStore, name: string): void {
  if (store.list(DNS_DOMAIN).some((d) => d.DomainName === name)) return;
  const id = newId("", 8).replace(/[a-z]/g, (c) => String(c.charCodeAt(0) % 10));
  store.create(DNS_DOMAIN, name, {
    DomainId: `00000000-0000-0000-0000-0000${id}`,
    DomainName: name,
    PunyCode: name,
    GroupId: "",
    GroupName: "",
    InstanceId: "",
    VersionCode: "mianfei",
    VersionName: "Alibaba Cloud DNS",
    AliDomain: false,
    RecordCount: 0,
    DnsServers: { DnsServer: ["dns1.hichina.com", "dns2.hichina.com"] },
    Tags: { Tag: [] },
  });
}

export const describeDomains: RpcHandler = ({ params, store }) => {
  const keyword = params.get("KeyWord");
  const domains = store.list(DNS_DOMAIN).filter((d) => !keyword || String(d.DomainName).includes(keyword));
  const size = params.int("PageSize", 20) as number;
  const page = params.int("PageNumber", 1) as number;
  return {
    TotalCount: domains.length,
    PageNumber: page,
    PageSize: size,
    Domains: { Domain: domains.slice((page - 1) * size, page * size) },
  };
};
