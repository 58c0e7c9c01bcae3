// What a client gets for a request nginx cannot or will not parse, in a real nginx on loopback, on
// this machine's nginx and on 1.18 (the instances'): the status nginx means (400, 405, 413, 414,
// 431, 501, 505), a short JSON body like every other error of this backend, never nginx's HTML page
// or its version, never a 500, and never a byte to the app. Requests framed so that nginx and a
// proxy in front could disagree on where they end (Content-Length with Transfer-Encoding, chunked
// HTTP/1.0, pipelining) are refused on both builds, although 1.18 would accept them. The rendered
// config listens on one plain-HTTP port (TLS ends at the load balancer), so that port is the one tested.
import { ERROR_PAGE_PREFIX } from "../../../lib/instance/nginx";
import { startTestApp, type SeenRequest, type TestApp } from "../../support/apps";
import { NGINX_BUILDS, nginxVersion, startProjectNginx, TEST_DOMAIN, testNginxOptions, type RunningNginx } from "../../support/nginx";
import { rawExchange, type RawExchange } from "./rawHttp";

/** Seconds the test nginx gives a header in all (production: 10). */
const HEADER_TIMEOUT = 1;
const HOST = `Host: ${TEST_DOMAIN}\r\n`;

function bodyOf(answer: RawExchange): string {
  const end = answer.response.indexOf("\r\n\r\n");
  return answer.status === 0 ? answer.response : answer.response.slice(end + 4);
}

/** The answer is nginx's refusal as this backend writes errors: JSON naming the error, nothing of nginx's own page. */
function expectJsonRefusal(answer: RawExchange, error: string, status: number): void {
  expect(answer.response).not.toMatch(/<html|<center>|nginx\/\d/i);
  expect(JSON.parse(bodyOf(answer))).toMatchObject({ error, status });
  expect(bodyOf(answer).length).toBeLessThan(200);
}

