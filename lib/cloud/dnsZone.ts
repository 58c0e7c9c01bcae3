// The DNS zone the A record and the ACME DNS-01 challenge are written to, found at preview: without
// it both fail only at `pulumi up`, after the load balancer, the instances and the ACME order exist.
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "@pulumi/alicloud";
import { joinPhrases, localeFromEnvironment, type Locale } from "../i18n";
import { cloudMessages } from "./messages";

/** The part of getAlidnsDomains' result this file reads. */
export interface HostedZone {
  readonly domainName: string;
  readonly punyCode?: string;
}

/**
 * The zone as the account hosts it, or an error naming dnsZone and the fix, in `locale` (default the
 * environment's). `listedAll`: `zones` is every zone of the account (not a search's answer), so the
 * message can name them.
 */
export function hostedZone(zones: readonly HostedZone[], zone: string, domain: string, listedAll = true, locale?: Locale): string {
  const found = zones.find((z) => z.domainName.toLowerCase() === zone || z.punyCode?.toLowerCase() === zone);
  if (found) return zone;
  const lang = locale ?? localeFromEnvironment();
  const m = cloudMessages(lang);
  const names = zones.map((z) => z.domainName);
  const hosted = !listedAll ? "" : zones.length > 0 ? m.zoneHosts({ zones: joinPhrases(lang, names) }) : m.zoneHostsNone();
  throw new Error(m.zoneNotHosted({ zone, hosted, domain }));
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
