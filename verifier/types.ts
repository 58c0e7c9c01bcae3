// The shapes the verifier hands back, shared by the checks, the CLI and programmatic callers.
import type { Source, SymptomId } from "./wechatErrors";

/** Every check the verifier runs, in the order they are reported. */
export const CHECK_IDS = [
  "tls-versions",
  "cipher-suites",
  "certificate-chain",
  "certificate-hostname",
  "certificate-expiry",
  "hsts",
  "http-redirect",
  "health",
  "websocket",
] as const;

export type CheckId = (typeof CHECK_IDS)[number];

export interface CheckResult {
  readonly id: CheckId;
  /** True when the endpoint meets this rule. */
  readonly ok: boolean;
  /** One sentence a non-TLS person can act on: what was seen and, on failure, how to fix it. */
  readonly detail: string;
  /** Set when the check passed but left a remark worth reading (e.g. no WebSocket endpoint). */
  readonly note?: boolean;
  /** On a failed check: what the mini program would show, and on which phones. */
  readonly wechat?: WechatView;
  /** What the check measured, for programs (the scheduled monitor): the certificate's expiry. */
  readonly facts?: { readonly notAfter: string; readonly daysLeft: number };
}

/** A failed check as the mini program sees it. */
export interface WechatView {
  /** Which of WeChat's failures this is (wechatErrors.ts). */
  readonly symptom: SymptomId;
  /** WeChat's error texts, verbatim; empty when the mini program shows no error. */
  readonly errors: readonly string[];
  /** How the text is known: official, community (developer reports), derived or unconfirmed. */
  readonly source?: Source;
  /** Which phones see it, in the report's language. */
  readonly devices: string;
}

export interface Report {
  /** The https:// URL that was verified. */
  readonly url: string;
  /** True when every check passed. */
  readonly ok: boolean;
  readonly checks: readonly CheckResult[];
  /** Wall time of the whole run, milliseconds. */
  readonly durationMs: number;
}