const CASES: readonly { readonly name: string; readonly request: string; readonly status: number; readonly error: string }[] = [
  { name: "an unparsable request line", request: "GARBAGE\r\n\r\n", status: 400, error: "bad_request" },
  { name: "a request line with more after the version", request: `GET /x HTTP/1.1 junk\r\n${HOST}\r\n`, status: 400, error: "bad_request" },
  { name: "a lower-case method", request: `get /x HTTP/1.1\r\n${HOST}\r\n`, status: 400, error: "bad_request" },
  { name: "a NUL in the target", request: `GET /x\x00y HTTP/1.1\r\n${HOST}\r\n`, status: 400, error: "bad_request" },
  // nginx 1.18 passes this one to the app (1.21.1 and later refuse it themselves).
  { name: "a space in the target", request: `GET /a b HTTP/1.1\r\n${HOST}\r\n`, status: 400, error: "bad_request" },
  {
    name: "a TLS ClientHello on the plain port",
    request: `\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03${"x".repeat(40)}`,
    status: 400,
    error: "bad_request",
  },
  { name: "an invalid Host", request: "GET /x HTTP/1.1\r\nHost: ../etc\r\n\r\n", status: 400, error: "bad_request" },
  { name: "two Host headers", request: `GET /x HTTP/1.1\r\n${HOST}${HOST}\r\n`, status: 400, error: "bad_request" },
  { name: "an empty Host in HTTP/1.1", request: "GET /x HTTP/1.1\r\nHost:\r\n\r\n", status: 400, error: "bad_request" },
  { name: "no Host in HTTP/1.1", request: "GET /x HTTP/1.1\r\n\r\n", status: 400, error: "bad_request" },
  {
    name: "a header too large after the Host (the domain's server)",
    request: `GET /x HTTP/1.1\r\n${HOST}X-Big: ${"a".repeat(10000)}\r\n\r\n`,
    status: 431,
    error: "header_too_large",
  },
  {
    name: "a header too large before any Host (the default server)",
    request: `GET /x HTTP/1.1\r\nX-Big: ${"a".repeat(10000)}\r\n${HOST}\r\n`,
    status: 431,
    error: "header_too_large",
  },
  { name: "a target too long", request: `GET /${"u".repeat(9000)} HTTP/1.1\r\n${HOST}\r\n`, status: 414, error: "uri_too_long" },
  { name: "HTTP/9.9", request: `GET /x HTTP/9.9\r\n${HOST}\r\n`, status: 505, error: "http_version_not_supported" },
  // Framing a proxy in front and nginx 1.18 could read differently (newer nginx, 1.22 here, refuses it itself).
  {
    name: "Content-Length and Transfer-Encoding: chunked together",
    request: `POST /x HTTP/1.1\r\n${HOST}Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
    status: 400,
    error: "content_length_and_transfer_encoding",
  },
  {
    name: "Transfer-Encoding in HTTP/1.0",
    request: `POST /x HTTP/1.0\r\n${HOST}Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
    status: 400,
    error: "transfer_encoding_in_http_1_0",
  },
  // nginx's own HTML pages, as JSON: a Transfer-Encoding nginx does not implement, TRACE, a body over
  // the default server's limit (nginx's 1m: the health check never sends one).
  {
    name: "Transfer-Encoding: gzip, chunked",
    request: `POST /x HTTP/1.1\r\n${HOST}Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n`,
    status: 501,
    error: "not_implemented",
  },
  { name: "TRACE", request: `TRACE /x HTTP/1.1\r\n${HOST}\r\n`, status: 405, error: "method_not_allowed" },
  {
    name: "TRACE to another Host",
    request: "TRACE /api/health HTTP/1.1\r\nHost: 10.0.1.7\r\n\r\n",
    status: 405,
    error: "method_not_allowed",
  },
  {
    name: "a bad Transfer-Encoding to another Host",
    request: "POST /api/health HTTP/1.1\r\nHost: 10.0.1.7\r\nTransfer-Encoding: gzip\r\n\r\n",
    status: 501,
    error: "not_implemented",
  },
  {
    name: "a 2 MB body to the health path with another Host",
    request: "POST /api/health HTTP/1.1\r\nHost: 10.0.1.7\r\nContent-Length: 2000000\r\n\r\n",
    status: 413,
    error: "payload_too_large",
  },
  {
    name: "an internal error page asked for directly",
    request: `GET ${ERROR_PAGE_PREFIX}400 HTTP/1.1\r\nHost: 10.0.1.7\r\n\r\n`,
    status: 421,
    error: "misdirected_request",
  },
];

