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
    local walls=() cpus=()
    for _ in $(seq "$runs"); do
        rm -f "$work"/ser.db*
        "$ser" init "$work/ser.db" -q
        /usr/bin/time -f "%e %U %S" -o "$work/time" "$ser" import -q --db "$work/ser.db" "$@" "$corpus"
        read -r wall user sys < "$work/time"
        walls+=("$wall")
        cpus+=("$(echo "$user + $sys" | bc)")
    done
    printf '%-34s wall %s s (runs: %s)  cpu %s s\n' "$label" \
        "$(printf '%s\n' "${walls[@]}" | sort -n | head -1)" "${walls[*]}" "$(printf '%s\n' "${cpus[@]}" | sort -n | head -1)"
}

measure "metadata + hashes (best of $runs)"
measure "--store-audio (best of $runs)" --store-audio
rm -f "$work"/ser.db*
"$ser" init "$work/ser.db" -q
"$ser" import -q --db "$work/ser.db" "$corpus"
/usr/bin/time -f "%e %U %S" -o "$work/time" "$ser" import -q --db "$work/ser.db" "$corpus"
read -r wall user sys < "$work/time"
printf '%-34s wall %s s  cpu %s s\n' "re-import (nothing new)" "$wall" "$(echo "$user + $sys" | bc)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
