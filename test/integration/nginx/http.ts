// A plain HTTP client for the nginx tests: one new connection per request (no client keep-alive),
// so what the app sees on its side is nginx's doing alone. Requests carry the test domain as Host,
// the only one the project's nginx serves, unless a test gives another.
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { TEST_DOMAIN } from "../../support/nginx";

export interface HttpResult {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface HttpRequestOptions {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: Buffer;
}

export function httpGet(port: number, path: string, options: HttpRequestOptions = {}): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        path,
        method: options.method ?? "GET",
        headers: { host: TEST_DOMAIN, ...options.headers },
        agent: false,
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
        res.on("error", reject);
      },
    );
    // nginx may answer (413) before the whole body is sent and then stop reading: a write error
    // after the answer is expected.
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    req.setTimeout(10000, () => req.destroy(new Error(`no answer to ${path} within 10 s`)));
    req.end(options.body);
  });
}

export function jsonBody<T>(result: HttpResult): T {
  return JSON.parse(result.body) as T;
}
