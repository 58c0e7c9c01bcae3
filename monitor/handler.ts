// The monitoring function (Function Compute 3.0, nodejs20, handler index.handler). A timer runs it
// every hour by default: it verifies the stack's domain with the project's own verifier (the same
// checks as `npm run verify`), compares the verdicts with the last run's, and posts to the group
// robots when a check starts failing and when it passes again. CloudMonitor alarms that name this
// function as a target are relayed to the robots as they come.
import { EndpointUnreachableError, verify, type Report } from "../verifier";
import { alarmAlert, eventShape, isVerifyEvent, parseEvent } from "./alarmRelay";
import { readConfig, type MonitorConfig } from "./config";
import { redactingLog, type Log } from "./log";
import { alertFor } from "./messages";
import { sendAlert } from "./send";
import { loadState, saveState, type MonitorState } from "./state";
import { UNREACHABLE, transitions, type Failure } from "./transitions";

export interface RunSummary {
  readonly kind: "verify" | "alarm";
  readonly failing?: readonly string[];
  readonly failed?: readonly string[];
  readonly recovered?: readonly string[];
  /** Robots that took the alert, of those configured; undefined when nothing was sent. */
  readonly delivered?: number;
  /** False when this run's verdicts could not be saved (the next run reports the same changes again). */
  readonly stateSaved?: false;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** This run's failures: failed checks, or the unreachable endpoint. */
async function failuresNow(config: MonitorConfig): Promise<Failure[]> {
  let report: Report;
  try {
    // The findings are quoted in the alerts: in their language, not Function Compute's (which has no locale set).
    report = await verify({ ...config.verify, locale: config.language });
  } catch (err) {
    if (err instanceof EndpointUnreachableError) return [{ id: UNREACHABLE, detail: err.message }];
    throw err;
  }
  return report.checks.filter((c) => !c.ok).map((c) => ({ id: c.id, detail: c.detail, result: c }));
}

/**
 * Saves the verdicts; a failure is logged, not thrown. The alerts of the run are out by then, and a
 * run that fails is run again by Function Compute, which would send them again: a timer invokes
 * asynchronously, and a failed asynchronous invocation is retried up to 3 times by default (FC's
 * "Configure a retry mechanism", help.aliyun.com/en/functioncompute/fc/user-guide/error-handling-1-2).
 */
function keepState(config: MonitorConfig, state: MonitorState, log: Log): boolean {
  try {
    saveState(config.stateDir, state);
    return true;
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    log.error(
      `cannot save the state in ${config.stateDir} (${reason}): the next run reports the same changes again; ` +
        "check the function's OSS mount (the Monitoring component's bucket)",
    );
    return false;
  }
}

async function runVerification(config: MonitorConfig, log: Log): Promise<RunSummary> {
  const { state: previous, problem } = loadState(config.stateDir);
  if (problem) log.error(problem);
  let failures = await failuresNow(config);
  const isNew = (f: Failure): boolean => !(f.id in previous.failing);
  if (failures.some(isNew) && config.confirmSeconds > 0) {
    // A new failure is confirmed by a second look, so one lost packet is not an alert.
    log.info(
      `new failure(s) ${failures
        .filter(isNew)
        .map((f) => f.id)
        .join(", ")}; checking again in ${config.confirmSeconds} s`,
    );
    await sleep(config.confirmSeconds * 1000);
    failures = await failuresNow(config);
  }
  const now = new Date().toISOString();
  const changes = transitions(previous, failures, now);
  const alert = alertFor(changes, {
    domain: new URL(config.verify.url).hostname,
    stack: config.stack,
    certificateSource: config.certificateSource,
    minDays: config.verify.minDays ?? 30,
    renewEveryDays: config.renewEveryDays,
    locale: config.language,
  });
  const summary = {
    kind: "verify" as const,
    failing: Object.keys(changes.next.failing),
    failed: changes.failed.map((f) => f.id),
    recovered: changes.recovered.map((r) => r.id),
  };
  log.info(
    `verified ${config.verify.url}: ${summary.failing.length === 0 ? "every check passes" : `failing: ${summary.failing.join(", ")}`}` +
      `; newly failing: ${summary.failed.join(", ") || "none"}; recovered: ${summary.recovered.join(", ") || "none"}`,
  );
  const saved = (ran: RunSummary): RunSummary => (keepState(config, changes.next, log) ? ran : { ...ran, stateSaved: false });
  if (!alert) return saved(summary);
  if (config.robots.length === 0) {
    log.info(`no robots configured (alertWebhooks); the change is only in this log: ${alert.title}`);
    return saved({ ...summary, delivered: 0 });
  }
  const delivered = await sendAlert(config.robots, alert, log);
  // Unsent, the change is not recorded: the next run sees it again and tries again.
  if (delivered > 0) return saved({ ...summary, delivered });
  log.error("no robot took the alert; the state is kept so the next run sends it again");
  return { ...summary, delivered };
}

/** The FC entry point. Throws (an FC function error) only when the function itself cannot work. */
export async function handler(event: unknown): Promise<RunSummary> {
  const { config, secrets, problem } = readConfig(process.env);
  const log = redactingLog(secrets);
  if (!config) {
    log.error(`bad function settings: ${problem ?? "unknown"}`);
    throw new Error(`bad function settings: ${problem ?? "unknown"}`);
  }
  const parsed = parseEvent(event);
  if (!isVerifyEvent(parsed)) {
    const alert = alarmAlert(parsed, config.stack, config.language);
    log.info(`relaying ${eventShape(parsed)}: ${alert.title}`);
    const delivered = config.robots.length > 0 ? await sendAlert(config.robots, alert, log) : 0;
    return { kind: "alarm", delivered };
  }
  try {
    return await runVerification(config, log);
  } catch (err) {
    log.error(`the verification could not run: ${err instanceof Error ? err.message : String(err)}`);
    throw err;
  }
}
