#!/usr/bin/env bash
# Sets up a real VS Code for the end-to-end tests without internet: code-server from the npm
# registry and Debian's Chromium, following ../shared/notes/real-vscode-e2e.md. Everything
# goes into .e2e/ (ignored by git). Idempotent: a finished setup is left alone.
set -euo pipefail
cd "$(dirname "$0")/../.."
E2E="$PWD/.e2e"
CS="$E2E/node_modules/code-server"
VS="$CS/lib/vscode"

if [ -f "$E2E/.ready" ]; then exit 0; fi

if ! command -v chromium >/dev/null || ! command -v rg >/dev/null || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium libkrb5-dev ripgrep >/dev/null
fi

mkdir -p "$E2E"
[ -f "$E2E/package.json" ] || printf '{ "name": "granska-e2e", "private": true }\n' > "$E2E/package.json"
# code-server 4.100.3 (VS Code 1.100) is the last release for Node 20. Its postinstall
# downloads ripgrep from GitHub, so scripts are skipped and its steps done by hand.
(cd "$E2E" && npm install --ignore-scripts --no-audit --no-fund code-server@4.100.3 >/dev/null)
(cd "$E2E" && npm rebuild argon2 >/dev/null)
(cd "$VS" && npm install --omit=dev --ignore-scripts --no-audit --no-fund >/dev/null)
(cd "$VS" && npm_config_yes=true npm rebuild node-pty @parcel/watcher @vscode/spdlog native-watchdog kerberos >/dev/null)
mkdir -p "$VS/node_modules/@vscode/ripgrep/bin"
cp "$(command -v rg)" "$VS/node_modules/@vscode/ripgrep/bin/rg"
(cd "$VS" && ln -sfn node_modules node_modules.asar)
(cd "$VS/bin/remote-cli" && ln -sfn code-linux.sh code-server)
(cd "$VS/bin/helpers" && ln -sfn browser-linux.sh browser.sh)
(cd "$VS/extensions" && npm install --omit=dev --no-audit --no-fund >/dev/null)
touch "$E2E/.ready"
echo "e2e: code-server $(node "$CS/out/node/entry.js" --version | head -1) and $(chromium --version) ready"
