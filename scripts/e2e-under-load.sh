#!/usr/bin/env bash
# The e2e stability record of docs/TESTING.md: the e2e layer run RUNS times in a row (default 3) while a CPU
# hog keeps every core busy beside it, stopping at the first red run. Prints each run's result, time and the
# load average at its end; each run's jest output is kept in .build/e2e-under-load/.
# Usage: npm run test:e2e:load [-- RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
LOGS=.build/e2e-under-load
mkdir -p "$LOGS"

npm run build >/dev/null

# One busy loop per core, as long as the runs last (and never longer than 4 hours).
hogs=()
for _ in $(seq "$(nproc)"); do
	timeout 4h node -e 'for (;;) {}' &
	hogs+=($!)
done
trap 'kill "${hogs[@]}" 2>/dev/null || true' EXIT

echo "e2e under load: $RUNS runs, $(nproc) busy loops beside them"
for run in $(seq "$RUNS"); do
	log="$LOGS/run-$run.log"
	begin=$(date +%s)
	status=passed
	npx jest --selectProjects e2e --maxWorkers=2 --forceExit >"$log" 2>&1 || status=FAILED
	tests=$(grep -E '^Tests:' "$log" | tail -n 1 | sed 's/^Tests: *//')
	load=$(cut -d' ' -f1-3 /proc/loadavg)
	echo "run $run: $status in $(( $(date +%s) - begin )) s ($tests); load average $load"
	if [ "$status" != passed ]; then
		grep -E '●' "$log" | head -n 20
		exit 1
	fi
done
