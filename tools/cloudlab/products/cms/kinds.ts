// The records CloudMonitor (API version 2019-01-01) keeps, under the API's own field names: an
// alarm rule by its RuleId (with its push Targets), a contact and a contact group by name, a site
// monitoring task by its TaskId.
export const CMS = {
  alarm: "cms.alarm",
  contact: "cms.contact",
  contactGroup: "cms.contactGroup",
  siteMonitor: "cms.siteMonitor",
} as const;

/**
 * What CloudMonitor's write actions answer besides the RequestId: Code "200" as a string, Success
 * and an empty Message (PutContactResponseBody, PutContactGroupResponseBody,
 * PutResourceMetricRuleResponseBody... in @alicloud/cms20190101). The provider's typed calls fail
 * unless Code is "200" (terraform-provider-alicloud alicloud/resource_alicloud_cms_alarm_contact.go).
 */
export const OK = { Code: "200", Success: true, Message: "" } as const;
