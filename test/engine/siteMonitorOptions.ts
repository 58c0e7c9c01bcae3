// What the provider sends for the program's site monitor, for the CloudMonitor contract test and the
// alarms lifecycle test to compare the emulator's record with.

/**
 * What terraform-provider-alicloud v1.285.0 sends as OptionsJson for the monitoring component's
 * optionJson {httpMethod: "get", minTlsVersion: "1.2", timeout: 10000}: those three, and every number
 * and bool option at its zero value with an empty assertions list
 * (alicloud/resource_alicloud_cms_site_monitor.go Create skips only empty strings).
 */
export const PROGRAM_SITE_OPTIONS = {
  assertions: [],
  attempts: 0,
  diagnosis_mtr: false,
  diagnosis_ping: false,
  http_method: "get",
  isBase64Encode: false,
  match_rule: 0,
  min_tls_version: "1.2",
  ping_num: 0,
  ping_port: 0,
  port: 0,
  time_out: 10000,
} as const;
