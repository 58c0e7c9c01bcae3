// What every dialect needs from an HTTP exchange: the request as read in full, and the ways to answer.
import type { IncomingMessage, ServerResponse } from "node:http";

export interface LabHttpRequest {
  readonly method: string;
  /** The host the client addressed (from the proxy request's absolute URL or the Host header), without port. */
  readonly host: string;
  /** Path and query as sent. */
  readonly url: URL;
  readonly headers: IncomingMessage["headers"];
  readonly body: Buffer;
}

export interface LabHttpResponse {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body: string | Buffer;
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): LabHttpResponse {
  return { status, headers: { "content-type": "application/json;charset=utf-8", ...headers }, body: JSON.stringify(value) };
}

export async function readRequest(req: IncomingMessage, host: string, url: URL): Promise<LabHttpRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return { method: req.method ?? "GET", host, url, headers: req.headers, body: Buffer.concat(chunks) };
}

export function send(res: ServerResponse, answer: LabHttpResponse): void {
  res.writeHead(answer.status, { "content-length": String(Buffer.byteLength(answer.body)), ...answer.headers });
  res.end(answer.body);
}
