#!/usr/bin/env python3
"""Fill a fresh `ser init` database with synthetic runs for benchmarking `ser compare`.

usage: gen-compare-db.py DB RUNS [EPOCHS]

Writes RUNS rows into `runs` (train runs with speaker and random splits, k-fold parents with
5 folds, sweeps with 4 trials), each non-parent with EPOCHS epochs, 31 hyperparameters (the
settings `ser run` records), test/val metrics, 7 per-class rows and a 7x7 confusion matrix.
Deterministic (seeded).
"""
import json, random, sqlite3, sys

def main():
    path, total = sys.argv[1], int(sys.argv[2])
    n_epochs = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    rng = random.Random(7)
    db = sqlite3.connect(path)
    db.execute("PRAGMA foreign_keys = ON")
    now = "2026-11-25T12:00:00.000Z"
    db.execute("INSERT INTO datasets (id, name, layout, root_path, created_at) VALUES (1, 'ravdess', 'ravdess', '/data/ravdess', ?), (2, 'emodb', 'emodb', '/data/emodb', ?)", (now, now))
    db.execute("INSERT INTO dataset_versions (id, dataset_id, hash, clip_count, created_at) VALUES (1, 1, ?, 1440, ?), (2, 2, ?, 535, ?)", ("a" * 64, now, "b" * 64, now))
    db.execute("INSERT INTO feature_configs (id, hash, name, params, dims, feature_names, created_at) VALUES (1, ?, 'mfcc40+chroma+contrast', '{}', 59, '[]', ?)", ("c" * 64, now))
    labels = ["angry", "calm", "disgust", "fearful", "happy", "neutral", "sad"]
    runs, hps, prov, epochs, metrics, classes, confusion, tags = [], [], [], [], [], [], [], []

    def settings(split):
        return {
            "dataset": "ravdess", "features": "mfcc40+chroma+contrast", "sampleRate": 16000, "normalization": "global-zscore",
            "split": split, "testSpeakers": 4, "testFraction": 0.2, "validationFraction": 0.1,
            "layers": rng.choice([[128], [128, 64], [256, 128]]), "bidirectional": rng.choice([True, False]),
            "dropout": rng.choice([0.0, 0.2, 0.3, 0.5]), "recurrentDropout": 0.0, "dense": [64], "activation": "relu",
            "pooling": rng.choice(["mean", "last", "attention"]), "maxFrames": 400, "sequence": "frames", "epochs": n_epochs,
            "batch": rng.choice([16, 32, 64]), "lr": rng.choice([1e-4, 3e-4, 1e-3, 3e-3]), "optimizer": rng.choice(["adam", "sgd", "adamw"]),
            "weightDecay": 0.0, "momentum": 0.9, "clipNorm": 5.0, "schedule": "plateau", "labelSmoothing": 0.0,
            "classWeights": False, "patience": 10, "monitor": "val_f1", "seed": rng.randrange(1000), "threads": 2,
        }

    def add(run_id, kind, parent, split, with_epochs, acc_std=None):
        cfg = settings(split)
        best = rng.randint(5, n_epochs) if with_epochs else None
        runs.append((run_id, f"run-{run_id}", kind, parent, "finished", 1 if run_id % 3 else 2, 1, split, cfg["seed"],
                     json.dumps(cfg, sort_keys=True), "ser run", now, "2026-11-25T12:00:00.000Z", "2026-11-25T12:%02d:%02d.000Z" % (rng.randrange(60), rng.randrange(60)), best))
        for k, v in cfg.items():
            text = json.dumps(v)
            hps.append((run_id, k, text, float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None))
        prov.append((run_id, "0.1.0", "abc1234", "a" * 64, "c" * 64, "bench", "linux"))
        base = rng.uniform(0.3, 0.8)
        if with_epochs:
            for e in range(1, n_epochs + 1):
                v = base * (1 - 0.5 ** (e / 5)) + rng.uniform(-0.02, 0.02)
                epochs.append((run_id, e, 2.0 / e, v + 0.1, v + 0.08, 1.5 / e, v, v - 0.02, v - 0.01, 1e-3, 1.0, now))
        for subset in ("test", "val"):
            for name, value in (("accuracy", base), ("macro_f1", base - 0.03), ("uar", base - 0.01), ("loss", 1.0 - base)):
                metrics.append((run_id, subset, name, value, acc_std))
        for label in labels:
            f1 = min(1.0, max(0.0, base + rng.uniform(-0.2, 0.2)))
            classes.append((run_id, "test", label, f1, f1, f1, 20))
            for p in labels:
                confusion.append((run_id, "test", label, p, rng.randrange(12) if label == p else rng.randrange(3)))
        if run_id % 7 == 0:
            tags.append((run_id, "baseline"))

    run_id = 1
    while run_id <= total:
        if run_id % 50 == 0 and run_id + 5 <= total:
            parent = run_id
            add(parent, "kfold", None, "kfold:5", False, acc_std=0.02)
            for i in range(5):
                add(parent + 1 + i, "fold", parent, "kfold:5", True)
            run_id += 6
        elif run_id % 101 == 0 and run_id + 4 <= total:
            parent = run_id
            add(parent, "sweep", None, "speaker", False, acc_std=0.05)
            for i in range(3):
                add(parent + 1 + i, "trial", parent, "speaker", True)
            run_id += 4
        else:
            add(run_id, "train", None, "speaker" if rng.random() < 0.6 else "random", True)
            run_id += 1

    db.executemany("INSERT INTO runs (id, name, kind, parent_id, status, dataset_version_id, feature_config_id, split, seed, config, command_line, created_at, started_at, finished_at, best_epoch) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", runs)
    db.executemany("INSERT INTO hyperparameters (run_id, name, value, value_num) VALUES (?,?,?,?)", hps)
    db.executemany("INSERT INTO provenance (run_id, ser_version, build_commit, dataset_hash, feature_config_hash, hostname, os) VALUES (?,?,?,?,?,?,?)", prov)
    db.executemany("INSERT INTO epochs (run_id, epoch, train_loss, train_acc, train_f1, val_loss, val_acc, val_f1, val_uar, lr, wall_seconds, finished_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", epochs)
    db.executemany("INSERT INTO run_metrics (run_id, subset, name, value, std) VALUES (?,?,?,?,?)", metrics)
    db.executemany("INSERT INTO class_metrics (run_id, subset, label, precision, recall, f1, support) VALUES (?,?,?,?,?,?,?)", classes)
    db.executemany("INSERT INTO confusion (run_id, subset, true_label, predicted_label, count) VALUES (?,?,?,?,?)", confusion)
    db.executemany("INSERT INTO run_tags (run_id, tag) VALUES (?,?)", tags)
    db.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    print(f"{path}: {len(runs)} runs, {len(epochs)} epochs, {len(hps)} hyperparameters")

main()
