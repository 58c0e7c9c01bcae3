// The Log Service (SLS) REST dialect: the project is the first label of the host
// (`<project>.log.cloudlab.invalid`; account-level calls such as CreateProject and the tag calls go
// to `log.cloudlab.invalid`), the operation is the method and path (`GET /logstores/{logstore}`),
// bodies are JSON, a success is HTTP 200 (the legacy Go SDK treats any other status as an error,
// aliyun-log-go-sdk v0.1.108 request.go realRequest), and an error is a 4xx with
// {"errorCode","errorMessage"} and the request id in the x-log-requestid header (request.go; and the
// OpenAPI gateway terraform-provider-alicloud also uses, alibabacloud-gateway-sls v0.3.0
// client.go ModifyResponse). The provider reaches it both ways: through aliyun-log-go-sdk, which
// always speaks HTTPS (the emulator ends that TLS itself), and through the SLS OpenAPI
// (client.Do("Sls", ...) with the project in hostMap), over the provider's protocol.
import { ApiError, unsupported } from "./apiError";
import { json, type LabHttpRequest, type LabHttpResponse } from "./http";
import { failedExchange, openExchange, type RestRoute } from "./restRoutes";
import { requestId, type LabStore } from "./store";

export interface SlsCall {
  readonly action: string;
  /** The project the host names; "" for account-level calls. */
  readonly project: string;
  readonly path: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: Readonly<Record<string, unknown>>;
  /** The body as sent (a policy document is kept as written). */
  readonly raw: Buffer;
  readonly store: LabStore;
}

/** The JSON answer (or a raw string, as GetProjectPolicy answers); no body when undefined. */
export type SlsHandler = (call: SlsCall) => unknown;

export interface SlsProduct {
  readonly name: string;
  readonly routes: readonly RestRoute<SlsHandler>[];
}

/** An SLS error: the API's code, its message, and the status SLS answers it with. */
export const slsError = (code: string, message: string, status = 400): ApiError => new ApiError(code, message, status);

export function serveSls(product: SlsProduct, req: LabHttpRequest, sub: readonly string[], store: LabStore): LabHttpResponse {
  const project = sub.join(".");
  const { match, action, query, body, logged } = openExchange(product.name, product.routes, req, store, project ? { project } : {});
  const headers = { "x-log-requestid": requestId().replace(/-/g, "").slice(0, 24) };
  try {
    if (!match) throw unsupported(`${product.name} ${req.method} ${req.url.pathname}`);
    if (!body) throw slsError("PostBodyInvalid", "the request body is not a JSON object");
    store.takeFault(product.name, action, { ...query, ...match.params, project });
    const result = match.route.handle({ action, project, path: match.params, query: req.url.searchParams, body, raw: req.body, store });
    logged.status = 200;
    if (result === undefined) return { status: 200, headers, body: "" };
    if (typeof result === "string") return { status: 200, headers: { ...headers, "content-type": "text/plain" }, body: result };
    return json(200, result, headers);
  } catch (err) {
    const e = failedExchange(err, logged);
    return json(e.status, { errorCode: e.code, errorMessage: e.message }, headers);
  }
}
