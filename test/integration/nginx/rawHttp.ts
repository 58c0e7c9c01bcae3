// HTTP as an attacker writes it: exact bytes on a TCP socket (absolute-form request lines, no Host,
// headers Node's client would not send), and requests that trickle in a byte at a time.
import { createConnection } from "node:net";

export interface RawExchange {
  /** Everything nginx wrote back before it closed the connection (or the wait ended). */
  readonly response: string;
  /** The status code of the first response line, 0 if none came. */
  readonly status: number;
  /** Milliseconds from connecting until nginx closed the connection; undefined if it stayed open. */
  readonly closedAfterMs?: number;
}

function statusOf(response: string): number {
  return Number(/^HTTP\/1\.[01] (\d{3})/.exec(response)?.[1] ?? 0);
}

/**
 * Sends `parts` over one connection, waiting `gapMs` before each part after the first, and stops at
 * the first of: nginx closing the connection, all parts sent and `waitMs` more passed.
 */
export function rawExchange(
  port: number,
  parts: readonly string[],
  options: { gapMs?: number; waitMs?: number } = {},
): Promise<RawExchange> {
  const gapMs = options.gapMs ?? 0;
  const waitMs = options.waitMs ?? 2000;
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = createConnection({ host: "127.0.0.1", port });
    let response = "";
    let closedAfterMs: number | undefined;
    const timers: NodeJS.Timeout[] = [];
    const finish = () => {
      timers.forEach(clearTimeout);
      socket.destroy();
      resolve({ response, status: statusOf(response), closedAfterMs });
    };
    socket.on("data", (chunk: Buffer) => (response += chunk.toString("latin1")));
    socket.on("close", () => {
      closedAfterMs = Date.now() - started;
      finish();
    });
    // A reset after a timeout (reset_timedout_connection) is a close too.
    socket.on("error", (error: NodeJS.ErrnoException) =>
      error.code === "ECONNRESET" || error.code === "EPIPE" ? undefined : reject(error),
    );
    socket.once("connect", () => {
      parts.forEach((part, i) => {
        timers.push(setTimeout(() => socket.writable && socket.write(part, "latin1"), i * gapMs));
      });
      timers.push(setTimeout(finish, (parts.length - 1) * gapMs + waitMs));
    });
  });
}

/** The bytes of one request, a byte per part from `from` on (a request that trickles in). */
export function trickle(text: string, from = 0): string[] {
  return [text.slice(0, from), ...text.slice(from).split("")].filter((part) => part.length > 0);
}
