// The load balancers' data plane: what a client reaching a lab CLB's address meets. The control plane
// (products/slb) keeps listeners as records; this follows every change and, for each running listener,
// serves its address and port on loopback (loopback addresses of the lab's own block, publicAddresses.ts):
// - HTTPS: TLS with the listener's server certificate (the chain as uploaded, the key CLB was given)
//   and the versions and suites of its TLS policy, as the CLB "TLS security policies" page lists them
//   for an RSA certificate (help.aliyun.com/document_detail/90740.html); requests go to the backend
//   the harness provides (a real nginx with the stack's rendered config: what the instances run) with
//   X-Forwarded-For, and X-Forwarded-Proto when the listener has XForwardedFor_proto on, as CLB adds
//   them; WebSocket upgrades pass. No healthy attached server: 503, as CLB answers.
// - HTTP with ListenerForward on: 301 to https on ForwardPort (the redirect listener).
// Not modelled: HTTP/2 (answered as HTTP/1.1), health checks (an attached Running instance counts as
// healthy), several backends (one stands for all), session tickets and OCSP stapling.
// The instance edge: an EIP bound to a Running instance (its address from the same block) passes its 443
// and 80 through, as bytes, to the ports where the backend's nginx ends TLS itself and redirects
// (Backend.edge), as the address would reach the instance's own nginx.
import { request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer, type Server as HttpsServer } from "node:https";
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { connect, createServer as createTcpServer, type Server as TcpServer, type Socket } from "node:net";
import type { SecureVersion } from "node:tls";
import { KINDS } from "./products/ecs/kinds";
import { SLB_KINDS } from "./products/slb";
import { settle, type LabRecord, type LabStore } from "./store";

export interface Backend {
  readonly host: string;
  readonly port: number;
  /** Where the instance edge's nginx listens on `host`: TLS (what the EIP's 443 reaches) and its port 80. */
  readonly edge?: { readonly httpsPort: number; readonly httpPort: number };
}

interface TlsProfile {
  readonly minVersion: SecureVersion;
  readonly maxVersion: SecureVersion;
  readonly ciphers: string;
}

const RSA_STRICT =
  "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES256-SHA";
const RSA_LEGACY = `${RSA_STRICT}:AES128-GCM-SHA256:AES256-GCM-SHA384:AES128-SHA256:AES256-SHA256:AES128-SHA:AES256-SHA:DES-CBC3-SHA:@SECLEVEL=0`;
const TLS13 = "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_CCM_SHA256:TLS_AES_128_CCM_8_SHA256";

/** The five policies a CLB listener takes, as they apply to an RSA certificate. */
const TLS_POLICIES: Record<string, TlsProfile> = {
  tls_cipher_policy_1_0: { minVersion: "TLSv1", maxVersion: "TLSv1.2", ciphers: RSA_LEGACY },
  tls_cipher_policy_1_1: { minVersion: "TLSv1.1", maxVersion: "TLSv1.2", ciphers: RSA_LEGACY },
  tls_cipher_policy_1_2: { minVersion: "TLSv1.2", maxVersion: "TLSv1.2", ciphers: RSA_LEGACY },
  tls_cipher_policy_1_2_strict: { minVersion: "TLSv1.2", maxVersion: "TLSv1.2", ciphers: RSA_STRICT },
  tls_cipher_policy_1_2_strict_with_1_3: { minVersion: "TLSv1.2", maxVersion: "TLSv1.3", ciphers: `${TLS13}:${RSA_STRICT}` },
};

interface Served {
  readonly signature: string;
  readonly server: HttpsServer | HttpServer | TcpServer;
  readonly sockets: Set<Socket>;
}

export class DataPlane {
  private readonly served = new Map<string, Served>();
  private pending = Promise.resolve();
  /** Listeners it could not serve (an address in use, a port below 1024 without root), with why. */
  readonly problems: string[] = [];

