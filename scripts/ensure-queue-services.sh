#!/usr/bin/env bash
# Makes sure the PostgreSQL and Redis server programs that `npm run test:queue` needs are on this machine.
# It installs Debian's packages (postgresql, redis-server) only when a program is missing; otherwise it does
# nothing. It must run as root (apt-get), as it does in CI and in the dev container.
#
# The test starts its own private PostgreSQL cluster and Redis server on free loopback ports, in temp dirs
# (test/queue/queueCluster.ts). So installing must not leave services running: while apt-get runs, a
# policy-rc.d that answers 101 ("action forbidden") keeps Debian's maintainer scripts from starting
# postgresql or redis-server. Docker images usually ship such a file already; we only add ours when there is
# none, and remove it afterwards.
set -euo pipefail

find_pg_bin() {
  # Debian keeps the server programs in /usr/lib/postgresql/<major>/bin, off PATH.
  if command -v initdb >/dev/null 2>&1 && command -v postgres >/dev/null 2>&1; then
    return 0
  fi
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/postgres" ]; then return 0; fi
  done
  return 1
}

missing=()
find_pg_bin || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  echo "ensure-queue-services: ${missing[*]} missing and not root: install them (apt-get install postgresql redis-server)" >&2
  exit 1
fi

echo "ensure-queue-services: installing ${missing[*]} (apt-get)" >&2
POLICY=/usr/sbin/policy-rc.d
added_policy=0
if [ ! -e "$POLICY" ]; then
  printf '#!/bin/sh\n# added by scripts/ensure-queue-services.sh while apt-get runs\nexit 101\n' > "$POLICY"
  chmod 755 "$POLICY"
  added_policy=1
fi
cleanup() { if [ "$added_policy" = 1 ]; then rm -f "$POLICY"; fi; }
trap cleanup EXIT

export DEBIAN_FRONTEND=noninteractive
apt-get update >&2
apt-get install -y --no-install-recommends postgresql redis-server >&2

# Belt and braces: if a service was started anyway (no policy honoured), stop it. Nothing of the test uses them.
if command -v service >/dev/null 2>&1; then
  for name in redis-server postgresql; do
    if service "$name" status >/dev/null 2>&1; then service "$name" stop >&2 || true; fi
  done
fi

find_pg_bin || { echo "ensure-queue-services: postgresql installed but initdb/postgres not found" >&2; exit 1; }
command -v redis-server >/dev/null 2>&1 || { echo "ensure-queue-services: redis-server still missing" >&2; exit 1; }
echo "ensure-queue-services: done" >&2
