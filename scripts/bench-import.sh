#!/usr/bin/env bash
# Benchmarks `ser import` on the shared RAVDESS speech set with a release build.
#
#   scripts/bench-import.sh [CORPUS] [RUNS]
#
# CORPUS defaults to ../shared/data/ravdess-speech (relative to the package root); RUNS to 3.
# Each run starts from a fresh database; the page cache is warm after the first run (the
# first run is reported separately as "cold-ish": we cannot drop caches without root).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-$root/../shared/data/ravdess-speech}"
runs="${2:-3}"
[ -d "$corpus" ] || { echo "bench-import: no corpus at $corpus" >&2; exit 1; }
(cd "$root" && swift build -c release --product ser >/dev/null)
ser="$root/.build/release/ser"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
files=$(find "$corpus" -type f \( -name '*.wav' -o -name '*.flac' \) | wc -l)
echo "corpus: $corpus ($files audio files, $(du -sh "$corpus" | cut -f1))"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"

measure() {  # label, extra flags...
    local label="$1"; shift
    local times=()
    for _ in $(seq "$runs"); do
        rm -f "$work"/ser.db*
        "$ser" init "$work/ser.db" -q
        local start end
        start=$(date +%s.%N)
        "$ser" import -q --db "$work/ser.db" "$@" "$corpus"
        end=$(date +%s.%N)
        times+=("$(echo "$end - $start" | bc)")
    done
    printf '%-34s %s s (runs: %s)\n' "$label" "$(printf '%s\n' "${times[@]}" | sort -n | head -1)" "${times[*]}"
}

measure "metadata + hashes (best of $runs)"
measure "--store-audio (best of $runs)" --store-audio
rm -f "$work"/ser.db*
"$ser" init "$work/ser.db" -q
"$ser" import -q --db "$work/ser.db" "$corpus"
start=$(date +%s.%N)
"$ser" import -q --db "$work/ser.db" "$corpus"
end=$(date +%s.%N)
printf '%-34s %s s\n' "re-import (nothing new)" "$(echo "$end - $start" | bc)"
