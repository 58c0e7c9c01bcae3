// CloudMonitor (API version 2019-01-01, RPC): alarm rules and their push targets, alarm contacts
// and contact groups, site monitoring tasks.
import type { RpcProduct } from "../../rpc";
import { alarmActions } from "./alarms";
import { contactActions } from "./contacts";
import { siteMonitorActions } from "./siteMonitors";

export const cms: RpcProduct = {
  name: "cms",
  versions: ["2019-01-01"],
  actions: { ...alarmActions, ...contactActions, ...siteMonitorActions },
};
