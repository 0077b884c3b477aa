#!/usr/bin/env bash
# Installs a real n8n (and the Node it needs) into a cache folder outside the package, once.
# Usage: scripts/install-n8n.sh [n8n version] [node major]   prints the install folder on its last line.
# Idempotent: a finished install (marked by .installed) is reused at once; concurrent callers wait on a lock.
# Needs only the npm registry (no other host), a C++ toolchain (g++, make) and python3 for sqlite3.
set -euo pipefail
N8N_VERSION="${1:-2.41.1}"
NODE_MAJOR="${2:-24}"
CACHE_ROOT="${TASKBRIDGE_CACHE:-$HOME/.cache/n8n-nodes-taskbridge}"
DIR="$CACHE_ROOT/n8n-$N8N_VERSION"
STAMP="$DIR/.installed"

if [ -f "$STAMP" ]; then echo "$DIR"; exit 0; fi
mkdir -p "$DIR"

# One installer at a time (jest and `npm start` may both ask); the loser reuses the winner's install.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$CACHE_ROOT/.n8n-$N8N_VERSION.lock"
  flock 9
  if [ -f "$STAMP" ]; then echo "$DIR"; exit 0; fi
fi

# When run from an npm script, npm exports its own and the project's settings (ignore-scripts, prefix,
# nodedir=/usr, ...). They describe the calling project, not this cache folder: drop them.
for v in $(env | sed -n 's/^\(npm_config_[A-Za-z0-9_]*\)=.*/\1/p'); do
  case "$v" in npm_config_registry|npm_config_cafile|npm_config_userconfig|npm_config_cache|npm_config_node_gyp) ;; *) unset "$v" ;; esac
done

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

# The `node` package's preinstall (skipped above) installs node-<os>-<arch> from the registry and
# hard-links its binary to node_modules/node/bin/node. Run it now.
(cd node_modules/node && node installArchSpecificPackage >&2)
NODE_BIN="$DIR/node_modules/node/bin"
[ -x "$NODE_BIN/node" ] || { echo "node@$NODE_MAJOR binary missing at $NODE_BIN/node" >&2; exit 1; }
"$NODE_BIN/node" --version >&2
# Its headers (include/node/common.gypi, node_api.h) ship in that node-<os>-<arch> package: build against
# them, so node-gyp never tries to download headers from nodejs.org.
GYPI="$(find "$DIR/node_modules/node" -path '*/include/node/common.gypi' -print -quit)"
[ -n "$GYPI" ] || { echo "Node $NODE_MAJOR headers not found under node_modules/node" >&2; exit 1; }
NODE_HOME="$(cd "$(dirname "$GYPI")/../.." && pwd)"

# node-gyp: the one bundled with the npm that runs this script (recent, knows current Python), else the
# copy n8n's dependencies bring.
GYP="${npm_config_node_gyp:-}"
if [ -z "$GYP" ] || [ ! -f "$GYP" ]; then
  NPM_CLI="$(readlink -f "$(command -v npm)")"
  GYP="$(cd "$(dirname "$NPM_CLI")/.." && pwd)/node_modules/node-gyp/bin/node-gyp.js"
fi
[ -f "$GYP" ] || GYP="$DIR/node_modules/node-gyp/bin/node-gyp.js"

# sqlite3 is the one native module n8n needs: build it (N-API) against the Node that runs n8n.
for sq in $(find node_modules -type d -name sqlite3 -path '*node_modules/sqlite3' -prune); do
  [ -f "$sq/binding.gyp" ] || continue
  echo "building $sq (about a minute)" >&2
  (cd "$sq" && PATH="$NODE_BIN:$PATH" npm_config_nodedir="$NODE_HOME" \
    "$NODE_BIN/node" "$GYP" rebuild --nodedir="$NODE_HOME" --loglevel=warn >&2)
  (cd "$sq" && "$NODE_BIN/node" -e "require('./')" >&2)
done

# Smoke check before marking the install done.
PATH="$NODE_BIN:$PATH" "$DIR/node_modules/.bin/n8n" --version >&2
echo "n8n@$N8N_VERSION node@$("$NODE_BIN/node" --version)" > "$STAMP"
echo "$DIR"
