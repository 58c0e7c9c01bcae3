// CloudMonitor alarms relayed to the robots. CloudMonitor notifies email, SMS and DingTalk contacts
// itself, but not WeCom, and its alarm webhook is http-only (cms_alarm.html.markdown: "only http
// protocol is supported"); each alarm rule therefore also names this function as a target
// (cms.Alarm targets), and the function posts what it receives. The exact event CloudMonitor sends
// to a Function Compute target is not documented in the sources read: these fields are those of
// its alarm callback (alertName, alertState, curValue, ...), read when present; anything else is
// shown as it came, cut short. Hence the function tells its own timer's event from everything else,
// not alarms from everything else: an alarm in a shape nobody foresaw is still relayed, never
// mistaken for a timer tick and lost. Whatever the event holds is shown as inert text, cut short
// (monitor/markdown.ts), and an event too large or too deeply nested to parse safely is shown as
// the text it is: the relay never throws on an event (Function Compute would retry it).
import type { Locale } from "../lib/i18n";
import { ALERT_CATALOGS, type AlertMessages } from "./catalogs";
import { inertText } from "./markdown";
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

/** The most an alarm's name takes in the title, and a field and a whole unknown event in the text (UTF-8 bytes). */
const MAX_NAME_BYTES = 120;
const MAX_FIELD_BYTES = 300;
const MAX_EVENT_TEXT_BYTES = 1500;

/**
 * Events larger than this are not parsed, only shown (cut): FC takes at most 128 KB for an
 * asynchronous invocation, which is how CloudMonitor and the timer invoke (alicloud-runtime notes:
 * FC limits), and an alarm callback is a few hundred bytes.
 */
export const MAX_EVENT_BYTES = 128 * 1024;

/** Deeper JSON is not parsed: an alarm callback is flat, and 5000 nested arrays exhaust the stack of whatever walks them. */
export const MAX_EVENT_DEPTH = 32;

function text(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // A value too deep for JSON.stringify (only an event handed over already parsed can be one).
    return `[${typeof value} that cannot be shown]`;
  }
}

/** How deeply `json`'s arrays and objects nest, counting only brackets outside strings; stops counting past `limit`. */
function nestingDepth(json: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < json.length && deepest <= limit; i++) {
    const char = json[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "[" || char === "{") deepest = Math.max(deepest, ++depth);
    else if (char === "]" || char === "}") depth--;
  }
  return deepest;
}

/**
 * The event as the handler receives it: Function Compute passes a Buffer. No bytes at all is
 * undefined; JSON of a bounded size and depth is parsed; anything else is kept as text (it is
 * relayed as it came, cut short).
 */
export function parseEvent(event: unknown): unknown {
  const raw = Buffer.isBuffer(event) ? event.toString("utf8") : event;
  if (typeof raw !== "string") return raw;
  if (raw.trim() === "") return undefined;
  if (Buffer.byteLength(raw, "utf8") > MAX_EVENT_BYTES || nestingDepth(raw, MAX_EVENT_DEPTH) > MAX_EVENT_DEPTH) return raw;
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
  const given = fields?.alertName ?? fields?.ruleName;
  const name = given === undefined ? m.alarmDefaultName() : inertText(text(given), MAX_NAME_BYTES);
  const lines = FIELDS.filter(([key]) => fields?.[key] !== undefined && fields[key] !== "").map(([key, label]) =>
    m.alarmField({ label: label(m), value: inertText(text(fields?.[key]), MAX_FIELD_BYTES) }),
  );
  if (lines.length === 0) lines.push(inertText(text(event), MAX_EVENT_TEXT_BYTES));
  return { title: m.alarmTitle({ recovered: fields?.alertState === "OK", name, stack }), markdown: lines.join("\n\n") };
}
