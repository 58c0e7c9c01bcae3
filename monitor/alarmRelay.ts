// CloudMonitor alarms relayed to the robots. CloudMonitor notifies email, SMS and DingTalk contacts
// itself, but not WeCom, and its alarm webhook is http-only (cms_alarm.html.markdown: "only http
// protocol is supported"); each alarm rule therefore also names this function as a target
// (cms.Alarm targets), and the function posts what it receives. The exact event CloudMonitor sends
// to a Function Compute target is not documented in the sources read: these fields are those of
// its alarm callback (alertName, alertState, curValue, ...), read when present; anything else is
// shown as it came, cut short. Hence the function tells its own timer's event from everything else,
// not alarms from everything else: an alarm in a shape nobody foresaw is still relayed, never
// mistaken for a timer tick and lost.
import type { Locale } from "../lib/i18n";
import { truncateUtf8 } from "../lib/monitoring/robots";
import { ALERT_CATALOGS, type AlertMessages } from "./catalogs";
import type { Alert } from "./messages";

const FIELDS: readonly [string, (m: AlertMessages) => string][] = [
  ["alertState", (m) => m.alarmState()],
  ["triggerLevel", (m) => m.alarmLevel()],
  ["metricProject", (m) => m.alarmNamespace()],
  ["metricName", (m) => m.alarmMetric()],
  ["curValue", (m) => m.alarmValue()],
  ["expression", (m) => m.alarmCondition()],
  ["instanceName", (m) => m.alarmResource()],
  ["dimensions", (m) => m.alarmDimensions()],
  ["timestamp", (m) => m.alarmTime()],
];

function text(value: unknown): string {
  return typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
}

/**
 * The event as the handler receives it: Function Compute passes a Buffer. No bytes at all is
 * undefined; JSON is parsed; any other text is kept as text (it is relayed as it came).
 */
export function parseEvent(event: unknown): unknown {
  const raw = Buffer.isBuffer(event) ? event.toString("utf8") : event;
  if (typeof raw !== "string") return raw;
  if (raw.trim() === "") return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * True for a run of the verification: the timer's event (FC passes {triggerTime, triggerName,
 * payload}: "触发器Event格式", help.aliyun.com/document_detail/70140.html; the Monitoring component's
 * payload is {"kind":"verify"}), or a run by hand with no event, `{}` or `{"kind":"verify"}`.
 * Everything else is relayed.
 */
export function isVerifyEvent(event: unknown): boolean {
  if (event === undefined) return true;
  if (!isObject(event)) return false;
  if (Object.keys(event).length === 0 || event.kind === "verify") return true;
  return typeof event.triggerName === "string" && typeof event.triggerTime === "string";
}

/** The event when it has the alarm callback's shape (its fields are then shown one by one). */
function alarmFields(event: unknown): Record<string, unknown> | undefined {
  if (!isObject(event)) return undefined;
  return "alertName" in event || "alertState" in event || "ruleId" in event ? event : undefined;
}

/** Top-level keys of an event, for the log: enough to learn an unforeseen shape, nothing of its values. */
export function eventShape(event: unknown): string {
  if (isObject(event)) return `an object with keys ${Object.keys(event).slice(0, 20).join(", ") || "none"}`;
  return Array.isArray(event) ? "an array" : typeof event;
}

/** The alarm as an alert, its labels in `locale` (the stack's alertLanguage); the values as they came. */
export function alarmAlert(event: unknown, stack: string, locale: Locale = "en"): Alert {
  const m = ALERT_CATALOGS[locale];
  const fields = alarmFields(event);
  const name = text(fields?.alertName ?? fields?.ruleName ?? m.alarmDefaultName());
  const lines = FIELDS.filter(([key]) => fields?.[key] !== undefined && fields[key] !== "").map(([key, label]) =>
    m.alarmField({ label: label(m), value: truncateUtf8(text(fields?.[key]), 300) }),
  );
  if (lines.length === 0) lines.push(truncateUtf8(text(event), 1500));
  return { title: m.alarmTitle({ recovered: fields?.alertState === "OK", name, stack }), markdown: lines.join("\n\n") };
}
