#!/usr/bin/env bash
# Benchmark: start-up time and memory of the sidecar, and the latency it adds to a Nextcloud call.
#
#   testing/bench/bench.sh [seconds-per-run]      (default 10)
#
# Starts the Nextcloud simulator (from the demo distribution in server/target/demo) and the packaged
# sidecar (single-user, no auth) on free loopback ports, then uses wrk (Debian package `wrk`) to measure, with 4 connections each:
#   direct    GET  the simulator's Notes API (what a client would pay without the sidecar)
#   tools/call POST /mcp nc_notes_list_notes (the same Notes call through the sidecar)
#   tools/list POST /mcp (no Nextcloud call: the sidecar's own cost)
# Prints a table; nothing is asserted. Needs the jar built (./mvnw -DskipTests package).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$root/.mvn/find-java.sh"
duration=${1:-10}
jar="$root/server/target/ncmcp-server.jar"
[ -f "$jar" ] || (cd "$root" && ./mvnw -q -DskipTests package)
command -v wrk >/dev/null || { echo "bench: wrk is required (apt-get install wrk)" >&2; exit 1; }

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { # file pattern timeout-seconds
    for _ in $(seq 1 $(( $3 * 10 ))); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
    echo "bench: timed out waiting for '$2' in $1" >&2; cat "$1" >&2; return 1
}
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

nc_port=$(free_port)
"$JAVA_HOME/bin/java" -cp "$root/server/target/libs/*:$root/server/target/demo/*" dev.ncmcp.simulator.NextcloudSimulator \
    --port "$nc_port" --user bench:bench-app-password > "$work/simulator.log" 2>&1 &
pids+=($!)
wait_for "$work/simulator.log" "http://" 30

echo "== start-up (3 runs, demo-free: pointed at the simulator)"
startups=()
for run in 1 2 3; do
    port=$(free_port)
    start=$(date +%s%N)
    NEXTCLOUD_URL="http://127.0.0.1:$nc_port" NEXTCLOUD_USER=bench NEXTCLOUD_PASSWORD=bench-app-password \
        SECURITY_MODE=none SERVER_PORT=$port STORE_DATA="$work/data" \
        "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$jar" > "$work/sidecar-$run.log" 2>&1 &
    pid=$!
    wait_for "$work/sidecar-$run.log" "MCP endpoint:" 60
    startups+=($(( ($(date +%s%N) - start) / 1000000 )))
    echo "  run $run: ready after ${startups[-1]} ms (process start to 'MCP endpoint' line), RSS $(rss_mb $pid) MB"
    if [ "$run" -lt 3 ]; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
done
sidecar_pid=$pid
pids+=($sidecar_pid)
mcp="http://127.0.0.1:$port/mcp"

cat > "$work/mcp.lua" <<'LUA'
local method = os.getenv("MCP_METHOD")
local name = os.getenv("MCP_NAME")
local params = '{"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}'
if name ~= nil and name ~= "" then params = params .. ',"name":"' .. name .. '","arguments":{}' end
params = params .. '}'
wrk.method = "POST"
wrk.body = '{"jsonrpc":"2.0","id":1,"method":"' .. method .. '","params":' .. params .. '}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
wrk.headers["MCP-Protocol-Version"] = "2026-07-28"
wrk.headers["Mcp-Method"] = method
if name ~= nil and name ~= "" then wrk.headers["Mcp-Name"] = name end
function response(status, headers, body) if status ~= 200 then io.stderr:write("HTTP " .. status .. "\n") end end
LUA

run_wrk() { # label, extra args...
    local label=$1; shift
    wrk -t2 -c4 -d"${duration}s" --latency "$@" > "$work/wrk.out" 2>&1
    local rps p50 p99 avg
    rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.out")
    avg=$(awk '/^    Latency/ {print $2}' "$work/wrk.out")
    p50=$(awk '/ 50%/ {print $2}' "$work/wrk.out")
    p99=$(awk '/ 99%/ {print $2}' "$work/wrk.out")
    printf "  %-34s %10s req/s   avg %-9s p50 %-9s p99 %s\n" "$label" "$rps" "$avg" "$p50" "$p99"
}

echo "== throughput and latency (${duration}s each, 4 connections, 2 wrk threads, 2-core machine)"
auth=$(printf 'bench:bench-app-password' | base64)
run_wrk "direct Notes API (simulator)" -H "Authorization: Basic $auth" \
    "http://127.0.0.1:$nc_port/index.php/apps/notes/api/v1/notes"
MCP_METHOD=tools/call MCP_NAME=nc_notes_list_notes run_wrk "tools/call nc_notes_list_notes" -s "$work/mcp.lua" "$mcp"
MCP_METHOD=tools/list MCP_NAME= run_wrk "tools/list (no Nextcloud call)" -s "$work/mcp.lua" "$mcp"
echo "== memory after load: RSS $(rss_mb "$sidecar_pid") MB"
