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
    libcairo2-dev fonts-dejavu-core chromium \
    espeak-ng sox >/dev/null
echo "install-deps: system packages ready"
