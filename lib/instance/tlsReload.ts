// The script Cloud Assistant runs on the instance edge's instance on every change of the
// certificate: fetch it (tlsctl.py), check nginx's config, reload nginx gracefully (`nginx -s
// reload`: the old workers finish what they serve, new connections get the new certificate), and
// wait until nginx serves the fetched certificate and the health path answers through it. Gated
// afterwards by the verifier from outside, as every change is (DeployVerification).
import { localHealthCurlOptions, localHealthUrl, validateCloudInitOptions, type CloudInitOptions } from "./cloudInit";
import { TLS_CONFIG_PATH, TLSCTL_PATH } from "./layout";
import { shellQuote, waitForHealthFunction } from "./shell";

/** What the reload script runs; the instance's by default, tests give their own nginx and paths. */
export interface ReloadPlacement {
  /** nginx with the options that find its config, e.g. "nginx" or "nginx -p /tmp/x -c /tmp/x/nginx.conf". */
  readonly nginx: string;
  readonly tlsctl: string;
  readonly tlsConfig: string;
}

/** Seconds the reload waits for nginx to serve the new certificate and the app to answer through it. */
export const TLS_RELOAD_SECONDS = 120;

/** Fetch attempts before the reload gives up (OOS or the role briefly unreachable). */
const FETCH_ATTEMPTS = 5;

export function renderTlsReloadScript(options: CloudInitOptions, placement?: ReloadPlacement): string {
  validateCloudInitOptions(options);
  const where = placement ?? { nginx: "nginx", tlsctl: TLSCTL_PATH, tlsConfig: TLS_CONFIG_PATH };
  const tlsctl = `python3 ${shellQuote(where.tlsctl)} ${shellQuote(where.tlsConfig)}`;
  const url = localHealthUrl(options.nginx);
  return `#!/bin/sh
# Certificate change on a wechat-https-backend instance (${options.environment}, edge instance), rendered by
# lib/instance/tlsReload.ts: fetch it from OOS, check nginx's config, reload nginx gracefully.
set -eu
${waitForHealthFunction(localHealthCurlOptions(options.nginx))}
attempt=1
until fingerprint=$(${tlsctl} fetch); do
  if [ "$attempt" -ge ${FETCH_ATTEMPTS} ]; then
    echo "tls-reload: FAILED: the certificate could not be fetched from OOS (${FETCH_ATTEMPTS} attempts); nginx keeps serving the previous one" >&2
    exit 1
  fi
  attempt=$((attempt + 1))
  sleep 5
done
echo "tls-reload: fetched certificate sha256 $fingerprint"
${where.nginx} -t
# Graceful: the old workers finish their requests, new connections get the new certificate.
${where.nginx} -s reload
deadline=$(( $(date +%s) + ${TLS_RELOAD_SECONDS} ))
until [ "$(${tlsctl} served 2>/dev/null || true)" = "$fingerprint" ]; do
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "tls-reload: FAILED: nginx does not serve certificate $fingerprint ${TLS_RELOAD_SECONDS}s after the reload; see nginx's error log" >&2
    exit 1
  fi
  sleep 1
done
if ! wait_for_health ${shellQuote(url)} "$deadline"; then
  echo "tls-reload: FAILED: ${url} did not answer 2xx through the new certificate" >&2
  exit 1
fi
echo "tls-reload: nginx serves certificate sha256 $fingerprint"
`;
}
