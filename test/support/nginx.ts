// Real nginx for tests: renders a config (the project's own, or any text), runs it on a free
// loopback port in a temp prefix directory, and stops it. Reusable by any test, e.g. "nginx -t
// passes for every committed stack": expect(checkProjectNginxConfig(options).output)...
import {
  checkNginxConfig,
  projectConfig,
  startLocalNginx,
  type ConfigCheck,
  type LocalConfigRenderer,
  type RunningNginx,
} from "../../tools/localNginx";
import type { NginxOptions } from "../../lib/instance/nginx";

export type { ConfigCheck, LocalConfigRenderer, RunningNginx };
export { checkNginxConfig, freeLoopbackPort, localNginxPaths, projectConfig, startLocalNginx } from "../../tools/localNginx";

/** Runs renderNginxConfig(options) for real, listening on 127.0.0.1 (listenPort/paths are replaced). */
export function startProjectNginx(options: NginxOptions): Promise<RunningNginx> {
  return startLocalNginx(projectConfig(options));
}

/** `nginx -t` on renderNginxConfig(options), with local paths. */
export function checkProjectNginxConfig(options: NginxOptions): ConfigCheck {
  return checkNginxConfig(projectConfig(options), options.listenPort);
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
