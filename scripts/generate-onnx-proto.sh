#!/usr/bin/env bash
# Regenerates Sources/SERONNX/onnx.pb.swift from onnx.proto (proto2, package onnx).
#
# Run once when onnx.proto changes; the output is committed, and the package build does
# not run protoc. Needs: protoc (apt-get install -y protobuf-compiler), python3 with the
# `onnx` wheel (it ships onnx/onnx.proto), and git + swift to build protoc-gen-swift 1.39.0
# from the local mirror (or SWIFT_PROTOBUF_GIT).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mirror="${SWIFT_PROTOBUF_GIT:-/opt/swift-packages/apple/swift-protobuf.git}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
plugin="${PROTOC_GEN_SWIFT:-}"
if [[ -z "$plugin" ]]; then
    git clone --quiet "$mirror" "$work/swift-protobuf"
    git -C "$work/swift-protobuf" checkout --quiet 1.39.0
    (cd "$work/swift-protobuf" && swift build -c release --product protoc-gen-swift >/dev/null)
    plugin="$work/swift-protobuf/.build/release/protoc-gen-swift"
fi
proto_dir="$(python3 -c 'import onnx, os; print(os.path.dirname(onnx.__file__))')"
mkdir -p "$work/proto"
cp "$proto_dir/onnx.proto" "$work/proto/onnx.proto"
protoc --plugin=protoc-gen-swift="$plugin" --proto_path="$work/proto" \
    --swift_out="$work" --swift_opt=Visibility=Internal "$work/proto/onnx.proto"
cp "$work/onnx.pb.swift" "$root/Sources/SERONNX/onnx.pb.swift"
echo "wrote Sources/SERONNX/onnx.pb.swift (onnx $(python3 -c 'import onnx; print(onnx.__version__)'))"
