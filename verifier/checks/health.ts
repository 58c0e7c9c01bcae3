// health: the app answers through the whole path (load balancer, nginx, app) with a 2xx.
import { CheckContext, healthUrl } from "../context";
import { CheckResult } from "../types";

function explainStatus(status: number): string {
  if (status === 502 || status === 504)
    return "the proxy in front of the app could not get an answer from it (is the app running and listening where nginx expects?)";
  if (status === 503) return "the service is unavailable (no healthy backend behind the load balancer, or the app reports itself down)";
  if (status >= 500) return "the app failed while answering; see its logs";
  if (status === 404) return "nothing answers on this path: add the route, or point --health-path at the app's health endpoint";
  if (status >= 300 && status < 400) return "the health endpoint should answer directly, not redirect";
  return "expected a 2xx answer";
}

export async function checkHealth(ctx: CheckContext): Promise<CheckResult> {
  const url = healthUrl(ctx.settings);
  const outcome = await ctx.health();
  if (!outcome.ok) return { id: "health", ok: false, detail: `GET ${url.pathname} got no answer: ${outcome.reason}` };
  const { status, ms } = outcome.answer;
  if (status >= 200 && status < 300) return { id: "health", ok: true, detail: `GET ${url.pathname} answered ${status} in ${ms} ms` };
  const location = status >= 300 && status < 400 && outcome.answer.headers.location ? ` to ${outcome.answer.headers.location}` : "";
  return { id: "health", ok: false, detail: `GET ${url.pathname} answered ${status}${location}: ${explainStatus(status)}` };
}
