#!/usr/bin/env python3
"""Writes the librosa reference fixtures for SERFeatures' parity tests.

Usage (from the package root):

    python3 scripts/make_feature_fixtures.py [--data ../shared/data]

Writes into Tests/SERFeaturesTests/Fixtures/:
  manifest.json            one entry per case: input, sample rate, frame count, estimated
                           tuning, and for each feature its file, dims and max |value|
  <case>.input.f32         the synthesized input signal (float32 little-endian, mono)
  <case>.<feature>.f32     librosa's output, float32 little-endian, time-major [frames, dims]
and, in the manifest, fingerprints of librosa.load(sr=22050) for one RAVDESS clip (resampler
parity): SHA-256 of its float32 bytes and the mean and RMS of each 512-sample block (no
samples: corpus audio is never copied into the project).

Synthetic signals are generated deterministically here and saved, so the Swift tests read
the exact same samples. RAVDESS clips are never copied: only their features are stored, and
the Swift tests decode the clips themselves (skipping when the corpus is absent).

Reference calls are the seed pipeline's (librosa 0.11 defaults):
  mfcc(y, sr, n_mfcc=40); chroma_stft(y, sr); spectral_contrast(y, sr);
  delta(mfcc), delta(mfcc, order=2); rms(y=y); zero_crossing_rate(y);
  power_to_db(melspectrogram(y, sr)) (log-mel, the MFCCs' input);
  yin(y, fmin=C2, fmax=C7, sr, frame_length=2048, hop_length=512) on the same samples in
  float64 (the `pitch` columns: log2 F0 and the normalised difference at the chosen lag, taken
  from librosa's own yin steps; see yin_with_aperiodicity);
  estimate_tuning(S=|stft(y)|**2, sr, bins_per_octave=12) (what chroma_stft uses).
"""
import argparse
import hashlib
import json
import os
import warnings

import librosa
import numpy as np
import soundfile as sf

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "SERFeaturesTests", "Fixtures")

RAVDESS_CLIPS = [
    "ravdess-speech/Actor_01/03-01-08-01-02-02-01.flac",  # stereo file
    "ravdess-speech/Actor_05/03-01-05-02-01-01-05.flac",  # angry, strong intensity
    "ravdess-speech/Actor_12/03-01-01-01-01-01-12.flac",  # neutral
]


