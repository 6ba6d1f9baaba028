"""SimpleConvNet's training epoch in PyTorch (CPU), timed: the PyTorch peer of `deno task bench`.

The same network as the book's ch07/simple_convnet.py (conv 30×5×5 + ReLU, 2×2 max pooling,
Affine 4320→100 + ReLU, Affine 100→10, softmax cross-entropy), trained with Adam (lr 0.001,
eps 1e-7 as the book's Adam adds to √v), float32, one forward + one backward + one update per
iteration. The bench hands over the initial weights and the mini-batch indices through .npy
files in a folder (`--exchange`), so every contestant starts from the same weights and sees the
same batches:

    W1.npy [30, 1, 5, 5]  b1.npy [30]  W2.npy [4320, 100]  b2.npy [100]  W3.npy [100, 10]
    b3.npy [10]  (float32, the book's layouts)     batches.npy [iterations, batch] (int32)

Threads: --threads N sets OMP_NUM_THREADS (PyTorch's intra-op pool), OPENBLAS_NUM_THREADS and
MKL_NUM_THREADS before torch loads, then torch.set_num_threads(N); --blas-threads overrides the
BLAS setting alone. The result (seconds and loss of each iteration, process CPU time, test
accuracy) goes to --json as JSON; progress to stderr.

    /usr/bin/python3 tools/peers/torch_simple_convnet.py --data DIR --exchange DIR --threads 1 \
        --json out.json
"""

import argparse
import json
import os
import re
import sys
import time


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", required=True, help="folder with the four MNIST IDX files")
    p.add_argument("--exchange", required=True, help="folder with W1.npy … b3.npy, batches.npy")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--blas-threads", type=int, default=None)
    p.add_argument("--warmup", type=int, default=3, help="untimed iterations on a spare network")
    p.add_argument("--lr", type=float, default=0.001)
    p.add_argument("--no-accuracy", action="store_true", help="skip the test accuracy")
    p.add_argument("--json", required=True)
    return p.parse_args()


ARGS = parse_args()
_blas = str(ARGS.blas_threads if ARGS.blas_threads is not None else ARGS.threads)
os.environ["OMP_NUM_THREADS"] = str(ARGS.threads)
os.environ["OPENBLAS_NUM_THREADS"] = _blas
os.environ["MKL_NUM_THREADS"] = _blas

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

torch.set_num_threads(ARGS.threads)


def log(message):
    print(f"[torch] {message}", file=sys.stderr, flush=True)


def read_idx(path, magic, header_ints):
    with open(path, "rb") as f:
        data = f.read()
    if int.from_bytes(data[0:4], "big") != magic:
        sys.exit(f"{path}: not an MNIST IDX file")
    dims = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(header_ints)]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * header_ints).reshape(dims)


def load_mnist(folder):
    def images(name):
        x = read_idx(os.path.join(folder, name), 2051, 3)
        return torch.from_numpy((x.astype(np.float32) / 255.0).reshape(-1, 1, 28, 28))

    def labels(name):
        return torch.from_numpy(read_idx(os.path.join(folder, name), 2049, 1).astype(np.int64))

    return ((images("train-images-idx3-ubyte"), labels("train-labels-idx1-ubyte")),
            (images("t10k-images-idx3-ubyte"), labels("t10k-labels-idx1-ubyte")))


def load_params(folder):
    """The bench's weights as PyTorch leaves: Linear keeps W transposed ([out, in])."""
    p = {k: np.load(os.path.join(folder, f"{k}.npy")) for k in ["W1", "b1", "W2", "b2", "W3", "b3"]}
    t = {
        "W1": p["W1"], "b1": p["b1"],
        "W2": np.ascontiguousarray(p["W2"].T), "b2": p["b2"],
        "W3": np.ascontiguousarray(p["W3"].T), "b3": p["b3"],
    }
    return {k: torch.tensor(v, dtype=torch.float32, requires_grad=True) for k, v in t.items()}


def forward(p, x):
    h = F.relu(F.conv2d(x, p["W1"], p["b1"]))
    h = F.max_pool2d(h, 2, 2)
    h = F.relu(F.linear(h.reshape(h.shape[0], -1), p["W2"], p["b2"]))
    return F.linear(h, p["W3"], p["b3"])


def train(p, x_train, t_train, batches, report=None):
    optimizer = torch.optim.Adam(list(p.values()), lr=ARGS.lr, eps=1e-7)
    seconds, losses = [], []
    cpu_start = time.process_time()
    for i, batch in enumerate(batches):
        start = time.perf_counter()
        x, t = x_train[batch], t_train[batch]
        loss = F.cross_entropy(forward(p, x), t)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        value = float(loss)
        seconds.append(time.perf_counter() - start)
        losses.append(value)
        if report and ((i + 1) % 50 == 0 or i + 1 == len(batches)):
            report(i, value, seconds)
    return seconds, losses, time.process_time() - cpu_start


def accuracy(p, x, t, batch_size=100):
    correct = 0
    with torch.no_grad():
        for i in range(x.shape[0] // batch_size):
            y = forward(p, x[i * batch_size:(i + 1) * batch_size]).argmax(dim=1)
            correct += int((y == t[i * batch_size:(i + 1) * batch_size]).sum())
    return correct / x.shape[0]


def main():
    (x_train, t_train), (x_test, t_test) = load_mnist(ARGS.data)
    batches = torch.from_numpy(np.load(os.path.join(ARGS.exchange, "batches.npy")).astype(np.int64))
    if ARGS.warmup > 0:
        log(f"{ARGS.warmup} warm-up iterations")
        train(load_params(ARGS.exchange), x_train, t_train, batches[:ARGS.warmup])
    p = load_params(ARGS.exchange)
    label = f"SimpleConvNet torch {torch.__version__} ({ARGS.threads} thread{'s' if ARGS.threads > 1 else ''})"

    def report(i, loss, seconds):
        recent = seconds[-50:]
        log(f"{label} {i + 1}/{len(batches)} loss {loss:.3f} "
            f"({1000 * sum(recent) / len(recent):.1f} ms/iteration)")

    seconds, losses, cpu = train(p, x_train, t_train, batches, report)
    acc = None
    if not ARGS.no_accuracy:
        log("test accuracy")
        acc = accuracy(p, x_test, t_test)
    config = torch.__config__.parallel_info().strip().splitlines()
    result = {
        "contestant": f"torch {torch.__version__}",
        "threads": torch.get_num_threads(),
        "settings": (f"OMP_NUM_THREADS={os.environ['OMP_NUM_THREADS']} "
                     f"OPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']} "
                     f"torch.set_num_threads({ARGS.threads})"),
        "blas": ", ".join(re.findall(r"(?:BLAS_INFO|USE_MKLDNN)=[^,\s]+",
                                     torch.__config__.show())),
        "parallel": [line.strip() for line in config if "backend" in line.lower()],
        "iteration_seconds": seconds,
        "losses": losses,
        "cpu_seconds": cpu,
        "test_accuracy": acc,
    }
    with open(ARGS.json, "w") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()
