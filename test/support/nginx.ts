// Real nginx for tests: renders a config (the project's own, or any text), runs it on a free
// loopback port in a temp prefix directory, and stops it. Reusable by any test, e.g. "nginx -t
// passes for every committed stack": expect(checkProjectNginxConfig(options).output)...
import {
  checkNginxConfig,
  freeLoopbackPort,
  nginxBinary,
  projectConfig,
  startLocalNginx,
  type ConfigCheck,
  type LocalConfigRenderer,
  type RunningNginx,
} from "../../tools/localNginx";
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { DEFAULT_NGINX_OPTIONS, renderNginxConfig, type NginxOptions } from "../../lib/instance/nginx";

export type { ConfigCheck, LocalConfigRenderer, RunningNginx };
export { checkNginxConfig, freeLoopbackPort, localNginxPaths, nginxBinary, projectConfig, startLocalNginx } from "../../tools/localNginx";

/** The domain the tests' nginx serves; requests from tests carry it as Host unless they test another. */
export const TEST_DOMAIN = "api.example.com";

/**
 * nginx 1.18, the version Ubuntu 22.04 (the instances' image) ships: Debian bullseye's nginx-core
 * 1.18.0, the same upstream version and module set, unpacked beside the machine's own nginx by
 * tools/install-test-deps.sh (a wrapper that sets its library path). $NGINX_1_18_BINARY overrides.
 */
export function nginx118Binary(): string {
  const binary = process.env.NGINX_1_18_BINARY ?? "/opt/nginx-1.18/nginx";
  if (!existsSync(binary)) {
    throw new Error(
      `nginx 1.18 (the instances' version) is needed for this test at ${binary}: run npm run test:deps (tools/install-test-deps.sh)`,
    );
  }
  return binary;
}

/** The nginx builds the rendered config must work on: this machine's (the newest) and the instances' 1.18. */
export const NGINX_BUILDS: readonly { readonly label: string; readonly binary: () => string | undefined }[] = [
  { label: "this machine's nginx", binary: () => undefined },
  { label: "nginx 1.18 (Ubuntu 22.04's)", binary: nginx118Binary },
];

/** The version of an nginx build (default this machine's), from `nginx -v`, e.g. [1, 18, 0]. */
export function nginxVersion(binary = nginxBinary()): readonly [number, number, number] {
  const output = spawnSync(binary, ["-v"], { encoding: "utf8" }).stderr;
  const match = /nginx\/(\d+)\.(\d+)\.(\d+)/.exec(output);
  if (!match) throw new Error(`cannot read the version of ${binary} from: ${output}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** The project's nginx options in a test: TEST_DOMAIN, the app on `backendPort`, loopback standing in for the load balancer. */
export function testNginxOptions(backendPort: number, changes: Partial<NginxOptions> = {}): NginxOptions {
  return { ...DEFAULT_NGINX_OPTIONS, domain: TEST_DOMAIN, backendPort, loadBalancerCidr: "127.0.0.0/8", ...changes };
}

/** Runs renderNginxConfig(options) for real, listening on 127.0.0.1 (listenPort/paths are replaced). */
export function startProjectNginx(options: NginxOptions, binary?: string): Promise<RunningNginx> {
  return startLocalNginx(projectConfig(options), binary);
}

/** `nginx -t` on renderNginxConfig(options), with local paths. */
export function checkProjectNginxConfig(options: NginxOptions, binary?: string): ConfigCheck {
  return checkNginxConfig(projectConfig(options), options.listenPort, binary);
}

/** Waits until the access log (flushed on request) has a line matching `predicate`; returns the lines. */
export async function waitForAccessLog(
  nginx: RunningNginx,
  predicate: (entry: Record<string, unknown>) => boolean,
  timeoutMs = 3000,
): Promise<Record<string, unknown>[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await nginx.flushLogs();
    const entries = nginx
      .readAccessLog()
      .split("\n")
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    if (entries.some(predicate) || Date.now() > deadline) return entries;
  }
}

/** A running instance-edge nginx: HTTPS with the given chain and key, and port 80's redirect, both on loopback. */
export interface RunningTlsNginx {
  readonly nginx: RunningNginx;
  readonly httpsPort: number;
  /** The redirect's port (nginx.port). */
  readonly httpPort: number;
  /** Where the chain and key are, for a test that replaces them (a certificate change). */
  readonly certificatePath: string;
  readonly keyPath: string;
}

/**
 * Runs renderNginxConfig(options) with nginx ending TLS itself (edge instance) for real, HTTPS on a
 * free loopback port and the redirect on another: with a chain and key written into its prefix (the
 * key 0600), or with the files at the paths given (a test that puts them there itself, as tlsctl.py does).
 */
export async function startTlsNginx(
  options: NginxOptions,
  material: { readonly chainPem: string; readonly keyPem: string } | { readonly certificatePath: string; readonly keyPath: string },
  binary?: string,
  /** The HTTPS port port 80's redirect names; default the one nginx listens on (a client reaching it directly). */
  publicHttpsPort?: number,
): Promise<RunningTlsNginx> {
  const httpsPort = await freeLoopbackPort();
  let files = { certificatePath: "", keyPath: "" };
  const nginx = await startLocalNginx((listenPort, paths) => {
    if ("chainPem" in material) {
      const dir = dirname(paths.pidFile);
      files = { certificatePath: join(dir, "fullchain.pem"), keyPath: join(dir, "privkey.pem") };
      writeFileSync(files.certificatePath, material.chainPem);
      writeFileSync(files.keyPath, material.keyPem, { mode: 0o600 });
    } else {
      files = { certificatePath: material.certificatePath, keyPath: material.keyPath };
    }
    return renderNginxConfig({
      ...options,
      listenAddress: "127.0.0.1",
      listenPort,
      paths,
      tls: { ...files, httpsPort, publicHttpsPort: publicHttpsPort ?? httpsPort },
    });
  }, binary);
  return { nginx, httpsPort, httpPort: nginx.port, ...files };
}
