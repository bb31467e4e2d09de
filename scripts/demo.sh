#!/usr/bin/env bash
# The end-to-end demo on data made on the spot (no download): creates demo/ser.db with the
# release binary and shows what it holds. Run from the package root after
# `swift build -c release`. Set SER=/path/to/ser to use another binary.
set -euo pipefail
cd "$(dirname "$0")/.."
SER=${SER:-"$(swift build -c release --show-bin-path)/ser"}
rm -rf demo
mkdir -p demo
"$SER" init demo/ser.db
"$SER" status --db demo/ser.db
if [ "${UPDATE_EXAMPLE:-0}" = "1" ]; then
    sqlite3 demo/ser.db "PRAGMA wal_checkpoint(TRUNCATE); VACUUM;" >/dev/null
    cp demo/ser.db ser.db.example
    echo "demo: ser.db.example updated ($(stat -c %s ser.db.example) bytes)"
fi
