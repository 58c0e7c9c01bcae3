// Throughput and tail latency of the instance path (nginx -> app) with wrk on loopback: the app
// alone, the app behind this project's nginx config (the exact config the instances get; only the
// ports and paths differ), and behind "the guide's plain config" (proxy_pass to the app, no upstream
// keep-alive, HTTP/1.0 to the app, unbuffered access log), as copied from a typical setup guide.
// wrk, nginx and the app share this machine's cores, so ratios matter more than absolute figures;
// each setup runs twice, interleaved, and keeps its best round (other load on the machine is noise).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { DEFAULT_NGINX_OPTIONS } from "../../lib/instance/nginx";
import { projectConfig, startLocalNginx, type LocalConfigRenderer, type RunningNginx } from "../localNginx";
import type { NginxPaths } from "../../lib/instance/nginx";

const DURATION_SECONDS = 5;
const WARMUP_SECONDS = 1;
const ROUNDS = 2;
const CONNECTIONS = 256;
const THREADS = 2;
const PATH = "/api/items/42";

/** A realistic but cheap app: a small JSON answer per request, in its own process. */
const APP_SOURCE = `
const http = require("node:http");
const server = http.createServer((req, res) => {
  const body = JSON.stringify({ id: 42, name: "item", path: req.url, at: Date.now(), client: req.headers["x-real-ip"] || null });
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
});
server.listen(0, "127.0.0.1", () => process.stdout.write(server.address().port + "\\n"));
`;

/** The domain the project's nginx serves in the benchmark. */
const BENCH_DOMAIN = "bench.example.com";

/** The guide's config: the Ubuntu package's defaults around a bare proxy_pass. */
function guideConfig(backendPort: number): LocalConfigRenderer {
  return (listenPort: number, paths: NginxPaths) => `user www-data;
worker_processes auto;
pid ${paths.pidFile};
error_log ${paths.errorLog};
events {
    worker_connections 768;
}
http {
    sendfile on;
    keepalive_timeout 65;
    client_body_temp_path ${paths.tempDir}/body;
    proxy_temp_path ${paths.tempDir}/proxy;
    fastcgi_temp_path ${paths.tempDir}/fastcgi;
    uwsgi_temp_path ${paths.tempDir}/uwsgi;
    scgi_temp_path ${paths.tempDir}/scgi;
    access_log ${paths.accessLog};
    server {
        listen 127.0.0.1:${listenPort};
        server_name _;
        location / {
            proxy_pass http://127.0.0.1:${backendPort};
            proxy_set_header Host $host;
            proxy_set_header X-Real-IP $remote_addr;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        }
    }
}
`;
}

interface WrkResult {
  readonly requestsPerSecond: number;
  readonly p99Ms: number;
  readonly socketErrors: { connect: number; read: number; write: number; timeout: number };
  readonly non2xx: number;
}

function errorCount(result: WrkResult): number {
  const e = result.socketErrors;
  return e.connect + e.read + e.write + e.timeout + result.non2xx;
}

function toMs(value: string, unit: string): number {
  const factor: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60000 };
  return Number(value) * (factor[unit] ?? NaN);
}

export function parseWrk(output: string): WrkResult {
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(output);
  const p99 = /^\s*99%\s+([\d.]+)(us|ms|s|m)\s*$/m.exec(output);
  if (!rps || !p99) throw new Error(`unexpected wrk output:\n${output}`);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(output);
  return {
    requestsPerSecond: Number(rps[1]),
    p99Ms: toMs(p99[1], p99[2]),
    socketErrors: {
      connect: Number(socket?.[1] ?? 0),
      read: Number(socket?.[2] ?? 0),
      write: Number(socket?.[3] ?? 0),
      timeout: Number(socket?.[4] ?? 0),
    },
    non2xx: Number(non2xx?.[1] ?? 0),
  };
}

