#!/usr/bin/env bash
# Checks that two ser binaries write the same database for the same work: the demo's run
# and a 3-fold k-fold run on the synthesized demo corpus. Rows are compared after dropping
# what differs by nature (timestamps, pids, durations, hostnames, build commits, command
# lines' binary paths); float columns to the full stored precision.
#
#   scripts/compare-databases.sh OLD_SER NEW_SER [WORKDIR]
#
# Used to show that the workbench restructuring (#17) changed no recorded result.
set -euo pipefail
old="$1"; new="$2"; work="${3:-$(mktemp -d)}"
mkdir -p "$work"
here="$(cd "$(dirname "$0")" && pwd)"
[ -d "$work/corpus" ] || "$here/make-demo-corpus.sh" "$work/corpus" 4 >/dev/null
for side in old new; do
    bin="${!side}"
    db="$work/$side.db"
    rm -f "$db"
    "$bin" init "$db" -q
    "$bin" import "$work/corpus/manifest.csv" --name demo --db "$db" -q
    "$bin" run --db "$db" --dataset demo --test-speakers s4 --epochs 3 --layers 16 --dense 8 --sequence masked --max-frames 60 --name demo-run --tag demo -q --threads 1
    "$bin" run --db "$db" --dataset demo --split kfold:3 --epochs 2 --layers 8 --dense 8 --max-frames 40 --name kfold -q --threads 1
    sqlite3 "$db" > "$work/$side.dump" <<'SQL'
.mode list
SELECT 'run', id, name, kind, parent_id, status, split, seed, config, best_epoch, selected_epoch, selected_run_id, reproduces_run_id, error, note FROM runs ORDER BY id;
SELECT 'tag', run_id, tag FROM run_tags ORDER BY run_id, tag;
SELECT 'hp', run_id, name, value FROM hyperparameters ORDER BY run_id, name;
SELECT 'epoch', run_id, epoch, train_loss, train_acc, train_f1, val_loss, val_acc, val_f1, val_uar, lr FROM epochs ORDER BY run_id, epoch;
SELECT 'metric', run_id, subset, name, value, std FROM run_metrics ORDER BY run_id, subset, name;
SELECT 'class', run_id, subset, label, precision, recall, f1, support FROM class_metrics ORDER BY run_id, subset, label;
SELECT 'confusion', run_id, subset, true_label, predicted_label, count FROM confusion ORDER BY run_id, subset, true_label, predicted_label;
SELECT 'split', run_id, subset, clip_id FROM run_splits ORDER BY run_id, subset, clip_id;
SELECT 'pred', run_id, subset, clip_id, predicted_label, probabilities FROM run_predictions ORDER BY run_id, subset, clip_id;
SELECT 'norm', run_id, method, dims, hex(mean), hex(std) FROM run_normalization ORDER BY run_id;
SELECT 'ckpt', c.run_id, c.kind, c.epoch, c.classes, c.sha256 FROM checkpoints c ORDER BY c.run_id, c.kind;
SELECT 'clip', id, relative_path, content_hash, label, speaker FROM clips ORDER BY id;
SELECT 'feat', config_id, clip_id, frames, dims, hex(data) FROM features ORDER BY config_id, clip_id;
SQL
done
if diff "$work/old.dump" "$work/new.dump" > "$work/diff.txt"; then
    echo "compare-databases: identical ($(wc -l < "$work/new.dump") rows compared) in $work"
else
    echo "compare-databases: the databases differ (first lines of $work/diff.txt):"; head -20 "$work/diff.txt"; exit 1
fi
