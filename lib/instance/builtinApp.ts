// The built-in app of an instance that has no app image yet: a few lines of Python (python3 is on
// Ubuntu's image; standard library only) that answer the health path with JSON 200, so a fresh
// stack is healthy end to end through the load balancer before any app is deployed.
// It speaks HTTP/1.1 with Content-Length so nginx can keep its connections open, and it binds
// 127.0.0.1 only: nginx is its only client.

/** Python 3 source; configured by the environment variables PORT, HEALTH_PATH and APP_ENV. */
export const BUILTIN_APP_SOURCE = `"""wechat-https-backend built-in app: answers the health path until a real app image is deployed."""
import json
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOST = "127.0.0.1"
PORT = int(os.environ.get("PORT", "3000"))
HEALTH_PATH = os.environ.get("HEALTH_PATH", "/api/health")
ENVIRONMENT = os.environ.get("APP_ENV", "")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so nginx can reuse its connections
    server_version = "builtin-app"
    sys_version = ""
    timeout = 30  # close connections idle longer than nginx keeps them (4 s)

    def send_json(self, status, payload):
        body = (json.dumps(payload) + "\\n").encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def discard_body(self):
        length = self.headers.get("Content-Length")
        if length is None:
            self.close_connection = self.headers.get("Transfer-Encoding") is not None
            return
        remaining = int(length)
        while remaining > 0:
            chunk = self.rfile.read(min(remaining, 65536))
            if not chunk:
                break
            remaining -= len(chunk)

    def do_GET(self):
        self.discard_body()
        if self.path.split("?", 1)[0] == HEALTH_PATH:
            self.send_json(200, {"status": "ok", "app": "builtin", "environment": ENVIRONMENT})
        else:
            self.send_json(404, {"error": "not_found", "detail": "built-in app: no app image deployed yet"})

    do_HEAD = do_GET
    do_POST = do_GET
    do_PUT = do_GET
    do_PATCH = do_GET
    do_DELETE = do_GET
    do_OPTIONS = do_GET

    def log_message(self, format, *args):
        # The load balancer checks health every few seconds: log everything else only.
        if not self.path.startswith(HEALTH_PATH):
            super().log_message(format, *args)


def main():
    server = ThreadingHTTPServer((HOST, PORT), Handler)
    server.daemon_threads = True
    print(f"built-in app listening on http://{HOST}:{PORT}, health at {HEALTH_PATH}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
`;
