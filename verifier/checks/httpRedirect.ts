// http-redirect: plain HTTP must answer a permanent redirect (301/308) to the same path and query on
// the HTTPS origin under test, like nginx's `return 301 https://$server_name$request_uri;`. The probe
// asks for a path and a query of its own so a redirect that drops them shows.
import { joinClauses } from "../../lib/i18n";
import { CheckContext } from "../context";
import { en, type VerifierMessages } from "../messages/en";
import { httpGet } from "../probe";
import { CheckResult } from "../types";

/** Asked for when --http-url points at the site root, to see that path and query survive. */
export const PROBE_PATH = "/wechat-verify/probe?x=1";

export function probeUrl(httpUrl: URL): URL {
  if (httpUrl.pathname === "/" && httpUrl.search === "") return new URL(PROBE_PATH, httpUrl);
  return httpUrl;
}

/** Problems with a redirect answer, empty when it is right. Pure, for tests. */
export function redirectProblems(
  asked: URL,
  httpsUrl: URL,
  status: number,
  location: string | undefined,
  m: VerifierMessages = en,
): string[] {
  const fix = m.redirectFix();
  if (status >= 200 && status < 300) return [m.redirectPlainAnswer({ status, fix })];
  if (status < 300 || status >= 400) return [m.redirectNotRedirect({ status, fix })];
  if (!location) return [m.redirectNoLocation({ status, fix })];
  let target: URL;
  try {
    target = new URL(location, asked);
  } catch {
    return [m.redirectBadLocation({ location })];
  }
  const problems: string[] = [];
  if (status !== 301 && status !== 308) problems.push(m.redirectTemporary({ status }));
  if (target.protocol !== "https:") {
    problems.push(m.redirectNotHttps({ protocol: target.protocol }));
  } else if (target.hostname !== httpsUrl.hostname) {
    problems.push(m.redirectOtherHost({ host: target.hostname, expected: httpsUrl.hostname }));
  } else if (target.port !== httpsUrl.port) {
    const expected = httpsUrl.port === "" ? m.redirectNoPort() : m.redirectPort({ port: httpsUrl.port });
    problems.push(m.redirectOtherPort({ port: target.port || "443", host: target.host, expected }));
  }
  if (target.pathname !== asked.pathname) {
    problems.push(m.redirectDropsPath({ asked: asked.pathname, sent: target.pathname }));
  } else if (target.search !== asked.search) {
    problems.push(m.redirectDropsQuery({ asked: asked.search, sent: target.search }));
  }
  return problems;
}

export async function checkHttpRedirect(ctx: CheckContext): Promise<CheckResult> {
  const { m } = ctx;
  // Mini programs only call https://: a broken redirect shows no error there.
  const wechat = ctx.wechat({ symptom: "noneRedirect" });
  const asked = probeUrl(ctx.settings.httpUrl);
  const outcome = await httpGet(ctx.env, asked);
  if (!outcome.ok) {
    return { id: "http-redirect", ok: false, detail: m.redirectNoAnswer({ url: asked.href, reason: outcome.reason }), wechat };
  }
  const location = outcome.answer.headers.location;
  const status = outcome.answer.status;
  const problems = redirectProblems(asked, ctx.settings.url, status, location, m);
  if (problems.length > 0) {
    const detail = m.redirectProblems({
      url: asked.href,
      status,
      location: location ?? "",
      problems: joinClauses(ctx.settings.locale, problems),
    });
    return { id: "http-redirect", ok: false, detail, wechat };
  }
  return { id: "http-redirect", ok: true, detail: m.redirectGood({ url: asked.href, status, location: location ?? "" }) };
}
