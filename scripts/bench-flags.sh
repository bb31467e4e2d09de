#!/usr/bin/env bash
# What do unsafe build flags buy? Builds bench-features and bench-model in release once per
# variant — a copy of the package whose Package.swift gets the variant's flags appended — then
# runs the variants interleaved, ROUNDS times, and prints min and median per variant.
#
#   scripts/bench-flags.sh ROUNDS VARIANT...
#
# VARIANT is NAME=GROUP[;GROUP…], GROUP is TARGET[+TARGET…]:FLAG[,FLAG…]; an empty spec is the
# package as it stands. Swift targets get the flags as release-only swiftSettings, C targets
# (those with .c files, i.e. SERKernels) as cSettings. Example:
#
#   scripts/bench-flags.sh 5 none= core=SERCore:-Ounchecked kernels=SERKernels:-O3
#
# Measured per run (one worker or thread each, so that the other core's load matters less):
#   bench-features --no-librosa --workers 1 --limit 360 --repeat 3: end to end (decode, resample,
#     features) and the feature stage alone, ms per clip; the feature checksum (must not vary);
#     plus the CPU seconds of the end-to-end pass;
#   bench-model --epochs 3 --threads 1: best seconds per epoch and CPU seconds per epoch (mean of
#     the two after the first), padded and masked.
# COUNT_INSTRUCTIONS=1 instead counts the instructions a small workload executes, under valgrind's
# callgrind (independent of what else the machine runs; ROUNDS is then ignored). valgrind
# hides AVX-512 from the program: ser_gemm's kernel gives way to OpenBLAS there.
# Builds live in .build-flags/NAME (git-ignored); the corpus is ../shared/data/ravdess-speech.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:?usage: bench-flags.sh ROUNDS VARIANT...}"
shift
data="${DATA:-$root/../shared/data/ravdess-speech}"
[ -d "$data" ] || { echo "bench-flags: no corpus at $data" >&2; exit 1; }
out="$root/.build-flags"
mkdir -p "$out"

