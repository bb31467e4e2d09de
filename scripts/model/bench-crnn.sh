#!/usr/bin/env bash
# The CRNN side by side with PyTorch (issue #22): seconds per epoch of the same architecture —
# Conv1D 128 k5 ReLU → Conv1D 128 k5 ReLU → LSTM 128 → LSTM 64 → Dropout 0.3 → Dense 64 ReLU →
# Dense 8, Adam 1e-3, batch 32, 59 features, 1,080 random clips — for ser (Benchmarks/bench-model
# --conv) and PyTorch (scripts/model/bench_torch.py --conv), on 2 threads and on 1, alternating
# ROUNDS times; the first epoch of every process is a warm-up. Two modes: padded (every clip
# 200 frames, all computed) and masked (lengths uniform in 100…200, each clip computed over its
# own frames: ser's packed sequences; PyTorch's conv on the padded batch with the padding
# re-zeroed after each layer, then pack_padded_sequence). Prints each line, then per mode and
# thread count the median seconds and CPU seconds per epoch, the PyTorch ÷ ser ratio of the
# medians, and peak RSS. Needs `pip install torch` (never CI).
#
#   bash scripts/model/bench-crnn.sh [ROUNDS=3] [EPOCHS=3] [CONV=128,128] [KERNEL=5]
#
# ARCH=best times `--recipe best`'s network instead (187 features → BiLSTM 96 → attention
# pooling → Dropout 0.4 → Dense 64 ReLU → Dense 8, Adam 2e-3; pass CONV as '' for none):
#
#   ARCH=best bash scripts/model/bench-crnn.sh 2 3 ''
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
epochs=${2:-3}
conv=${3-128,128}
arch=${ARCH:-seed}
kernel=${4:-5}
swift build -c release --product bench-model >/dev/null
python3 -c "import torch" 2>/dev/null || { echo "pytorch: not installed (pip install torch); nothing to compare"; exit 1; }
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), load $(cut -d' ' -f1-3 /proc/loadavg)"
log=$(mktemp)
for round in $(seq "$rounds"); do
    echo "== round $round (load $(cut -d' ' -f1-3 /proc/loadavg))"
    for mode in padded masked; do
        for threads in 2 1; do
            OPENBLAS_NUM_THREADS=1 .build/release/bench-model --epochs "$epochs" --threads "$threads" --mode "$mode" --conv "$conv" \
                --kernel "$kernel" --arch "$arch" | grep '^ser' | tee -a "$log"
            flag=()
            [ "$mode" = masked ] && flag=(--masked)
            OMP_NUM_THREADS=$threads python3 scripts/model/bench_torch.py --epochs "$epochs" --threads "$threads" --conv "$conv" \
                --kernel "$kernel" --arch "$arch" ${flag[@]+"${flag[@]}"} | grep '^pytorch' | tee -a "$log"
        done
    done
done
python3 - "$log" <<'PY'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    m = re.match(r"(ser|pytorch)(.*) threads=(\d+): ([0-9.]+) s/epoch.*?([0-9.]+) CPU s/epoch, peak RSS (\d+) MiB", line)
    if m:
        mode = "masked" if "masked" in m[2] else "padded"
        rows.setdefault((m[1], mode, int(m[3])), []).append((float(m[4]), float(m[5]), int(m[6])))
print("| mode | threads | engine | epoch s (median) | epoch s (best) | CPU s (median) | peak RSS MiB | PyTorch ÷ ser |")
print("|---|---:|---|---:|---:|---:|---:|---:|")
for mode, threads in (("padded", 2), ("padded", 1), ("masked", 2), ("masked", 1)):
    ser, torch = rows.get(("ser", mode, threads)), rows.get(("pytorch", mode, threads))
    if not ser or not torch:
        continue
    med = {k: statistics.median(r[0] for r in v) for k, v in (("ser", ser), ("pytorch", torch))}
    for name, v in (("ser", ser), ("pytorch", torch)):
        ratio = f"{med['pytorch'] / med['ser']:.2f}" if name == "ser" else "1.00"
        print(f"| {mode} | {threads} | {name} | {med[name]:.3f} | {min(r[0] for r in v):.3f} | "
              f"{statistics.median(r[1] for r in v):.3f} | {max(r[2] for r in v)} | {ratio} |")
PY
rm -f "$log"
