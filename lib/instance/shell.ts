// Shell fragments shared by the first-boot setup script and the readiness script. Both are POSIX
// sh (dash on Ubuntu runs them as well as bash), because how Cloud Assistant invokes a script is
// not ours to choose.

/** Quotes a value for sh: single quotes, with embedded single quotes closed and escaped. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Seconds between two health probes. */
export const HEALTH_POLL_INTERVAL_SECONDS = 2;

/**
 * A sh function `wait_for_health URL DEADLINE`: probes URL until it answers 2xx (returns 0) or the
 * epoch second DEADLINE passes (returns 1), printing one line per attempt. `curlOptions` (already
 * quoted for sh) go to every probe: the instance edge's probe dials the domain on loopback over TLS.
 */
export function waitForHealthFunction(curlOptions = ""): string {
  return `# wait_for_health URL DEADLINE: probe URL until it answers 2xx, or give up at DEADLINE (epoch s).
wait_for_health() {
  url=$1
  deadline=$2
  attempt=0
  while :; do
    attempt=$((attempt + 1))
    code=$(curl --silent --output /dev/null --write-out '%{http_code}' --max-time 5 ${curlOptions ? `${curlOptions} ` : ""}"$url") || true
    case $code in
      2??)
        echo "health: $url answered $code (attempt $attempt)"
        return 0
        ;;
    esac
    now=$(date +%s)
    if [ "$now" -ge "$deadline" ]; then
      echo "health: $url still not 2xx (last answer: \${code:-none}) after $attempt attempts" >&2
      return 1
    fi
    echo "health: $url answered \${code:-nothing} (attempt $attempt), retrying"
    pause=${HEALTH_POLL_INTERVAL_SECONDS}
    if [ $((deadline - now)) -lt "$pause" ]; then pause=$((deadline - now)); fi
    sleep "$pause"
  done
}
`;
}
