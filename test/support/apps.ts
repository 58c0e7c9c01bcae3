// A small Node app to put behind nginx in tests: it reports what it received (headers, client
// address, body size), counts its TCP connections, answers slowly on request, and echoes WebSocket
// messages. Listens on 127.0.0.1 on an ephemeral port.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { WebSocketServer } from "ws";

export interface TestApp {
  readonly port: number;
  /** TCP connections the app has accepted so far. */
  connectionCount(): number;
  /** The request targets (req.url) the app has received so far, in order; upgrades included. */
  requestsSeen(): string[];
  close(): Promise<void>;
}

/** What GET /headers answers. */
export interface SeenRequest {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly remoteAddress: string;
}

function sendJson(res: ServerResponse, status: number, payload: unknown, extraHeaders: Record<string, string> = {}): void {
  const body = JSON.stringify(payload);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...extraHeaders });
  res.end(body);
}

function handle(req: IncomingMessage, res: ServerResponse, healthPath: string): void {
  const url = new URL(req.url ?? "/", "http://app");
  if (url.pathname === healthPath) return sendJson(res, 200, { status: "ok" });
  if (url.pathname === "/headers") {
    return sendJson(res, 200, { headers: req.headers, remoteAddress: req.socket.remoteAddress ?? "" } satisfies SeenRequest);
  }
  if (url.pathname === "/upload") {
    let bytes = 0;
    req.on("data", (chunk: Buffer) => (bytes += chunk.length));
    req.on("end", () => sendJson(res, 200, { bytes }));
    return;
  }
  if (url.pathname === "/slow") {
    const timer = setTimeout(() => sendJson(res, 200, { slow: true }), Number(url.searchParams.get("ms") ?? "1000"));
    res.on("close", () => clearTimeout(timer));
    return;
  }
  // The app's own HSTS, which nginx must replace with its own.
  if (url.pathname === "/own-hsts") return sendJson(res, 200, {}, { "strict-transport-security": "max-age=1" });
  if (url.pathname === "/missing") return sendJson(res, 404, { error: "not_found" });
  // Anything else: where it arrived and what came with it (a WeChat callback's query and body size).
  let bytes = 0;
  req.on("data", (chunk: Buffer) => (bytes += chunk.length));
  req.on("end", () => sendJson(res, 200, { path: url.pathname, query: url.search, method: req.method, bytes }));
}

export async function startTestApp(healthPath = "/api/health"): Promise<TestApp> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(req.url ?? "");
    handle(req, res, healthPath);
  });
  const wss = new WebSocketServer({ noServer: true });
  wss.on("connection", (ws) => ws.on("message", (data, isBinary) => ws.send(data, { binary: isBinary })));
  server.on("upgrade", (req, socket, head) => {
    seen.push(req.url ?? "");
    if (String(req.headers.upgrade).toLowerCase() === "websocket") {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
    } else {
      // Any other protocol (h2c, ...): switched the way a careless app would, which shows whether
      // nginx let the upgrade through.
      socket.end("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n");
    }
  });
  server.on("connection", (socket: Socket) => {
    connections++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connectionCount: () => connections,
    requestsSeen: () => [...seen],
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
