// CloudMonitor alarm rules on resources: PutResourceMetricRule, DescribeMetricRuleList,
// EnableMetricRules, DisableMetricRules, DeleteMetricRules and the rules' push channels
// (PutMetricRuleTargets, DescribeMetricRuleTargets, DeleteMetricRuleTargets). Read in
// terraform-provider-alicloud v1.285.0 alicloud/resource_alicloud_cms_alarm.go and
// service_alicloud_cms.go (tea-rpc generic maps): the provider picks the rule id itself and creates
// and updates with the same PutResourceMetricRule; it reads Alarms.Alarm[] matched by RuleId
// (RuleName, Namespace, MetricName, ContactGroups as "a,b", EffectiveInterval, Period, SilenceTime,
// Webhook, EnableState as a boolean its waiter compares with true/false, AlertState, Resources as the
// JSON dimensions string, Labels.Labels[], Escalations.{Critical,Info,Warn}.{ComparisonOperator,
// Statistics, Threshold, Times}); an empty list is "not found". Types follow
// DescribeMetricRuleListResponseBody in @alicloud/cms20190101 (Period a string, SilenceTime and Times
// numbers, the list's Code the number 200). Targets: PutMetricRuleTargets "adds or modifies" the
// rule's push channels by Id (API reference), it never removes one; DescribeMetricRuleTargets lists
// Targets.Target[].{Id, Arn, Level, JsonParams}, and an empty list is what the provider reads as
// "none" (it then keeps the targets its state holds).
import { ApiError } from "../../apiError";
import type { Params } from "../../params";
import type { RpcHandler } from "../../rpc";
import type { LabRecord, LabStore } from "../../store";
import { CMS, OK } from "./kinds";

type Target = { Id: string; Arn: string; Level: string; JsonParams: string };

const LEVELS = ["Critical", "Info", "Warn"] as const;

const ruleNotFound = (id: string): ApiError => new ApiError("ResourceNotFound", `The alarm rule ${id} does not exist.`, 404);

function mustRule(store: LabStore, id: string): LabRecord {
  return store.must(CMS.alarm, id, () => ruleNotFound(id));
}

/** Escalations.<Level>.<Field> parameters, as the rule keeps them (Times a number). */
function escalations(params: Params): LabRecord {
  const out: LabRecord = {};
  for (const level of LEVELS) {
    const get = (field: string): string | undefined => params.get(`Escalations.${level}.${field}`);
    if (!["ComparisonOperator", "Statistics", "Threshold", "Times"].some((f) => get(f) !== undefined)) continue;
    out[level] = {
      ComparisonOperator: get("ComparisonOperator") ?? "GreaterThanThreshold",
      Statistics: get("Statistics") ?? "Average",
      Threshold: get("Threshold") ?? "",
      Times: params.int(`Escalations.${level}.Times`, 3) as number,
      PreCondition: "",
    };
  }
  return out;
}

function checkResources(resources: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(resources);
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed)) throw new ApiError("InvalidParameter", "Resources must be a JSON array of dimension objects.");
}

const putResourceMetricRule: RpcHandler = ({ params, store }) => {
  const id = params.required("RuleId");
  const resources = params.required("Resources");
  checkResources(resources);
  const current = store.get(CMS.alarm, id);
  const labels = params.objects("Labels").map((l) => ({ Key: l.Key ?? "", Value: l.Value ?? "" }));
  const now = Date.now();
  const rule: LabRecord = {
    RuleId: id,
    RuleName: params.required("RuleName"),
    Namespace: params.required("Namespace"),
    MetricName: params.required("MetricName"),
    ContactGroups: params.required("ContactGroups"),
    Resources: resources,
    Dimensions: resources,
    EffectiveInterval: params.get("EffectiveInterval") ?? "00:00-23:59",
    NoEffectiveInterval: params.get("NoEffectiveInterval") ?? "",
    Period: params.get("Period") ?? "300",
    SilenceTime: params.int("SilenceTime", 86400) as number,
    Webhook: params.get("Webhook") ?? "",
    Escalations: escalations(params),
    Labels: { Labels: labels },
    // A new rule is enabled; Enable/DisableMetricRules switch it (the provider calls one of them after every put).
    EnableState: current?.EnableState ?? true,
    AlertState: current?.AlertState ?? "INSUFFICIENT_DATA",
    NoDataPolicy: params.get("NoDataPolicy") ?? "KEEP_LAST_STATE",
    SourceType: "METRIC",
    MailSubject: "",
    GroupId: "",
    GroupName: "",
    ProductCategory: "",
    GmtCreate: current?.GmtCreate ?? now,
    GmtUpdate: String(now),
    Targets: current?.Targets ?? [],
  };
  if (current) store.update(CMS.alarm, id, rule);
  else store.create(CMS.alarm, id, rule);
  return { ...OK };
};

