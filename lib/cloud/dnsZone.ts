// The DNS zone the A record and the ACME DNS-01 challenge are written to, found at preview: without
// it both fail only at `pulumi up`, after the load balancer, the instances and the ACME order exist.
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "@pulumi/alicloud";

/** The part of getAlidnsDomains' result this file reads. */
export interface HostedZone {
  readonly domainName: string;
  readonly punyCode?: string;
}

/**
 * The zone as the account hosts it, or an error naming dnsZone and the fix. `listedAll`: `zones` is
 * every zone of the account (not a search's answer), so the message can name them.
 */
export function hostedZone(zones: readonly HostedZone[], zone: string, domain: string, listedAll = true): string {
  const found = zones.find((z) => z.domainName.toLowerCase() === zone || z.punyCode?.toLowerCase() === zone);
  if (found) return zone;
  const hosted = !listedAll ? "" : zones.length > 0 ? ` (it hosts ${zones.map((z) => z.domainName).join(", ")})` : " (it hosts none)";
  throw new Error(
    `dnsZone: ${zone} is not a zone of this account's Alibaba Cloud DNS${hosted}, so neither the A record for ${domain} nor an ACME ` +
      `DNS-01 challenge can be written: add ${zone} in the Alibaba Cloud DNS console (云解析 DNS, 添加域名) and point the domain's NS ` +
      "records at the DNS servers shown there, or set the zone that holds the domain: pulumi config set dnsZone <zone>",
  );
}

/**
 * Looks the zone up in Alibaba Cloud DNS: DescribeDomains with the zone as its keyword (a "contains"
 * search, every page), matched here on the name or its punycode
 * (terraform-provider-alicloud alicloud/data_source_alicloud_alidns_domains.go passes key_word to
 * the API, and filters `ids` on DomainName only, which would miss an internationalised zone). An
 * internationalised zone (xn--) is listed without a keyword: the API may hold its Unicode name.
 */
export function lookUpDnsZone(zone: string, domain: string, parent: pulumi.Resource): pulumi.Output<string> {
  const listAll = zone.includes("xn--");
  return alicloud.dns
    .getAlidnsDomainsOutput(listAll ? {} : { keyWord: zone }, { parent })
    .apply((result) => hostedZone(result.domains, zone, domain, listAll));
}
