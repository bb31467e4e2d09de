#!/usr/bin/env bash
# Regenerates the figure gallery (docs/FIGURES.md, images in docs/images/figures/) from the
# demo database, with no download:
#   1. the demo corpus, synthesized on the spot (scripts/make-demo-corpus.sh; the
#      waveform, spectrogram and emotion pictures read its audio)
#   2. a copy of ser.db.example with its clip paths moved to that corpus
#   3. a 12-trial sweep of the demo corpus (learning rate × dropout × LSTM layers)
#   4. every `ser plot` figure kind, each command echoed as the gallery shows it
# Run from anywhere after `swift build`; SER=/path/to/ser uses another binary, WORK=DIR
# keeps the corpus and database elsewhere (default /tmp/ser-figures; reused when present).
set -euo pipefail
cd "$(dirname "$0")/.."
SER=${SER:-"$(swift build --show-bin-path)/ser"}
WORK=${WORK:-/tmp/ser-figures}
OUT=docs/images/figures
mkdir -p "$WORK" "$OUT"
[ -f "$WORK/corpus/manifest.csv" ] || scripts/make-demo-corpus.sh "$WORK/corpus" 4
export SER_DB="$WORK/ser.db"
if [ ! -f "$SER_DB" ]; then
    cp ser.db.example "$SER_DB.tmp"
    old=$(sqlite3 "$SER_DB.tmp" "SELECT root_path FROM datasets WHERE name = 'demo'")
    sqlite3 "$SER_DB.tmp" "UPDATE clips SET path = replace(path, '$old', '$WORK/corpus');
                           UPDATE datasets SET root_path = '$WORK/corpus' WHERE name = 'demo';"
    echo "== a sweep of the demo corpus (12 trials)"
    "$SER" sweep --db "$SER_DB.tmp" --dataset demo --test-speakers s4 --lr 1e-3,3e-3,1e-2 --dropout 0.2,0.4 \
        --layers 64,32:32 --dense 32 --epochs 15 --sequence masked --max-frames 150 --name demo-sweep --quiet
    mv "$SER_DB.tmp" "$SER_DB"
fi
sweep=$(sqlite3 "$SER_DB" "SELECT id FROM runs WHERE kind = 'sweep' ORDER BY id DESC LIMIT 1")
best=$(sqlite3 "$SER_DB" "SELECT id FROM run_summary WHERE parent_id = $sweep ORDER BY best_val_acc DESC, id LIMIT 1")

# Each figure: the command as the gallery shows it (`ser …`), written to $OUT.
plot() {
    local name=$1; shift
    echo "ser $(printf "%q " "$@")-o $name"
    "$SER" "$@" -o "$OUT/$name" --quiet
}
plot dataset.png plot dataset demo
plot features.png plot features --dataset demo --feature mfcc_1 --feature mfcc_2 --feature chroma_A --feature contrast_3
plot violins.png plot features --dataset demo --violin --feature mfcc_0 --feature contrast_6 --class-order angry,happy,fearful
plot emotions.png plot emotions --dataset demo --speaker s2
plot waveform.png plot waveform angry/s2_01.wav
plot spectrogram.png plot spectrogram angry/s2_01.wav
plot melspectrogram.png plot spectrogram angry/s2_01.wav --mel
plot mfcc.png plot mfcc angry/s2_01.wav
plot chroma.png plot chroma angry/s2_01.wav
plot contrast.png plot contrast angry/s2_01.wav
plot curves.png plot curves 1 --metrics loss accuracy f1 lr
plot confusion.png plot confusion 1
plot confusion-normalized.png plot confusion 1 --normalize --cmap blues
plot per-class.png plot per-class 1 "$best"
plot sweep.png plot sweep "$sweep"
plot sweep-curves.png plot curves "$sweep"
plot paper-curves.pdf plot curves 1 --size 3.5x2.4in --font-size 7 --title ''
plot paper-curves.svg plot curves 1 --size 3.5x2.4in --font-size 7 --title ''
plot paper-curves.png plot curves 1 --size 3.5x2.4in --font-size 7 --title '' --dpi 200
echo "ser plot features --dataset demo --list | head"
"$SER" plot features --dataset demo --list | head -n 6
echo "sweep: run $sweep, best trial run $best"
