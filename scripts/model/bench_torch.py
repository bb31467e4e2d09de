"""PyTorch (CPU) seconds per epoch for the seed architecture on random data of the seed's shape.

    python3 scripts/model/bench_torch.py [--epochs 3] [--threads 2] [--clips 1080] [--conv 128,128 --kernel 5] [--masked] [--arch best]

[with --conv: Conv1d(C, k, padding k//2) ReLU per channel count →] LSTM 128 → LSTM 64 (last state) → Dropout 0.3 → Dense 64 ReLU → Dense 8, softmax
cross-entropy, Adam 1e-3, batch 32, 59 features, 200 frames (padded). --arch best: `--recipe best`'s
network, 187 features → BiLSTM 96 → attention pooling (α = softmax_t(h_t·w) over the real frames,
Σ α_t h_t) → Dropout 0.4 → Dense 64 ReLU → Dense 8, Adam 2e-3 (as bench-model --arch best). Reports the mean over
epochs after the first (warm-up) and the peak RSS.

--masked: clips of random lengths, uniform in 100…200 frames (as `bench-model --mode masked`
without --corpus), each computed over its own frames only, the way PyTorch does it: the batch
zero-padded, every convolution's output zeroed past each clip's end (so a clip's result does
not depend on its batch), the LSTMs on `pack_padded_sequence`, the last state per clip.
"""
import argparse
import resource
import time

import torch
from torch import nn

p = argparse.ArgumentParser()
p.add_argument("--epochs", type=int, default=3)
p.add_argument("--threads", type=int, default=2)
p.add_argument("--clips", type=int, default=1080)
p.add_argument("--conv", default="", help="convolution channels before the LSTMs, e.g. 128,128")
p.add_argument("--kernel", type=int, default=5)
p.add_argument("--masked", action="store_true", help="variable lengths, packed sequences")
p.add_argument("--arch", default="seed", choices=["seed", "best"])
a = p.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(0)


class Seed(nn.Module):
    def __init__(self, conv=(), kernel=5):
        super().__init__()
        layers, width = [], 59
        for channels in conv:
            layers += [nn.Conv1d(width, channels, kernel, padding=kernel // 2), nn.ReLU()]
            width = channels
        self.conv = nn.Sequential(*layers) if layers else None
        self.lstm1 = nn.LSTM(width, 128, batch_first=True)
        self.lstm2 = nn.LSTM(128, 64, batch_first=True)
        self.drop = nn.Dropout(0.3)
        self.dense = nn.Linear(64, 64)
        self.out = nn.Linear(64, 8)

    def forward(self, x, lengths=None):
        if lengths is not None:
            mask = (torch.arange(x.shape[1])[None, :] < lengths[:, None]).unsqueeze(1).to(x.dtype)
            y = x.transpose(1, 2)
            for layer in self.conv or []:
                y = layer(y)
                if isinstance(layer, nn.ReLU):
                    y = y * mask
            packed = nn.utils.rnn.pack_padded_sequence(y.transpose(1, 2), lengths, batch_first=True, enforce_sorted=False)
            out, _ = self.lstm1(packed)
            _, (h, _) = self.lstm2(out)
            x = self.drop(h[-1])
            return self.out(torch.relu(self.dense(x)))
        if self.conv is not None:
            x = self.conv(x.transpose(1, 2)).transpose(1, 2)
        x, _ = self.lstm1(x)
        x, _ = self.lstm2(x)
        x = self.drop(x[:, -1])
        return self.out(torch.relu(self.dense(x)))


class Best(nn.Module):
    def __init__(self, dims=187):
        super().__init__()
        self.lstm = nn.LSTM(dims, 96, batch_first=True, bidirectional=True)
        self.attention = nn.Linear(192, 1, bias=False)
        self.drop = nn.Dropout(0.4)
        self.dense = nn.Linear(192, 64)
        self.out = nn.Linear(64, 8)

    def forward(self, x, lengths=None):
        if lengths is not None:
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
            h, _ = nn.utils.rnn.pad_packed_sequence(self.lstm(packed)[0], batch_first=True)
            scores = self.attention(h).squeeze(-1)
            scores = scores.masked_fill(torch.arange(h.shape[1])[None, :] >= lengths[:, None], float("-inf"))
        else:
            h, _ = self.lstm(x)
            scores = self.attention(h).squeeze(-1)
        pooled = (torch.softmax(scores, dim=1).unsqueeze(-1) * h).sum(1)
        return self.out(torch.relu(self.dense(self.drop(pooled))))


dims = 187 if a.arch == "best" else 59
x = torch.randn(a.clips, 200, dims)
y = torch.randint(0, 8, (a.clips,))
lengths = torch.randint(100, 201, (a.clips,)) if a.masked else None
if lengths is not None:
    x = x * (torch.arange(200)[None, :, None] < lengths[:, None, None])
conv = [int(c) for c in a.conv.split(",") if c]
model = Best(dims) if a.arch == "best" else Seed(conv, a.kernel)
opt = torch.optim.Adam(model.parameters(), lr=2e-3 if a.arch == "best" else 1e-3)
loss_fn = nn.CrossEntropyLoss()
times = []
cpu = []
for epoch in range(a.epochs):
    perm = torch.randperm(a.clips)
    start = time.perf_counter()
    cpu_start = time.process_time()
    for i in range(0, a.clips, 32):
        idx = perm[i:i + 32]
        opt.zero_grad()
        loss = loss_fn(model(x[idx], None if lengths is None else lengths[idx]), y[idx])
        loss.backward()
        opt.step()
    times.append(time.perf_counter() - start)
    cpu.append(time.process_time() - cpu_start)
    print(f"epoch {epoch}: {times[-1]:.3f} s ({cpu[-1]:.3f} CPU s)")
timed = times[1:] or times
timed_cpu = cpu[1:] or cpu
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
shape = (" masked" if a.masked else "") + (f" conv={a.conv} kernel={a.kernel}" if conv else "") + (" arch=best" if a.arch == "best" else "")
print(f"pytorch {torch.__version__}{shape} threads={a.threads}: {sum(timed) / len(timed):.3f} s/epoch (best {min(timed):.3f}), "
      f"{sum(timed_cpu) / len(timed_cpu):.3f} CPU s/epoch, peak RSS {rss:.0f} MiB")
