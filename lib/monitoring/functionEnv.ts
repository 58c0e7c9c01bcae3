// The environment variables the Monitoring component sets on the function and the function reads
// (monitor/config.ts): one list, so both sides agree.
export const FUNCTION_ENV = {
  /** The verifier's options as JSON (VerifyOptions: url, healthPath, minDays, ...). */
  verify: "VERIFY_OPTIONS",
  /** The robots as JSON, a secret. */
  robots: "ALERT_ROBOTS",
  /** Directory of the state file (the OSS mount). */
  stateDir: "STATE_DIR",
  stack: "STACK",
  certificateSource: "CERTIFICATE_SOURCE",
  renewEveryDays: "RENEW_EVERY_DAYS",
  /** Language of the alerts (en or zh-CN); default zh-CN. */
  alertLanguage: "ALERT_LANGUAGE",
  /** Seconds before a new failure is checked again; default 60. */
  confirmSeconds: "CONFIRM_SECONDS",
} as const;
