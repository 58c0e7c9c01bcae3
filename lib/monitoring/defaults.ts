// Defaults of the monitoring settings that more than one part needs (the config schema, the
// component, README).

/** Days Log Service keeps logs by default (log.Store retentionPeriod; its own default is 30 too). */
export const DEFAULT_LOG_RETENTION_DAYS = 30;

/**
 * Site monitor probe points used when siteMonitorProbes is empty: "isp:city[:type]". These three are
 * the ones the provider's acceptance tests create against the real API
 * (alicloud/resource_alicloud_cms_site_monitor_test.go: isp 232 city 641 IDC, isp 5 city 738
 * LASTMILE, isp 5 city 641 IDC); 232 is China Unicom (DescribeSiteMonitorISPCityList's example
 * answer) and 5 China Mobile. China Telecom's isp id is in none of the sources read, so it is not a
 * default: look it up with DescribeSiteMonitorISPCityList (Isp=电信) and add it to siteMonitorProbes.
 */
export const DEFAULT_SITE_MONITOR_PROBES = ["232:641:IDC", "5:738:LASTMILE", "5:641:IDC"] as const;

/** How often the renew workflow runs `pulumi up` (.github/workflows/renew.yml: weekly). */
export const RENEW_EVERY_DAYS = 7;