function runWrk(port: number, seconds: number): WrkResult {
  // The project's nginx serves its domain only; the other targets ignore the Host header.
  const args = [
    `-t${THREADS}`,
    `-c${CONNECTIONS}`,
    `-d${seconds}s`,
    "--timeout",
    "5s",
    "--latency",
    "-H",
    `Host: ${BENCH_DOMAIN}`,
    `http://127.0.0.1:${port}${PATH}`,
  ];
  const result = spawnSync("wrk", args, { encoding: "utf8", timeout: (seconds + 15) * 1000 });
  if (result.error) throw new Error(`wrk is needed for this benchmark: apt-get install -y wrk (${result.error.message})`);
  if (result.status !== 0) throw new Error(`wrk failed (${result.status}):\n${result.stderr}`);
  return parseWrk(result.stdout);
}

async function startApp(): Promise<{ port: number; process: ChildProcess }> {
  const child = spawn(process.execPath, ["-e", APP_SOURCE], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    child.once("exit", (code) => reject(new Error(`bench app exited (${code})`)));
  });
  return { port, process: child };
}

function line(label: string, r: WrkResult): string {
  const e = r.socketErrors;
  return (
    `${label.padEnd(29)} ${r.requestsPerSecond.toFixed(0).padStart(7)} req/s   p99 ${r.p99Ms.toFixed(2).padStart(7)} ms   ` +
    `errors: connect ${e.connect}, read ${e.read}, write ${e.write}, timeout ${e.timeout}, non-2xx ${r.non2xx}`
  );
}

function target(label: string, met: boolean): string {
  return `  target ${label}: ${met ? "met" : "MISSED"}`;
}

interface Measured {
  /** The round with the highest throughput (least disturbed by anything else on the machine). */
  readonly best: WrkResult;
  /** Errors summed over every round. */
  readonly errors: number;
}

function summarize(label: string, runs: WrkResult[]): Measured {
  const best = runs.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
  process.stdout.write(`${line(`${label} (best)`, best)}\n`);
  return { best, errors: runs.reduce((sum, r) => sum + errorCount(r), 0) };
}

export async function runProxyBench(): Promise<void> {
  process.stdout.write(`wrk -t${THREADS} -c${CONNECTIONS} -d${DURATION_SECONDS}s --latency, GET ${PATH} (small JSON), loopback\n`);
  const app = await startApp();
  const servers: RunningNginx[] = [];
  try {
    const project = await startLocalNginx(projectConfig({ ...DEFAULT_NGINX_OPTIONS, domain: BENCH_DOMAIN, backendPort: app.port }));
    servers.push(project);
    const guide = await startLocalNginx(guideConfig(app.port));
    servers.push(guide);

    // Rounds interleave the three setups so that a burst of other load on the machine does not
    // land on one setup only; each setup keeps its best round.
    const targets = [
      { label: "app direct", port: app.port },
      { label: "project nginx config", port: project.port },
      // Last in a round: without upstream keep-alive it leaves thousands of sockets in TIME_WAIT.
      { label: "guide's plain config", port: guide.port },
    ];
    const runs: WrkResult[][] = targets.map(() => []);
    for (let round = 1; round <= ROUNDS; round++) {
      targets.forEach(({ label, port }, i) => {
        runWrk(port, WARMUP_SECONDS); // JIT, connection pools and caches warm before measuring
        const result = runWrk(port, DURATION_SECONDS);
        runs[i].push(result);
        process.stdout.write(`${line(`${label} #${round}`, result)}\n`);
      });
    }
    const [direct, proxied, plain] = targets.map(({ label }, i) => summarize(label, runs[i]));

    const vsGuide = proxied.best.requestsPerSecond / plain.best.requestsPerSecond;
    const vsDirect = proxied.best.requestsPerSecond / direct.best.requestsPerSecond;
    process.stdout.write(
      `ratios: project/guide ${vsGuide.toFixed(2)}x, project/direct ${vsDirect.toFixed(2)}x, ` +
        `guide/direct ${(plain.best.requestsPerSecond / direct.best.requestsPerSecond).toFixed(2)}x\n`,
    );
    process.stdout.write(
      `${target(`zero errors at ${CONNECTIONS} connections through the project config (${proxied.errors})`, proxied.errors === 0)}\n`,
    );
    process.stdout.write(`${target(`project/guide >= 1.8x (${vsGuide.toFixed(2)}x)`, vsGuide >= 1.8)}\n`);
    process.stdout.write(`${target(`project/direct >= 0.4x (${vsDirect.toFixed(2)}x)`, vsDirect >= 0.4)}\n`);
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    app.process.kill("SIGTERM");
  }
}
