#!/usr/bin/env bash
# Installs the Debian packages the tests and benchmarks run for real: nginx (the instances' reverse
# proxy, run on loopback), wrk (load), testssl.sh and nmap (peer TLS checkers), openssl, python3
# (the built-in health app). Needs root or sudo; safe to run again.
set -euo pipefail
packages=(nginx-light wrk testssl.sh nmap openssl ca-certificates python3 curl dash cloud-init)
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "run as root, or install sudo: apt-get needs root" >&2; exit 1; }
  sudo="sudo"
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# Debian starts nginx as a system service on port 80; the tests start their own on loopback ports.
# Only the system service (its pid file); nginx processes of a running test suite are left alone.
if [ -s /run/nginx.pid ]; then
  $sudo systemctl stop nginx 2>/dev/null || $sudo service nginx stop 2>/dev/null || $sudo kill "$(cat /run/nginx.pid)" 2>/dev/null || true
fi
echo "test dependencies ready: ${packages[*]}"
