#!/usr/bin/env bash
# Benchmark `ser ui` on a generated database of RUNS runs (default 10,000 x 30 epochs).
#
#   scripts/bench-ui.sh [RUNS] [EPOCHS] [SECONDS]
#
# Generates the database with scripts/gen-compare-db.py (kept in $BENCH_DIR if set), starts
# `ser ui` on a free port, then measures
#   1. server time per request (curl's time_total, 20 sequential requests, min/median) for the
#      Runs page, /api/runs, a filtered /api/runs and a Run page, each both rendered (a query
#      item unique to the request defeats the reply cache) and served again from the cache;
#   2. load: wrk with 50 connections on 2 threads for SECONDS (default 10) against the Runs
#      page, /api/runs and a Run page, and Run pages of random runs (mostly rendered, see
#      scripts/bench-ui-random-run.lua), reporting p50/p99 latency, requests/s and errors.
# The repetitions of the things compared are interleaved. Uses .build/release/ser when built
# (CONFIG=debug to use the debug binary, SER=path for another binary). Needs wrk (scripts/install-deps.sh installs it).
set -euo pipefail
runs=${1:-10000}
epochs=${2:-30}
seconds=${3:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
config=${CONFIG:-release}
ser=${SER:-"$root/.build/$config/ser"}
if [[ ! -x "$ser" ]]; then
    (cd "$root" && swift build -c "$config" --product ser)
fi
command -v wrk > /dev/null || { echo "bench-ui: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
dir=${BENCH_DIR:-$(mktemp -d)}
db="$dir/bench-$runs-$epochs.db"
if [[ ! -f "$db" ]]; then
    "$ser" init "$db" -q
    python3 "$root/scripts/gen-compare-db.py" "$db" "$runs" "$epochs"
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$ser" ui --db "$db" --port "$port" > "$dir/ui.log" 2>&1 &
pid=$!
trap 'kill -INT $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/api/runs?limit=1" > /dev/null && break; sleep 0.1; done
base="http://127.0.0.1:$port"
echo "database: $db ($(du -h "$db" | cut -f1)); $config build; $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "top-level runs: $(curl -fs "$base/api/runs?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["matched"])')"

targets=(
    "Runs page (100 rows, the default)|/runs"
    "Runs page (500 rows)|/runs?size=500"
    "Runs page 50 (rows 4901-5000)|/runs?page=50"
    "/api/runs (500 runs)|/api/runs"
    "/api/runs?limit=10000|/api/runs?limit=10000&children=1"
    "/api/runs filtered|/api/runs?where=lr%20%3C%200.001%20and%20test.acc%20%3E%200.5"
    "Run page (run 1)|/runs/1"
    "Sweep page (a sweep)|/runs/$(curl -fs "$base/api/runs?where=kind%20%3D%20'sweep'&limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["runs"][0]["id"])')"
)
declare -A rendered kept
for i in $(seq 20); do  # interleaved repetitions
    for entry in "${targets[@]}"; do
        path=${entry#*|}
        sep=$([[ $path == *\?* ]] && echo '&' || echo '?')
        t=$(curl -fs -o /dev/null -w '%{time_total}' "$base$path${sep}bench=$i-$RANDOM")
        rendered[$path]+="$t "
        t=$(curl -fs -o /dev/null -w '%{time_total}' "$base$path")
        kept[$path]+="$t "
    done
done
stats() { tr ' ' '\n' <<< "$1" | grep . | sort -g | awk '{a[NR]=$1} END {printf "%7.1f %7.1f", a[1]*1000, a[int((NR+1)/2)]*1000}'; }
echo
echo "server time per request (curl time_total, 20 interleaved requests each), min / median in ms:"
printf '  %-36s %17s   %17s\n' "" "rendered" "from the cache"
for entry in "${targets[@]}"; do
    label=${entry%%|*}
    path=${entry#*|}
    printf '  %-36s %17s   %17s\n' "$label" "$(stats "${rendered[$path]}")" "$(stats "${kept[$path]}")"
done

drain() {  # waits until requests queued by the previous load have been answered
    for _ in $(seq 60); do
        t=$(curl -s -m 60 -o /dev/null -w '%{time_total}' "$base/api/runs?limit=1")
        awk -v t="$t" 'BEGIN {exit !(t < 0.5)}' && return
    done
}

echo
echo "load: wrk -t2 -c50 -d${seconds}s --timeout 5s --latency (each after the server has drained)"
for entry in "Runs page|/runs" "/api/runs|/api/runs" "Run page|/runs/1" "/api/runs/1|/api/runs/1" "random Run pages|/runs/1"; do
    label=${entry%%|*}
    path=${entry#*|}
    script=()
    [[ $label == random* ]] && script=(-s "$root/scripts/bench-ui-random-run.lua")
    drain
    out=$(RUNS=$runs wrk -t2 -c50 -d"${seconds}s" --timeout 5s --latency "${script[@]}" "$base$path")
    p50=$(awk '$1 == "50%" {print $2}' <<< "$out")
    p99=$(awk '$1 == "99%" {print $2}' <<< "$out")
    rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
    count=$(awk '/requests in/ {print $1}' <<< "$out")
    errors=$(awk '/Socket errors|Non-2xx/ {printf "%s ", $0}' <<< "$out")
    printf '  %-16s %6s requests  p50 %8s  p99 %8s  %9s req/s  errors: %s\n' "$label" "$count" "$p50" "$p99" "$rps" "${errors:-none}"
done
