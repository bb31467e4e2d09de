#!/usr/bin/env bash
# The end-to-end demo on data made on the spot (no download), with the release binary:
#   1. synthesize a small labelled speech corpus (espeak-ng + sox: 6 "emotions" × 4 voices)
#   2. ser init, ser import (labels and speakers from the manifest)
#   3. ser features (librosa-exact MFCC + chroma + contrast, cached in the database)
#   4. ser run: a short speaker-independent training run, every epoch recorded
#   5. plots (spectrogram, curves, confusion) and an HTML report
#   6. ONNX export, ser predict on held-out clips, ser which
#   7. ser runs / ser status
# Everything ends up in demo/ser.db. Run from anywhere after `swift build -c release`;
# SER=/path/to/ser uses another binary. UPDATE_EXAMPLE=1 also refreshes ser.db.example.
set -euo pipefail
cd "$(dirname "$0")/.."
SER=${SER:-"$(swift build -c release --show-bin-path)/ser"}
EPOCHS=${EPOCHS:-40}
rm -rf demo
mkdir -p demo
echo "== synthesizing a corpus (no download)"
scripts/make-demo-corpus.sh demo/corpus 4
echo
echo "== ser init && ser import"
"$SER" init demo/ser.db
export SER_DB="$PWD/demo/ser.db"
"$SER" import demo/corpus/manifest.csv --name demo
echo
echo "== ser features"
"$SER" features --dataset demo
echo
echo "== ser run (speaker s4 held out)"
"$SER" run --dataset demo --test-speakers s4 --epochs "$EPOCHS" --layers 64,32 --dense 32 --sequence masked --max-frames 150 --name demo-run --tag demo
echo
echo "== pictures and a report"
"$SER" plot spectrogram happy/s1_01.wav --mel --decibels -o demo/spectrogram.png
"$SER" plot curves 1 -o demo/curves.png
"$SER" plot confusion 1 -o demo/confusion.png
"$SER" report 1 -o demo/report.html
echo
echo "== export and predict"
"$SER" export 1 --format onnx -o demo/model.onnx
"$SER" predict demo/corpus/sad/s4_01.wav demo/corpus/angry/s4_02.wav --run 1
"$SER" which demo/model.onnx
echo
echo "== ser runs"
"$SER" runs
echo
echo "== ser status"
"$SER" status
if [ "${UPDATE_EXAMPLE:-0}" = "1" ]; then
    cp demo/ser.db demo/example.db
    sqlite3 demo/example.db "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE; VACUUM;" >/dev/null
    cp demo/example.db ser.db.example
    cp demo/spectrogram.png docs/images/demo-spectrogram.png
    cp demo/curves.png docs/images/demo-curves.png
    echo "demo: ser.db.example updated ($(stat -c %s ser.db.example) bytes)"
fi
