// CloudMonitor site monitoring tasks: CreateSiteMonitor, DescribeSiteMonitorAttribute,
// ModifySiteMonitor, DeleteSiteMonitors, EnableSiteMonitors, DisableSiteMonitors. Read in
// terraform-provider-alicloud v1.285.0 alicloud/resource_alicloud_cms_site_monitor.go (Create takes
// the id from CreateResultList.CreateResultList[0].TaskId; Read takes SiteMonitors.{Address,
// AgentGroup, Interval, TaskName, TaskType, TaskState, CustomSchedule.{days.days, start_hour,
// end_hour, time_zone}, IspCities.IspCity[].{City, Isp, Type}, OptionJson}) and
// service_alicloud_cloud_monitor_service_v2.go (a task that is gone answers Forbidden, which the
// provider reads as "not found"). Types follow @alicloud/cms20190101 (CreateSiteMonitorResponseBody's
// Success is the string "true"; DescribeSiteMonitorAttribute's Interval and TaskState are strings).
import { randomUUID } from "node:crypto";
import { ApiError } from "../../apiError";
import type { Params } from "../../params";
import type { RpcHandler } from "../../rpc";
import type { LabRecord, LabStore } from "../../store";
import { CMS } from "./kinds";
import { optionJson } from "./siteMonitorOptions";

const TASK_TYPES = ["HTTP", "HTTPS", "PING", "TCP", "UDP", "DNS", "SMTP", "POP3", "FTP"];
const INTERVALS = ["1", "5", "15", "30", "60"];

/** Carrier and city names of the probe points the provider's tests use (DescribeSiteMonitorISPCityList's examples). */
const ISP_NAMES: Record<string, string> = { "232": "联通", "5": "移动", "465": "阿里巴巴" };
const CITY_NAMES: Record<string, string> = { "641": "天津市", "738": "青岛市", "546": "北京市", "572": "杭州市" };

const invalid = (message: string): ApiError => new ApiError("InvalidParameter", message, 400);

/** Gone or never there: the provider's DescribeCloudMonitorServiceSiteMonitor treats "Forbidden" as not found (the HTTP status is unconfirmed). */
const taskNotFound = (id: string): ApiError =>
  new ApiError("Forbidden", `The site monitor task ${id} does not exist or does not belong to you.`, 403);

function mustTask(store: LabStore, id: string): LabRecord {
  return store.must(CMS.siteMonitor, id, () => taskNotFound(id));
}

function checkName(name: string): void {
  if (!/^[A-Za-z0-9_\u4e00-\u9fa5]{4,100}$/.test(name)) throw invalid(`TaskName ${name} must be 4 to 100 letters, digits and underscores`);
}

/**
 * IspCities as a JSON list; the provider sends {"Type","Isp","City"} on create and
 * {"Type","isp","city"} on modify, so both spellings are read. Left out, CloudMonitor picks three
 * probe points itself (CreateSiteMonitor reference): the emulator picks the provider's test's three.
 */
function ispCities(params: Params): Record<string, unknown> {
  const given = params.json<Record<string, string>[]>("IspCities");
  const list = given ?? [
    { Isp: "232", City: "641", Type: "IDC" },
    { Isp: "5", City: "738", Type: "LASTMILE" },
    { Isp: "5", City: "641", Type: "IDC" },
  ];
  if (!Array.isArray(list)) throw invalid("IspCities must be a JSON list");
  return {
    IspCity: list.map((p) => {
      const isp = String(p.Isp ?? p.isp ?? "");
      const city = String(p.City ?? p.city ?? "");
      if (!isp || !city) throw invalid("every IspCities entry needs isp and city");
      // Unconfirmed: the network type CloudMonitor reports for an entry that gave none.
      const type = String(p.Type ?? p.type ?? "") || "IDC";
      return { Isp: isp, IspName: ISP_NAMES[isp] ?? "", City: city, CityName: CITY_NAMES[city] ?? "", Type: type };
    }),
  };
}

/** CustomSchedule as the answer nests it: days as {days: [...]} (the model's CustomScheduleDays). */
function customSchedule(params: Params): LabRecord | undefined {
  const given = params.json<Record<string, unknown>>("CustomSchedule");
  if (!given) return undefined;
  const days = Array.isArray(given.days) ? given.days.map(Number) : [];
  return { ...given, days: { days } };
}

