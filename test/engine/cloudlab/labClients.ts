// The official Alibaba Cloud SDK clients, talking to the emulator. The Node SDKs send every request
// straight to their endpoint (@darabonba/typescript and @alicloud/tea-typescript hand httpx no proxy,
// whatever Config.httpProxy says), so each client gets a loopback front of its own: a relay that
// passes the SDK's request through the emulator as a proxied request for `<label>.cloudlab.invalid`,
// exactly as the provider's Go clients send theirs. Query, body and headers reach the emulator as
// the SDK wrote them.
import OpenApi, { Config, OpenApiRequest, Params } from "@alicloud/openapi-client";
import { RuntimeOptions } from "@alicloud/tea-util";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { CloudLab } from "../../../tools/cloudlab";
import { LAB_ACCESS_KEY } from "../../../tools/cloudlab/settings";

export interface LabEndpoint {
  readonly config: Config;
  close(): Promise<void>;
}

/** A client config for the product at `<label>.cloudlab.invalid`, through a relay on 127.0.0.1. */
export async function labEndpoint(lab: CloudLab, label: string): Promise<LabEndpoint> {
  const host = `${label}.cloudlab.invalid`;
  const relay: Server = createServer((incoming, answer) => {
    const forwarded = request(
      {
        host: "127.0.0.1",
        port: lab.port,
        method: incoming.method,
        path: `http://${host}${incoming.url}`,
        headers: { ...incoming.headers, host },
      },
      (reply) => {
        answer.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(answer);
      },
    );
    forwarded.on("error", () => answer.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  const config = new Config({
    accessKeyId: LAB_ACCESS_KEY,
    accessKeySecret: "lab-secret",
    endpoint: `127.0.0.1:${(relay.address() as AddressInfo).port}`,
    protocol: "http",
    regionId: lab.store.region,
  });
  return {
    config,
    close: () =>
      new Promise<void>((resolve) => {
        relay.closeAllConnections();
        relay.close(() => resolve());
      }),
  };
}

/** An RPC action through the generic client, for products with no SDK here (OOS, Container Registry). */
export async function callRpc(
  endpoint: LabEndpoint,
  version: string,
  action: string,
  query: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const client = new OpenApi(endpoint.config);
  const params = new Params({
    action,
    version,
    protocol: "HTTP",
    pathname: "/",
    method: "POST",
    authType: "AK",
    style: "RPC",
    reqBodyType: "formData",
    bodyType: "json",
  });
  const flat = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
  const answer = await client.callApi(params, new OpenApiRequest({ query: flat }), new RuntimeOptions({ autoretry: false }));
  return answer.body as Record<string, unknown>;
}

/** The code and HTTP status of the error a call ends with. */
export async function apiErrorOf(call: Promise<unknown>): Promise<{ code: string; statusCode: number }> {
  try {
    await call;
  } catch (err) {
    const e = err as { code?: string; statusCode?: number; data?: { statusCode?: number } };
    return { code: String(e.code), statusCode: Number(e.statusCode ?? e.data?.statusCode) };
  }
  throw new Error("the call succeeded; an error was expected");
}
