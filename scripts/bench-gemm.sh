#!/usr/bin/env bash
# The LSTM's GEMM engines side by side: ser_gemm (SERKernels), OpenBLAS, libxsmm and BLIS on
# the seed model's GEMM shapes (GFLOP/s, one thread) and on whole seed-model epochs (2 worker
# threads, padded, 1,080 clips), each on the AVX-512 path (each library's default on an
# AVX-512 CPU; skipped with a message on a CPU without AVX-512F) and on the AVX2 path (each
# library's own switch: SER_GEMM_ISA=avx2, OPENBLAS_CORETYPE=Haswell, LIBXSMM_TARGET=hsw,
# BLIS_ARCH_TYPE=3 = haswell; PyTorch: ATEN_CPU_CAPABILITY=avx2, MKL_ENABLE_INSTRUCTIONS=AVX2),
# next to PyTorch's epoch of the same model (scripts/model/bench_torch.py; skipped when torch
# is not installed: `pip install torch`, never in CI).
#
# With SINGLE=1 every engine and PyTorch also train on one thread (no shapes; OpenBLAS and
# OpenMP held to one thread too, or OpenBLAS would spread its engine over both cores): the
# epoch on one core is the work done, which a busy machine disturbs far less than two
# threads' wall time (PyTorch's OpenMP threads spin at every barrier while the other core is
# taken).
#
# The machine may be shared: every engine runs in its own process once per round, the order
# rotating between rounds, and the table gives the best and the median over rounds.
#
#   bash scripts/bench-gemm.sh [ROUNDS=5] [EPOCHS=3]      (raw lines: .build/bench-gemm.tsv)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
epochs=${2:-3}
swift build -c release --product bench-gemm >/dev/null
out=${OUT:-.build/bench-gemm.tsv}
isas=(avx2)
if grep -qw avx512f /proc/cpuinfo; then
    isas=(avx512 avx2)
else
    echo "avx512: skipped, this CPU lacks AVX-512F"
fi
torch=1
if ! python3 -c "import torch" 2>/dev/null; then
    echo "pytorch: skipped, torch is not installed (pip install torch)"
    torch=0
fi
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), load $(cut -d' ' -f1-3 /proc/loadavg)"
engines=(ser_gemm openblas libxsmm blis)
: >"$out"
for round in $(seq "$rounds"); do
    # Rotate the order so that no engine always runs right after the same neighbour.
    shift=$(((round - 1) % ${#engines[@]}))
    order=("${engines[@]:shift}" "${engines[@]:0:shift}")
    for isa in "${isas[@]}"; do
        settings=()
        if [ "$isa" = avx2 ]; then
            settings=(SER_GEMM_ISA=avx2 OPENBLAS_CORETYPE=Haswell LIBXSMM_TARGET=hsw BLIS_ARCH_TYPE=3
                ATEN_CPU_CAPABILITY=avx2 MKL_ENABLE_INSTRUCTIONS=AVX2)
        fi
        echo "== round $round, $isa (load $(cut -d' ' -f1-3 /proc/loadavg)): ${order[*]}"
        for engine in "${order[@]}"; do
            env "${settings[@]}" .build/release/bench-gemm --engine "$engine" --epochs "$epochs" |
                sed "s/^/$round\t$isa\t$engine\t/" >>"$out"
            if [ "${SINGLE:-0}" = 1 ]; then
                env "${settings[@]}" OPENBLAS_NUM_THREADS=1 .build/release/bench-gemm --engine "$engine" --epochs "$epochs" \
                    --threads 1 --no-shapes |
                    sed "s/^/$round\t$isa\t$engine\/1t\t/" >>"$out"
            fi
        done
        if [ "$torch" = 1 ]; then
            counts=(2)
            if [ "${SINGLE:-0}" = 1 ]; then counts=(2 1); fi
            for threads in "${counts[@]}"; do
                tag=pytorch
                if [ "$threads" = 1 ]; then tag=pytorch/1t; fi
                env "${settings[@]}" OMP_NUM_THREADS="$threads" python3 scripts/model/bench_torch.py --epochs "$epochs" \
                    --threads "$threads" |
                    sed -n "s|^epoch \([0-9]*\): \([0-9.]*\) s (\([0-9.]*\) CPU s)|$round\t$isa\t$tag\tepoch\t\2\t\3|p" >>"$out"
                python3 -c "import torch; print(f'$round\t$isa\t$tag\tengine\tpytorch-{torch.__version__}')" >>"$out"
            done
        fi
    done
done
echo "== end (load $(cut -d' ' -f1-3 /proc/loadavg))"
python3 scripts/bench_gemm_table.py "$out"
