"""Writes Tests/SERModelTests/Fixtures/keras_parity.json: small models of the seed's family
built in Keras with known weights, their inputs, softmax outputs and loss.

Run from the package root:  python3 scripts/model/keras_parity.py
Needs tensorflow-cpu (Keras 3); CI never runs this, it only reads the committed fixture.
"""
import json
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np  # noqa: E402
import keras  # noqa: E402
from keras import layers  # noqa: E402

rng = np.random.default_rng(20261125)


def make_model(c, masked):
    inp = keras.Input(shape=(c["maxFrames"], c["inputDims"]))
    x = layers.Masking(mask_value=0.0)(inp) if masked else inp
    units = c["lstmUnits"]
    lstm_layers = []
    for i, u in enumerate(units):
        lstm = layers.LSTM(u, return_sequences=i < len(units) - 1)
        layer = layers.Bidirectional(lstm) if c["bidirectional"] else lstm
        x = layer(x)
        lstm_layers.append(layer)
    x = layers.Dropout(c["dropout"])(x)
    dense_layers = []
    for u in c["denseUnits"]:
        d = layers.Dense(u, activation=c["activation"])
        x = d(x)
        dense_layers.append(d)
    out = layers.Dense(c["classCount"], activation="softmax")
    y = out(x)
    return keras.Model(inp, y), lstm_layers, dense_layers, out


def known(shape, scale=0.5):
    return rng.uniform(-scale, scale, size=shape).astype(np.float32)


def run_case(name, c, masked, lengths):
    model, lstm_layers, dense_layers, out = make_model(c, masked)
    tensors = []
    for i, layer in enumerate(lstm_layers):
        cells = [layer.forward_layer, layer.backward_layer] if c["bidirectional"] else [layer]
        prefixes = [f"lstm.{i}.forward", f"lstm.{i}.backward"] if c["bidirectional"] else [f"lstm.{i}"]
        for cell, prefix in zip(cells, prefixes):
            k, r, b = [known(w.shape) for w in cell.get_weights()]
            cell.set_weights([k, r, b])
            tensors += [(f"{prefix}.kernel", k), (f"{prefix}.recurrent_kernel", r), (f"{prefix}.bias", b)]
    for j, d in enumerate(dense_layers):
        k, b = [known(w.shape) for w in d.get_weights()]
        d.set_weights([k, b])
        tensors += [(f"dense.{j}.kernel", k), (f"dense.{j}.bias", b)]
    k, b = [known(w.shape) for w in out.get_weights()]
    out.set_weights([k, b])
    tensors += [("output.kernel", k), ("output.bias", b)]

    n, t, dims = len(lengths), c["maxFrames"], c["inputDims"]
    x = np.zeros((n, t, dims), np.float32)
    for i, length in enumerate(lengths):
        x[i, :length] = rng.normal(size=(length, dims)).astype(np.float32)
    labels = rng.integers(0, c["classCount"], size=n)
    probs = model(x, training=False).numpy()
    onehot = keras.utils.to_categorical(labels, c["classCount"])
    loss_fn = keras.losses.CategoricalCrossentropy(label_smoothing=c["labelSmoothing"])
    loss = float(loss_fn(onehot, probs).numpy())
    return {
        "name": name,
        "config": c,
        "sequences": [x[i, :lengths[i]].tolist() for i in range(n)],
        "labels": labels.tolist(),
        "weights": [{"name": nm, "shape": list(v.shape), "values": v.ravel().tolist()} for nm, v in tensors],
        "probabilities": probs.tolist(),
        "loss": loss,
    }


def config(**kw):
    c = dict(inputDims=5, classCount=4, lstmUnits=[16, 8], bidirectional=False, dropout=0.3, denseUnits=[8],
             activation="relu", pooling="last", maxFrames=7, sequenceMode="padded", labelSmoothing=0.1)
    c.update(kw)
    return c


cases = [
    run_case("seed family, padded", config(), False, [7, 7, 7]),
    run_case("seed family, masked", config(sequenceMode="masked"), True, [7, 5, 2]),
    run_case("bidirectional, tanh, masked",
             config(lstmUnits=[6, 5], bidirectional=True, activation="tanh", sequenceMode="masked"), True, [7, 4, 1]),
]
path = os.path.join("Tests", "SERModelTests", "Fixtures", "keras_parity.json")
with open(path, "w") as f:
    json.dump({"keras": keras.__version__, "cases": cases}, f)
print("wrote", path, "keras", keras.__version__)
