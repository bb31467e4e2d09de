#!/usr/bin/env bash
# The style .swift-format declares, for every Swift file the project writes (the generated
# ONNX protobuf bindings are protoc's, not ours).
#
#   scripts/format.sh          rewrite the files in place
#   scripts/format.sh --check  report what differs and exit 1 if anything does (.ci/run)
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files -co --exclude-standard -- '*.swift' | grep -v -e '^Sources/SERONNX/onnx\.pb\.swift$' | while read -r f; do [ -f "$f" ] && echo "$f"; done)
if [ "${1:-}" = "--check" ]; then
    swift format lint --strict --parallel "${files[@]}"
else
    swift format format --in-place --parallel "${files[@]}"
fi
