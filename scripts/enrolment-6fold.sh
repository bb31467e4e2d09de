#!/usr/bin/env bash
# Speaker enrolment under the project's protocol (issue #22): one `--recipe best-speaker`
# k-fold run over the shared RAVDESS actors (speaker-grouped 6-fold), then each fold's model
# evaluated on its own test speakers with N enrolment clips per speaker (N = 1, 2, 5, 10, 20,
# each with SEEDS draws; the N clips give the statistics and are not scored) and with all of
# them (transductive). Prints one line per evaluation and a table pooled over the folds
# (correct / scored over all 18 test speakers, mean ± std over the draws).
#
# With SEEDS_MODEL="1 2" it also trains `--recipe best-speaker --seed S --split-seed 42`
# (named bs6s1, bs6s2: the same folds) and evaluates, per fold, the ensemble of the folds'
# models (`ser ensemble "bs6 fold i" "bs6s1 fold i" …`, probabilities averaged) instead of
# bs6's fold alone — each member normalised with the same enrolment clips.
#
#   scripts/enrolment-6fold.sh [WORK] [SEEDS]
#
# WORK (default /tmp/ser-enrolment-6fold) keeps the database, so a second call only
# evaluates. SER=path picks the binary (default .build/release/ser). BASE=name (default bs6)
# names the runs, and FLAGS="…" adds flags to every one of them (a candidate recipe, e.g.
# BASE=bsS FLAGS="--simulate-enrollment 10"); the members are then BASE, BASEs1, BASEs2.
# MEMBERS="bs6 bs6s1 bsS …" instead evaluates the per-fold ensemble of k-fold runs already in
# WORK on the same folds (--split-seed 42), whatever recipes trained them.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-/tmp/ser-enrolment-6fold}"
seeds="${2:-5}"
data="$root/../shared/data/ravdess-speech"
ser="${SER:-$root/.build/release/ser}"
base="${BASE:-bs6}"
if [ -n "${MEMBERS:-}" ]; then
    read -r -a given <<< "$MEMBERS"
    base="${given[0]}"
fi
read -r -a flags <<< "${FLAGS:-}"
[ -x "$ser" ] || (cd "$root" && swift build -c release --product ser >/dev/null)
export SER_DB="$work/ser.db"
mkdir -p "$work"
if [ ! -f "$SER_DB" ]; then
    "$ser" init -q "$SER_DB"
    "$ser" import -q --name ravdess "$data"
fi
if ! "$ser" show "$base" >/dev/null 2>&1; then
    /usr/bin/time -f "training: %e s" "$ser" run -q --recipe best-speaker --split kfold:6 --threads 2 --dataset ravdess \
        --name "$base" ${flags[@]+"${flags[@]}"}
fi
members=("$base")
if [ -n "${MEMBERS:-}" ]; then members=("${given[@]}"); fi
for seed in ${SEEDS_MODEL:-}; do
    if ! "$ser" show "${base}s$seed" >/dev/null 2>&1; then
        "$ser" run -q --recipe best-speaker --split kfold:6 --threads 2 --seed "$seed" --split-seed 42 --dataset ravdess \
            --name "${base}s$seed" ${flags[@]+"${flags[@]}"}
    fi
    members+=("${base}s$seed")
done
parent=$("$ser" show "$base" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
folds=$(sqlite3 "$SER_DB" "SELECT id FROM runs WHERE parent_id = $parent AND kind = 'fold' ORDER BY id")
out="$work/evaluations-$(IFS=-; echo "${members[*]}")${SEEDS_MODEL:+-ensemble}.txt"
: > "$out"
i=0
for fold in $folds; do
    i=$((i + 1))
    model=$fold
    if [ ${#members[@]} -gt 1 ]; then
        # Fold i of every member, one ensemble per fold (made once).
        model="ens-$(IFS=-; echo "${members[*]}")-fold$i"
        if ! "$ser" show "$model" >/dev/null 2>&1; then
            names=()
            for m in "${members[@]}"; do names+=("$m fold $i"); done
            "$ser" ensemble -q --name "$model" "${names[@]}"
        fi
    fi
    speakers=$(sqlite3 "$SER_DB" "SELECT DISTINCT c.speaker FROM run_splits s JOIN clips c ON c.id = s.clip_id WHERE s.run_id = $fold AND s.subset = 'test' ORDER BY 0 + c.speaker")
    name="fold$fold"
    if ! "$ser" datasets --json | python3 -c "import json,sys; sys.exit(0 if any(d['name'] == '$name' for d in json.load(sys.stdin)) else 1)"; then
        mkdir -p "$work/$name"
        for s in $speakers; do a=$(printf %02d $((10#$s))); ln -sfn "$data/Actor_$a" "$work/$name/Actor_$a"; done
        "$ser" import -q --name "$name" "$work/$name"
    fi
    for n in 1 2 5 10 20; do
        for seed in $(seq 0 $((seeds - 1))); do
            "$ser" evaluate "$model" --dataset "$name" --enroll-clips "$n" --enroll-seed "$seed" --json \
                | python3 -c "import json,sys; d=json.load(sys.stdin); print($fold, '$n', $seed, d['clips'], round(d['accuracy'] * d['clips']))" >> "$out"
        done
    done
    "$ser" evaluate "$model" --dataset "$name" --json \
        | python3 -c "import json,sys; d=json.load(sys.stdin); print($fold, 'all', 0, d['clips'], round(d['accuracy'] * d['clips']))" >> "$out"
done
python3 - "$out" <<'PY'
import collections, statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
by = collections.defaultdict(lambda: collections.defaultdict(lambda: [0, 0]))
for fold, n, seed, clips, correct in rows:
    by[n][seed][0] += int(correct)
    by[n][seed][1] += int(clips)
print("| enrolment clips per speaker | clips scored (6 folds) | accuracy, pooled over the folds |")
print("| ---: | ---: | ---: |")
for n in ["1", "2", "5", "10", "20", "all"]:
    draws = [c / s for c, s in by[n].values()]
    scored = statistics.mean(s for _, s in by[n].values())
    spread = f" ± {100 * statistics.stdev(draws):.1f}" if len(draws) > 1 else ""
    print(f"| {n} | {scored:.0f} | {100 * statistics.mean(draws):.1f}{spread} % ({len(draws)} draws) |")
PY
