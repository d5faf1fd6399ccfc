#!/usr/bin/env bash
# One start of the platform as `./platform up` runs it after its build, measured (README, "The AppHost's own figures"):
#   tools/apphost-figures/start.sh [--fresh] [AppHost options...]     (build first: ./platform up, or dotnet build AppHost)
# Prints the load average, the AppHost's own "All resources Running and Healthy in N s", the wall time from launch, and
# the platform's resident memory REST seconds (default 20) after that; then stops it as Ctrl+C would (SIGTERM: a
# background job ignores SIGINT). Ports: GATEWAY_PORT (8191) and DASHBOARD_PORT (18991), never the defaults others use.
set -uo pipefail
cd "$(dirname "$0")/../.."
configuration=${CONFIGURATION:-Debug}
args=()
for arg in "$@"; do [ "$arg" = "--fresh" ] && args+=(--fresh true) || args+=("$arg"); done
log=$(mktemp)
load=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date +%s.%N)
dotnet "AppHost/bin/$configuration/net10.0/AppHost.dll" --gateway-port "${GATEWAY_PORT:-8191}" \
  --dashboard-url "http://127.0.0.1:${DASHBOARD_PORT:-18991}" "${args[@]}" > "$log" 2>&1 &
pid=$!
until grep -q "All resources Running and Healthy" "$log" || ! kill -0 $pid 2>/dev/null; do sleep 0.1; done
wall=$(python3 -c "import time; print(f'{time.time() - $started:.1f}')")
figure=$(grep -o "All resources Running and Healthy in [0-9.]* s" "$log" || echo "did not start: see $log")
sleep "${REST:-20}"
echo "load average $load | $figure | $wall s from launch"
kill -0 $pid 2>/dev/null && python3 tools/apphost-figures/rss.py $pid -v
kill -TERM $pid 2>/dev/null; wait $pid
# DCP (detached from the AppHost) stops what it ran after the AppHost has gone.
for _ in $(seq 1 120); do pgrep -f -- "--monitor $pid " > /dev/null || break; sleep 0.5; done
grep " s  " "$log" | grep -v "Starting\|Waiting" > "$log.timeline"; echo "timeline: $log.timeline"
