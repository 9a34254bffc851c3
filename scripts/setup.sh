#!/usr/bin/env bash
# Installs what the build and the tests need on a fresh Debian machine:
# promtool (Debian's prometheus package, the PromQL oracle) and the npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v promtool >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing Debian's prometheus package (promtool)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends prometheus >/dev/null
fi

echo "setup: npm ci"
npm ci --no-audit --no-fund
