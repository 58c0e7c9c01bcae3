// The schedule of the monitoring function, in Function Compute 3.0's timer syntax (TimerTriggerConfig
// .cronExpression, help.aliyun.com "api-fc-2023-03-30-struct-timertriggerconfig"): either an
// interval, "@every 4m", or a cron expression of six fields with seconds first,
// "Seconds Minutes Hours Day-of-month Month Day-of-week", in UTC unless prefixed with
// "CRON_TZ=<zone> " (help.aliyun.com doc-detail/171746). The provider passes the string through
// (alicloud/resource_alicloud_fcv3_trigger.go: trigger_config is a JSON string), so a typo would only
// fail at `pulumi up`; this check refuses it up front. It is a syntax and range gate, not a scheduler:
// FC's dialect (seconds first, CRON_TZ, @every) is none of the crontab dialects npm's cron libraries
// target, and FC has the final word.

/** Hourly: the default. Minutes are the unit FC's own examples use. */
export const DEFAULT_VERIFY_SCHEDULE = "@every 60m";

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

interface Field {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
  /** "?" (no specific value) is allowed in the day fields. */
  readonly question?: boolean;
}

const FIELDS: readonly Field[] = [
  { name: "seconds", min: 0, max: 59 },
  { name: "minutes", min: 0, max: 59 },
  { name: "hours", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31, question: true },
  { name: "month", min: 1, max: 12, names: MONTHS },
  { name: "day of week", min: 0, max: 6, names: DAYS, question: true },
];

function valueOf(text: string, field: Field): number | undefined {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const index = field.names?.indexOf(text.toUpperCase()) ?? -1;
  return index < 0 ? undefined : index + field.min;
}

/** A problem with one field, or undefined. */
function checkField(text: string, field: Field): string | undefined {
  if (text === "*" || (field.question && text === "?")) return undefined;
  for (const part of text.split(",")) {
    const [range, step, extra] = part.split("/");
    if (extra !== undefined || (step !== undefined && !/^[1-9]\d{0,1}$/.test(step))) {
      return `the ${field.name} field "${text}" has a bad step (use e.g. */5)`;
    }
    if (range === "*") continue;
    const ends = range.split("-");
    if (ends.length > 2) return `the ${field.name} field "${text}" is not a value, a range a-b, a list or a step`;
    for (const end of ends) {
      const value = valueOf(end, field);
      if (value === undefined || value < field.min || value > field.max) {
        return `the ${field.name} field "${text}" is outside ${field.min}-${field.max}`;
      }
    }
  }
  return undefined;
}

/**
 * Checks a schedule; returns a problem (what is wrong, with a correct example) or undefined.
 * Intervals are whole minutes or hours from 1 minute to 24 hours; FC's smallest interval is 1 minute.
 */
export function checkSchedule(schedule: string): string | undefined {
  const text = schedule.trim();
  const every = /^@every\s+(\d+)(m|h)$/.exec(text);
  if (every) {
    const minutes = Number(every[1]) * (every[2] === "h" ? 60 : 1);
    return minutes >= 1 && minutes <= 24 * 60 ? undefined : `"${text}" must be between @every 1m and @every 24h`;
  }
  if (text.startsWith("@")) return `"${text}" is not an interval FC takes: use "@every <n>m" or "@every <n>h", e.g. @every 30m`;
  const zone = /^CRON_TZ=([A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*)\s+(.*)$/.exec(text);
  const cron = zone ? zone[2] : text;
  if (text.startsWith("CRON_TZ") && !zone) return `"${text}": write the time zone as CRON_TZ=Asia/Shanghai followed by the six fields`;
  const fields = cron.split(/\s+/);
  if (fields.length !== 6) {
    return (
      `"${text}" has ${fields.length} fields; FC's cron has six, seconds first ` +
      '("0 0 * * * *" is hourly, "CRON_TZ=Asia/Shanghai 0 30 9 * * *" is 09:30 Beijing time)'
    );
  }
  for (let i = 0; i < FIELDS.length; i++) {
    const problem = checkField(fields[i], FIELDS[i]);
    if (problem) return problem;
  }
  return undefined;
}
