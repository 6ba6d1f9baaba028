"""The book's chapter 6 code (common/optimizer.py and the BatchNormalization and Dropout
layers of common/layers.py), written out independently in NumPy, run on fixed inputs.

It follows the book's repository as it is now (oreilly-japan/deep-learning-from-scratch), not
the first printing where they differ: Nesterov is the update of its 2021-01-18 fix.

It records the inputs and outputs in chapters/06/testdata/book_ch06.json, which the tests of
chapters/06 (optimizers_test.ts, batch_normalization_test.ts, dropout_test.ts) replay against
the TypeScript code, so CI needs no Python.

Run from the repository root, then format the JSON as the repository does:
    python3 tools/book/ch06.py && deno fmt chapters/06/testdata/book_ch06.json
"""

import json
import os

import numpy as np


# ---- common/optimizer.py ------------------------------------------------------------------

class SGD:
    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for key in params.keys():
            params[key] -= self.lr * grads[key]


class Momentum:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = None

    def update(self, params, grads):
        if self.v is None:
            self.v = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params.keys():
            self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]
            params[key] += self.v[key]


class Nesterov:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = None

    def update(self, params, grads):
        if self.v is None:
            self.v = {key: np.zeros_like(val) for key, val in params.items()}
        # The book's repository since its fix of 2021-01-18 ("Fix Nesterov update function"):
        # the parameters move with the old velocity first, then v is updated. (The printed
        # book's 2016 code updated v first.)
        for key in params.keys():
            params[key] += self.momentum * self.momentum * self.v[key]
            params[key] -= (1 + self.momentum) * self.lr * grads[key]
            self.v[key] *= self.momentum
            self.v[key] -= self.lr * grads[key]


class AdaGrad:
    def __init__(self, lr=0.01):
        self.lr = lr
        self.h = None

    def update(self, params, grads):
        if self.h is None:
            self.h = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params.keys():
            self.h[key] += grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)


class RMSprop:
    def __init__(self, lr=0.01, decay_rate=0.99):
        self.lr = lr
        self.decay_rate = decay_rate
        self.h = None

    def update(self, params, grads):
        if self.h is None:
            self.h = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params.keys():
            self.h[key] *= self.decay_rate
            self.h[key] += (1 - self.decay_rate) * grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)


class Adam:
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.iter = 0
        self.m = None
        self.v = None

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


# ---- common/layers.py ---------------------------------------------------------------------

class BatchNormalization:
    def __init__(self, gamma, beta, momentum=0.9, running_mean=None, running_var=None):
        self.gamma = gamma
        self.beta = beta
        self.momentum = momentum
        self.input_shape = None
        self.running_mean = running_mean
        self.running_var = running_var
        self.batch_size = None
        self.xc = None
        self.std = None
        self.dgamma = None
        self.dbeta = None

    def forward(self, x, train_flg=True):
        self.input_shape = x.shape
        if x.ndim != 2:
            x = x.reshape(x.shape[0], -1)
        out = self._forward(x, train_flg)
        return out.reshape(*self.input_shape)

    def _forward(self, x, train_flg):
        if self.running_mean is None:
            _, d = x.shape
            self.running_mean = np.zeros(d)
            self.running_var = np.zeros(d)
        if train_flg:
            mu = x.mean(axis=0)
            xc = x - mu
            var = np.mean(xc ** 2, axis=0)
            std = np.sqrt(var + 10e-7)
            xn = xc / std
            self.batch_size = x.shape[0]
            self.xc = xc
            self.xn = xn
            self.std = std
            self.running_mean = self.momentum * self.running_mean + (1 - self.momentum) * mu
            self.running_var = self.momentum * self.running_var + (1 - self.momentum) * var
        else:
            xc = x - self.running_mean
            xn = xc / (np.sqrt(self.running_var + 10e-7))
        return self.gamma * xn + self.beta

    def backward(self, dout):
        if dout.ndim != 2:
            dout = dout.reshape(dout.shape[0], -1)
        dx = self._backward(dout)
        return dx.reshape(*self.input_shape)

    def _backward(self, dout):
        dbeta = dout.sum(axis=0)
        dgamma = np.sum(self.xn * dout, axis=0)
        dxn = self.gamma * dout
        dxc = dxn / self.std
        dstd = -np.sum((dxn * self.xc) / (self.std * self.std), axis=0)
        dvar = 0.5 * dstd / self.std
        dxc += (2.0 / self.batch_size) * self.xc * dvar
        dmu = np.sum(dxc, axis=0)
        dx = dxc - dmu / self.batch_size
        self.dgamma = dgamma
        self.dbeta = dbeta
        return dx


