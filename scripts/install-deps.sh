#!/usr/bin/env bash
# Installs the Debian packages ser builds, tests and demos with. Idempotent.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
    pkg-config libsqlite3-dev sqlite3 \
    libsndfile1-dev libfftw3-dev libopenblas-dev libsoxr-dev \
    espeak-ng >/dev/null
echo "install-deps: system packages ready"

# Python side of the ONNX export parity test (Tests/python/test_onnx_export.py): onnx for
# onnx.checker, onnxruntime to run exported models, numpy. The Swift test skips with a
# message when they are missing, so this step failing does not break the build.
if command -v python3 >/dev/null 2>&1; then
    python3 -m pip install --quiet onnx onnxruntime numpy \
        || echo "install-deps: warning: pip install onnx onnxruntime numpy failed; the ONNX parity test will be skipped"
    echo "install-deps: python onnx/onnxruntime ready"
fi
