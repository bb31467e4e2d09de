#!/usr/bin/env bash
# Installs the Debian packages ser builds, tests and demos with. Idempotent.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
    pkg-config libsqlite3-dev sqlite3 libssl-dev \
    libsndfile1-dev libfftw3-dev libopenblas-dev libsoxr-dev \
    libxsmm-dev libblis-serial-dev \
    libcairo2-dev fonts-dejavu-core chromium \
    espeak-ng sox wrk >/dev/null
echo "install-deps: system packages ready"

# PostgreSQL for the team-remote tests (Tests/SERRemoteTests): each test starts its own
# throw-away cluster on 127.0.0.1 (initdb in a temporary folder, pg_ctl start) and removes it,
# so the cluster Debian creates is not needed; stop it if the package started one.
$SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
if command -v pg_lsclusters >/dev/null 2>&1; then
    pg_lsclusters -h 2>/dev/null | while read -r version name _; do
        $SUDO pg_ctlcluster "$version" "$name" stop >/dev/null 2>&1 || true
    done
fi
echo "install-deps: postgresql ready ($(ls /usr/lib/postgresql))"

# Python side of the ONNX export parity test (Tests/python/test_onnx_export.py): onnx for
# onnx.checker, onnxruntime to run exported models, numpy. Debian 12's system python refuses
# plain `pip install` (PEP 668), hence the --break-system-packages retry. The Swift test is
# skipped with a message when they are missing, so a failure here does not break the build.
if ! python3 -m pip --version >/dev/null 2>&1; then
    $SUDO apt-get install -y -qq --no-install-recommends python3-pip >/dev/null || true
fi
if python3 -c "import onnx, onnxruntime, numpy" >/dev/null 2>&1 \
    || python3 -m pip install --quiet onnx onnxruntime numpy >/dev/null 2>&1 \
    || python3 -m pip install --quiet --break-system-packages onnx onnxruntime numpy; then
    echo "install-deps: python onnx, onnxruntime, numpy ready"
else
    echo "install-deps: warning: could not install onnx onnxruntime numpy; the ONNX parity test will be skipped"
fi
