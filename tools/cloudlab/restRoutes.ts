// What the REST dialects (ROA, Log Service, OSS) share: a table of routes, each a method and a path
// pattern (`/2023-03-30/functions/{functionName}`) naming the API action, and the lookup that finds
// the route of a request with its path parameters decoded.

export interface RestRoute<H> {
  readonly method: string;
  /** Literal segments and `{name}` parameters, e.g. `/logstores/{logstore}/index`. */
  readonly path: string;
  /** The API's name for the call: what the request log and injected faults name. */
  readonly action: string;
  /** What must hold in the query for this route (OSS subresources such as `?acl`), beyond the path. */
  readonly query?: string;
  readonly handle: H;
}

export interface RouteMatch<H> {
  readonly route: RestRoute<H>;
  readonly params: Readonly<Record<string, string>>;
}

function matchPath(pattern: string, pathname: string): Record<string, string> | undefined {
  const want = pattern.split("/");
  const got = pathname.replace(/\/+$/, "").split("/");
  if (pattern === "/" && (pathname === "/" || pathname === "")) return {};
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const name = /^\{(.+)\}$/.exec(want[i] as string)?.[1];
    if (name) params[name] = decodeURIComponent(got[i] as string);
    else if (want[i] !== got[i]) return undefined;
  }
  return params;
}

/** The first route whose method, path and query requirement fit (routes with a query requirement first). */
export function findRoute<H>(routes: readonly RestRoute<H>[], method: string, url: URL): RouteMatch<H> | undefined {
  const ordered = [...routes.filter((r) => r.query), ...routes.filter((r) => !r.query)];
  for (const route of ordered) {
    if (route.method !== method) continue;
    if (route.query && !url.searchParams.has(route.query)) continue;
    const params = matchPath(route.path, url.pathname);
    if (params) return { route, params };
  }
  return undefined;
}

/** A JSON request body as an object ({} when empty); a body that is not JSON is the caller's error. */
export function jsonBody(body: Buffer): Record<string, unknown> | undefined {
  const text = body.toString("utf8").trim();
  if (text === "") return {};
  try {
    const value = JSON.parse(text) as unknown;
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