class Dropout:
    def __init__(self, dropout_ratio=0.5):
        self.dropout_ratio = dropout_ratio
        self.mask = None

    def forward(self, x, train_flg=True):
        if train_flg:
            self.mask = np.random.rand(*x.shape) > self.dropout_ratio
            return x * self.mask
        return x * (1.0 - self.dropout_ratio)

    def backward(self, dout):
        return dout * self.mask


# ---- recording ----------------------------------------------------------------------------

def tensor(a):
    """An array as {shape, data} with Python floats (JSON keeps 17 significant digits)."""
    a = np.asarray(a, dtype=np.float64)
    return {"shape": list(a.shape), "data": [float(v) for v in a.ravel()]}


def record_optimizers(rng):
    cases = []
    setups = [
        ("SGD", {"lr": 0.1}, lambda: SGD(lr=0.1)),
        ("Momentum", {"lr": 0.05, "momentum": 0.8}, lambda: Momentum(lr=0.05, momentum=0.8)),
        ("Nesterov", {"lr": 0.05, "momentum": 0.9}, lambda: Nesterov(lr=0.05, momentum=0.9)),
        ("AdaGrad", {"lr": 0.3}, lambda: AdaGrad(lr=0.3)),
        ("RMSprop", {"lr": 0.02, "decayRate": 0.9}, lambda: RMSprop(lr=0.02, decay_rate=0.9)),
        ("Adam", {"lr": 0.01, "beta1": 0.8, "beta2": 0.99}, lambda: Adam(lr=0.01, beta1=0.8, beta2=0.99)),
        ("Adam", {}, lambda: Adam()),
    ]
    for name, options, make in setups:
        opt = make()
        params = {"W": rng.standard_normal((3, 2)), "b": rng.standard_normal(2)}
        start = {k: tensor(v) for k, v in params.items()}
        steps = []
        for _ in range(4):
            grads = {"W": rng.standard_normal((3, 2)), "b": rng.standard_normal(2) * 0.1}
            opt.update(params, grads)
            steps.append({
                "grads": {k: tensor(v) for k, v in grads.items()},
                "params": {k: tensor(v) for k, v in params.items()},
            })
        state = {}
        for field in ("v", "h", "m"):
            value = getattr(opt, field, None)
            if value is not None:
                state[field] = {k: tensor(v) for k, v in value.items()}
        if hasattr(opt, "iter"):
            state["iter"] = opt.iter
        cases.append({"name": name, "options": options, "params": start, "steps": steps,
                      "state": state})
    return cases


def record_batch_norm(rng, shape, momentum):
    d = int(np.prod(shape[1:]))
    gamma = 1.0 + 0.3 * rng.standard_normal(d)
    beta = 0.5 * rng.standard_normal(d)
    layer = BatchNormalization(gamma.copy(), beta.copy(), momentum=momentum)
    batches = [rng.standard_normal(shape) * 2.0 + 1.5 for _ in range(2)]
    case = {"shape": list(shape), "momentum": momentum, "gamma": tensor(gamma),
            "beta": tensor(beta), "train": []}
    for x in batches:
        out = layer.forward(x, train_flg=True)
        dout = rng.standard_normal(shape)
        dx = layer.backward(dout)
        case["train"].append({
            "x": tensor(x), "out": tensor(out), "dout": tensor(dout), "dx": tensor(dx),
            "dgamma": tensor(layer.dgamma), "dbeta": tensor(layer.dbeta),
            "runningMean": tensor(layer.running_mean), "runningVar": tensor(layer.running_var),
        })
    x_test = rng.standard_normal(shape)
    case["test"] = {"x": tensor(x_test), "out": tensor(layer.forward(x_test, train_flg=False))}
    return case


def main():
    rng = np.random.default_rng(20240606)
    fixture = {
        "source": "tools/book/ch06.py (the book's common/optimizer.py and common/layers.py in NumPy "
                  + np.__version__ + ")",
        "optimizers": record_optimizers(rng),
        "batchNormalization": [
            record_batch_norm(rng, (5, 4), 0.9),
            record_batch_norm(rng, (4, 2, 3, 3), 0.8),
        ],
    }
    x = rng.standard_normal((3, 4))
    fixture["dropout"] = [
        {"ratio": ratio, "x": tensor(x), "testOut": tensor(Dropout(ratio).forward(x, train_flg=False))}
        for ratio in (0.5, 0.2)
    ]
    path = os.path.join(os.path.dirname(__file__), "..", "..", "chapters", "06", "testdata",
                        "book_ch06.json")
    with open(path, "w") as f:
        json.dump(fixture, f, indent=None, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {os.path.normpath(path)} ({os.path.getsize(path)} bytes)")


if __name__ == "__main__":
    main()
