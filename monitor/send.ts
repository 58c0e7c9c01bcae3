// Posts one alert to every robot. A robot's answer is judged by its errcode (both WeCom and DingTalk
// answer HTTP 200 with {"errcode":0} on success). Failures are logged by the robot's position and
// kind only; the log redacts anything secret that an error message might still quote.
import { robotBody, signedUrl, type Robot } from "../lib/monitoring/robots";
import type { Log } from "./log";
import type { Alert } from "./messages";

/** Time limit of one post. */
const POST_TIMEOUT_MS = 10_000;

async function postOne(robot: Robot, alert: Alert, now: number): Promise<string | undefined> {
  try {
    const response = await fetch(signedUrl(robot, now), {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: robotBody(robot.kind, alert.title, alert.markdown),
      signal: AbortSignal.timeout(POST_TIMEOUT_MS),
    });
    const text = await response.text();
    if (!response.ok) return `HTTP ${response.status}`;
    let answer: { errcode?: unknown; errmsg?: unknown } = {};
    try {
      answer = JSON.parse(text) as typeof answer;
    } catch {
      return "an answer that is not JSON";
    }
    return answer.errcode === 0 ? undefined : `errcode ${String(answer.errcode)} (${String(answer.errmsg ?? "")})`;
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return `${(err as Error).name}${cause ? ` ${cause}` : ""}`;
  }
}

/** Sends the alert to every robot; resolves to how many took it. */
export async function sendAlert(robots: readonly Robot[], alert: Alert, log: Log, now = Date.now()): Promise<number> {
  const outcomes = await Promise.all(robots.map((robot) => postOne(robot, alert, now)));
  outcomes.forEach((problem, i) => {
    const name = `robot ${i + 1} (${robots[i].kind})`;
    if (problem) log.error(`${name} did not take the alert: ${problem}`);
    else log.info(`${name} took the alert "${alert.title}"`);
  });
  return outcomes.filter((problem) => problem === undefined).length;
}
