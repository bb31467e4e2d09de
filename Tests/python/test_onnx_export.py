#!/usr/bin/env python3
"""Parity test of `ser export --format onnx` against `ser predict`.

Usage: test_onnx_export.py MODEL.onnx SER.db EXPECTED.json [TOLERANCE] [--speaker NAME]

EXPECTED.json is the output of `ser predict --run RUN --json FILE...` for clips of the run's
dataset (absolute paths). For each clip the raw features are read from SER.db (table
`features`, the run's feature recipe: float32 [frames, dims]); the model is run in
onnxruntime (one batch with zero padding + lengths, and clip by clip with and without the optional lengths); every probability must
match `ser predict`'s within TOLERANCE (default 1e-4). An exported ensemble (metadata
`ensemble_members`) must average its members with one `Mean` node; its features are those of
the metadata's recipe (feature_config_hash: for members of different recipes,
the union recipe whose columns hold all of theirs; each member Gathers its own). `onnx.checker.check_model(full_check=True)` must accept
the model, and its metadata must carry the classes, feature configuration, dataset version
and run id. A model of a per-speaker run (architecture normalization `speaker-zscore`; for an ensemble, any
member's) must
take the inputs `speaker_mean` and `speaker_std` and say how to compute them (metadata
`speaker_statistics`); with --speaker NAME they are read from SER.db's `speaker_enrollments`
(what `ser enroll NAME ... --run RUN` stored, EXPECTED.json being `ser predict --speaker NAME`).
Prints the largest |Δp|. Exit status 0 on success, 1 on a failed check.
"""
import json
import sqlite3
import sys

import numpy as np
import onnx
import onnxruntime as ort

TOLERANCE = 1e-4


def main(model_path, db_path, expected_path, tolerance=TOLERANCE, speaker=None):
    model = onnx.load(model_path)
    onnx.checker.check_model(model, full_check=True)
    assert model.opset_import[0].version >= 17, model.opset_import
    ops = {node.op_type for node in model.graph.node}
    assert "LSTM" in ops and "Softmax" in ops, ops
    meta = {p.key: p.value for p in model.metadata_props}
    classes = json.loads(meta["classes"])
    feature_config = json.loads(meta["feature_config"])
    for key in ("sampleRate", "nFFT", "hopLength", "nMels", "nMFCC", "window", "center"):
        assert key in feature_config, f"feature_config lacks {key}"
    assert len(meta["dataset_version"]) == 64, meta.get("dataset_version")
    run_id = int(meta["run_id"])
    if "ensemble_members" in meta:
        members = json.loads(meta["ensemble_members"])
        assert len(members) >= 2 and "ser.ensemble" in meta, meta.get("ensemble_members")
        assert [n.op_type for n in model.graph.node].count("Mean") == 1, "an ensemble averages with one Mean node"
        run_id = members[0]

    expected = json.load(open(expected_path))
    assert expected["classes"] == classes, (expected["classes"], classes)
    db = sqlite3.connect(db_path)
    # The input's recipe (for an ensemble of several recipes, the union whose columns hold them all).
    row = db.execute("SELECT id FROM feature_configs WHERE hash = ?", (meta["feature_config_hash"],)).fetchone()
    assert row is not None, f"recipe {meta['feature_config_hash']} is not in {db_path}: compute it (ser features --features …)"
    (config_id,) = row
    assert len(json.loads(meta["feature_names"])) == model.graph.input[0].type.tensor_type.shape.dim[2].dim_value
    clips = []
    for p in expected["predictions"]:
        row = db.execute(
            "SELECT f.frames, f.dims, f.data FROM features f JOIN clips c ON c.id = f.clip_id "
            "WHERE c.path = ? AND f.config_id = ?", (p["path"], config_id)).fetchone()
        assert row is not None, f"no features for {p['path']} in {db_path}"
        frames, dims, blob = row
        features = np.frombuffer(blob, dtype="<f4").reshape(frames, dims)
        clips.append((features, np.array([p["probabilities"][c] for c in classes], dtype=np.float64)))

    inputs = [i.name for i in model.graph.input]
    extra = {}
    # One architecture, or an ensemble's list of them (its per-speaker members share maxFrames).
    architectures = json.loads(meta["ser.ensemble"]) if "ser.ensemble" in meta else [json.loads(meta.get("ser.architecture", "{}"))]
    per_speaker = [a for a in architectures if a.get("normalization") == "speaker-zscore"]
    if per_speaker:
        architecture = per_speaker[0]
        assert inputs[-2:] == ["speaker_mean", "speaker_std"], inputs
        assert "speaker_statistics" in meta and "maxFrames" in meta["speaker_statistics"], meta.get("speaker_statistics")
        assert speaker is not None, "a per-speaker model needs --speaker NAME"
        row = db.execute(
            "SELECT e.mean, e.std FROM speaker_enrollments e WHERE e.name = ? AND e.config_id = ? AND e.max_frames = ?",
            (speaker, config_id, architecture["maxFrames"])).fetchone()
        assert row is not None, f"speaker {speaker} is not enrolled for this model's recipe and maxFrames"
        extra = {"speaker_mean": np.frombuffer(row[0], dtype="<f4"), "speaker_std": np.frombuffer(row[1], dtype="<f4")}
    else:
        assert "speaker_mean" not in inputs and speaker is None, inputs

    session = ort.InferenceSession(model_path, providers=["CPUExecutionProvider"])
    worst = 0.0
    # One padded batch (clips of different lengths are padded with zeros after their frames).
    longest = max(f.shape[0] for f, _ in clips) + 3
    batch = np.zeros((len(clips), longest, clips[0][0].shape[1]), dtype=np.float32)
    lengths = np.zeros(len(clips), dtype=np.int32)
    for i, (f, _) in enumerate(clips):
        batch[i, : f.shape[0]] = f
        lengths[i] = f.shape[0]
    (probabilities,) = session.run(["probabilities"], {"features": batch, "lengths": lengths, **extra})
    assert probabilities.shape == (len(clips), len(classes)), probabilities.shape
    for (f, want), got in zip(clips, probabilities):
        worst = max(worst, float(np.max(np.abs(got - want))))
    # Clip by clip, unpadded.
    for f, want in clips:
        (got,) = session.run(
            ["probabilities"], {"features": f[None].astype(np.float32), "lengths": np.array([f.shape[0]], np.int32), **extra})
        worst = max(worst, float(np.max(np.abs(got[0] - want))))
        assert classes[int(np.argmax(got[0]))] == classes[int(np.argmax(want))]
        # `lengths` is optional: without it every frame given is real.
        (alone,) = session.run(["probabilities"], {"features": f[None].astype(np.float32), **extra})
        worst = max(worst, float(np.max(np.abs(alone[0] - want))))
    print(f"onnxruntime {ort.__version__} vs ser predict: {len(clips)} clips, max |dp| = {worst:.3g}")
    if worst > tolerance:
        print(f"FAIL: max |dp| {worst:.3g} > {tolerance}")
        return 1
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    speaker = None
    if "--speaker" in args:
        at = args.index("--speaker")
        speaker = args[at + 1]
        del args[at : at + 2]
    if len(args) not in (3, 4):
        print(__doc__)
        sys.exit(2)
    sys.exit(main(*args[:3], *(float(t) for t in args[3:]), speaker=speaker))
