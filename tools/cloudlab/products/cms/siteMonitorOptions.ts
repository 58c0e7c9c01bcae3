// What DescribeSiteMonitorAttribute answers in SiteMonitors.OptionJson for the OptionsJson a task was
// created or modified with. The shape concluded, and why:
//
// 1. Exactly the options the caller sent, with their JSON types as sent, and nothing for options it
//    did not send. terraform-provider-alicloud v1.285.0's acceptance test
//    TestAccAliCloudCloudMonitorServiceSiteMonitor_basic5461_twin (resource_alicloud_cms_site_monitor_test.go)
//    creates a task with options_json `{"http_method":"get","time_out":5000}` and then expects an empty
//    plan, while Read (resource_alicloud_cms_site_monitor.go) stores options_json as the JSON of the
//    whole OptionJson object and the attribute has no DiffSuppressFunc in that version: any option the
//    API added (a default port, max_redirect, isBase64Encode, an empty assertions list...) would show as
//    a diff. The same test's options equal the documented defaults of the two options it sets
//    (CreateSiteMonitor reference: http_method "Default value: GET", time_out "Default value: 5000"),
//    so whether CloudMonitor fills those two in when they are absent cannot be told from it: the
//    emulator does not (unconfirmed).
// 2. Types as sent, not as the SDK model declares them: Read copies each option into a typed
//    attribute with d.Set, whose strict decoder (terraform-plugin-sdk v1 helper/schema
//    field_writer_map.go, mapstructure.Decode) refuses a number for a string attribute and a string
//    for a bool one. failure_rate is a string attribute the provider sends as a string and the model
//    calls a number; isBase64Encode is a bool attribute the provider sends as a bool and the model calls
//    a string. TestAccAliCloudCloudMonitorServiceSiteMonitor_basic5460(_twin) set both and read them
//    back without error, so the API answers them as they were sent.
// 3. Lists nested in an object named after them: assertions comes back as {"assertions": [...]}
//    (Read's jsonpath $.OptionJson.assertions.assertions; DescribeSiteMonitorAttributeResponseBody's
//    OptionJsonAssertions model), as the gateway wraps every list (CustomSchedule.days.days alike).
//    The same test sets three assertions and reads all three back.
// 4. A task created without OptionsJson still has an OptionJson object (the test's check map has
//    options_json: CHECKSET on its first step, which sets no options): the emulator answers {}.
//
// What the provider sends (resource_alicloud_cms_site_monitor.go Create): every option_json field
// whose value is not the empty string, so the number and bool fields the program leaves unset go
// out as 0 and false (port 0, ping_num 0, attempts 0, match_rule 0, ping_port 0, diagnosis_ping
// false, diagnosis_mtr false, isBase64Encode false) with assertions [], and come back the same way.
import { ApiError } from "../../apiError";

function wrapLists(key: string, value: unknown): unknown {
  if (Array.isArray(value)) return { [key]: value.map((item) => wrapLists(key, item)) };
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, wrapLists(k, v)]));
  }
  return value;
}

/** OptionJson as DescribeSiteMonitorAttribute answers it for the OptionsJson string a task was given. */
export function optionJson(optionsJson: string | undefined): Record<string, unknown> {
  if (optionsJson === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(optionsJson);
  } catch {
    throw new ApiError("InvalidParameter", "OptionsJson is not valid JSON.");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
    throw new ApiError("InvalidParameter", "OptionsJson must be a JSON object.");
  return Object.fromEntries(Object.entries(parsed as Record<string, unknown>).map(([k, v]) => [k, wrapLists(k, v)]));
}