def synth_cases():
    """(name, sr, float32 signal) for the synthetic cases."""
    cases = []
    sr = 22050
    t = np.arange(int(2.0 * sr)) / sr
    # Logarithmic chirp 100 Hz -> 8 kHz over 2 s.
    f0, f1, dur = 100.0, 8000.0, 2.0
    k = (f1 / f0) ** (1 / dur)
    phase = 2 * np.pi * f0 * (k**t - 1) / np.log(k)
    cases.append(("chirp", sr, (0.5 * np.sin(phase)).astype(np.float32)))
    # Harmonic tone, f0 = 220 Hz detuned by +0.3 semitone (known tuning), 6 harmonics 1/h.
    t = np.arange(int(1.5 * sr)) / sr
    fh = 220.0 * 2 ** (0.3 / 12)
    tone = sum(np.sin(2 * np.pi * fh * h * t) / h for h in range(1, 7))
    cases.append(("harmonic", sr, (0.3 * tone).astype(np.float32)))
    # White Gaussian noise, seeded.
    rng = np.random.default_rng(20240611)
    cases.append(("noise", sr, (0.1 * rng.standard_normal(sr)).astype(np.float32)))
    # Digital silence, 0.5 s.
    cases.append(("silence", sr, np.zeros(sr // 2, dtype=np.float32)))
    # Shorter than one FFT window (300 samples): one centred frame.
    t = np.arange(300) / sr
    cases.append(("short", sr, (0.4 * np.sin(2 * np.pi * 440.0 * t)).astype(np.float32)))
    # A tone mixture at 16 kHz with a tuning of -0.2 semitone, plus a burst of noise.
    sr16 = 16000
    t = np.arange(int(1.2 * sr16)) / sr16
    f = 330.0 * 2 ** (-0.2 / 12)
    sig = 0.25 * np.sin(2 * np.pi * f * t) + 0.15 * np.sin(2 * np.pi * 1.5 * f * t)
    sig[sr16 // 2 : sr16 // 2 + 2000] += 0.05 * rng.standard_normal(2000)
    cases.append(("mixture16k", sr16, sig.astype(np.float32)))
    return cases


def yin_with_aperiodicity(y, sr):
    """librosa.yin's steps on float64 samples, also returning d' at the chosen lag (1 for an
    all-zero frame), with the smallest distance of any trough's d' from the threshold (how far
    the frame decisions are from flipping). Asserts the F0 equals librosa.yin's exactly."""
    from librosa.core import pitch as P
    fmin, fmax, frame_length, hop, threshold = librosa.note_to_hz("C2"), librosa.note_to_hz("C7"), 2048, 512, 0.1
    y = y.astype(np.float64)
    f0 = librosa.yin(y, fmin=fmin, fmax=fmax, sr=sr, frame_length=frame_length, hop_length=hop)
    padded = np.pad(y, (frame_length // 2, frame_length // 2), mode="constant")
    frames = librosa.util.frame(padded, frame_length=frame_length, hop_length=hop)
    min_period = int(np.floor(sr / fmax))
    max_period = min(int(np.ceil(sr / fmin)), frame_length - 1)
    d = P._cumulative_mean_normalized_difference(frames, min_period, max_period)
    shifts = P._parabolic_interpolation(d)
    trough = librosa.util.localmin(d, axis=-2)
    trough[0, :] = d[0, :] < d[1, :]
    below = np.logical_and(trough, d < threshold)
    chosen = np.argmax(below, axis=-2)
    none = ~below.any(axis=-2)
    chosen[none] = np.argmin(d, axis=-2)[none]
    cols = np.arange(d.shape[1])
    period = min_period + chosen + shifts[chosen, cols]
    assert np.array_equal(sr / period, f0), "the mirror of librosa.yin disagrees with it"
    aperiodicity = d[chosen, cols]
    aperiodicity[~frames.any(axis=0)] = 1.0
    margin = float(np.min(np.abs(d[trough] - threshold))) if trough.any() else float("inf")
    return np.stack([np.log2(f0), aperiodicity]), margin


def features(y, sr, with_deltas=True):
    """The reference features, each time-major [frames, dims] float32."""
    mfcc = librosa.feature.mfcc(y=y, sr=sr, n_mfcc=40)
    out = {
        "mfcc": mfcc,
        "chroma": librosa.feature.chroma_stft(y=y, sr=sr),
        "contrast": librosa.feature.spectral_contrast(y=y, sr=sr),
        "rms": librosa.feature.rms(y=y),
        "zcr": librosa.feature.zero_crossing_rate(y),
        "logmel": librosa.power_to_db(librosa.feature.melspectrogram(y=y, sr=sr)),
    }
    out["pitch"], margin = yin_with_aperiodicity(y, sr)
    print(f"  pitch: smallest |d' - threshold| over troughs {margin:.3g}")
    if with_deltas and mfcc.shape[1] >= 9:
        out["mfcc_delta"] = librosa.feature.delta(mfcc)
        out["mfcc_delta2"] = librosa.feature.delta(mfcc, order=2)
    S = np.abs(librosa.stft(y)) ** 2
    tuning = float(librosa.estimate_tuning(S=S, sr=sr, bins_per_octave=12))
    return {k: np.ascontiguousarray(v.T, dtype="<f4") for k, v in out.items()}, tuning


def fingerprint(y, block=512):
    """SHA-256 of the float32 LE bytes, and per-block mean and RMS (float64)."""
    y = np.ascontiguousarray(y, dtype="<f4")
    blocks = [y[i : i + block].astype(np.float64) for i in range(0, len(y), block)]
    return {
        "sha256": hashlib.sha256(y.tobytes()).hexdigest(),
        "blockSize": block,
        "blockMeans": [float(b.mean()) for b in blocks],
        "blockRMS": [float(np.sqrt(np.mean(b * b))) for b in blocks],
    }


def write(name, array):
    path = os.path.join(OUT, name)
    np.ascontiguousarray(array, dtype="<f4").tofile(path)
    return name


def case_entry(name, sr, y, input_spec, with_deltas=True):
    feats, tuning = features(y, sr, with_deltas)
    frames = feats["mfcc"].shape[0]
    entry = {
        "name": name,
        "sampleRate": sr,
        "samples": int(y.shape[0]),
        "frames": int(frames),
        "tuning": tuning,
        "input": input_spec,
        "features": {},
    }
    for key, value in feats.items():
        entry["features"][key] = {
            "file": write(f"{name}.{key}.f32", value),
            "dims": int(value.shape[1]),
            "maxAbs": float(np.max(np.abs(value))),
        }
    return entry


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data"))
    args = parser.parse_args()
    warnings.simplefilter("ignore")  # librosa warns on short/silent inputs; expected here
    os.makedirs(OUT, exist_ok=True)
    for old in os.listdir(OUT):
        if old.endswith(".f32") or old == "manifest.json":
            os.remove(os.path.join(OUT, old))

    cases = []
    for name, sr, y in synth_cases():
        spec = {"kind": "synthetic", "file": write(f"{name}.input.f32", y)}
        cases.append(case_entry(name, sr, y, spec))

    for rel in RAVDESS_CLIPS:
        path = os.path.join(args.data, rel)
        if not os.path.exists(path):
            print(f"skipping {rel}: not found under {args.data}")
            continue
        stem = os.path.splitext(os.path.basename(rel))[0]
        # Native rate: soundfile float32 + channel mean, as librosa.load(sr=None) does.
        y_nat, sr_nat = librosa.load(path, sr=None)
        cases.append(case_entry(f"ravdess-{stem}-native", sr_nat, y_nat,
                                {"kind": "ravdess", "path": rel, "targetRate": None}, with_deltas=False))
        y22, _ = librosa.load(path, sr=22050)  # res_type soxr_hq
        spec = {"kind": "ravdess", "path": rel, "targetRate": 22050,
                "nativeRate": int(sr_nat), "resampledSamples": int(y22.shape[0])}
        if rel == RAVDESS_CLIPS[0]:
            spec["resampledFingerprint"] = fingerprint(y22)
        cases.append(case_entry(f"ravdess-{stem}-22050", 22050, y22, spec))

    manifest = {
        "generator": "scripts/make_feature_fixtures.py",
        "librosa": librosa.__version__,
        "numpy": np.__version__,
        "soundfile": sf.__version__,
        "layout": "float32 little-endian, time-major [frames, dims]",
        "cases": cases,
    }
    with open(os.path.join(OUT, "manifest.json"), "w") as fh:
        json.dump(manifest, fh, indent=1, sort_keys=True)
    total = sum(os.path.getsize(os.path.join(OUT, f)) for f in os.listdir(OUT))
    print(f"wrote {len(cases)} cases, {total / 1e6:.2f} MB into {OUT}")


if __name__ == "__main__":
    main()
