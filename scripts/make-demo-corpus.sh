#!/usr/bin/env bash
# Synthesizes a small labelled speech corpus in the `folders` layout, without any download:
# espeak-ng speaks a few sentences with voice settings chosen per "emotion" (pitch, rate,
# loudness, word gaps, plus a sox effect), as 16 kHz mono 16-bit WAVs:
#
#   OUT/<emotion>/<speaker>_<sentence>.wav
#   OUT/manifest.csv        path,label,speaker,sentence (the same clips, with speakers)
#
#   scripts/make-demo-corpus.sh [OUT] [SPEAKERS]
#
# OUT defaults to ./demo-corpus, SPEAKERS (1-6) to 4. Then either
#   ser import OUT/manifest.csv --name demo     (labels and speakers, for speaker splits)
#   ser import OUT --name demo                  (folders layout: labels only)
# The "emotions" are acted by a robot: good enough to exercise import, features, training
# and evaluation end to end, not a substitute for a real corpus.
set -euo pipefail
out="${1:-demo-corpus}"
speakers="${2:-4}"
command -v espeak-ng >/dev/null || { echo "make-demo-corpus: espeak-ng is not installed (apt-get install espeak-ng)" >&2; exit 1; }
command -v sox >/dev/null || { echo "make-demo-corpus: sox is not installed (apt-get install sox)" >&2; exit 1; }

sentences=(
  "Kids are talking by the door."
  "Dogs are sitting by the door."
  "The train leaves at nine tonight."
  "I put the letter on the table."
  "We will meet again on Monday."
  "Nobody told me about the change."
)
# speaker id → espeak-ng voice and base pitch (0-99)
voices=(en-us+m3 en-gb+f2 en-us+f4 en-gb-scotland+m1 en-us+m7 en-gb+f5)
bases=(40 62 70 35 45 66)
# emotion → pitch offset, words per minute, amplitude (0-200), gap between words (10 ms),
# and a sox effect for the voice quality (tremor, muffled, strained)
declare -A pitch=( [neutral]=0  [happy]=15 [sad]=-12 [angry]=5  [fearful]=20 [calm]=-6 )
declare -A gap=( [neutral]=0 [happy]=0 [sad]=4 [angry]=0 [fearful]=1 [calm]=3 )
declare -A effect=( [neutral]="" [happy]="" [sad]="lowpass 2500" [angry]="overdrive 6 10" [fearful]="tremolo 7 50" [calm]="lowpass 4000" )
declare -A speed=( [neutral]=165 [happy]=190 [sad]=120 [angry]=200 [fearful]=215 [calm]=140 )
declare -A volume=( [neutral]=100 [happy]=120 [sad]=70 [angry]=190 [fearful]=110 [calm]=80 )

count=0
mkdir -p "$out"
echo "path,label,speaker,sentence" > "$out/manifest.csv"
for emotion in neutral happy sad angry fearful calm; do
  mkdir -p "$out/$emotion"
  for ((s = 0; s < speakers && s < ${#voices[@]}; s++)); do
    for i in "${!sentences[@]}"; do
      p=$(( bases[s] + pitch[$emotion] )); p=$(( p < 0 ? 0 : (p > 99 ? 99 : p) ))
      file="$out/$emotion/s$((s + 1))_$(printf %02d $((i + 1))).wav"
      espeak-ng -v "${voices[s]}" -p "$p" -s "${speed[$emotion]}" -a "${volume[$emotion]}" -g "${gap[$emotion]}" \
        -w "$file.tmp.wav" "${sentences[i]}"
      # shellcheck disable=SC2086  # the effect is several words on purpose
      sox -V1 -D "$file.tmp.wav" -r 16000 -c 1 -b 16 "$file" ${effect[$emotion]}
      rm -f "$file.tmp.wav"
      echo "$emotion/s$((s + 1))_$(printf %02d $((i + 1))).wav,$emotion,s$((s + 1)),$((i + 1))" >> "$out/manifest.csv"
      count=$((count + 1))
    done
  done
done
echo "make-demo-corpus: wrote $count clips (6 emotions × $speakers speakers × ${#sentences[@]} sentences) under $out"
