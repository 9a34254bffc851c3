#!/usr/bin/env bash
# Installs what the build and the tests need on a fresh Debian machine:
# promtool (Debian's prometheus package, the PromQL oracle); amtool (Debian's
# prometheus-alertmanager, the oracle of alertmanager.yml); gofmt and go
# (golang-go) and rustfmt, which compile the telemetry initialization the
# extension inserts (client/src/snippets/telemetryCompile.test.ts); and the
# npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
command -v amtool >/dev/null 2>&1 || missing+=(prometheus-alertmanager)
command -v gofmt >/dev/null 2>&1 || missing+=(golang-go)
command -v rustfmt >/dev/null 2>&1 || missing+=(rustfmt)
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

echo "setup: npm ci"
npm ci --no-audit --no-fund