  constructor(
    private readonly store: LabStore,
    private readonly backend: Backend,
  ) {
    store.watch(() => this.schedule());
  }

  private scheduled = false;

  /** One reconciliation at a time, and one at most waiting behind it however many changes come. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.pending = this.pending
      .then(() => {
        this.scheduled = false;
        return this.reconcile();
      })
      .catch((err: Error) => void this.problems.push(err.message));
  }

  /** Resolves once every change seen so far is served. */
  settled(): Promise<void> {
    this.schedule();
    return this.pending;
  }

  private async reconcile(): Promise<void> {
    const wanted = new Map<string, { listener: LabRecord; address: string; signature: string }>();
    for (const listener of this.store.list(SLB_KINDS.listener)) {
      if (settle(listener, "Status") !== "running") continue;
      const lb = this.store.get(SLB_KINDS.loadBalancer, String(listener.LoadBalancerId));
      if (!lb) continue;
      const address = `${String(lb.Address)}:${String(listener.ListenerPort)}`;
      const signature = JSON.stringify([
        listener.ListenerProtocol,
        listener.ServerCertificateId,
        listener.TLSCipherPolicy,
        listener.ListenerForward,
        listener.ForwardPort,
        listener.XForwardedFor_proto,
      ]);
      wanted.set(address, { listener, address, signature });
    }
    const passed = this.edgeAddresses();
    for (const [address, served] of this.served) {
      const signature = wanted.get(address)?.signature ?? passed.get(address)?.signature;
      if (signature !== served.signature) await this.stop(address, served);
    }
    for (const [address, want] of wanted) {
      if (!this.served.has(address)) await this.start(address, want.listener, want.signature);
    }
    for (const [address, want] of passed) {
      if (!this.served.has(address)) await this.passThrough(address, want.port, want.signature);
    }
  }

  /**
   * The addresses of EIPs bound to a Running instance, each port to the backend's edge port. The
   * binding counts from AssociateEipAddress on (its InstanceId), without reading the status, so the
   * provider's waiter still sees its one transitional read.
   */
  private edgeAddresses(): Map<string, { port: number; signature: string }> {
    const passed = new Map<string, { port: number; signature: string }>();
    const edge = this.backend.edge;
    if (!edge) return passed;
    for (const eip of this.store.list(KINDS.eip)) {
      const instance = eip.InstanceId ? this.store.get(KINDS.instance, String(eip.InstanceId)) : undefined;
      if (instance?.Status !== "Running") continue;
      const signature = JSON.stringify(["eip", eip.InstanceId]);
      passed.set(`${String(eip.IpAddress)}:443`, { port: edge.httpsPort, signature });
      passed.set(`${String(eip.IpAddress)}:80`, { port: edge.httpPort, signature });
    }
    return passed;
  }

  /** Serves `address` by piping each connection to the backend's `port`, bytes as they come. */
  private async passThrough(address: string, port: number, signature: string): Promise<void> {
    const server = createTcpServer((client) => {
      const upstream = connect(port, this.backend.host);
      client.pipe(upstream).pipe(client);
      upstream.on("error", () => client.destroy());
      client.on("error", () => upstream.destroy());
    });
    await this.listen(address, server, signature);
  }

  private async stop(address: string, served: Served): Promise<void> {
    this.served.delete(address);
    for (const socket of served.sockets) socket.destroy();
    await new Promise<void>((resolve) => served.server.close(() => resolve()));
  }

