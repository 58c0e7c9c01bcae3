// The site monitor's probe options (cms.SiteMonitor optionJson), and why a second `pulumi up` shows
// no change in the ones it leaves out.
//
// The provider's Read copies every field DescribeSiteMonitorAttribute returns under OptionJson into
// option_json, and none of its 27 fields is Computed but is_base_encode
// (aliyun/terraform-provider-alicloud alicloud/resource_alicloud_cms_site_monitor.go, 81c43b67): a
// field the service filled in that the program does not set would be a change on every preview,
// and Update (ModifySiteMonitor) sends only the fields set, so it would never go away. What the
// service returns for the fields left out is not documented: the API reference lists their names
// and types (SDK model DescribeSiteMonitorAttributeResponseBodySiteMonitorsOptionJson), the
// CreateSiteMonitor reference gives defaults for two (http_method GET, time_out 5000, both set
// here), and the provider's acceptance tests either set every field or set the deprecated
// options_json, which has no diff suppression, to exactly what they sent
// ({"http_method":"get","time_out":5000}, resource_alicloud_cms_site_monitor_test.go): so the
// service most likely returns only what was sent. Rather than rely on that, every field not set
// here is in ignoreChanges: the bridge drops an ignored attribute from the provider's diff even when
// the program never had it (pulumi-terraform-bridge pkg/tfbridge/diff.go, computeIgnoreChanges).
// Setting one of them here takes it off the list, so it is never silently ignored.
import type * as alicloud from "@pulumi/alicloud";

type OptionJson = alicloud.types.input.cms.SiteMonitorOptionJson;

/** What the health probe sets: GET, TLS 1.2 or newer (what WeChat needs), 10 s to answer. */
export const SITE_MONITOR_OPTIONS = { httpMethod: "get", minTlsVersion: "1.2", timeout: 10000 } as const satisfies OptionJson;

/** Every option_json field of the provider, by Pulumi's name; tsc fails here when the provider adds one. */
const OPTION_FIELDS: Record<keyof OptionJson, true> = {
  assertions: true,
  attempts: true,
  cookie: true,
  diagnosisMtr: true,
  diagnosisPing: true,
  dnsHijackWhitelist: true,
  dnsMatchRule: true,
  dnsServer: true,
  dnsType: true,
  expectValue: true,
  failureRate: true,
  header: true,
  httpMethod: true,
  isBaseEncode: true,
  matchRule: true,
  minTlsVersion: true,
  password: true,
  pingNum: true,
  pingPort: true,
  pingType: true,
  port: true,
  requestContent: true,
  requestFormat: true,
  responseContent: true,
  responseFormat: true,
  timeout: true,
  userName: true,
};

/** The ignoreChanges paths of the option fields `options` leaves out. */
export function unsetOptionPaths(options: OptionJson): string[] {
  return Object.keys(OPTION_FIELDS)
    .filter((field) => !(field in options))
    .map((field) => `optionJson.${field}`);
}
