// http-redirect: plain HTTP must answer a permanent redirect (301/308) to the same path and query on
// the HTTPS origin under test, like nginx's `return 301 https://$server_name$request_uri;`. The probe
// asks for a path and a query of its own so a redirect that drops them shows.
import { CheckContext } from "../context";
import { httpGet } from "../probe";
import { CheckResult } from "../types";

/** Asked for when --http-url points at the site root, to see that path and query survive. */
export const PROBE_PATH = "/wechat-verify/probe?x=1";

const NGINX_FIX = "in the port-80 server block: return 301 https://$server_name$request_uri;";

export function probeUrl(httpUrl: URL): URL {
  if (httpUrl.pathname === "/" && httpUrl.search === "") return new URL(PROBE_PATH, httpUrl);
  return httpUrl;
}

/** Problems with a redirect answer, empty when it is right. Pure, for tests. */
export function redirectProblems(asked: URL, httpsUrl: URL, status: number, location: string | undefined): string[] {
  if (status >= 200 && status < 300) return [`it answers ${status} over plain HTTP instead of redirecting to HTTPS: ${NGINX_FIX}`];
  if (status < 300 || status >= 400) return [`it answers ${status} instead of a redirect to HTTPS: ${NGINX_FIX}`];
  if (!location) return [`it answers ${status} without a Location header: ${NGINX_FIX}`];
  let target: URL;
  try {
    target = new URL(location, asked);
  } catch {
    return [`it redirects to "${location}", which is not a valid URL`];
  }
  const problems: string[] = [];
  if (status !== 301 && status !== 308) {
    problems.push(`${status} is a temporary redirect: use 301 (or 308) so clients and search engines remember it`);
  }
  if (target.protocol !== "https:") {
    problems.push(`it redirects to ${target.protocol}// instead of https://`);
  } else if (target.hostname !== httpsUrl.hostname) {
    problems.push(`it redirects to another host (${target.hostname}) instead of ${httpsUrl.hostname}`);
  } else if (target.port !== httpsUrl.port) {
    const expected = httpsUrl.port === "" ? "no port (WeChat rejects even :443 in a registered URL)" : `port ${httpsUrl.port}`;
    problems.push(`it redirects to port ${target.port || "443"} (${target.host}) where the HTTPS URL has ${expected}`);
  }
  if (target.pathname !== asked.pathname) {
    problems.push(`it drops the path (asked ${asked.pathname}, sent to ${target.pathname}): redirect to $request_uri`);
  } else if (target.search !== asked.search) {
    problems.push(`it drops the query (asked ${asked.search || "none"}, sent to ${target.search || "none"}): redirect to $request_uri`);
  }
  return problems;
}

export async function checkHttpRedirect(ctx: CheckContext): Promise<CheckResult> {
  const asked = probeUrl(ctx.settings.httpUrl);
  const outcome = await httpGet(ctx.env, asked);
  if (!outcome.ok) {
    return {
      id: "http-redirect",
      ok: false,
      detail: `${asked.href} did not answer (${outcome.reason}): listen on port 80 and redirect to HTTPS`,
    };
  }
  const location = outcome.answer.headers.location;
  const problems = redirectProblems(asked, ctx.settings.url, outcome.answer.status, location);
  if (problems.length > 0) {
    const sent = location ? ` -> ${location}` : "";
    return { id: "http-redirect", ok: false, detail: `${asked.href} (${outcome.answer.status}${sent}): ${problems.join("; ")}` };
  }
  return { id: "http-redirect", ok: true, detail: `${asked.href} answers ${outcome.answer.status} to ${location}, path and query kept` };
}
