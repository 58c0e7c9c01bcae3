// The function's settings, from its environment variables (set by the Monitoring component). The
// robots arrive in one variable that the stack keeps as a secret; FC stores environment variables
// encrypted (AES-256) and injects them at start.
import type { VerifyOptions } from "../verifier/settings";
import { parseLocale, type Locale } from "../lib/i18n";
import { FUNCTION_ENV } from "../lib/monitoring/functionEnv";
import { robotSecrets, type Robot } from "../lib/monitoring/robots";

export interface MonitorConfig {
  /** What to verify: the URL and the verifier's options (the same as npm run verify's). */
  readonly verify: VerifyOptions;
  readonly robots: readonly Robot[];
  /** Directory of the state file: the OSS mount in FC. */
  readonly stateDir: string;
  readonly stack: string;
  readonly certificateSource: string;
  readonly renewEveryDays: number;
  /** Before a new failure is reported, the checks run again after this long; a blip is not an alert. */
  readonly confirmSeconds: number;
  /** The language of the alerts and of the verifier's findings in them (the stack's alertLanguage). */
  readonly language: Locale;
}

/** alertLanguage's default: the robots post into Chinese team chats. */
export const DEFAULT_ALERT_LANGUAGE: Locale = "zh-CN";

/** Environment variable names, shared with the component that sets them. */
export const ENV = FUNCTION_ENV;

function json(env: NodeJS.ProcessEnv, name: string, fallback: unknown): unknown {
  const value = env[name];
  if (value === undefined || value === "") return fallback;
  try {
    return JSON.parse(value);
  } catch {
    // Never quote the value: it may be the secret one.
    throw new Error(`environment variable ${name} is not JSON`);
  }
}

function isRobot(value: unknown): value is Robot {
  const robot = value as Robot;
  return (
    typeof value === "object" && value !== null && (robot.kind === "wecom" || robot.kind === "dingtalk") && typeof robot.url === "string"
  );
}

/** Reads the settings; the robots' secrets are returned separately for the log to redact, even when the rest is bad. */
export function readConfig(env: NodeJS.ProcessEnv): { config?: MonitorConfig; secrets: string[]; problem?: string } {
  let robots: Robot[];
  try {
    const parsed = json(env, ENV.robots, []);
    robots = Array.isArray(parsed) ? parsed.filter(isRobot) : [];
  } catch (err) {
    return { secrets: [], problem: (err as Error).message };
  }
  const secrets = robots.flatMap(robotSecrets);
  try {
    const verify = json(env, ENV.verify, undefined) as VerifyOptions | undefined;
    if (!verify || typeof verify.url !== "string") return { secrets, problem: `${ENV.verify} must hold the verifier's options with a url` };
    // Unset or blank is the default, as for the other settings (Number("") would be 0: no confirmation run).
    const number = (name: string, fallback: number): number => {
      const text = env[name]?.trim() ?? "";
      const n = text === "" ? fallback : Number(text);
      return Number.isFinite(n) && n >= 0 ? n : fallback;
    };
    return {
      secrets,
      config: {
        verify,
        robots,
        stateDir: env[ENV.stateDir] || "/tmp/wechat-https-monitor",
        stack: env[ENV.stack] || "stack",
        certificateSource: env[ENV.certificateSource] || "unknown",
        renewEveryDays: number(ENV.renewEveryDays, 7),
        confirmSeconds: number(ENV.confirmSeconds, 60),
        language: parseLocale(env[ENV.alertLanguage] ?? "") ?? DEFAULT_ALERT_LANGUAGE,
      },
    };
  } catch (err) {
    return { secrets, problem: (err as Error).message };
  }
}
