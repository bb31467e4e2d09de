#!/usr/bin/env bash
# Seconds per epoch of the seed architecture for ser, PyTorch and Keras on this machine, in
# one run, alternating the three ROUNDS times (the machine may be shared: compare within a
# round, and look at the CPU seconds, which a busy machine disturbs much less than wall time).
# With SINGLE=1 it also runs ser and PyTorch on one thread (CPU seconds = the work done).
# Needs `pip install tensorflow-cpu torch` (CPU wheels); CI never runs this.
#
#   bash scripts/model/bench_all.sh [ROUNDS=2] [EPOCHS=4]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-2}
epochs=${2:-4}
swift build -c release --product bench-model >/dev/null
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), OpenBLAS $(dpkg-query -W -f='${Version}' libopenblas0-pthread 2>/dev/null || echo '?')"
for round in $(seq "$rounds"); do
    echo "== round $round (load: $(cut -d' ' -f1-3 /proc/loadavg))"
    .build/release/bench-model --epochs "$epochs" --threads 2 | grep '^ser'
    python3 scripts/model/bench_torch.py --epochs "$epochs" --threads 2 | grep '^pytorch'
    python3 scripts/model/bench_keras.py --epochs "$epochs" --threads 2 2>/dev/null | grep '^keras'
    if [ "${SINGLE:-0}" = 1 ]; then
        OPENBLAS_NUM_THREADS=1 .build/release/bench-model --epochs 2 --threads 1 --mode padded | grep '^ser'
        python3 scripts/model/bench_torch.py --epochs 2 --threads 1 | grep '^pytorch'
    fi
done
echo "== end (load: $(cut -d' ' -f1-3 /proc/loadavg))"
