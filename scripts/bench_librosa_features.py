#!/usr/bin/env python3
"""Times the seed pipeline's librosa feature extraction on a list of audio files.

Per clip, as the seed does: librosa.load(path, sr=22050) (soxr_hq), then mfcc(n_mfcc=40),
chroma_stft() and spectral_contrast(), each from its own default STFT, stacked time-major
into [frames, 59]. Prints a human line and a final JSON line {"clips", "frames", "seconds",
"cpuSeconds", "jobs", "loadSeconds", "featureSeconds"}; the time covers the loop only (imports
and one warm-up clip, which triggers numba's compilation, are excluded). loadSeconds and
featureSeconds split that time (summed over workers when --jobs > 1) between librosa.load
(decode + soxr_hq resample) and the three feature calls.

    python3 scripts/bench_librosa_features.py --files list.txt [--jobs 1]
    python3 scripts/bench_librosa_features.py --data ../shared/data/ravdess-speech

Run with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (bench-features does that).
"""
import argparse
import glob
import json
import os
import resource
import time

import librosa
import numpy as np


def featurise(path):
    """Returns (frames, load seconds, feature seconds) for one clip."""
    t0 = time.perf_counter()
    y, sr = librosa.load(path, sr=22050)
    t1 = time.perf_counter()
    mfcc = librosa.feature.mfcc(y=y, sr=sr, n_mfcc=40)
    chroma = librosa.feature.chroma_stft(y=y, sr=sr)
    contrast = librosa.feature.spectral_contrast(y=y, sr=sr)
    features = np.vstack([mfcc, chroma, contrast]).T.astype(np.float32)
    t2 = time.perf_counter()
    return features.shape[0], t1 - t0, t2 - t1


def _cpu():
    """User + system CPU seconds of this process and its finished children."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", help="text file with one audio path per line")
    parser.add_argument("--data", help="folder searched recursively for .flac/.wav")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (1 = serial, as the seed)")
    args = parser.parse_args()
    if args.files:
        with open(args.files) as fh:
            paths = [line.strip() for line in fh if line.strip()]
    elif args.data:
        paths = sorted(glob.glob(os.path.join(args.data, "**", "*.flac"), recursive=True)
                       + glob.glob(os.path.join(args.data, "**", "*.wav"), recursive=True))
    else:
        parser.error("give --files or --data")
    featurise(paths[0])  # warm-up: numba JIT, FFT plan caches
    start = time.perf_counter()
    cpu_start = _cpu()
    if args.jobs > 1:
        from multiprocessing import Pool
        with Pool(args.jobs) as pool:
            results = list(pool.imap(featurise, paths, chunksize=8))
    else:
        results = [featurise(p) for p in paths]
    frames = sum(r[0] for r in results)
    load = sum(r[1] for r in results)
    features = sum(r[2] for r in results)
    seconds = time.perf_counter() - start
    cpu = _cpu() - cpu_start
    print(f"librosa {librosa.__version__}: {len(paths)} clips, {frames} frames, {seconds:.2f} s wall, {cpu:.2f} s CPU"
          f" (load {load:.2f} s, features {features:.2f} s)")
    print(json.dumps({"clips": len(paths), "frames": frames, "seconds": seconds, "cpuSeconds": cpu, "jobs": args.jobs,
                      "loadSeconds": load, "featureSeconds": features}))


if __name__ == "__main__":
    main()
