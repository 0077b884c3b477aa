#!/usr/bin/env bash
# Installs a real n8n (and the Node it needs) into a cache folder outside the package, once.
# Usage: scripts/install-n8n.sh [n8n version] [node major]   prints the install folder on its last line.
set -euo pipefail
N8N_VERSION="${1:-2.41.1}"
NODE_MAJOR="${2:-24}"
CACHE_ROOT="${TASKBRIDGE_CACHE:-$HOME/.cache/n8n-nodes-taskbridge}"
DIR="$CACHE_ROOT/n8n-$N8N_VERSION"
STAMP="$DIR/.installed"

if [ -f "$STAMP" ]; then echo "$DIR"; exit 0; fi
mkdir -p "$DIR"
cd "$DIR"
rm -rf node_modules package-lock.json
overrides='{}'
# n8n 1.x fetches xlsx from a host outside the registry; the registry's own release is the same library.
case "$N8N_VERSION" in 1.*) overrides='{"xlsx":"0.18.5"}' ;; esac
cat > package.json <<JSON
{ "name": "taskbridge-n8n-cache", "private": true,
  "dependencies": { "n8n": "$N8N_VERSION", "node": "$NODE_MAJOR" },
  "overrides": $overrides }
JSON
echo "installing n8n@$N8N_VERSION with node@$NODE_MAJOR into $DIR (a few minutes, once)" >&2
# --ignore-scripts: a Kafka client's native build downloads zlib and fails offline.
npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2
# The node package's own postinstall puts the binary in place; run it since scripts were skipped.
(cd node_modules/node && npm run preinstall --if-present >&2 && npm run install --if-present >&2 && npm run postinstall --if-present >&2) || true
NODE_BIN="$(cd node_modules/node/bin && pwd)"
"$NODE_BIN/node" --version >&2
NODE_HOME="$(cd node_modules/node && pwd)"
# sqlite3 is the one native module n8n needs: build it against the Node that runs n8n.
for sq in $(find node_modules -type d -name sqlite3 -path '*node_modules/sqlite3' -prune); do
  [ -f "$sq/binding.gyp" ] || continue
  (cd "$sq" && PATH="$NODE_BIN:$PATH" npm_config_nodedir="$NODE_HOME" npx --yes node-gyp rebuild --nodedir="$NODE_HOME" >&2)
done
touch "$STAMP"
echo "$DIR"
