#!/usr/bin/env bash
# Makes sure Debian's chromium is installed for the browser test (test/browser), from Debian's packages:
# nothing is downloaded by playwright. Needs root, or sudo without a password, the first time only.
set -euo pipefail
BROWSER="${TASKBRIDGE_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$BROWSER" ]; then exit 0; fi
echo "installing Debian's chromium for the browser test (once)" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q >&2 || true
$SUDO apt-get install -y -q --no-install-recommends chromium >&2
[ -x "$BROWSER" ] || { echo "chromium is still missing at $BROWSER" >&2; exit 1; }
