#!/usr/bin/env bash
# Benchmarks the team queue on loopback (issue #21): the queue overhead per trial (claim,
# features already cached, push of the run and the trial's end) and the push time of a
# 60-epoch run with its checkpoints.
#
#   scripts/bench-queue.sh [CORPUS] [REPS]
#
# CORPUS defaults to ../shared/data/ravdess-speech (its first four actors are imported);
# REPS to 3. SER=path picks the binary (default: .build/debug/ser, built if missing; the
# numbers in docs/REMOTE.md say which build). A throw-away PostgreSQL cluster is started on
# 127.0.0.1 (as nobody when run as root) and removed at the end.
#
# Overhead per trial = (time of `ser worker --until-empty` over N queued trials − time of
# `ser sweep` training the same N trials here) / N, both over a database whose features are
# cached; the two are interleaved per repetition.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-$root/../shared/data/ravdess-speech}"
reps="${2:-3}"
trials=8
[ -d "$corpus" ] || { echo "bench-queue: no corpus at $corpus" >&2; exit 1; }
ser="${SER:-$root/.build/debug/ser}"
[ -x "$ser" ] || (cd "$root" && swift build --product ser >/dev/null)

bench=bench-queue
source "$root/scripts/pg-cluster.sh"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "ser: $ser; PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

mkdir -p "$work/corpus"
for actor in Actor_01 Actor_02 Actor_03 Actor_04; do ln -s "$corpus/$actor" "$work/corpus/$actor"; done
here="$work/here.db"
there="$work/worker.db"
"$ser" init "$here" -q
"$ser" import -q --db "$here" --name ravdess4 "$work/corpus"
"$ser" init "$there" -q
for db in "$here" "$there"; do "$ser" remote add -q --db "$db" origin "$url"; done
tiny=(--epochs 1 --layers 16 --dense 16 --max-frames 50 --batch 16 --threads 1 --test-speakers 4)
seeds="$(seq -s, 1 "$trials")"

# Warm the worker's database: the dataset version from the remote, its features computed.
"$ser" run -q --db "$here" --queue origin "${tiny[@]}"
"$ser" worker -q --db "$there" origin --until-empty --poll 0.2 2>/dev/null

seconds() { /usr/bin/time -f "%e" -o "$work/time" "$@" >/dev/null 2>&1; cat "$work/time"; }
overheads=()
for rep in $(seq "$reps"); do
    "$ser" sweep -q --db "$here" --queue origin "${tiny[@]}" --seed "$seeds" --name "bench $rep"
    queued="$(seconds "$ser" worker -q --db "$there" origin --until-empty --poll 0.2)"
    local="$(seconds "$ser" sweep -q --db "$there" "${tiny[@]}" --seed "$seeds")"
    overheads+=("$(echo "scale=3; ($queued - $local) / $trials" | bc)")
    echo "rep $rep: $trials queued trials ${queued} s, the same $trials trained here ${local} s"
done
sorted="$(printf '%s\n' "${overheads[@]}" | sort -n)"
echo "queue overhead per trial: min $(echo "$sorted" | head -1) s, median $(echo "$sorted" | sed -n "$(( (reps + 1) / 2 ))p") s (all: ${overheads[*]})"

# A 60-epoch run of the default model size (LSTM 128→64, dense 64), then pushed to fresh
# remote databases.
"$ser" run -q --db "$here" --epochs 60 --max-frames 50 --test-speakers 4 --name push60 >/dev/null
tensors="$(sqlite3 "$here" "SELECT count(*) || ' tensors, ' || (sum(length(data)) / 1024) || ' KiB' FROM checkpoint_tensors t JOIN checkpoints k ON k.id = t.checkpoint_id JOIN runs r ON r.id = k.run_id WHERE r.name = 'push60'" 2>/dev/null || echo '?')"
pushes=()
for rep in $(seq "$reps"); do
    pg "$pgbin/createdb" -h 127.0.0.1 -p "$port" -U ser "push$rep"
    "$ser" remote add -q --db "$here" "push$rep" "postgres://ser@127.0.0.1:$port/push$rep"
    # The first connection migrates the schema: done before timing.
    "$ser" queue -q --db "$here" "push$rep"
    pushes+=("$(seconds "$ser" push -q --db "$here" "push$rep" push60)")
done
sorted="$(printf '%s\n' "${pushes[@]}" | sort -n)"
echo "push of a 60-epoch run ($tensors of checkpoints, with its dataset version): min $(echo "$sorted" | head -1) s, median $(echo "$sorted" | sed -n "$(( (reps + 1) / 2 ))p") s (all: ${pushes[*]})"
