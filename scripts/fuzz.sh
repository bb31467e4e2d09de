#!/usr/bin/env bash
# Coverage-guided fuzzing (libFuzzer, from the Swift toolchain) of the audio decoders' header
# checks, the CSV manifest parser and the `--where` compiler, for a bounded time each.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     SECONDS per target (default 60); TARGET audio|csv|where
#
# Builds Fuzz/fuzz-inputs with -sanitize=fuzzer -DFUZZING into .build-fuzz/ by calling swiftc on
# the modules the targets need (SERCore, SERCorpus, SERAudio, and SERStore's Filter/ only: the
# --where language needs no GRDB). Not through `swift build`: -Xswiftc -sanitize=fuzzer would
# also instrument and link the build-tool plugins' executables (embed-migrations), whose own
# `main` then clashes with libFuzzer's. The normal `swift build` never sees -DFUZZING.
#
# Each run starts from the committed seeds (Fuzz/corpus/TARGET) plus the inputs earlier runs
# found (.build-fuzz/corpus/TARGET); in fork mode it keeps going after a crash or out-of-memory
# and saves each as .build-fuzz/artifacts/TARGET/{crash,oom,timeout}-*. Limits: 2 GB RSS,
# 1 GB per malloc, 10 s per input. The audio target uses the chunk tags in Fuzz/audio.dict.
# Ends with a tally line per target (crashes etc. counted for this run):
#   TARGET: N executions in S s, C crashes, O out-of-memory, T timeouts, coverage K
# FUZZ_MERGE=1 also merges inputs adding coverage into Fuzz/corpus/TARGET (to commit).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${1:-60}
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(audio csv where)
out=.build-fuzz
mkdir -p "$out/modules"

flags=(-sanitize=fuzzer -O -g -parse-as-library
    -enable-upcoming-feature InternalImportsByDefault -enable-upcoming-feature ExistentialAny
    -I "$out/modules" -I Sources/CSndFile -I Sources/CSoxr -I Sources/CLibCrypto)
module() {
    local name=$1
    shift
    swiftc "${flags[@]}" -module-name "$name" -wmo -emit-module -emit-module-path "$out/modules/$name.swiftmodule" \
        -c -o "$out/$name.o" "$@"
}
echo "building $out/fuzz-inputs (libFuzzer)…" >&2
module SERCore Sources/SERCore/*.swift
module SERCorpus Sources/SERCorpus/*.swift
module SERAudio Sources/SERAudio/*.swift
# Filter/ uses Foundation's String methods through another SERStore file's import.
echo 'import Foundation' >"$out/FoundationImport.swift"
module SERStore Sources/SERStore/Filter/*.swift "$out/FoundationImport.swift"
swiftc "${flags[@]}" -DFUZZING -module-name fuzz_inputs Fuzz/fuzz-inputs/*.swift \
    "$out"/SERCore.o "$out"/SERCorpus.o "$out"/SERAudio.o "$out"/SERStore.o -lsndfile -lsoxr -lcrypto -o "$out/fuzz-inputs"

summary=()
for target in "${targets[@]}"; do
    case $target in
        audio) max_len=16384; dict=(-dict=Fuzz/audio.dict) ;;
        csv) max_len=8192; dict=() ;;
        where) max_len=2048; dict=() ;;
        *) echo "unknown target '$target' (audio, csv, where)" >&2; exit 64 ;;
    esac
    work="$out/corpus/$target"
    artifacts="$out/artifacts/$target"
    mkdir -p "$work" "$artifacts"
    log="$out/$target.log"
    echo "fuzzing $target for $seconds s (log: $log)…" >&2
    touch "$out/$target.start"
    # SWIFT_BACKTRACE=enable=no: the Swift runtime's crash handler would otherwise take the
    # signal before libFuzzer, which then writes no artifact.
    SWIFT_BACKTRACE=enable=no SER_FUZZ_TARGET=$target "$out/fuzz-inputs" -fork=1 -ignore_crashes=1 -ignore_ooms=1 -ignore_timeouts=1 \
        -max_total_time="$seconds" -max_len="$max_len" -rss_limit_mb=2048 -malloc_limit_mb=1024 -timeout=10 \
        -artifact_prefix="$artifacts/" -print_final_stats=1 "${dict[@]}" "$work" "Fuzz/corpus/$target" >"$log" 2>&1 || true
    execs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
    cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || true)
    crashes=$(find "$artifacts" -name 'crash-*' -newer "$out/$target.start" | wc -l)
    ooms=$(find "$artifacts" -name 'oom-*' -newer "$out/$target.start" | wc -l)
    timeouts=$(find "$artifacts" -name 'timeout-*' -newer "$out/$target.start" | wc -l)
    summary+=("$target: ${execs:-0} executions in $seconds s, $crashes crashes, $ooms out-of-memory, $timeouts timeouts, coverage ${cov:-?} (artifacts: $artifacts)")
    if [[ ${FUZZ_MERGE:-0} == 1 ]]; then
        SWIFT_BACKTRACE=enable=no SER_FUZZ_TARGET=$target "$out/fuzz-inputs" -merge=1 -max_len="$max_len" -rss_limit_mb=2048 -malloc_limit_mb=1024 \
            "Fuzz/corpus/$target" "$work" >>"$log" 2>&1 || true
    fi
done
printf '%s\n' "${summary[@]}"
