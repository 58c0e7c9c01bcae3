// Runs a real nginx on this machine from a rendered config: on a loopback port, with its pid file,
// logs and temp files in a fresh temporary directory. Tests and the proxy benchmark use it; the
// same config text as on the instances runs, only ports and paths differ.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderNginxConfig, type NginxOptions, type NginxPaths } from "../lib/instance/nginx";

const NGINX_INSTALL_HINT = "nginx is needed to run this: apt-get install -y nginx-light";
const START_TIMEOUT_MS = 5000;
const STOP_TIMEOUT_MS = 5000;

/** Where a local nginx keeps its files, all under one prefix directory. */
export function localNginxPaths(prefix: string): NginxPaths {
  return {
    pidFile: join(prefix, "nginx.pid"),
    errorLog: join(prefix, "error.log"),
    accessLog: join(prefix, "access.log"),
    tempDir: join(prefix, "tmp"),
  };
}

/** Renders a config for a local run: given a port and paths, returns the complete config text. */
export type LocalConfigRenderer = (listenPort: number, paths: NginxPaths) => string;

/** The project's own config (renderNginxConfig) on 127.0.0.1:port with local paths. */
export function projectConfig(options: NginxOptions): LocalConfigRenderer {
  return (listenPort, paths) => renderNginxConfig({ ...options, listenAddress: "127.0.0.1", listenPort, paths });
}

export interface RunningNginx {
  /** The loopback port nginx listens on. */
  readonly port: number;
  /** Temp directory holding the config, logs and temp files; removed by stop(). */
  readonly prefix: string;
  /** The config text nginx runs. */
  readonly config: string;
  readonly paths: NginxPaths;
  /** The access log so far (nginx buffers it: call flushLogs first for fresh lines). */
  readAccessLog(): string;
  /** Asks nginx to reopen its logs, which writes out the access log buffer. */
  flushLogs(): Promise<void>;
  /** Stops nginx (fast shutdown) and removes the prefix directory. */
  stop(): Promise<void>;
}

/** The nginx binary: $NGINX_BINARY, else `nginx` on PATH or in /usr/sbin. */
export function nginxBinary(): string {
  const fromEnv = process.env.NGINX_BINARY;
  if (fromEnv) return fromEnv;
  for (const candidate of ["nginx", "/usr/sbin/nginx"]) {
    const probe = spawnSync(candidate, ["-v"], { stdio: "ignore" });
    if (!probe.error) return candidate;
  }
  throw new Error(NGINX_INSTALL_HINT);
}

function makePrefix(): string {
  const prefix = mkdtempSync(join(tmpdir(), "nginx-local-"));
  // Workers run as www-data when nginx starts as root (the config's `user`): they must be able to
  // reach the temp dirs, so the prefix is world-traversable (and so must os.tmpdir() be).
  chmodSync(prefix, 0o755);
  mkdirSync(join(prefix, "tmp"), { mode: 0o755 });
  return prefix;
}

export interface ConfigCheck {
  readonly ok: boolean;
  /** nginx -t's own output (stderr). */
  readonly output: string;
}

/**
 * `nginx -t` on a config: the text must parse and every directive must be valid for this nginx.
 * Paths are local; the port is only parsed (nginx -t binds nothing), so even 80 is fine unprivileged.
 */
export function checkNginxConfig(render: LocalConfigRenderer, listenPort = 8080, binary = nginxBinary()): ConfigCheck {
  const prefix = makePrefix();
  try {
    const paths = localNginxPaths(prefix);
    const configPath = join(prefix, "nginx.conf");
    writeFileSync(configPath, render(listenPort, paths));
    const result = spawnSync(binary, ["-t", "-p", prefix, "-c", configPath], { encoding: "utf8" });
    if (result.error) throw new Error(`${NGINX_INSTALL_HINT} (${result.error.message})`);
    return { ok: result.status === 0, output: result.stderr };
  } finally {
    rmSync(prefix, { recursive: true, force: true });
  }
}

/**
 * A loopback port that was free a moment ago, for servers that cannot listen on port 0 and report
 * the port back (nginx, the built-in Python app).
 */
export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Starts nginx in the foreground and resolves once it accepts connections on its port. */
async function startOnce(render: LocalConfigRenderer, prefix: string, port: number, binary: string): Promise<RunningNginx | "port-taken"> {
  const paths = localNginxPaths(prefix);
  const config = render(port, paths);
  const configPath = join(prefix, "nginx.conf");
  writeFileSync(configPath, config);
  const child = spawn(binary, ["-p", prefix, "-c", configPath, "-g", "daemon off;"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const spawnError = new Promise<Error>((resolve) => child.once("error", resolve));

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    if (await canConnect(port)) return running(child, config, prefix, port, paths);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill("SIGKILL");
  await waitForExit(child, STOP_TIMEOUT_MS);
  const error = await Promise.race([spawnError, Promise.resolve(undefined)]);
  if (error) throw new Error(`${NGINX_INSTALL_HINT} (${error.message})`);
  if (/Address already in use/.test(stderr)) return "port-taken";
  throw new Error(`nginx did not start on 127.0.0.1:${port}:\n${stderr}${readIfExists(paths.errorLog)}`);
}

function readIfExists(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

function running(child: ChildProcess, config: string, prefix: string, port: number, paths: NginxPaths): RunningNginx {
  return {
    port,
    prefix,
    config,
    paths,
    readAccessLog: () => readIfExists(paths.accessLog),
    flushLogs: async () => {
      // SIGUSR1 = reopen logs; the master flushes buffered lines and signals the workers, which
      // takes a moment, so wait briefly.
      child.kill("SIGUSR1");
      await new Promise((resolve) => setTimeout(resolve, 150));
    },
    stop: async () => {
      child.kill("SIGTERM");
      if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
        child.kill("SIGKILL");
        await waitForExit(child, STOP_TIMEOUT_MS);
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

/** Starts a real nginx (by default this machine's, see nginxBinary) on a free loopback port with the rendered config. Always stop() it. */
export async function startLocalNginx(render: LocalConfigRenderer, binary = nginxBinary()): Promise<RunningNginx> {
  const prefix = makePrefix();
  try {
    // Another process may grab the probed port before nginx binds it: then try another one.
    for (let attempt = 0; attempt < 5; attempt++) {
      const result = await startOnce(render, prefix, await freeLoopbackPort(), binary);
      if (result !== "port-taken") return result;
    }
    throw new Error("nginx could not bind a free loopback port after 5 attempts");
  } catch (error) {
    rmSync(prefix, { recursive: true, force: true });
    throw error;
  }
}
