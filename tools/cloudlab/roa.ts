// The ROA dialect (Function Compute 3.0): the operation is the method and the path
// (`POST /2023-03-30/functions`), parameters are path segments, the query and a JSON body, the
// answer is JSON, and errors are a 4xx/5xx with {"Code","Message","RequestId"}. Read in
// terraform-provider-alicloud v1.285.0 alicloud/connectivity/client.go roaRequest (tea-roa's
// DoRequest: an error's code is the body's Code, its message the body's Message; a 204 answer has no
// body) and the official @alicloud/fc20230330 client (the same paths, JSON bodies). The provider may
// put the account id in front of the FC endpoint (client.go formatEndpointWithAccountID, only for
// hosts ending in .fc.aliyuncs.com), so `<account id>.fc.cloudlab.invalid` routes here too.
import { ApiError, unsupported } from "./apiError";
import { json, type LabHttpRequest, type LabHttpResponse } from "./http";
import { failedExchange, openExchange, type RestRoute } from "./restRoutes";
import { requestId, type LabStore } from "./store";

export interface RoaCall {
  readonly action: string;
  /** Path parameters, e.g. {functionName}. */
  readonly path: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: Readonly<Record<string, unknown>>;
  readonly store: LabStore;
}

/** A result: the JSON body (200), or no body (204, as FC's deletes answer). */
export type RoaResult = { readonly status?: 200 | 204; readonly body?: unknown };
export type RoaHandler = (call: RoaCall) => RoaResult;

export interface RoaProduct {
  /** The product's name in the request log and in injected faults (e.g. "fc"). */
  readonly name: string;
  readonly routes: readonly RestRoute<RoaHandler>[];
}

export function serveRoa(product: RoaProduct, req: LabHttpRequest, sub: readonly string[], store: LabStore): LabHttpResponse {
  const { match, action, query, body, logged } = openExchange(product.name, product.routes, req, store);
  const headers = { "x-acs-request-id": requestId() };
  try {
    if (sub.length > 1 || (sub.length === 1 && sub[0] !== store.accountId)) throw unsupported(`host ${req.host}`);
    if (!match) throw unsupported(`${product.name} ${req.method} ${req.url.pathname}`);
    if (!body) throw new ApiError("InvalidArgument", "the request body is not a JSON object", 400);
    store.takeFault(product.name, action, { ...query, ...match.params });
    const result = match.route.handle({ action, path: match.params, query: req.url.searchParams, body, store });
    logged.status = result.status ?? 200;
    if (result.status === 204) return { status: 204, headers, body: "" };
    return json(200, result.body ?? {}, headers);
  } catch (err) {
    const e = failedExchange(err, logged);
    return json(e.status, { Code: e.code, Message: e.message, RequestId: headers["x-acs-request-id"] }, headers);
  }
}
