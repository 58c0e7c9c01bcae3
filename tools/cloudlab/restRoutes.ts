// What the REST dialects (ROA, Log Service, OSS) share: a table of routes, each a method and a path
// pattern (`/2023-03-30/functions/{functionName}`) naming the API action, the lookup that finds
// the route of a request with its path parameters decoded, and the request log entry every
// exchange leaves.
import { ApiError } from "./apiError";
import type { LabHttpRequest } from "./http";
import type { LabStore, LoggedRequest } from "./store";

export interface RestRoute<H> {
  readonly method: string;
  /** Literal segments and `{name}` parameters, e.g. `/logstores/{logstore}/index`; a last `{name*}` takes the rest (an OSS object key). */
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
  if (pattern === "/") return pathname === "/" || pathname === "" ? {} : undefined;
  const rest = /^\{(.+)\*\}$/.exec(want[want.length - 1] as string)?.[1];
  if (rest) {
    const prefix = `${want.slice(0, -1).join("/")}/`;
    if (!pathname.startsWith(prefix) || pathname.length === prefix.length) return undefined;
    return { [rest]: decodeURIComponent(pathname.slice(prefix.length)) };
  }
  const got = pathname.replace(/\/+$/, "").split("/");
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

/**
 * Parameters as the request log keeps them: long values (a base64 code package) shortened to their
 * size, and a function's environment variables named but not shown (the monitoring function carries
 * its robots' webhook URLs there, which must never reach a log).
 */
export function loggedParams(values: Record<string, unknown>): Record<string, unknown> {
  const shorten = (v: unknown, key = ""): unknown => {
    if (key === "environmentVariables" && v !== null && typeof v === "object")
      return Object.fromEntries(Object.keys(v).map((k) => [k, "<hidden>"]));
    if (typeof v === "string") return v.length > 512 ? `<${v.length} characters>` : v;
    if (Array.isArray(v)) return v.map((x) => shorten(x));
    if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shorten(x, k)]));
    return v;
  };
  return shorten(values) as Record<string, unknown>;
}

/** A request as a REST dialect begins to answer it: its route, its parameters, and its entry in the request log. */
export interface RestExchange<H> {
  readonly match: RouteMatch<H> | undefined;
  readonly action: string;
  readonly query: Readonly<Record<string, string>>;
  /** The JSON body; undefined when the body is not a JSON object. */
  readonly body: Record<string, unknown> | undefined;
  readonly logged: LoggedRequest;
}

export function openExchange<H>(
  product: string,
  routes: readonly RestRoute<H>[],
  req: LabHttpRequest,
  store: LabStore,
  extra: Record<string, unknown> = {},
): RestExchange<H> {
  const match = findRoute(routes, req.method, req.url);
  const action = match?.route.action ?? `${req.method} ${req.url.pathname}`;
  const body = jsonBody(req.body);
  const query = Object.fromEntries(req.url.searchParams.entries());
  const params = loggedParams({ ...query, ...match?.params, ...extra, ...body });
  const logged = store.logRequest({ product, action, method: req.method, host: req.host, path: req.url.pathname, params });
  return { match, action, query, body, logged };
}

/** The error to answer for what a handler threw, recorded in the log. An emulator fault answers 400, never 5xx: the provider retries a 5xx for minutes. */
export function failedExchange(err: unknown, logged: LoggedRequest): ApiError {
  const e = err instanceof ApiError ? err : new ApiError("CloudLab.InternalError", (err as Error).stack ?? String(err), 400);
  logged.status = e.status;
  logged.code = e.code;
  return e;
}
