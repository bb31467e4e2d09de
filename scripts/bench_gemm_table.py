"""Markdown tables from scripts/bench-gemm.sh's raw lines (stdlib only).

    python3 scripts/bench_gemm_table.py .build/bench-gemm.tsv

Each input line: round, isa, engine, then `engine NAME`, `shape LABEL M N K GFLOP/s` or
`epoch SECONDS CPU-SECONDS` (the first epoch of each process is a warm-up and is dropped).
GFLOP/s are given as best / median over rounds, epochs as min / median seconds.
"""
import collections
import statistics
import sys

names = {}
shapes = collections.OrderedDict()
epochs = collections.defaultdict(list)
cpu = collections.defaultdict(list)
seen = set()
columns = []
for line in open(sys.argv[1], encoding="utf-8"):
    parts = line.rstrip("\n").split("\t")
    if len(parts) < 5:
        continue
    rnd, isa, engine, kind = parts[:4]
    key = (isa, engine)
    if key not in columns:
        columns.append(key)
    if kind == "engine":
        names[key] = parts[4]
    elif kind == "shape":
        label, m, n, k, gflops = parts[4:9]
        shapes.setdefault(f"{label} | {m} × {n} × {k}", collections.defaultdict(list))[key].append(float(gflops))
    elif kind == "epoch":
        if (rnd, isa, engine) in seen:
            epochs[key].append(float(parts[4]))
            cpu[key].append(float(parts[5]))
        seen.add((rnd, isa, engine))

gemm_columns = [c for c in columns if not c[1].startswith("pytorch") and not c[1].endswith("/1t")]
print("| GEMM | m × n × k | " + " | ".join(f"{names.get(c, c[1])} ({c[0]})" for c in gemm_columns) + " |")
print("|---|---|" + "---:|" * len(gemm_columns))
for shape, values in shapes.items():
    cells = []
    for c in gemm_columns:
        v = values.get(c)
        cells.append(f"{max(v):.1f} / {statistics.median(v):.1f}" if v else "—")
    print(f"| {shape} | " + " | ".join(cells) + " |")
print()
print("| ISA | threads | engine | epoch s min | epoch s median | CPU s median | epochs | PyTorch ÷ engine (medians) |")
print("|---|---:|---|---:|---:|---:|---:|---:|")
for single in (False, True):
    for c in columns:
        if not epochs[c] or c[1].endswith("/1t") != single:
            continue
        torch = epochs.get((c[0], "pytorch/1t" if single else "pytorch"))
        ratio = f"{statistics.median(torch) / statistics.median(epochs[c]):.2f}" if torch else "—"
        print(f"| {c[0]} | {1 if single else 2} | {names.get(c, c[1].removesuffix('/1t'))} | {min(epochs[c]):.3f} | "
              f"{statistics.median(epochs[c]):.3f} | {statistics.median(cpu[c]):.3f} | {len(epochs[c])} | {ratio} |")