  private async start(address: string, listener: LabRecord, signature: string): Promise<void> {
    const host = address.slice(0, address.lastIndexOf(":"));
    const https = String(listener.ListenerProtocol ?? "").toLowerCase() === "https";
    let server: HttpsServer | HttpServer;
    if (https) {
      const id = String(listener.ServerCertificateId);
      const certificate = this.store.get(SLB_KINDS.serverCertificate, id);
      const key = this.store.hiddenOf(SLB_KINDS.serverCertificate, id);
      const profile = TLS_POLICIES[String(listener.TLSCipherPolicy)] ?? (TLS_POLICIES.tls_cipher_policy_1_0 as TlsProfile);
      if (!certificate || !key) {
        this.problems.push(`${address}: no certificate ${id} with a key to serve`);
        return;
      }
      server = createHttpsServer({ cert: String(certificate.ServerCertificate), key, ...profile, honorCipherOrder: true }, (req, res) =>
        this.forward(req, res, listener, "https"),
      );
      server.on("upgrade", (req: IncomingMessage, socket: Socket, head: Buffer) => this.forwardUpgrade(req, socket, head, listener));
    } else {
      server = createHttpServer((req, res) => {
        if (listener.ListenerForward === "on") {
          const port = Number(listener.ForwardPort);
          const target = `https://${(req.headers.host ?? host).replace(/:\d+$/, "")}${port === 443 ? "" : `:${port}`}${req.url ?? "/"}`;
          res.writeHead(301, { location: target, "content-length": "0" });
          res.end();
        } else this.forward(req, res, listener, "http");
      });
    }
    await this.listen(address, server, signature);
  }

  private async listen(address: string, server: HttpsServer | HttpServer | TcpServer, signature: string): Promise<void> {
    const [host, port] = [address.slice(0, address.lastIndexOf(":")), Number(address.slice(address.lastIndexOf(":") + 1))];
    const sockets = new Set<Socket>();
    server.on("connection", (socket: Socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
    try {
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => resolve());
      });
      this.served.set(address, { signature, server, sockets });
    } catch (err) {
      this.problems.push(`${address}: ${(err as Error).message}`);
    }
  }

  /** True when the listener's server group holds at least one Running instance. */
  private healthy(listener: LabRecord): boolean {
    const group = this.store.get(SLB_KINDS.vServerGroup, String(listener.VServerGroupId ?? ""));
    const servers = ((group?.BackendServers as { BackendServer?: { ServerId: string }[] } | undefined)?.BackendServer ?? []) as {
      ServerId: string;
    }[];
    return servers.some((s) => this.store.get(KINDS.instance, s.ServerId)?.Status === "Running");
  }

  private headers(req: IncomingMessage, listener: LabRecord, scheme: string): Record<string, string | string[] | undefined> {
    const client = req.socket.remoteAddress ?? "";
    const forwarded = req.headers["x-forwarded-for"] ? `${String(req.headers["x-forwarded-for"])}, ${client}` : client;
    return {
      ...req.headers,
      "x-forwarded-for": forwarded,
      ...(listener.XForwardedFor_proto === "on" ? { "x-forwarded-proto": scheme } : {}),
    };
  }

  private forward(req: IncomingMessage, res: ServerResponse, listener: LabRecord, scheme: string): void {
    if (!this.healthy(listener)) {
      res.writeHead(503, { "content-type": "text/html" });
      res.end("<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>");
      return;
    }
    const upstream = httpRequest(
      { host: this.backend.host, port: this.backend.port, method: req.method, path: req.url, headers: this.headers(req, listener, scheme) },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  }

  private forwardUpgrade(req: IncomingMessage, socket: Socket, head: Buffer, listener: LabRecord): void {
    if (!this.healthy(listener)) return void socket.end("HTTP/1.1 503 Service Temporarily Unavailable\r\n\r\n");
    const upstream = connect(this.backend.port, this.backend.host, () => {
      const lines = [`${req.method ?? "GET"} ${req.url ?? "/"} HTTP/1.1`];
      for (const [name, value] of Object.entries(this.headers(req, listener, "https"))) {
        for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined) lines.push(`${name}: ${v}`);
      }
      upstream.write(`${lines.join("\r\n")}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on("error", () => socket.destroy());
    socket.on("error", () => upstream.destroy());
  }

  async close(): Promise<void> {
    await this.pending;
    for (const [address, served] of [...this.served]) await this.stop(address, served);
  }
}
