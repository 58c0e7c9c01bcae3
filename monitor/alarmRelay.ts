// CloudMonitor alarms relayed to the robots. CloudMonitor notifies email, SMS and DingTalk contacts
// itself, but not WeCom, and its alarm webhook is http-only (cms_alarm.html.markdown: "only http
// protocol is supported"); each alarm rule therefore also names this function as a target
// (cms.Alarm targets), and the function posts what it receives. The exact event CloudMonitor sends
// to a Function Compute target is not documented in the sources read: these fields are those of
// its alarm callback (alertName, alertState, curValue, ...), read when present; anything else is
// shown as it came, cut short.
import { truncateUtf8 } from "../lib/monitoring/robots";
import type { Alert } from "./messages";

const FIELDS: readonly [string, string][] = [
  ["alertState", "state"],
  ["triggerLevel", "level"],
  ["metricProject", "namespace"],
  ["metricName", "metric"],
  ["curValue", "value"],
  ["expression", "condition"],
  ["instanceName", "resource"],
  ["dimensions", "dimensions"],
  ["timestamp", "time"],
];

function text(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** True when the event looks like a CloudMonitor alarm rather than a timer tick. */
export function isAlarmEvent(event: unknown): event is Record<string, unknown> {
  return typeof event === "object" && event !== null && ("alertName" in event || "alertState" in event || "ruleId" in event);
}

export function alarmAlert(event: Record<string, unknown>, stack: string): Alert {
  const name = text(event.alertName ?? event.ruleName ?? "CloudMonitor alarm");
  const state = event.alertState === "OK" ? "RECOVERED" : "ALARM";
  const lines = FIELDS.filter(([key]) => event[key] !== undefined && event[key] !== "").map(
    ([key, label]) => `**${label}**: ${truncateUtf8(text(event[key]), 300)}`,
  );
  if (lines.length === 0) lines.push(truncateUtf8(JSON.stringify(event), 1500));
  return { title: `${state}: ${name} (${stack})`, markdown: lines.join("\n\n") };
}
