// What every check receives: the settings and the probes several checks share, each run at most
// once per verification (the certificate handshake feeds three checks, the page GET two).
import { Settings } from "./settings";
import { Handshake, HttpOutcome, ProbeEnv, TOLERANT_CIPHERS, httpGet, tlsHandshake } from "./probe";
import { VERIFIER_CATALOGS, type VerifierMessages } from "./messages";
import { wechatView, type WechatError } from "./wechatErrors";
import type { CheckResult, WechatView } from "./types";

export interface CheckContext {
  readonly settings: Settings;
  /** The report's messages, in the language asked for. */
  readonly m: VerifierMessages;
  /** What the mini program shows for a failure, in the report's language. */
  readonly wechat: (error: WechatError) => WechatView;
  readonly env: ProbeEnv;
  /** A handshake like a tolerant client makes (any version, any authenticated suite): the certificate the server presents. */
  readonly certificate: () => Promise<Handshake>;
  /** GET of the URL under test. */
  readonly page: () => Promise<HttpOutcome>;
  /** GET of the health path. */
  readonly health: () => Promise<HttpOutcome>;
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= make());
}

export function healthUrl(settings: Settings): URL {
  return new URL(settings.healthPath, settings.url.origin);
}

export function createContext(settings: Settings, signal?: AbortSignal): CheckContext {
  const m = VERIFIER_CATALOGS[settings.locale];
  const env: ProbeEnv = { resolve: settings.resolve, timeoutMs: settings.timeoutMs, signal, messages: m };
  return {
    settings,
    m,
    wechat: (error) => wechatView(m, error),
    env,
    // Anonymous suites carry no certificate; leaving them out makes the server show one.
    certificate: once(() => tlsHandshake(env, settings.endpoint, { ciphers: TOLERANT_CIPHERS })),
    page: once(() => httpGet(env, settings.url)),
    health: once(() => httpGet(env, healthUrl(settings))),
  };
}

/**
 * The failure of a check that saw nothing because the server completed no TLS handshake (silence,
 * a close, a reset, plain HTTP on the port), or undefined when the tolerant handshake worked.
 */
export async function noTlsAnswer(ctx: CheckContext): Promise<Pick<CheckResult, "detail" | "wechat"> | undefined> {
  const outcome = await ctx.certificate();
  if (outcome.kind === "accepted") return undefined;
  return {
    detail: ctx.m.noTlsAnswer({ reason: outcome.reason }),
    wechat: ctx.wechat({ symptom: "handshake", params: { devices: "all" } }),
  };
}
