// The monitoring keys: monitoring, alertWebhooks, alertEmails, alertLanguage, alarmRelay, verifySchedule,
// logRetentionDays, siteMonitorProbes. read.ts has checked types and ranges; this resolves on/off/auto, parses the
// robots (a secret: problems name an entry by position, never by value), the addresses, the probe
// points and the schedule, and says when alerts would reach nobody.
import { DEFAULT_SITE_MONITOR_PROBES } from "../monitoring/defaults";
import { monitoringNames } from "../monitoring/names";
import { parseRobot, type Robot, type RobotProblem } from "../monitoring/robots";
import { checkSchedule } from "../monitoring/schedule";
import type { Problems } from "../problems";
import type { ConfigValues } from "./keys";
import { configMessages, type ConfigMessages } from "./messages";
import { UNREADABLE_SECRET, setCommand } from "./read";
import type { Environment, MonitoringSettings, SiteMonitorProbe } from "./settings";

/**
 * Function Compute allows 4 KB of environment variables per function (help.aliyun.com "Configure
 * environment variables", Limits); the robots travel in one of them, beside a few small ones.
 */
export const MAX_ROBOTS_JSON_BYTES = 3000;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PROBE = /^(\d{1,6}):(\d{1,6})(?::(IDC|LASTMILE|MOBILE))?$/;

export interface MonitoringInput {
  readonly values: ConfigValues;
  /** The raw alertWebhooks value from the stack (JSON list, one URL, or unreadable). */
  readonly rawWebhooks: string | undefined;
  readonly environment: Environment;
  readonly stack: string;
  readonly domain: string;
  readonly region: string;
  readonly problems: Problems;
  /** Messages in the run's language. */
  readonly m: ConfigMessages;
}

type RawList = { known: true; entries: string[] } | { known: false } | { invalid: true };

/** The raw secret list: unreadable in the offline plan when `secure:` as a whole or per item. */
function rawList(raw: string | undefined): RawList {
  if (raw === undefined || raw.trim() === "") return { known: true, entries: [] };
  if (raw === UNREADABLE_SECRET) return { known: false };
  if (!raw.trim().startsWith("[")) return { known: true, entries: [raw] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { invalid: true };
  }
  if (!Array.isArray(parsed)) return { invalid: true };
  // An item the offline plan could not decrypt (tools/plan/stackFiles.ts).
  if (parsed.some((item) => item === UNREADABLE_SECRET || (typeof item === "object" && item !== null && "secure" in item))) {
    return { known: false };
  }
  if (!parsed.every((item): item is string => typeof item === "string")) return { invalid: true };
  return { known: true, entries: parsed.filter((item) => item.trim() !== "") };
}

function robotProblemText(m: ConfigMessages, found: RobotProblem): string {
  switch (found.problem) {
    case "notUrl":
      return m.webhookNotUrl();
    case "otherHost":
      return m.webhookOtherHost({ host: found.host });
    case "notHttps":
      return m.webhookNotHttps({ kind: found.kind });
    case "notWebhook":
      return m.webhookNotWebhook({ kind: found.kind, path: found.path, param: found.param });
    case "brokenEscape":
      return m.webhookBrokenEscape();
    case "secretNotDingTalk":
      return m.webhookSecretNotDingTalk();
    case "badSecret":
      return m.webhookBadSecret();
  }
}

function resolveRobots(input: MonitoringInput): MonitoringSettings["robots"] {
  const list = rawList(input.rawWebhooks);
  if ("invalid" in list) {
    input.problems.error(input.m.webhooksNotList({ fix: setCommand("alertWebhooks") }));
    return { known: true, value: [] };
  }
  if (!list.known) return { known: false };
  const robots: Robot[] = [];
  list.entries.forEach((entry, i) => {
    const robot = parseRobot(entry);
    if ("problem" in robot) {
      input.problems.error(input.m.webhookInvalid({ index: i, reason: robotProblemText(input.m, robot) }));
    } else {
      robots.push(robot);
    }
  });
  const bytes = Buffer.byteLength(JSON.stringify(robots), "utf8");
  if (bytes > MAX_ROBOTS_JSON_BYTES) {
    input.problems.error(input.m.webhooksTooLarge({ count: robots.length, bytes, max: MAX_ROBOTS_JSON_BYTES }));
  }
  return { known: true, value: robots };
}

function resolveEmails(input: MonitoringInput): string[] {
  const emails = new Set<string>();
  input.values.alertEmails.forEach((email, i) => {
    if (EMAIL.test(email)) emails.add(email.toLowerCase());
    else input.problems.error(input.m.alertEmailInvalid({ index: i, value: email, fix: setCommand("alertEmails") }));
  });
  return [...emails];
}

/** Parses "isp:city[:type]" probe points; an empty list means the defaults. */
export function parseProbes(entries: readonly string[], problems?: Problems, m: ConfigMessages = configMessages("en")): SiteMonitorProbe[] {
  const list = entries.length > 0 ? entries : DEFAULT_SITE_MONITOR_PROBES;
  const probes: SiteMonitorProbe[] = [];
  list.forEach((entry, i) => {
    const match = PROBE.exec(entry.trim());
    if (!match) {
      problems?.error(m.probeInvalid({ index: i, value: entry, fix: setCommand("siteMonitorProbes") }));
      return;
    }
    const [, isp, city, type] = match;
    probes.push(type ? { isp, city, type: type as SiteMonitorProbe["type"] } : { isp, city });
  });
  return probes;
}

/** The monitoring settings, or undefined when monitoring is off. */
export function resolveMonitoring(input: MonitoringInput): MonitoringSettings | undefined {
  const { values, problems, m } = input;
  const mode = values.monitoring === "auto" ? (input.environment === "prod" ? "on" : "off") : values.monitoring;
  const robots = resolveRobots(input);
  const alertEmails = resolveEmails(input);
  const scheduleProblem = checkSchedule(values.verifySchedule);
  if (scheduleProblem) problems.error(m.scheduleInvalid({ reason: scheduleProblem, fix: setCommand("verifySchedule") }));
  const siteMonitorProbes = parseProbes(values.siteMonitorProbes, problems, m);

  const anyRobot = !robots.known || robots.value.length > 0;
  if (mode === "off") {
    if (anyRobot && robots.known) problems.warning(m.webhooksWithoutMonitoring());
    if (alertEmails.length > 0) problems.warning(m.emailsWithoutMonitoring());
    return undefined;
  }
  if (robots.known && robots.value.length === 0 && alertEmails.length === 0) {
    problems.warning(m.monitoringTellsNobody({ fix: setCommand("alertEmails") }));
  } else if (robots.known && robots.value.length === 0) {
    problems.warning(m.webhooksEmpty());
  }
  return {
    region: input.region,
    names: monitoringNames(input.stack),
    verifySchedule: values.verifySchedule.trim(),
    logRetentionDays: values.logRetentionDays,
    alertEmails,
    robots,
    siteMonitorProbes,
    alertLanguage: values.alertLanguage,
    // Without robots a relayed alarm would reach nobody the contact group does not already reach.
    relayAlarms: values.alarmRelay === "auto" && anyRobot,
  };
}
