// health: the app answers through the whole path (load balancer, nginx, app) with a 2xx.
import { CheckContext, healthUrl } from "../context";
import type { VerifierMessages } from "../messages";
import { CheckResult } from "../types";

function explainStatus(m: VerifierMessages, status: number): string {
  if (status === 502 || status === 504) return m.healthProxyFailed();
  if (status === 503) return m.healthUnavailable();
  if (status >= 500) return m.healthAppFailed();
  if (status === 404) return m.healthNotFound();
  if (status >= 300 && status < 400) return m.healthRedirects();
  return m.healthExpected2xx();
}

export async function checkHealth(ctx: CheckContext): Promise<CheckResult> {
  const { m } = ctx;
  const url = healthUrl(ctx.settings);
  const outcome = await ctx.health();
  if (!outcome.ok) {
    return {
      id: "health",
      ok: false,
      detail: m.healthNoAnswer({ path: url.pathname, reason: outcome.reason }),
      wechat: ctx.wechat({ symptom: "healthTimeout" }),
    };
  }
  const { status, ms } = outcome.answer;
  if (status >= 200 && status < 300) return { id: "health", ok: true, detail: m.healthGood({ path: url.pathname, status, ms }) };
  const location = status >= 300 && status < 400 ? (outcome.answer.headers.location ?? "") : "";
  return {
    id: "health",
    ok: false,
    detail: m.healthBad({ path: url.pathname, status, location, why: explainStatus(m, status) }),
    // wx.request hands any HTTP status to success: the mini program's code sees the status itself.
    wechat: ctx.wechat({ symptom: "healthStatus", params: { status } }),
  };
}
