// The RPC dialect most Alibaba Cloud products speak: one URL per product, the operation in `Action`
// (or, from the OpenAPI v2 SDK, the `x-acs-action` header), parameters in the query string and the
// form-encoded body, a JSON answer with a RequestId, and errors as a 4xx/5xx with
// {"RequestId","HostId","Code","Message"}. The three Go SDK layers the provider uses all speak it:
// alibaba-cloud-sdk-go's RpcRequest (query; form body for POST), tea-rpc (client.RpcPost in
// terraform-provider-alicloud alicloud/connectivity/client.go: query + form body) and
// darabonba-openapi v2 (x-acs-* headers, ACS3 signature). Signatures are the client's business: the
// emulator checks none.
import { ApiError, unsupported } from "./apiError";
import { json, type LabHttpRequest, type LabHttpResponse } from "./http";
import { Params } from "./params";
import { requestId, type LabStore } from "./store";

export interface RpcCall {
  readonly action: string;
  readonly params: Params;
  readonly store: LabStore;
  /** The region the call is for (RegionId, else the lab's). */
  readonly region: string;
}

export type RpcHandler = (call: RpcCall) => Record<string, unknown>;

export interface RpcProduct {
  /** The product's name in the request log and in injected faults (e.g. "ecs"). */
  readonly name: string;
  /** API version the handlers answer; a call for another version is refused, as the cloud would. */
  readonly versions: readonly string[];
  readonly actions: Readonly<Record<string, RpcHandler>>;
}

export function rpcParameters(req: LabHttpRequest): Record<string, string> {
  const values: Record<string, string> = Object.fromEntries(req.url.searchParams.entries());
  const type = String(req.headers["content-type"] ?? "");
  const body = req.body.toString("utf8");
  if (body && type.includes("json")) {
    for (const [k, v] of Object.entries(JSON.parse(body) as Record<string, unknown>)) {
      values[k] = typeof v === "string" ? v : JSON.stringify(v);
    }
  } else if (body) {
    for (const [k, v] of new URLSearchParams(body).entries()) values[k] = v;
  }
  return values;
}

export function serveRpc(product: RpcProduct, req: LabHttpRequest, store: LabStore): LabHttpResponse {
  const values = rpcParameters(req);
  const action = values.Action ?? String(req.headers["x-acs-action"] ?? "");
  const version = values.Version ?? String(req.headers["x-acs-version"] ?? "");
  const logged = store.logRequest({
    product: product.name,
    action,
    method: req.method,
    host: req.host,
    path: req.url.pathname,
    params: values,
  });
  try {
    if (!product.versions.includes(version)) throw unsupported(`${product.name} API version ${version || "(none)"}`);
    const handler = product.actions[action];
    if (!handler) throw unsupported(`${product.name} ${action || "(no action)"}`);
    store.takeFault(product.name, action, values);
    const result = handler({ action, params: new Params(values), store, region: values.RegionId || store.region });
    logged.status = 200;
    return json(200, { RequestId: requestId(), ...result });
  } catch (err) {
    // A fault of the emulator itself answers 400, not 500: the provider would retry a 5xx for minutes.
    const e = err instanceof ApiError ? err : new ApiError("CloudLab.InternalError", (err as Error).stack ?? String(err), 400);
    logged.status = e.status;
    logged.code = e.code;
    return json(e.status, { RequestId: requestId(), HostId: req.host, Code: e.code, Message: e.message });
  }
}
