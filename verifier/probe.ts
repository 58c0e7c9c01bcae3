// The network layer: TCP reachability, one TLS handshake with chosen versions and suites, and
// HTTP(S) GETs. Every probe honours --resolve (connect to the given address while SNI, the Host
// header and certificate checks keep the host name) and a time limit. Nothing here verifies the
// certificate: the certificate checks judge it themselves from the chain the server sends, so the
// other checks still see the server when its certificate is broken.
import * as http from "node:http";
import * as https from "node:https";
import * as net from "node:net";
import * as tls from "node:tls";
import { X509Certificate } from "node:crypto";
import { en, type VerifierMessages } from "./messages/en";
import { settleOnce } from "./settle";
import { Endpoint, bareHost, defaultPort, resolveKey } from "./settings";

export interface ProbeEnv {
  /** `host:port` to the address to dial instead of the host's DNS answer. */
  readonly resolve: ReadonlyMap<string, string>;
  /** Every probe gives up after this long. */
  readonly timeoutMs: number;
  /** Aborted at verify()'s deadline: every probe still running ends at once. */
  readonly signal?: AbortSignal;
  /** The report's language, for the reasons a probe gives; default English. */
  readonly messages?: VerifierMessages;
}

/**
 * OpenSSL 3 refuses, at its default security level, to even offer what old servers speak
 * (TLS 1.0/1.1, SHA-1 signatures, NULL and anonymous suites). Level 0 lets the probe offer them so
 * a refusal really comes from the server.
 */
export const OFFER_EVERYTHING = "ALL:COMPLEMENTOFALL:@SECLEVEL=0";
/** Like OFFER_EVERYTHING minus the suites without a certificate or without encryption: what a tolerant client offers. */
export const TOLERANT_CIPHERS = "ALL:!aNULL:!eNULL:@SECLEVEL=0";

/** The address to dial for an endpoint: the --resolve entry when there is one, else the host itself (DNS). */
export function dialAddress(env: ProbeEnv, endpoint: Endpoint): string {
  return env.resolve.get(resolveKey(endpoint.host, endpoint.port)) ?? endpoint.host;
}

/** SNI carries host names only (RFC 6066); an IP literal is sent without it. */
function serverName(host: string): string | undefined {
  return net.isIP(host) === 0 ? host : undefined;
}

/** Connects over TCP; resolves to undefined when it works, else to the reason. */
export function tcpProbe(env: ProbeEnv, endpoint: Endpoint): Promise<string | undefined> {
  return new Promise((resolve) => {
    const address = dialAddress(env, endpoint);
    const socket = net.connect({ host: address, port: endpoint.port });
    const finish = settleOnce<string | undefined>(
      resolve,
      () => socket.destroy(),
      { ms: env.timeoutMs, outcome: () => (env.messages ?? en).noTcpAnswer({ ms: env.timeoutMs }) },
      env.signal,
    );
    socket.once("connect", () => finish(undefined));
    socket.once("error", (err: NodeJS.ErrnoException) => finish(describeNetError(env, err, endpoint, address)));
  });
}

function describeNetError(env: ProbeEnv, err: NodeJS.ErrnoException, endpoint: Endpoint, address: string): string {
  const m = env.messages ?? en;
  const hostPort = `${endpoint.host}:${endpoint.port}`;
  const where = address === endpoint.host ? hostPort : m.dialedAt({ endpoint: hostPort, address });
  switch (err.code) {
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return m.dnsFailed({ host: endpoint.host, port: endpoint.port });
    case "ECONNREFUSED":
      return m.connectionRefused({ where });
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return m.noRoute({ where });
    default:
      return m.cannotConnect({ where, reason: err.message });
  }
}

export interface HandshakeRequest {
  readonly minVersion?: tls.SecureVersion;
  readonly maxVersion?: tls.SecureVersion;
  /** OpenSSL cipher string; TLS 1.3 suite names (TLS_...) are routed to the TLS 1.3 list by Node. */
  readonly ciphers?: string;
}

export type Handshake =
  | {
      readonly kind: "accepted";
      readonly protocol: string;
      readonly cipher: tls.CipherNameAndProtocol;
      /** The certificates the server sent, leaf first, in issuing order; nothing added from any trust store. */
      readonly servedChain: readonly X509Certificate[];
    }
  /** The server said no: an alert, a reset or a reply in another protocol version. */
  | { readonly kind: "refused"; readonly reason: string }
  /** This machine's OpenSSL cannot offer what was asked (e.g. a suite it was built without). */
  | { readonly kind: "local"; readonly reason: string }
  /** No verdict: the connection failed, timed out, or the local client gave up after the server answered. */
  | { readonly kind: "failed"; readonly reason: string; readonly connected: boolean };

const LOCAL_CODES = new Set(["ERR_SSL_NO_PROTOCOLS_AVAILABLE", "ERR_SSL_NO_CIPHERS_AVAILABLE", "ERR_SSL_NO_CIPHER_MATCH"]);
/** What a client sees when the server declines the offered version or suites. */
const REFUSAL_CODES = new Set([
  "ECONNRESET",
  "EPIPE",
  "ERR_SSL_UNSUPPORTED_PROTOCOL",
  "ERR_SSL_WRONG_VERSION_NUMBER",
  "ERR_SSL_UNEXPECTED_EOF_WHILE_READING",
]);

function shortReason(err: NodeJS.ErrnoException): string {
  // OpenSSL messages look like "8021...:error:0A000410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure:../deps/...".
  const parts = err.message.split(":");
  const sslIndex = parts.indexOf("SSL routines");
  if (sslIndex >= 0 && parts.length > sslIndex + 2) return parts[sslIndex + 2].trim();
  return err.message.trim();
}

