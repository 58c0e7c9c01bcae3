// A hand-built TLS 1.2 ClientHello offering arbitrary suite code points, and a reader for the
// server's first answer. Used only for suites the local OpenSSL cannot offer: the ServerHello alone
// shows which suite the server picked; the connection is dropped right after.
import * as net from "node:net";
import { randomBytes } from "node:crypto";
import { Endpoint } from "./settings";
import { en } from "./messages/en";
import { ProbeEnv, dialAddress } from "./probe";
import { settleOnce } from "./settle";

const TLS_1_0 = 0x0301;
const TLS_1_2 = 0x0303;
const CONTENT_ALERT = 0x15;
const CONTENT_HANDSHAKE = 0x16;
const HANDSHAKE_CLIENT_HELLO = 0x01;
const HANDSHAKE_SERVER_HELLO = 0x02;
/** Tells the server the client handles secure renegotiation; some servers refuse hellos without it. */
const EMPTY_RENEGOTIATION_INFO_SCSV = 0x00ff;

function u8(n: number): Buffer {
  return Buffer.from([n & 0xff]);
}
function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}
function u24(n: number): Buffer {
  return Buffer.from([(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]);
}
/** A body prefixed by its 16-bit length. */
function vec16(...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  return Buffer.concat([u16(body.length), body]);
}
function extension(type: number, body: Buffer): Buffer {
  return Buffer.concat([u16(type), vec16(body)]);
}

export function buildClientHello(suites: readonly number[], serverName: string | undefined): Buffer {
  const extensions: Buffer[] = [];
  if (serverName) {
    const name = Buffer.from(serverName, "ascii");
    extensions.push(extension(0x0000, vec16(u8(0), vec16(name))));
  }
  // supported_groups: x25519, P-256, P-384, P-521 (needed for ECDHE suites).
  extensions.push(extension(0x000a, vec16(...[0x001d, 0x0017, 0x0018, 0x0019].map(u16))));
  // ec_point_formats: uncompressed.
  extensions.push(extension(0x000b, Buffer.concat([u8(1), u8(0)])));
  // signature_algorithms: ECDSA and RSA (PSS and PKCS#1) with SHA-2, then SHA-1 for old servers.
  const sigalgs = [0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601, 0x0203, 0x0201, 0x0202];
  extensions.push(extension(0x000d, vec16(...sigalgs.map(u16))));

  const body = Buffer.concat([
    u16(TLS_1_2),
    randomBytes(32),
    u8(0), // no session id
    vec16(...[...suites, EMPTY_RENEGOTIATION_INFO_SCSV].map(u16)),
    Buffer.concat([u8(1), u8(0)]), // compression: null only
    vec16(...extensions),
  ]);
  const handshake = Buffer.concat([u8(HANDSHAKE_CLIENT_HELLO), u24(body.length), body]);
  return Buffer.concat([u8(CONTENT_HANDSHAKE), u16(TLS_1_0), vec16(handshake)]);
}

export type HelloAnswer =
  | { readonly kind: "picked"; readonly suite: number; readonly version: number }
  | { readonly kind: "refused"; readonly reason: string }
  | { readonly kind: "failed"; readonly reason: string };

/**
 * Reads records until the ServerHello (possibly split over records) shows the chosen suite.
 * Returns undefined while more bytes are needed.
 */
export function parseServerAnswer(data: Buffer): HelloAnswer | undefined {
  let offset = 0;
  const handshakeBytes: Buffer[] = [];
  while (offset + 5 <= data.length) {
    const type = data[offset];
    const length = data.readUInt16BE(offset + 3);
    if (offset + 5 + length > data.length) break;
    const fragment = data.subarray(offset + 5, offset + 5 + length);
    offset += 5 + length;
    if (type === CONTENT_ALERT) return { kind: "refused", reason: `alert ${fragment[1] ?? "?"}` };
    if (type !== CONTENT_HANDSHAKE) return { kind: "failed", reason: `unexpected record type ${type}` };
    // RFC 5246 6.2.1 forbids them; read on, a stream of them would never end and each would cost a
    // copy of what came before (several time limits' worth of a blocked event loop, measured).
    if (length === 0) return { kind: "failed", reason: "an empty handshake record (not TLS)" };
    handshakeBytes.push(fragment);
    const hs = Buffer.concat(handshakeBytes);
    // type(1) length(3) version(2) random(32) session id length(1)
    if (hs.length < 38) continue;
    if (hs[0] !== HANDSHAKE_SERVER_HELLO) return { kind: "failed", reason: `unexpected handshake message ${hs[0]}` };
    const sessionIdLength = hs[38];
    const suiteAt = 39 + sessionIdLength;
    if (hs.length < suiteAt + 2) continue;
    return { kind: "picked", suite: hs.readUInt16BE(suiteAt), version: hs.readUInt16BE(4) };
  }
  // A first byte that is not a TLS record at all (e.g. an HTTP answer) will never parse.
  if (data.length >= 1 && data[0] !== CONTENT_ALERT && data[0] !== CONTENT_HANDSHAKE) {
    return { kind: "failed", reason: "the server does not answer in TLS" };
  }
  return undefined;
}

/** Sends one ClientHello offering `suites` and reports what the server picked. */
export function offerSuites(env: ProbeEnv, endpoint: Endpoint, suites: readonly number[]): Promise<HelloAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: dialAddress(env, endpoint), port: endpoint.port });
    let received = Buffer.alloc(0);
    // Silence after the hello is a refusal, as in tlsHandshake; silence before the connect is not.
    const finish = settleOnce<HelloAnswer>(
      resolve,
      () => socket.destroy(),
      {
        ms: env.timeoutMs,
        outcome: () => {
          const reason = (env.messages ?? en).noAnswer({ ms: env.timeoutMs });
          return socket.bytesWritten > 0 ? { kind: "refused", reason } : { kind: "failed", reason };
        },
      },
      env.signal,
    );
    socket.once("connect", () => socket.write(buildClientHello(suites, net.isIP(endpoint.host) === 0 ? endpoint.host : undefined)));
    socket.on("data", (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const answer = parseServerAnswer(received);
      if (answer) finish(answer);
    });
    socket.once("error", (err) =>
      finish(socket.bytesWritten > 0 ? { kind: "refused", reason: err.message } : { kind: "failed", reason: err.message }),
    );
    socket.once("close", () => finish({ kind: "refused", reason: (env.messages ?? en).serverClosed() }));
  });
}
