// The script Cloud Assistant runs on each instance, one instance after the other, when the app's
// secrets changed: the app reads its secrets from OOS when it starts, so a restart is all it takes.
// It then waits for the health path through nginx, so the next instance restarts only once this
// one serves again (and a bad secret stops the rollout at the first instance).
import { localHealthCurlOptions, localHealthUrl, validateCloudInitOptions, type CloudInitOptions } from "./cloudInit";
import { APP_ENV_FILE, APP_UNIT_NAME } from "./layout";
import { shellQuote, waitForHealthFunction } from "./shell";

/** How long the restart may take until the app is healthy again. */
export const RESTART_TIMEOUT_SECONDS = 600;

export function renderRestartScript(options: CloudInitOptions): string {
  validateCloudInitOptions(options);
  const url = localHealthUrl(options.nginx);
  return `#!/bin/sh
# Restart of the wechat-https-backend app (${options.environment}) after its secrets changed.
set -eu
${waitForHealthFunction(localHealthCurlOptions(options.nginx))}
if ! systemctl is-active --quiet ${APP_UNIT_NAME}; then
  # Not started yet (a new instance): it reads the current secrets when it starts.
  echo "restart: ${APP_UNIT_NAME} is not running; nothing to restart"
  exit 0
fi
echo "restart: restarting ${APP_UNIT_NAME} to read its secrets again"
# Without this boot's environment file the start must read the secrets afresh: when OOS cannot be
# reached it fails (and retries) instead of starting on the old values and reporting success.
rm -f ${APP_ENV_FILE}
if ! systemctl restart ${APP_UNIT_NAME}; then
  # The unit restarts itself every few seconds (Restart=always): a brief outage of OOS heals below.
  echo "restart: the first start failed (journalctl -u ${APP_UNIT_NAME}); waiting for systemd's next tries"
fi
deadline=$(( $(date +%s) + ${RESTART_TIMEOUT_SECONDS} ))
if ! wait_for_health ${shellQuote(url)} "$deadline"; then
  echo "restart: FAILED: ${url} did not answer 2xx within ${RESTART_TIMEOUT_SECONDS}s; see journalctl -u ${APP_UNIT_NAME}" >&2
  exit 1
fi
echo "restart: the app serves again"
`;
}