names=()
for variant in "$@"; do
    name="${variant%%=*}"
    spec="${variant#*=}"
    names+=("$name")
    dir="$out/$name"
    rm -rf "$dir/src"
    mkdir -p "$dir/src"
    tar -C "$root" --exclude='./.build*' --exclude=./.git --exclude=./.swiftpm -cf - . | tar -C "$dir/src" -xf -
    {
        echo ""
        echo "// Appended by scripts/bench-flags.sh: variant $name = $spec"
        IFS=';' read -ra groups <<< "$spec"
        for group in "${groups[@]}"; do
            [ -n "$group" ] || continue
            targets="${group%%:*}"
            flags="\"$(echo "${group#*:}" | sed 's/,/", "/g')\""
            IFS='+' read -ra list <<< "$targets"
            for target in "${list[@]}"; do
                if ls "$root/Sources/$target"/*.c >/dev/null 2>&1; then
                    setting="cSettings"
                    kind="CSetting"
                else
                    setting="swiftSettings"
                    kind="SwiftSetting"
                fi
                echo "for target in package.targets where target.name == \"$target\" {"
                echo "    target.$setting = (target.$setting ?? []) + [$kind.unsafeFlags([$flags], .when(configuration: .release))]"
                echo "}"
            done
        done
    } >> "$dir/src/Package.swift"
    echo "== building $name ($spec)"
    for product in bench-features bench-model; do
        (cd "$dir/src" && swift build -c release --product "$product" --scratch-path "$dir/.build" 2>&1 | tail -1)
    done
done

if [ "${COUNT_INSTRUCTIONS:-0}" = 1 ]; then
    # Instructions executed (valgrind --tool=callgrind), which do not depend on the machine's
    # load: a small workload per variant, once (bench-features: 24 clips end to end, one
    # worker; bench-model: one padded epoch of 64 clips, one thread).
    echo "instructions executed (callgrind, millions):"
    printf '%-12s %18s %18s\n' variant bench-features bench-model
    for name in "${names[@]}"; do
        bin="$out/$name/.build/release"
        count() {  # program arguments...: millions of instructions
            local file="$out/$name/callgrind.out" program="$out/$name/$1.stripped"
            shift
            # valgrind 3.19 cannot read clang 21's debug info: run a copy without it.
            objcopy --strip-debug "$bin/$(basename "$program" .stripped)" "$program"
            (cd "$root" && valgrind --tool=callgrind --callgrind-out-file="$file" "$program" "$@" >/dev/null 2>&1)
            grep -m1 '^totals:' "$file" | awk '{printf "%.0f", $2 / 1e6}'
        }
        features="$(count bench-features --data "$data" --no-librosa --no-stage --workers 1 --limit 24)"
        model="$(count bench-model --epochs 1 --threads 1 --clips 64 --mode padded)"
        printf '%-12s %18s %18s\n' "$name" "$features" "$model"
    done
    exit 0
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
log="$out/runs.tsv"
printf 'round\tvariant\tend_to_end_ms\tstage_ms\tchecksum\tpadded_s\tmasked_s\tfeatures_cpu_s\tpadded_cpu_s\tmasked_cpu_s\n' > "$log"
for round in $(seq "$rounds"); do
    for name in "${names[@]}"; do
        bin="$out/$name/.build/release"
        features="$(cd "$root" && "$bin/bench-features" --data "$data" --no-librosa --workers 1 --limit 360 --repeat 3)"
        model="$(cd "$root" && "$bin/bench-model" --epochs 3 --threads 1)"
        e2e="$(echo "$features" | sed -n 's/.*(\([0-9.]*\) ms\/clip), [0-9]* frames.*/\1/p')"
        stage="$(echo "$features" | sed -n 's/.*feature stage alone.*(\([0-9.]*\) ms\/clip).*/\1/p')"
        checksum="$(echo "$features" | sed -n 's/.*checksum \([-+0-9.e]*\).*/\1/p')"
        padded="$(echo "$model" | sed -n 's/^ser padded .*best \([0-9.]*\)).*/\1/p')"
        masked="$(echo "$model" | sed -n 's/^ser masked .*best \([0-9.]*\)).*/\1/p')"
        features_cpu="$(echo "$features" | sed -n 's/^ser: *\([0-9.]*\) s CPU.*/\1/p')"
        padded_cpu="$(echo "$model" | sed -n 's/^ser padded .*, \([0-9.]*\) CPU s\/epoch.*/\1/p')"
        masked_cpu="$(echo "$model" | sed -n 's/^ser masked .*, \([0-9.]*\) CPU s\/epoch.*/\1/p')"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$name" "$e2e" "$stage" "$checksum" "$padded" "$masked" \
            "$features_cpu" "$padded_cpu" "$masked_cpu" | tee -a "$log"
    done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "min / median over $rounds rounds (ms per clip wall; s per epoch wall (best of 2) and CPU (mean of 2); s CPU of the end-to-end feature pass):"
python3 - "$log" "${names[@]}" <<'EOF'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
columns = ["end_to_end_ms", "stage_ms", "padded_s", "masked_s", "features_cpu_s", "padded_cpu_s", "masked_cpu_s"]
print(f"{'variant':<12}" + "".join(f"{c:>18}" for c in columns) + "  checksum")
for name in sys.argv[2:]:
    mine = [r for r in rows if r["variant"] == name]
    cells = []
    for column in columns:
        values = [float(r[column]) for r in mine if r[column]]
        cells.append(f"{min(values):.3f} / {statistics.median(values):.3f}" if values else "—")
    sums = sorted({r["checksum"] for r in mine})
    print(f"{name:<12}" + "".join(f"{c:>18}" for c in cells) + "  " + ",".join(sums))
EOF
