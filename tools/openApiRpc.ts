// One RPC call (query and form body, JSON answer) through @alicloud/openapi-client's generic callApi,
// for an Alibaba Cloud product without a Node SDK of its own in the project (BSS for the price
// check; SLB in the emulator's contract tests). The client signs it and picks the transport.
import type OpenApi from "@alicloud/openapi-client";
import * as $OpenApi from "@alicloud/openapi-client";
import * as $Util from "@alicloud/tea-util";

export interface RpcOptions {
  /** HTTPS unless the endpoint is plain HTTP (the emulator's forward proxy). */
  readonly protocol?: "HTTP" | "HTTPS";
  /** The SDK's automatic retries; off where a test injects the error it must see. */
  readonly retry?: boolean;
}

export async function callRpc<T>(
  client: OpenApi,
  action: string,
  version: string,
  query: Record<string, string>,
  options: RpcOptions = {},
): Promise<T> {
  const params = new $OpenApi.Params({
    action,
    version,
    protocol: options.protocol ?? "HTTPS",
    pathname: "/",
    method: "POST",
    authType: "AK",
    style: "RPC",
    reqBodyType: "formData",
    bodyType: "json",
  });
  const answer = (await client.callApi(
    params,
    new $OpenApi.OpenApiRequest({ query }),
    new $Util.RuntimeOptions({ autoretry: options.retry ?? true }),
  )) as { body: T };
  return answer.body;
}
