// websocket: does a wss:// upgrade reach the backend (WeChat's "socket" domain)? Many mini programs
// only use wx.request, so a missing endpoint is a note unless --require-websocket says otherwise.
import * as net from "node:net";
import * as tls from "node:tls";
import WebSocket from "ws";
import { CheckContext, noTlsAnswer } from "../context";
import { TOLERANT_CIPHERS, tlsConnectOptions } from "../probe";
import { settleOnce } from "../settle";
import { CheckResult } from "../types";

type Upgrade = { ok: true } | { ok: false; reason: string };

function tryUpgrade(ctx: CheckContext, url: URL): Promise<Upgrade> {
  const { m } = ctx;
  return new Promise((resolve) => {
    // ws would dial the URL's host itself; this keeps --resolve and the tolerant TLS of the other probes.
    const connect = (() =>
      tls.connect({
        ...tlsConnectOptions(ctx.env, ctx.settings.endpoint),
        minVersion: "TLSv1",
        ciphers: TOLERANT_CIPHERS,
      })) as unknown as typeof net.createConnection;
    const socket = new WebSocket(url, { createConnection: connect, handshakeTimeout: ctx.settings.timeoutMs, rejectUnauthorized: false });
    // ws arms handshakeTimeout only on the request it makes itself, not on a socket from
    // createConnection: a server that accepts TCP and never finishes TLS (or sends a few bytes and
    // stops) would hold this probe forever without a timeout of its own.
    const finish = settleOnce<Upgrade>(
      resolve,
      () => {
        // Terminating a handshake in flight emits one more error; nobody needs it.
        socket.on("error", () => undefined);
        socket.terminate();
      },
      { ms: ctx.settings.timeoutMs, outcome: () => ({ ok: false, reason: m.noAnswer({ ms: ctx.settings.timeoutMs }) }) },
      ctx.env.signal,
    );
    socket.once("open", () => finish({ ok: true }));
    socket.once("unexpected-response", (_req, res) => {
      res.resume();
      finish({ ok: false, reason: m.websocketRefusedStatus({ status: String(res.statusCode ?? "?") }) });
    });
    socket.once("error", (err) => finish({ ok: false, reason: err.message }));
  });
}

export async function checkWebSocket(ctx: CheckContext): Promise<CheckResult> {
  const { m } = ctx;
  const { url: base, websocketPath, requireWebSocket } = ctx.settings;
  const url = new URL(websocketPath, `wss://${base.host}`);
  const upgrade = await tryUpgrade(ctx, url);
  if (upgrade.ok) return { id: "websocket", ok: true, detail: m.websocketAccepted({ url: url.href }) };
  if (requireWebSocket) {
    return {
      id: "websocket",
      ok: false,
      detail: m.websocketRequired({ url: url.href, reason: upgrade.reason }),
      wechat: ctx.wechat({ symptom: "socket" }),
    };
  }
  // The note is for a site that serves HTTPS without a socket route, not for one that serves no TLS at all.
  const silence = await noTlsAnswer(ctx);
  if (silence) return { id: "websocket", ok: false, ...silence };
  return { id: "websocket", ok: true, note: true, detail: m.websocketOptional({ path: url.pathname, reason: upgrade.reason }) };
}
