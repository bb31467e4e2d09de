#!/usr/bin/env bash
# A/B timing of `ser` binaries (e.g. before and after a change, each built with
# `swift build -c release --scratch-path .build-NAME`) on one corpus, interleaved run by run.
#
#   scripts/bench-ab.sh RUNS LABEL=PATH/TO/ser [LABEL=PATH/TO/ser ...]
#
# Per run and binary, each step timed with /usr/bin/time (wall, and CPU = user + sys):
#   import     `ser import` into a fresh database (walk, SHA-256 of every file, full decode check);
#   reimport   the same import again: nothing new, every file hashed, nothing decoded;
#   features   `ser features` (default recipe) on a copy of an imported database: every
#              clip's file re-hashed against its stored SHA-256, decoded, resampled, featurised.
# Ends with min / median per binary and step. CORPUS defaults to ../shared/data/ravdess-speech.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:?usage: bench-ab.sh RUNS LABEL=BIN [LABEL=BIN ...]}"
shift
corpus="${CORPUS:-$root/../shared/data/ravdess-speech}"
[ -d "$corpus" ] || { echo "bench-ab: no corpus at $corpus" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "corpus: $corpus ($(find "$corpus" -type f \( -name '*.wav' -o -name '*.flac' \) | wc -l) audio files, $(du -sh "$corpus" | cut -f1))"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"

timed() {  # label step command...: appends "label step wall cpu" to the log
    local label="$1" step="$2"
    shift 2
    /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >/dev/null
    read -r wall user sys < "$work/time"
    printf '%s\t%s\t%s\t%s\n' "$label" "$step" "$wall" "$(echo "$user + $sys" | bc)" | tee -a "$work/log"
}

for round in $(seq "$runs"); do
    for pair in "$@"; do
        label="${pair%%=*}"
        ser="${pair#*=}"
        db="$work/$label.db"
        rm -f "$db" "$db"-*
        "$ser" init "$db" -q
        timed "$label" import "$ser" import -q --db "$db" "$corpus"
        timed "$label" reimport "$ser" import -q --db "$db" "$corpus"
        for suffix in "" -wal -shm; do [ ! -e "$db$suffix" ] || cp "$db$suffix" "$work/features.db$suffix"; done
        timed "$label" features "$ser" features -q --db "$work/features.db"
        rm -f "$work/features.db" "$work/features.db"-*
    done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "min / median over $runs runs, seconds (wall; CPU = user + sys):"
python3 - "$work/log" <<'EOF'
import statistics, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
labels = list(dict.fromkeys(r[0] for r in rows))
steps = list(dict.fromkeys(r[1] for r in rows))
print(f"{'binary':<12}" + "".join(f"{s + ' wall':>20}{s + ' CPU':>20}" for s in steps))
for label in labels:
    cells = []
    for step in steps:
        for column in (2, 3):
            values = [float(r[column]) for r in rows if r[0] == label and r[1] == step]
            cells.append(f"{min(values):.2f} / {statistics.median(values):.2f}")
    print(f"{label:<12}" + "".join(f"{c:>20}" for c in cells))
EOF
