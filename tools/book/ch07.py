"""The book's chapter 7 code (im2col and col2im of common/util.py, the Convolution and Pooling
layers of common/layers.py), written out independently in NumPy, run on fixed inputs.

It records the inputs and outputs in chapters/07/testdata/book_ch07.json, which the last tests
of chapters/07/im2col_test.ts, convolution_test.ts and pooling_test.ts replay against the
TypeScript code, so CI needs no Python. Format the file with `deno fmt` afterwards (it must stay
under 200 KB). New cases go at the end of their list, so that the earlier ones draw the same
random numbers and keep their values.

One deliberate change: the book's Pooling computes out_h = 1 + (H - pool_h) / stride, ignoring
pad (so pad > 0 fails in its reshape); here it is 1 + (H + 2*pad - pool_h) // stride, which is
what im2col produces. With pad = 0, the book's only use, both agree.

Run from the repository root:  python3 tools/book/ch07.py
"""

import json
import os

import numpy as np


# ---- common/util.py -------------------------------------------------------------------------

def im2col(input_data, filter_h, filter_w, stride=1, pad=0):
    N, C, H, W = input_data.shape
    out_h = (H + 2 * pad - filter_h) // stride + 1
    out_w = (W + 2 * pad - filter_w) // stride + 1

    img = np.pad(input_data, [(0, 0), (0, 0), (pad, pad), (pad, pad)], "constant")
    col = np.zeros((N, C, filter_h, filter_w, out_h, out_w))

    for y in range(filter_h):
        y_max = y + stride * out_h
        for x in range(filter_w):
            x_max = x + stride * out_w
            col[:, :, y, x, :, :] = img[:, :, y:y_max:stride, x:x_max:stride]

    col = col.transpose(0, 4, 5, 1, 2, 3).reshape(N * out_h * out_w, -1)
    return col


def col2im(col, input_shape, filter_h, filter_w, stride=1, pad=0):
    N, C, H, W = input_shape
    out_h = (H + 2 * pad - filter_h) // stride + 1
    out_w = (W + 2 * pad - filter_w) // stride + 1
    col = col.reshape(N, out_h, out_w, C, filter_h, filter_w).transpose(0, 3, 4, 5, 1, 2)

    img = np.zeros((N, C, H + 2 * pad + stride - 1, W + 2 * pad + stride - 1))
    for y in range(filter_h):
        y_max = y + stride * out_h
        for x in range(filter_w):
            x_max = x + stride * out_w
            img[:, :, y:y_max:stride, x:x_max:stride] += col[:, :, y, x, :, :]

    return img[:, :, pad:H + pad, pad:W + pad]


# ---- common/layers.py -----------------------------------------------------------------------

class Convolution:
    def __init__(self, W, b, stride=1, pad=0):
        self.W = W
        self.b = b
        self.stride = stride
        self.pad = pad
        self.x = None
        self.col = None
        self.col_W = None
        self.dW = None
        self.db = None

    def forward(self, x):
        FN, C, FH, FW = self.W.shape
        N, C, H, W = x.shape
        out_h = 1 + int((H + 2 * self.pad - FH) / self.stride)
        out_w = 1 + int((W + 2 * self.pad - FW) / self.stride)

        col = im2col(x, FH, FW, self.stride, self.pad)
        col_W = self.W.reshape(FN, -1).T

        out = np.dot(col, col_W) + self.b
        out = out.reshape(N, out_h, out_w, -1).transpose(0, 3, 1, 2)

        self.x = x
        self.col = col
        self.col_W = col_W
        return out

    def backward(self, dout):
        FN, C, FH, FW = self.W.shape
        dout = dout.transpose(0, 2, 3, 1).reshape(-1, FN)

        self.db = np.sum(dout, axis=0)
        self.dW = np.dot(self.col.T, dout)
        self.dW = self.dW.transpose(1, 0).reshape(FN, C, FH, FW)

        dcol = np.dot(dout, self.col_W.T)
        dx = col2im(dcol, self.x.shape, FH, FW, self.stride, self.pad)
        return dx


