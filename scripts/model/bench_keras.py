"""Keras 3 / TensorFlow (CPU) seconds per epoch for the seed architecture on random data.

    python3 scripts/model/bench_keras.py [--epochs 3] [--threads 2] [--clips 1080]

LSTM 128 → LSTM 64 → Dropout 0.3 → Dense 64 ReLU → Dense 8 softmax, Adam 1e-3, batch 32,
59 features, 200 frames (padded). Reports the mean over epochs after the first and peak RSS.
"""
import argparse
import os
import resource
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
import keras  # noqa: E402
from keras import layers  # noqa: E402

p = argparse.ArgumentParser()
p.add_argument("--epochs", type=int, default=3)
p.add_argument("--threads", type=int, default=2)
p.add_argument("--clips", type=int, default=1080)
a = p.parse_args()
tf.config.threading.set_intra_op_parallelism_threads(a.threads)
tf.config.threading.set_inter_op_parallelism_threads(a.threads)

rng = np.random.default_rng(0)
x = rng.normal(size=(a.clips, 200, 59)).astype(np.float32)
y = keras.utils.to_categorical(rng.integers(0, 8, a.clips), 8)
model = keras.Sequential([
    keras.Input(shape=(200, 59)),
    layers.LSTM(128, return_sequences=True),
    layers.LSTM(64),
    layers.Dropout(0.3),
    layers.Dense(64, activation="relu"),
    layers.Dense(8, activation="softmax"),
])
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="categorical_crossentropy", metrics=["accuracy"])


class Timer(keras.callbacks.Callback):
    def on_epoch_begin(self, epoch, logs=None):
        self.start = time.perf_counter()
        self.cpu_start = time.process_time()

    def on_epoch_end(self, epoch, logs=None):
        times.append(time.perf_counter() - self.start)
        cpu.append(time.process_time() - self.cpu_start)
        print(f"epoch {epoch}: {times[-1]:.3f} s ({cpu[-1]:.3f} CPU s)")


times = []
cpu = []
model.fit(x, y, batch_size=32, epochs=a.epochs, verbose=0, callbacks=[Timer()])
timed = times[1:] or times
timed_cpu = cpu[1:] or cpu
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"keras {keras.__version__} threads={a.threads}: {sum(timed) / len(timed):.3f} s/epoch (best {min(timed):.3f}), "
      f"{sum(timed_cpu) / len(timed_cpu):.3f} CPU s/epoch, peak RSS {rss:.0f} MiB")