/** DescribeMetricRuleList's view of a rule: everything but its targets, which have their own action. */
function ruleView(rule: LabRecord): LabRecord {
  const { Targets: _targets, ...rest } = rule;
  return rest;
}

const describeMetricRuleList: RpcHandler = ({ params, store }) => {
  const ids = params.get("RuleIds")?.split(",");
  const namespace = params.get("Namespace");
  const rules = store.list(CMS.alarm).filter((r) => (!ids || ids.includes(String(r.RuleId))) && (!namespace || r.Namespace === namespace));
  const size = params.int("PageSize", 100) as number;
  const page = params.int("Page", 1) as number;
  return {
    Code: 200,
    Success: true,
    Message: "",
    Total: String(rules.length),
    Alarms: { Alarm: rules.slice((page - 1) * size, page * size).map(ruleView) },
  };
};

function setEnabled(enabled: boolean): RpcHandler {
  return ({ params, store }) => {
    const ids = params.list("RuleId");
    if (ids.length === 0)
      throw new ApiError("MissingRuleId", 'The input parameter "RuleId" that is mandatory for processing this request is not supplied.');
    for (const id of ids) mustRule(store, id);
    for (const id of ids) store.update(CMS.alarm, id, { EnableState: enabled });
    return { ...OK };
  };
}

const deleteMetricRules: RpcHandler = ({ params, store }) => {
  const ids = params.list("Id");
  if (ids.length === 0)
    throw new ApiError("MissingId", 'The input parameter "Id" that is mandatory for processing this request is not supplied.');
  for (const id of ids) store.delete(CMS.alarm, id);
  return { ...OK };
};

const putMetricRuleTargets: RpcHandler = ({ params, store }) => {
  const rule = mustRule(store, params.required("RuleId"));
  const given = params.objects("Targets");
  if (given.length === 0)
    throw new ApiError("MissingTargets", 'The input parameter "Targets" that is mandatory for processing this request is not supplied.');
  const targets = new Map(((rule.Targets ?? []) as Target[]).map((t) => [t.Id, t]));
  for (const t of given) {
    if (!t.Id)
      throw new ApiError(
        "MissingTargets.N.Id",
        'The input parameter "Targets.N.Id" that is mandatory for processing this request is not supplied.',
      );
    if (!t.Arn)
      throw new ApiError(
        "MissingTargets.N.Arn",
        'The input parameter "Targets.N.Arn" that is mandatory for processing this request is not supplied.',
      );
    targets.set(t.Id, { Id: t.Id, Arn: t.Arn, Level: t.Level ?? "", JsonParams: t.JsonParams ?? "" });
  }
  store.update(CMS.alarm, String(rule.RuleId), { Targets: [...targets.values()] });
  return { ...OK };
};

const describeMetricRuleTargets: RpcHandler = ({ params, store }) => {
  const rule = store.get(CMS.alarm, params.required("RuleId"));
  return { ...OK, Targets: { Target: (rule?.Targets ?? []) as Target[] } };
};

const deleteMetricRuleTargets: RpcHandler = ({ params, store }) => {
  const rule = mustRule(store, params.required("RuleId"));
  const ids = params.list("TargetIds");
  if (ids.length === 0)
    throw new ApiError(
      "MissingTargetIds",
      'The input parameter "TargetIds" that is mandatory for processing this request is not supplied.',
    );
  const targets = (rule.Targets ?? []) as Target[];
  const failed = ids.filter((id) => !targets.some((t) => t.Id === id));
  store.update(CMS.alarm, String(rule.RuleId), { Targets: targets.filter((t) => !ids.includes(t.Id)) });
  return { ...OK, FailIds: { TargetIds: { TargetId: failed } } };
};

export const alarmActions: Readonly<Record<string, RpcHandler>> = {
  PutResourceMetricRule: putResourceMetricRule,
  DescribeMetricRuleList: describeMetricRuleList,
  EnableMetricRules: setEnabled(true),
  DisableMetricRules: setEnabled(false),
  DeleteMetricRules: deleteMetricRules,
  PutMetricRuleTargets: putMetricRuleTargets,
  DescribeMetricRuleTargets: describeMetricRuleTargets,
  DeleteMetricRuleTargets: deleteMetricRuleTargets,
};