function classify(err: NodeJS.ErrnoException, connected: boolean): Handshake {
  const code = err.code ?? "";
  const reason = shortReason(err);
  if (LOCAL_CODES.has(code) || /no cipher match/.test(err.message)) return { kind: "local", reason };
  if (!connected) return { kind: "failed", reason, connected };
  if (REFUSAL_CODES.has(code) || /_ALERT_/.test(code) || /socket disconnected/.test(err.message)) {
    return { kind: "refused", reason };
  }
  return { kind: "failed", reason, connected };
}

/** The chain exactly as served: with an empty trust store Node cannot append issuers of its own. */
function servedChain(socket: tls.TLSSocket): X509Certificate[] {
  const chain: X509Certificate[] = [];
  let cert: tls.DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  const seen = new Set<string>();
  while (cert && cert.raw && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    chain.push(new X509Certificate(cert.raw));
    cert = cert.issuerCertificate;
  }
  return chain;
}

/** The options that make a TLS socket reach `endpoint` the way --resolve asks, without verification. */
export function tlsConnectOptions(env: ProbeEnv, endpoint: Endpoint): tls.ConnectionOptions {
  return {
    host: dialAddress(env, endpoint),
    port: endpoint.port,
    servername: serverName(endpoint.host),
    rejectUnauthorized: false,
    // An empty store: getPeerCertificate(true) then lists only what the server sent.
    ca: [],
  };
}

/** One handshake; the socket is closed as soon as the outcome is known. */
export function tlsHandshake(env: ProbeEnv, endpoint: Endpoint, request: HandshakeRequest): Promise<Handshake> {
  return new Promise((resolve) => {
    let socket: tls.TLSSocket;
    try {
      socket = tls.connect({
        ...tlsConnectOptions(env, endpoint),
        minVersion: request.minVersion ?? "TLSv1",
        maxVersion: request.maxVersion ?? "TLSv1.3",
        ciphers: request.ciphers ?? OFFER_EVERYTHING,
      });
    } catch (err) {
      resolve(classify(err as NodeJS.ErrnoException, false));
      return;
    }
    let connected = false;
    const finish = settleOnce<Handshake>(
      resolve,
      () => socket.destroy(),
      {
        ms: env.timeoutMs,
        // Some load balancers drop a hello they will not serve instead of sending an alert; like
        // testssl.sh, silence after the TCP connect counts as a refusal.
        outcome: () => {
          const reason = (env.messages ?? en).noAnswer({ ms: env.timeoutMs });
          return connected ? { kind: "refused", reason } : { kind: "failed", reason, connected };
        },
      },
      env.signal,
    );
    socket.once("connect", () => {
      connected = true;
    });
    socket.once("secureConnect", () => {
      const cipher = socket.getCipher();
      finish({ kind: "accepted", protocol: socket.getProtocol() ?? "unknown", cipher, servedChain: servedChain(socket) });
    });
    socket.once("error", (err: NodeJS.ErrnoException) => finish(classify(err, connected)));
    socket.once("close", () => finish({ kind: "refused", reason: (env.messages ?? en).serverClosed() }));
  });
}

export interface HttpAnswer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  /** Header values as sent, in order, for headers where the first occurrence is what counts. */
  readonly rawHeaders: readonly string[];
  readonly ms: number;
}

export type HttpOutcome = { readonly ok: true; readonly answer: HttpAnswer } | { readonly ok: false; readonly reason: string };

/** First value of a header as sent (Node joins repeated unknown headers with ", "). */
export function firstHeader(answer: HttpAnswer, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (let i = 0; i + 1 < answer.rawHeaders.length; i += 2) {
    if (answer.rawHeaders[i].toLowerCase() === lower) return answer.rawHeaders[i + 1];
  }
  return undefined;
}

/**
 * GET over http: or https:, one fresh connection, body discarded. HTTPS is permissive on purpose
 * (any version, any suite, no verification): this answers HTTP questions only.
 */
export function httpGet(env: ProbeEnv, url: URL): Promise<HttpOutcome> {
  const endpoint = { host: bareHost(url), port: defaultPort(url) };
  const address = dialAddress(env, endpoint);
  const common = {
    method: "GET",
    host: address,
    port: endpoint.port,
    path: url.pathname + url.search,
    headers: { host: url.host, "user-agent": "wechat-https-verify", connection: "close" },
    agent: false as const,
  };
  const started = Date.now();
  return new Promise((resolve) => {
    const onResponse = (res: http.IncomingMessage): void => {
      res.resume();
      finish({
        ok: true,
        answer: { status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, ms: Date.now() - started },
      });
    };
    const req =
      url.protocol === "https:"
        ? https.request(
            { ...common, servername: serverName(endpoint.host), rejectUnauthorized: false, minVersion: "TLSv1", ciphers: TOLERANT_CIPHERS },
            onResponse,
          )
        : http.request(common, onResponse);
    const finish = settleOnce<HttpOutcome>(
      resolve,
      () => req.destroy(),
      { ms: env.timeoutMs, outcome: () => ({ ok: false, reason: (env.messages ?? en).noAnswer({ ms: env.timeoutMs }) }) },
      env.signal,
    );
    req.once("error", (err: NodeJS.ErrnoException) => {
      const reason =
        err.code === "ECONNREFUSED" || err.code === "ENOTFOUND" ? describeNetError(env, err, endpoint, address) : shortReason(err);
      finish({ ok: false, reason });
    });
    req.end();
  });
}
