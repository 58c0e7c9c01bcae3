// Real loopback servers for the verifier tests: an HTTPS site (TLS settings, certificate chain,
// HSTS, health status and WebSocket chosen per case) plus its port-80 stand-in that redirects to
// it. Node sites listen on 127.0.0.1, port 0, and close every connection on close(); the nginx
// variant runs the real server on a free loopback port.
import { writeFileSync } from "node:fs";
import * as http from "node:http";
import * as https from "node:https";
import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { dirname, join } from "node:path";
import type { SecureVersion } from "node:tls";
import { WebSocketServer } from "ws";
import { freeLoopbackPort } from "../../tools/localNginx";
import { startLocalNginx } from "./nginx";

export const HEALTH_PATH = "/api/health";

export interface SiteSpec {
  /** Certificates the server sends, leaf first (PEM). */
  readonly chainPem: string;
  readonly keyPem: string;
  /** Default: TLS 1.2 to 1.3. */
  readonly minVersion?: SecureVersion;
  readonly maxVersion?: SecureVersion;
  /** OpenSSL cipher string; default Node's. */
  readonly ciphers?: string;
  /** Strict-Transport-Security value on every answer; undefined sends none. */
  readonly hsts?: string;
  /** Status of GET /api/health; default 200. */
  readonly healthStatus?: number;
  /** Accept WebSocket upgrades on the health path; default false. */
  readonly websocket?: boolean;
  /** How the HTTP server redirects; default 301 to https://<host>:<https port><request uri>. */
  readonly redirect?: (site: { host: string; httpsPort: number; requestUri: string }) => { status: number; location?: string };
}

export interface RunningSite {
  readonly httpsPort: number;
  readonly httpPort: number;
  close(): Promise<void>;
}

export const goodRedirect: NonNullable<SiteSpec["redirect"]> = ({ host, httpsPort, requestUri }) => ({
  status: 301,
  location: `https://${host}:${httpsPort}${requestUri}`,
});

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
}

function shut(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Starts the HTTPS site and its HTTP redirect server for `host`. */
export async function startSite(host: string, spec: SiteSpec): Promise<RunningSite> {
  const headers: Record<string, string> = spec.hsts === undefined ? {} : { "strict-transport-security": spec.hsts };
  const site = https.createServer(
    { key: spec.keyPem, cert: spec.chainPem, minVersion: spec.minVersion ?? "TLSv1.2", maxVersion: spec.maxVersion, ciphers: spec.ciphers },
    (req, res) => {
      const status = req.url?.startsWith(HEALTH_PATH) ? (spec.healthStatus ?? 200) : 200;
      res.writeHead(status, { ...headers, "content-type": "text/plain" }).end(status < 300 ? "ok\n" : "failing\n");
    },
  );
  // A handshake the server refuses surfaces as a clientError/tlsClientError; nothing to do for it.
  site.on("tlsClientError", () => undefined);
  const sockets = spec.websocket ? new WebSocketServer({ noServer: true }) : undefined;
  site.on("upgrade", (req: http.IncomingMessage, socket, head) => {
    if (sockets && req.url?.startsWith(HEALTH_PATH)) sockets.handleUpgrade(req, socket, head, (ws) => ws.close());
    else socket.destroy();
  });

  const httpsPort = await listen(site);
  const redirect = spec.redirect ?? goodRedirect;
  const plain = http.createServer((req, res) => {
    const { status, location } = redirect({ host, httpsPort, requestUri: req.url ?? "/" });
    res.writeHead(status, location ? { location } : {}).end();
  });
  const httpPort = await listen(plain);
  return {
    httpsPort,
    httpPort,
    async close() {
      for (const client of sockets?.clients ?? []) client.terminate();
      sockets?.close();
      await Promise.all([shut(site), shut(plain)]);
    },
  };
}

export interface NginxSiteSpec {
  readonly chainPem: string;
  readonly keyPem: string;
  /** nginx ssl_protocols; default "TLSv1.2 TLSv1.3". */
  readonly protocols?: string;
  /** nginx ssl_ciphers; default nginx's own. */
  readonly ciphers?: string;
}

/**
 * The same site served by a real nginx (its OpenSSL, its alerts): HTTPS with HSTS and a 200 on
 * every path, plus a port-80 stand-in answering `return 301 https://$server_name:<port>$request_uri`.
 */
export async function startNginxSite(host: string, spec: NginxSiteSpec): Promise<RunningSite> {
  const httpPort = await freeLoopbackPort();
  const nginx = await startLocalNginx((httpsPort, paths) => {
    const dir = dirname(paths.pidFile);
    writeFileSync(join(dir, "site.crt"), spec.chainPem);
    writeFileSync(join(dir, "site.key"), spec.keyPem, { mode: 0o600 });
    const temp = (name: string): string => join(paths.tempDir, name);
    return `worker_processes 1;
pid ${paths.pidFile};
error_log ${paths.errorLog} warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${temp("body")};
  proxy_temp_path ${temp("proxy")};
  fastcgi_temp_path ${temp("fastcgi")};
  uwsgi_temp_path ${temp("uwsgi")};
  scgi_temp_path ${temp("scgi")};
  server {
    listen 127.0.0.1:${httpsPort} ssl;
    server_name ${host};
    ssl_certificate ${join(dir, "site.crt")};
    ssl_certificate_key ${join(dir, "site.key")};
    ssl_protocols ${spec.protocols ?? "TLSv1.2 TLSv1.3"};
    ${spec.ciphers ? `ssl_ciphers "${spec.ciphers}";` : ""}
    add_header Strict-Transport-Security "max-age=31536000" always;
    location / { return 200 "ok\\n"; }
  }
  server {
    listen 127.0.0.1:${httpPort};
    server_name ${host};
    return 301 https://$server_name:${httpsPort}$request_uri;
  }
}
`;
  });
  return { httpsPort: nginx.port, httpPort, close: () => nginx.stop() };
}

export interface RawServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Starts `server` on a loopback port and keeps its connections (raw TCP, under TLS too), so that
 * close() can destroy what is left open instead of waiting on a client that never hangs up.
 */
export async function listenOnLoopback(server: Server): Promise<RawServer> {
  const sockets = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("error", () => undefined);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}

/** A loopback TCP server that does `onConnect` with every connection and destroys what is left open on close(). */
export function rawTcpServer(onConnect: (socket: Socket) => void): Promise<RawServer> {
  return listenOnLoopback(createServer(onConnect));
}