describe.each(NGINX_BUILDS)("$label: requests nginx refuses", ({ binary }) => {
  let app: TestApp;
  let nginx: RunningNginx;
  // Newer nginx (this machine's 1.22) refuses header lines with a space before the colon and obs-fold; 1.18 drops them.
  const [major, minor] = nginxVersion(binary());
  const refusesInvalidHeaderLines = major > 1 || minor > 18;

  beforeAll(async () => {
    app = await startTestApp();
    nginx = await startProjectNginx(testNginxOptions(app.port, { clientHeaderTimeoutSeconds: HEADER_TIMEOUT }), binary());
  });

  afterAll(async () => {
    await nginx?.stop();
    await app?.close();
  });

  test.each(CASES)("$name: $status with a JSON body, the app never asked", async ({ request, status, error }) => {
    const before = app.requestsSeen().length;
    const answer = await rawExchange(nginx.port, [request], { waitMs: 1500 });
    expect(answer.status).toBe(status);
    expectJsonRefusal(answer, error, status);
    expect(answer.response).toMatch(/^Server: nginx\r$/m);
    expect(app.requestsSeen().length).toBe(before);
  });

  test("a request pipelined after another (the same read) gets a JSON 400; the first is served, the app sees only it", async () => {
    const before = app.requestsSeen().length;
    const answer = await rawExchange(nginx.port, [`GET /first HTTP/1.1\r\n${HOST}\r\nGET /pipelined HTTP/1.1\r\n${HOST}\r\n`]);
    // The app's body has no line break after it: the second status line follows it directly.
    expect([...answer.response.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => m[1])).toEqual(["200", "400"]);
    expect(answer.response).toContain('{"error":"pipelining_not_allowed","status":400,');
    expect(app.requestsSeen().slice(before)).toEqual(["/first"]);
  });

  test("a request smuggled behind 'Transfer-Encoding : chunked' (a space before the colon) never reaches the app", async () => {
    // A front end that took the malformed line for chunked framing would end the request after the
    // chunks; nginx goes by Content-Length (4 bytes: "5c\r\n"), so the rest arrives as a second request.
    const smuggled = `GET /smuggled HTTP/1.1\r\n${HOST}\r\n`;
    const request = `POST /headers HTTP/1.1\r\n${HOST}Content-Length: 4\r\nTransfer-Encoding : chunked\r\n\r\n5c\r\n${smuggled}0\r\n\r\n`;
    const before = app.requestsSeen().length;
    const answer = await rawExchange(nginx.port, [request]);
    expect(app.requestsSeen().slice(before)).not.toContain("/smuggled");
    expect(answer.response).toMatch(/\{"error":"(bad_request|pipelining_not_allowed)","status":400,/);
    expect(answer.response).not.toMatch(/<html/i);
    if (refusesInvalidHeaderLines) {
      expect(app.requestsSeen().length).toBe(before);
    } else {
      // nginx 1.18 drops the malformed line (an invalid header) and serves the request framed by
      // Content-Length: the app never sees the line, only what nginx itself made of the request.
      const seen = JSON.parse(answer.response.slice(answer.response.indexOf("\r\n\r\n") + 4).split("HTTP/1.1")[0]) as SeenRequest;
      expect(Object.keys(seen.headers).filter((name) => /transfer-encoding| /i.test(name))).toEqual([]);
    }
  });

  test("an obs-fold continuation line is refused, or on nginx 1.18 dropped before the app", async () => {
    const before = app.requestsSeen().length;
    const answer = await rawExchange(nginx.port, [
      `GET /headers HTTP/1.1\r\n${HOST}X-Folded: a\r\n folded-on\r\nConnection: close\r\n\r\n`,
    ]);
    if (refusesInvalidHeaderLines) {
      expectJsonRefusal(answer, "bad_request", 400);
      expect(app.requestsSeen().length).toBe(before);
    } else {
      expect(answer.status).toBe(200);
      expect(bodyOf(answer)).not.toContain("folded-on");
    }
  });

  test.each(["/", "/api/health", `http://${TEST_DOMAIN}/x`])(
    "HTTP/0.9 (GET %s alone): a JSON refusal without a status line, as 0.9 has none, and the app never asked",
    async (target) => {
      const before = app.requestsSeen().length;
      const answer = await rawExchange(nginx.port, [`GET ${target}\r\n`], { waitMs: 1500 });
      expect(answer.response).not.toMatch(/^HTTP\//);
      expectJsonRefusal(answer, "bad_request", 400);
      expect(app.requestsSeen().length).toBe(before);
    },
  );

  test(`a bare CRLF gets no answer (RFC 9112 2.2: ignored before a request) and the connection ends at the ${HEADER_TIMEOUT} s header limit`, async () => {
    const before = app.requestsSeen().length;
    const answer = await rawExchange(nginx.port, ["\r\n"], { waitMs: HEADER_TIMEOUT * 1000 + 2000 });
    expect(answer.response).toBe("");
    expect(answer.closedAfterMs).toBeDefined();
    expect(app.requestsSeen().length).toBe(before);
  });

  test("a request after a bare CRLF is served as usual", async () => {
    const answer = await rawExchange(nginx.port, [`\r\nGET /after-crlf HTTP/1.1\r\n${HOST}Connection: close\r\n\r\n`]);
    expect(answer.status).toBe(200);
  });
});