const createSiteMonitor: RpcHandler = ({ params, store }) => {
  const name = params.required("TaskName");
  checkName(name);
  const type = params.required("TaskType");
  if (!TASK_TYPES.includes(type)) throw invalid(`TaskType ${type} is not one of ${TASK_TYPES.join(", ")}`);
  const interval = params.get("Interval") ?? "1";
  if (!INTERVALS.includes(interval)) throw invalid(`Interval ${interval} is not one of ${INTERVALS.join(", ")}`);
  const id = randomUUID();
  const schedule = customSchedule(params);
  const now = new Date().toISOString().replace("T", " ").slice(0, 19);
  store.create(CMS.siteMonitor, id, {
    TaskId: id,
    TaskName: name,
    TaskType: type,
    Address: params.required("Address"),
    Interval: interval,
    AgentGroup: params.get("AgentGroup") ?? "PC",
    TaskState: "1",
    IspCities: ispCities(params),
    OptionJson: optionJson(params.get("OptionsJson")),
    ...(schedule ? { CustomSchedule: schedule } : {}),
    CreateTime: now,
    UpdateTime: now,
  });
  return {
    Code: "200",
    Success: "true",
    Message: "successful",
    CreateResultList: { CreateResultList: [{ TaskId: id, TaskName: name }] },
    Data: { AttachAlertResult: { Contact: [] } },
  };
};

const describeSiteMonitorAttribute: RpcHandler = ({ params, store }) => {
  const task = mustTask(store, params.required("TaskId"));
  const { CreateTime: _c, UpdateTime: _u, ...shown } = task;
  return { Code: "200", Success: true, Message: "successful", SiteMonitors: shown, MetricRules: { MetricRule: [] } };
};

const modifySiteMonitor: RpcHandler = ({ params, store }) => {
  const id = params.required("TaskId");
  mustTask(store, id);
  const patch: LabRecord = { UpdateTime: new Date().toISOString().replace("T", " ").slice(0, 19) };
  const name = params.get("TaskName");
  if (name !== undefined) {
    checkName(name);
    patch.TaskName = name;
  }
  const address = params.get("Address");
  if (address !== undefined) patch.Address = address;
  const interval = params.get("Interval");
  if (interval !== undefined) {
    if (!INTERVALS.includes(interval)) throw invalid(`Interval ${interval} is not one of ${INTERVALS.join(", ")}`);
    patch.Interval = interval;
  }
  if (params.get("IspCities") !== undefined) patch.IspCities = ispCities(params);
  // ModifySiteMonitor's OptionsJson replaces the task's options (the provider sends every option it
  // holds, zeros included, and blanks for those the caller removed).
  if (params.get("OptionsJson") !== undefined) patch.OptionJson = optionJson(params.get("OptionsJson"));
  const schedule = customSchedule(params);
  if (schedule) patch.CustomSchedule = schedule;
  store.update(CMS.siteMonitor, id, patch);
  return { Code: "200", Success: "true", Message: "successful", Data: { count: 1 } };
};

function taskIds(params: Params): string[] {
  return params
    .required("TaskIds")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Ids that are gone are passed over, counted out of Data.count (unconfirmed; the provider's Delete also takes a not-found error as done). */
const deleteSiteMonitors: RpcHandler = ({ params, store }) => {
  const ids = taskIds(params).filter((id) => store.get(CMS.siteMonitor, id));
  for (const id of ids) store.delete(CMS.siteMonitor, id);
  return { Code: "200", Success: "true", Message: "successful", Data: { count: ids.length } };
};

function setState(state: "1" | "2"): RpcHandler {
  return ({ params, store }) => {
    const ids = taskIds(params);
    for (const id of ids) mustTask(store, id);
    for (const id of ids) store.update(CMS.siteMonitor, id, { TaskState: state });
    return { Code: "200", Success: "true", Message: "successful", Data: { count: ids.length } };
  };
}

export const siteMonitorActions: Readonly<Record<string, RpcHandler>> = {
  CreateSiteMonitor: createSiteMonitor,
  DescribeSiteMonitorAttribute: describeSiteMonitorAttribute,
  ModifySiteMonitor: modifySiteMonitor,
  DeleteSiteMonitors: deleteSiteMonitors,
  EnableSiteMonitors: setState("1"),
  DisableSiteMonitors: setState("2"),
};