class Pooling:
    def __init__(self, pool_h, pool_w, stride=1, pad=0):
        self.pool_h = pool_h
        self.pool_w = pool_w
        self.stride = stride
        self.pad = pad
        self.x = None
        self.arg_max = None

    def forward(self, x):
        N, C, H, W = x.shape
        out_h = 1 + (H + 2 * self.pad - self.pool_h) // self.stride
        out_w = 1 + (W + 2 * self.pad - self.pool_w) // self.stride

        col = im2col(x, self.pool_h, self.pool_w, self.stride, self.pad)
        col = col.reshape(-1, self.pool_h * self.pool_w)

        arg_max = np.argmax(col, axis=1)
        out = np.max(col, axis=1)
        out = out.reshape(N, out_h, out_w, C).transpose(0, 3, 1, 2)

        self.x = x
        self.arg_max = arg_max
        return out

    def backward(self, dout):
        dout = dout.transpose(0, 2, 3, 1)

        pool_size = self.pool_h * self.pool_w
        dmax = np.zeros((dout.size, pool_size))
        dmax[np.arange(self.arg_max.size), self.arg_max.flatten()] = dout.flatten()
        dmax = dmax.reshape(dout.shape + (pool_size,))

        dcol = dmax.reshape(dmax.shape[0] * dmax.shape[1] * dmax.shape[2], -1)
        dx = col2im(dcol, self.x.shape, self.pool_h, self.pool_w, self.stride, self.pad)
        return dx


# ---- recording ------------------------------------------------------------------------------

def tensor(a):
    """An array as {shape, data} with Python floats (JSON keeps 17 significant digits)."""
    a = np.asarray(a, dtype=np.float64)
    return {"shape": list(a.shape), "data": [float(v) for v in a.ravel()]}


def record_im2col(rng, shape, filter_h, filter_w, stride, pad):
    x = rng.standard_normal(shape)
    col = im2col(x, filter_h, filter_w, stride, pad)
    dcol = rng.standard_normal(col.shape)
    dx = col2im(dcol, x.shape, filter_h, filter_w, stride, pad)
    return {"filterH": filter_h, "filterW": filter_w, "stride": stride, "pad": pad,
            "x": tensor(x), "col": tensor(col), "dcol": tensor(dcol), "dx": tensor(dx)}


def record_convolution(rng, x_shape, w_shape, stride, pad):
    x = rng.standard_normal(x_shape)
    W = 0.5 * rng.standard_normal(w_shape)
    b = rng.standard_normal(w_shape[0])
    layer = Convolution(W, b, stride, pad)
    out = layer.forward(x)
    dout = rng.standard_normal(out.shape)
    dx = layer.backward(dout)
    return {"stride": stride, "pad": pad, "x": tensor(x), "W": tensor(W), "b": tensor(b),
            "out": tensor(out), "dout": tensor(dout), "dx": tensor(dx),
            "dW": tensor(layer.dW), "db": tensor(layer.db)}


def record_pooling(rng, x_shape, pool_h, pool_w, stride, pad):
    x = rng.standard_normal(x_shape)
    layer = Pooling(pool_h, pool_w, stride, pad)
    out = layer.forward(x)
    dout = rng.standard_normal(out.shape)
    dx = layer.backward(dout)
    return {"poolH": pool_h, "poolW": pool_w, "stride": stride, "pad": pad,
            "x": tensor(x), "out": tensor(out), "dout": tensor(dout), "dx": tensor(dx)}


def main():
    rng = np.random.default_rng(20240707)
    fixture = {
        "source": "tools/book/ch07.py (the book's common/util.py and common/layers.py in NumPy "
                  + np.__version__ + ")",
        "im2col": [
            record_im2col(rng, (1, 3, 5, 5), 3, 3, 1, 0),
            record_im2col(rng, (1, 2, 6, 5), 3, 2, 2, 1),
            record_im2col(rng, (1, 1, 7, 7), 5, 5, 2, 2),
            record_im2col(rng, (1, 3, 4, 4), 2, 2, 2, 0),
            record_im2col(rng, (1, 1, 5, 6), 2, 3, 3, 1),
        ],
        "convolution": [
            record_convolution(rng, (2, 2, 5, 5), (3, 2, 3, 3), 1, 1),
            record_convolution(rng, (2, 2, 7, 7), (3, 2, 3, 3), 2, 0),
            record_convolution(rng, (1, 1, 8, 8), (2, 1, 5, 5), 1, 2),
            record_convolution(rng, (2, 2, 6, 5), (2, 2, 2, 3), 2, 1),
        ],
        "pooling": [
            record_pooling(rng, (2, 2, 6, 6), 2, 2, 2, 0),
            record_pooling(rng, (1, 2, 5, 5), 3, 3, 1, 0),
            record_pooling(rng, (1, 2, 7, 7), 3, 3, 2, 0),
            record_pooling(rng, (1, 2, 5, 5), 2, 2, 2, 1),
            # windows and images that are not square (outW must come from W and pool_w)
            record_pooling(rng, (1, 2, 5, 7), 2, 3, 1, 0),
            record_pooling(rng, (2, 1, 6, 5), 3, 2, 2, 0),
        ],
    }
    path = os.path.join(os.path.dirname(__file__), "..", "..", "chapters", "07", "testdata",
                        "book_ch07.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(fixture, f, indent=None, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {os.path.normpath(path)} ({os.path.getsize(path)} bytes)")


if __name__ == "__main__":
    main()
