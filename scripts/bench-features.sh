#!/usr/bin/env bash
# Benchmarks `ser` feature extraction against librosa on the same clips, on this machine.
#
#   scripts/bench-features.sh [DATA_DIR] [extra bench-features flags, e.g. --limit 100]
#
# 1. builds bench-features in release;
# 2. runs it alone under /usr/bin/time -v (wall time and peak RSS of the Swift side);
# 3. runs it again followed by scripts/bench_librosa_features.py (serial, as the seed does;
#    OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset for that command only) and prints the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data/ravdess-speech}
shift || true
swift build -c release --product bench-features >/dev/null
BIN="$(swift build -c release --show-bin-path)/bench-features"
echo "== ser alone, under /usr/bin/time -v"
/usr/bin/time -v "$BIN" --data "$DATA" --no-librosa "$@" 2>/tmp/bench-features-time.$$ || true
grep -E "Elapsed \(wall|Maximum resident" /tmp/bench-features-time.$$ || true
rm -f /tmp/bench-features-time.$$
echo "== ser then librosa, same clips"
"$BIN" --data "$DATA" "$@"
