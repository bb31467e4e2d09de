#!/usr/bin/env bash
# Benchmarks reading a team remote and moving feature tensors on loopback (issue #21):
#   - `ser runs --remote` and `ser compare --remote --json` over RUNS synthetic runs
#     (scripts/gen-compare-db.py, 30 epochs each) that another database pushed;
#   - `ser push --features` of one run's tensors (the default recipe over CORPUS's first four
#     actors) and `ser pull --features` of them into an empty database.
#
#   scripts/bench-remote.sh [RUNS] [CORPUS] [REPS]
#
# RUNS defaults to 100, CORPUS to ../shared/data/ravdess-speech, REPS to 3. SER=path picks
# the binary (default: .build/debug/ser, built if missing). A throw-away PostgreSQL cluster is
# started on 127.0.0.1 and removed at the end.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-100}"
corpus="${2:-$root/../shared/data/ravdess-speech}"
reps="${3:-3}"
[ -d "$corpus" ] || { echo "bench-remote: no corpus at $corpus" >&2; exit 1; }
ser="${SER:-$root/.build/debug/ser}"
[ -x "$ser" ] || (cd "$root" && swift build --product ser >/dev/null)

bench=bench-remote
source "$root/scripts/pg-cluster.sh"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "ser: $ser; PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
seconds() { /usr/bin/time -f "%e" -o "$work/time" "$@" >/dev/null 2>&1; cat "$work/time"; }

# The team's runs, pushed by one database and read by another that has none of them.
"$ser" init -q "$work/team.db"
python3 "$root/scripts/gen-compare-db.py" "$work/team.db" "$runs" 30 >/dev/null
"$ser" remote add -q --db "$work/team.db" origin "$url"
echo "push of $runs runs: $(seconds "$ser" push -q --db "$work/team.db" origin) s"
"$ser" init -q "$work/reader.db"
"$ser" remote add -q --db "$work/reader.db" origin "$url"
for rep in $(seq "$reps"); do
    echo "rep $rep: ser runs --remote $(seconds "$ser" runs --db "$work/reader.db" --remote origin) s;" \
        "ser compare --remote --json $(seconds "$ser" compare --db "$work/reader.db" --remote origin --json) s;" \
        "ser compare (local, same runs) $(seconds "$ser" compare --db "$work/team.db" --json) s"
done

# Feature tensors: one run's recipe over four actors, up and down.
mkdir -p "$work/corpus"
for actor in Actor_01 Actor_02 Actor_03 Actor_04; do ln -s "$corpus/$actor" "$work/corpus/$actor"; done
"$ser" init -q "$work/here.db"
"$ser" import -q --db "$work/here.db" --name ravdess4 "$work/corpus"
"$ser" remote add -q --db "$work/here.db" origin "$url"
"$ser" run -q --db "$work/here.db" --epochs 1 --layers 8 --dense 8 --test-speakers 4
tensors=$(sqlite3 "$work/here.db" "SELECT count(*) || ' tensors, ' || printf('%.1f', sum(length(data)) / 1048576.0) || ' MiB' FROM features")
echo "push --features of one run ($tensors): $(seconds "$ser" push -q --db "$work/here.db" --features origin) s"
for rep in $(seq "$reps"); do
    rm -f "$work/down.db"*
    "$ser" init -q "$work/down.db"
    "$ser" remote add -q --db "$work/down.db" origin "$url"
    echo "rep $rep: pull --features into an empty database (all $((runs + 1)) runs and the tensors): $(seconds "$ser" pull -q --db "$work/down.db" --features origin) s;" \
        "tensors there: $(sqlite3 "$work/down.db" 'SELECT count(*) FROM features')"
done
