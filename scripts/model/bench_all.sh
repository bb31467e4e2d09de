#!/usr/bin/env bash
# Seconds per epoch of the seed architecture for ser, PyTorch and Keras on this machine, in
# one run, alternating them ROUNDS times (the machine may be shared: compare within a round,
# and look at the CPU seconds, which a busy machine disturbs much less than wall time).
# With SINGLE=1 it also runs ser and PyTorch on one thread (CPU seconds = the work done);
# with KERAS=0 it skips Keras (more rounds of ser vs PyTorch in the same time). The last line
# gives each round's PyTorch ÷ ser-padded ratio and their median: on this VM the speed
# drifts by ±10 % within a minute, so one round proves little.
# ser's masked mode takes each clip's real length from the 1,080 RAVDESS clips in
# ../shared/data/ravdess-speech when they are there (CORPUS=dir to choose another corpus,
# CORPUS= for uniform 100-200 frames); padded runs are 200 frames whatever the corpus.
# Needs `pip install tensorflow-cpu torch` (CPU wheels); CI never runs this.
#
#   bash scripts/model/bench_all.sh [ROUNDS=2] [EPOCHS=4]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-2}
epochs=${2:-4}
swift build -c release --product bench-model >/dev/null
corpus=${CORPUS-../shared/data/ravdess-speech}
corpus_args=()
if [ -n "$corpus" ] && [ -d "$corpus" ]; then corpus_args=(--corpus "$corpus"); fi
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), OpenBLAS $(dpkg-query -W -f='${Version}' libopenblas0-pthread 2>/dev/null || echo '?')"
ratios=()
for round in $(seq "$rounds"); do
    echo "== round $round (load: $(cut -d' ' -f1-3 /proc/loadavg))"
    ser=$(.build/release/bench-model --epochs "$epochs" --threads 2 "${corpus_args[@]}" | grep -E '^(ser|corpus)')
    echo "$ser"
    torch=$(python3 scripts/model/bench_torch.py --epochs "$epochs" --threads 2 | grep '^pytorch')
    echo "$torch"
    padded=$(echo "$ser" | sed -n 's/^ser padded threads=2: \([0-9.]*\) s\/epoch.*/\1/p')
    pytorch=$(echo "$torch" | sed -n 's/^pytorch.*: \([0-9.]*\) s\/epoch.*/\1/p')
    ratios+=("$(python3 -c "print(f'{$pytorch / $padded:.2f}')")")
    if [ "${KERAS:-1}" = 1 ]; then
        python3 scripts/model/bench_keras.py --epochs "$epochs" --threads 2 2>/dev/null | grep '^keras'
    fi
    if [ "${SINGLE:-0}" = 1 ]; then
        OPENBLAS_NUM_THREADS=1 .build/release/bench-model --epochs 2 --threads 1 --mode padded | grep '^ser'
        python3 scripts/model/bench_torch.py --epochs 2 --threads 1 | grep '^pytorch'
    fi
done
echo "== end (load: $(cut -d' ' -f1-3 /proc/loadavg))"
median=$(printf '%s\n' "${ratios[@]}" | python3 -c "import sys, statistics; print(f'{statistics.median(float(x) for x in sys.stdin):.2f}')")
echo "PyTorch ÷ ser padded (s/epoch), per round: ${ratios[*]}; median ${median}×"
