#!/usr/bin/env bash
# Installs the Debian packages the tests and benchmarks run for real: nginx (the instances' reverse
# proxy, run on loopback), wrk (load), testssl.sh and nmap (peer TLS checkers), openssl, python3
# (the built-in health app). Also nginx 1.18, the version the instances run (Ubuntu 22.04's), beside
# the machine's own: Debian bullseye's nginx-core 1.18.0 with its libssl1.1 and libpcre3, unpacked
# under /opt/nginx-1.18 (not installed: nothing of the system changes) and started through a wrapper
# that sets its library path. Needs root or sudo; safe to run again.
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

# nginx 1.18 from Debian bullseye, through a private apt configuration (its own source list, lists
# and cache in a temporary directory): the system's sources and package state are not touched.
nginx118_dir=/opt/nginx-1.18
if [ ! -x "$nginx118_dir/nginx" ] || ! "$nginx118_dir/nginx" -v 2>&1 | grep -q "nginx/1.18"; then
  keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  if [ ! -s "$keyring" ]; then
    # Ubuntu machines (GitHub's runners) need Debian's archive key to verify bullseye's packages.
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends debian-archive-keyring >/dev/null
  fi
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/debs" "$work/root"
  # An empty package state: bullseye's versions are chosen, not the machine's installed ones.
  : >"$work/status"
  apt_opts=(-o "Dir::Etc::SourceList=$work/sources.list" -o "Dir::Etc::SourceParts=/dev/null" -o "Dir::State::Lists=$work/lists"
    -o "Dir::State::status=$work/status"
    -o "Dir::Cache=$work/cache" -o "Debug::NoLocking=1" -o "APT::Sandbox::User=root")
  fetched=""
  # Bullseye's security updates carry the latest 1.18 build; once bullseye leaves the mirrors, the archive has it.
  for mirror in "http://deb.debian.org/debian http://deb.debian.org/debian-security" "http://archive.debian.org/debian http://archive.debian.org/debian-security"; do
    read -r main security <<<"$mirror"
    printf 'deb [signed-by=%s] %s bullseye main\ndeb [signed-by=%s] %s bullseye-security main\n' "$keyring" "$main" "$keyring" "$security" >"$work/sources.list"
    if $sudo apt-get "${apt_opts[@]}" update -qq >/dev/null 2>&1; then
      fetched=yes
      break
    fi
  done
  [ -n "$fetched" ] || { echo "could not read Debian bullseye's package lists (deb.debian.org or archive.debian.org)" >&2; exit 1; }
  (cd "$work/debs" && $sudo apt-get "${apt_opts[@]}" download -qq nginx-core libssl1.1 libpcre3 >/dev/null)
  for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$work/root"; done
  $sudo rm -rf "$nginx118_dir"
  $sudo mkdir -p "$nginx118_dir"
  $sudo cp -a "$work/root/." "$nginx118_dir/"
  libs="$nginx118_dir/lib/x86_64-linux-gnu:$nginx118_dir/usr/lib/x86_64-linux-gnu"
  printf '#!/bin/sh\n# nginx 1.18 (Debian bullseye nginx-core), unpacked by tools/install-test-deps.sh\nLD_LIBRARY_PATH=%s exec %s "$@"\n' \
    "$libs" "$nginx118_dir/usr/sbin/nginx" | $sudo tee "$nginx118_dir/nginx" >/dev/null
  $sudo chmod 755 "$nginx118_dir/nginx"
  "$nginx118_dir/nginx" -v 2>&1 | grep -q "nginx/1.18" || { echo "the unpacked nginx 1.18 does not run" >&2; exit 1; }
fi

echo "test dependencies ready: ${packages[*]}, nginx 1.18 in $nginx118_dir"
