// The emulator's HTTP front: a forward proxy on 127.0.0.1. The provider reaches every product through
// it (HTTP_PROXY/HTTPS_PROXY), at host names under LAB_DOMAIN that resolve nowhere, so a client that
// ignored the proxy could not reach any real host either. Plain requests arrive in absolute form; HTTPS
// arrives as CONNECT and is answered with the lab's certificate. Requests addressed to the emulator
// itself (not proxied) are its own API under /_lab/.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { TLSSocket, createSecureContext } from "node:tls";
import { unsupported } from "./apiError";
import { json, readRequest, send, type LabHttpRequest, type LabHttpResponse } from "./http";
import type { LabTls } from "./labTls";
import { serveRpc, type RpcProduct } from "./rpc";
import type { LabStore } from "./store";

/** The domain of every endpoint the emulator answers: `.invalid` never resolves (RFC 2606). */
export const LAB_DOMAIN = "cloudlab.invalid";

export type LabProduct =
  | { readonly dialect: "rpc"; readonly product: RpcProduct }
  | {
      readonly dialect: "http";
      readonly name: string;
      /** `sub`: the labels before the product's (a Log Service project, an OSS bucket, an account id). */
      readonly serve: (req: LabHttpRequest, sub: readonly string[], store: LabStore) => LabHttpResponse;
    };

export type LabApi = (req: LabHttpRequest) => LabHttpResponse | undefined;

export interface LabServer {
  readonly port: number;
  close(): Promise<void>;
}

/** `<sub…>.<product>.cloudlab.invalid` → [product, sub]. */
export function routeHost(host: string): [string, string[]] | undefined {
  const suffix = `.${LAB_DOMAIN}`;
  if (!host.endsWith(suffix)) return undefined;
  const labels = host.slice(0, -suffix.length).split(".");
  const product = labels.pop();
  return product ? [product, labels] : undefined;
}

function hostOf(value: string | undefined): string {
  return (value ?? "").replace(/:\d+$/, "").toLowerCase();
}

export async function startLabServer(options: {
  readonly port?: number;
  readonly products: Readonly<Record<string, LabProduct>>;
  readonly store: LabStore;
  readonly tls: LabTls;
  readonly api: LabApi;
}): Promise<LabServer> {
  const { products, store, api } = options;

  const answer = async (req: IncomingMessage, res: ServerResponse, viaTunnel: string | undefined): Promise<void> => {
    const absolute = /^https?:\/\//.test(req.url ?? "");
    const url = new URL(req.url ?? "/", absolute ? undefined : `http://${req.headers.host ?? "localhost"}`);
    const host = viaTunnel ?? (absolute ? hostOf(url.host) : hostOf(req.headers.host));
    const request = await readRequest(req, host, url);
    if (!absolute && !viaTunnel) {
      send(res, api(request) ?? json(404, { error: "not an emulator API path; the products are reached through the proxy" }));
      return;
    }
    send(res, route(request));
  };

  const route = (req: LabHttpRequest): LabHttpResponse => {
    const routed = routeHost(req.host);
    const product = routed ? products[routed[0]] : undefined;
    if (!routed || !product) {
      store.logRequest({ product: "?", action: "", method: req.method, host: req.host, path: req.url.pathname, params: {} });
      const err = unsupported(`host ${req.host} (the stack's endpoints must all point at ${LAB_DOMAIN})`);
      return json(err.status, { Code: err.code, Message: err.message });
    }
    return product.dialect === "rpc" ? serveRpc(product.product, req, store) : product.serve(req, routed[1], store);
  };

  const handle = (viaTunnel?: string) => (req: IncomingMessage, res: ServerResponse) => {
    answer(req, res, viaTunnel).catch((err: Error) => send(res, json(400, { Code: "CloudLab.InternalError", Message: err.stack })));
  };

  const secureContext = createSecureContext({ cert: options.tls.certPem, key: options.tls.keyPem });
  const server: Server = createServer(handle());
  const tunnels = new Set<Socket>();
  server.on("connect", (req: IncomingMessage, socket: Socket, head: Buffer) => {
    tunnels.add(socket);
    socket.on("close", () => tunnels.delete(socket));
    const target = hostOf(req.url);
    socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
    if (head.length > 0) socket.unshift(head);
    const tlsSocket = new TLSSocket(socket, { isServer: true, secureContext });
    const inner = createServer(handle(target));
    inner.emit("connection", tlsSocket);
    tlsSocket.on("error", () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        for (const socket of tunnels) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
