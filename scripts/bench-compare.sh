#!/usr/bin/env bash
# Benchmark `ser compare` on a generated database: 10,000 runs x 30 epochs (release build).
#
#   scripts/bench-compare.sh [RUNS] [EPOCHS] [REPEATS]
#
# Generates the database with scripts/gen-compare-db.py into a temporary folder (kept in
# $BENCH_DIR if set), then times each command REPEATS times and prints min / median / max
# wall-clock milliseconds. Uses hyperfine when installed, else a bash timing loop.
set -euo pipefail
runs=${1:-10000}
epochs=${2:-30}
repeats=${3:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
ser="$root/.build/release/ser"
if [[ ! -x "$ser" ]]; then
    (cd "$root" && swift build -c release --product ser)
fi
dir=${BENCH_DIR:-$(mktemp -d)}
db="$dir/bench-$runs-$epochs.db"
if [[ ! -f "$db" ]]; then
    "$ser" init "$db" -q
    python3 "$root/scripts/gen-compare-db.py" "$db" "$runs" "$epochs"
fi
echo "database: $db ($(du -h "$db" | cut -f1)); $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"

time_ms() {  # prints the wall time of "$@" in milliseconds
    local start end
    start=$(date +%s%N)
    "$@" > /dev/null
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
}

bench() {
    local label=$1
    shift
    "$@" > /dev/null  # warm the page cache
    if command -v hyperfine > /dev/null; then
        hyperfine --warmup 1 --runs "$repeats" --export-markdown /dev/stdout -n "$label" "$(printf '%q ' "$@")" | tail -1
        return
    fi
    local times=()
    for _ in $(seq "$repeats"); do times+=("$(time_ms "$@")"); done
    IFS=$'\n' sorted=($(sort -n <<< "${times[*]}"))
    unset IFS
    printf '%-58s min %5d ms  median %5d ms  max %5d ms\n' "$label" "${sorted[0]}" "${sorted[$(( ${#sorted[@]} / 2 ))]}" "${sorted[-1]}"
}

bench "ser compare --top 20 --sort test.acc" "$ser" compare --db "$db" --top 20 --sort test.acc
bench "ser compare --format csv (top-level runs)" "$ser" compare --db "$db" --format csv
bench "ser compare --format csv --children (all $runs runs)" "$ser" compare --db "$db" --format csv --children
bench "ser compare --format json --children --all-params" "$ser" compare --db "$db" --format json --children --all-params
bench "ser compare --where '...' --top 20" "$ser" compare --db "$db" --top 20 --where "lr < 0.001 and split = 'speaker' and test.acc > 0.5"
bench "ser compare --children --sort lr:asc --top 20" "$ser" compare --db "$db" --children --sort lr:asc --top 20
bench "ser compare 1 (fixed cost: open, migrate check)" "$ser" compare --db "$db" 1
bench "ser diff 1 2" "$ser" diff --db "$db" 1 2
echo "rows: $("$ser" compare --db "$db" --format csv --children | tail -n +2 | wc -l) (csv --children)"
