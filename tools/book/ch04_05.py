"""The book's chapter 4 and 5 code (common/functions.py, common/gradient.py,
ch04/gradient_method.py, common/layers.py, ch04/two_layer_net.py, ch05/two_layer_net.py),
written out independently in NumPy and run on fixed inputs.

It records the inputs and outputs in chapters/04/testdata/book_ch04.json and
chapters/05/testdata/book_ch05.json, which the tests of chapters/04 and chapters/05 replay
against the TypeScript code (in chapter 05, the last test of each exercise's test file), so CI
needs no Python.

Run from anywhere:  python3 tools/book/ch04_05.py   (then: deno fmt chapters/04 chapters/05)
"""

import json
import os
from collections import OrderedDict

import numpy as np

# ---- common/functions.py ------------------------------------------------------------------


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)  # against overflow (§3.5.2)
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def sum_squared_error(y, t):
    return 0.5 * np.sum((y - t) ** 2)


def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    # one-hot labels become the indices of the right answers
    if t.size == y.size:
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size


# ---- common/gradient.py and ch04/gradient_method.py -----------------------------------------


def numerical_diff(f, x):
    h = 1e-4
    return (f(x + h) - f(x - h)) / (2 * h)


def numerical_gradient(f, x):
    h = 1e-4
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"], op_flags=["readwrite"])
    while not it.finished:
        idx = it.multi_index
        tmp_val = x[idx]
        x[idx] = float(tmp_val) + h
        fxh1 = f(x)
        x[idx] = tmp_val - h
        fxh2 = f(x)
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = tmp_val
        it.iternext()
    return grad


def gradient_descent(f, init_x, lr=0.01, step_num=100):
    x = init_x
    x_history = []
    for i in range(step_num):
        x_history.append(x.copy())
        grad = numerical_gradient(f, x)
        x -= lr * grad
    return x, np.array(x_history)


# ---- common/layers.py -----------------------------------------------------------------------


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout = dout.copy()
        dout[self.mask] = 0
        return dout


class Sigmoid:
    def __init__(self):
        self.out = None

    def forward(self, x):
        self.out = sigmoid(x)
        return self.out

    def backward(self, dout):
        return dout * (1.0 - self.out) * self.out


class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.original_x_shape = None
        self.dW = None
        self.db = None

    def forward(self, x):
        self.original_x_shape = x.shape
        x = x.reshape(x.shape[0], -1)
        self.x = x
        return np.dot(self.x, self.W) + self.b

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return dx.reshape(*self.original_x_shape)


class SoftmaxWithLoss:
    def __init__(self):
        self.loss = None
        self.y = None
        self.t = None

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss

    def backward(self, dout=1):
        batch_size = self.t.shape[0]
        if self.t.size == self.y.size:
            dx = (self.y - self.t) / batch_size
        else:
            dx = self.y.copy()
            dx[np.arange(batch_size), self.t] -= 1
            dx = dx / batch_size
        return dx


# ---- ch04/two_layer_net.py ------------------------------------------------------------------


class TwoLayerNet4:
    def __init__(self, params):
        self.params = {k: v.copy() for k, v in params.items()}

    def predict(self, x):
        W1, W2 = self.params["W1"], self.params["W2"]
        b1, b2 = self.params["b1"], self.params["b2"]
        a1 = np.dot(x, W1) + b1
        z1 = sigmoid(a1)
        a2 = np.dot(z1, W2) + b2
        return softmax(a2)

    def loss(self, x, t):
        return cross_entropy_error(self.predict(x), t)

    def accuracy(self, x, t):
        y = np.argmax(self.predict(x), axis=1)
        t = np.argmax(t, axis=1)
        return np.sum(y == t) / float(x.shape[0])

    def numerical_gradient(self, x, t):
        loss_W = lambda W: self.loss(x, t)  # noqa: E731 (the book's lambda)
        return {k: numerical_gradient(loss_W, self.params[k]) for k in ("W1", "b1", "W2", "b2")}

    def gradient(self, x, t):
        W1, W2 = self.params["W1"], self.params["W2"]
        b1, b2 = self.params["b1"], self.params["b2"]
        grads = {}
        batch_num = x.shape[0]
        a1 = np.dot(x, W1) + b1
        z1 = sigmoid(a1)
        a2 = np.dot(z1, W2) + b2
        y = softmax(a2)
        dy = (y - t) / batch_num
        grads["W2"] = np.dot(z1.T, dy)
        grads["b2"] = np.sum(dy, axis=0)
        da1 = np.dot(dy, W2.T)
        dz1 = (1.0 - sigmoid(a1)) * sigmoid(a1) * da1  # sigmoid_grad(a1) * da1
        grads["W1"] = np.dot(x.T, dz1)
        grads["b1"] = np.sum(dz1, axis=0)
        return grads


# ---- ch05/two_layer_net.py ------------------------------------------------------------------


class TwoLayerNet5:
    def __init__(self, params):
        self.params = {k: v.copy() for k, v in params.items()}
        self.layers = OrderedDict()
        self.layers["Affine1"] = Affine(self.params["W1"], self.params["b1"])
        self.layers["Relu1"] = Relu()
        self.layers["Affine2"] = Affine(self.params["W2"], self.params["b2"])
        self.lastLayer = SoftmaxWithLoss()

    def predict(self, x):
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        return self.lastLayer.forward(self.predict(x), t)

    def accuracy(self, x, t):
        y = np.argmax(self.predict(x), axis=1)
        if t.ndim != 1:
            t = np.argmax(t, axis=1)
        return np.sum(y == t) / float(x.shape[0])

    def numerical_gradient(self, x, t):
        loss_W = lambda W: self.loss(x, t)  # noqa: E731
        return {k: numerical_gradient(loss_W, self.params[k]) for k in ("W1", "b1", "W2", "b2")}

    def gradient(self, x, t):
        self.loss(x, t)
        dout = self.lastLayer.backward(1)
        for layer in reversed(list(self.layers.values())):
            dout = layer.backward(dout)
        return {
            "W1": self.layers["Affine1"].dW, "b1": self.layers["Affine1"].db,
            "W2": self.layers["Affine2"].dW, "b2": self.layers["Affine2"].db,
        }


# ---- recording ------------------------------------------------------------------------------


def tensor(a):
    a = np.asarray(a, dtype=np.float64)
    return {"shape": list(a.shape), "data": [float(v) for v in a.ravel()]}


def one_hot(labels, classes):
    return np.eye(classes)[labels]


def random_probabilities(rng, shape):
    return softmax(rng.standard_normal(shape) * 2)


def record_losses(rng):
    cases = []
    y_book = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
    for y, label in [(y_book, 2), (y_book[[0, 1, 7, 3, 4, 5, 6, 2, 8, 9]], 2)]:
        t = one_hot(label, 10)
        cases.append({"y": tensor(y), "t": tensor(t), "label": [label],
                      "sse": sum_squared_error(y, t), "cee": cross_entropy_error(y, t)})
    for n, classes in [(1, 4), (5, 10), (8, 3)]:
        y = random_probabilities(rng, (n, classes))
        labels = rng.integers(0, classes, n)
        t = one_hot(labels, classes)
        case = {"y": tensor(y), "t": tensor(t), "label": [int(v) for v in labels],
                "cee": cross_entropy_error(y, t)}
        assert abs(cross_entropy_error(y, labels) - case["cee"]) < 1e-15
        # The book's sum_squared_error does not average over a batch; the workbook's does.
        case["sseMean"] = sum_squared_error(y, t) / n
        cases.append(case)
    return cases


def record_gradients(rng):
    function_2 = lambda x: np.sum(x ** 2)  # noqa: E731
    points = []
    for p in ([3.0, 4.0], [0.0, 2.0], [3.0, 0.0]):
        x = np.array(p)
        points.append({"x": tensor(x), "grad": tensor(numerical_gradient(function_2, x))})
    # A matrix: the loss of a one-layer softmax net as a function of its weights (§4.4.2).
    x = rng.standard_normal((3, 4))
    W = rng.standard_normal((4, 5))
    t = one_hot(rng.integers(0, 5, 3), 5)
    f = lambda W: cross_entropy_error(softmax(np.dot(x, W)), t)  # noqa: E731
    matrix = {"x": tensor(x), "W": tensor(W), "t": tensor(t), "loss": f(W),
              "grad": tensor(numerical_gradient(f, W))}
    descents = []
    for lr in (0.1, 10.0, 1e-10):
        final, history = gradient_descent(function_2, np.array([-3.0, 4.0]), lr=lr, step_num=100)
        descents.append({"lr": lr, "stepNum": 100, "x": tensor(final),
                         "historyHead": tensor(history[:5]), "historyLength": len(history)})
    diffs = [{"x": x, "value": numerical_diff(lambda x: 0.01 * x ** 2 + 0.1 * x, x)}
             for x in (5.0, 10.0)]
    return {"numericalDiff": diffs, "function2": points, "matrix": matrix, "descent": descents}


def net_params(rng, sizes, scale):
    i, h, o = sizes
    return {"W1": rng.standard_normal((i, h)) * scale, "b1": rng.standard_normal(h) * 0.1,
            "W2": rng.standard_normal((h, o)) * scale, "b2": rng.standard_normal(o) * 0.1}


def record_net4(rng):
    params = net_params(rng, (6, 5, 4), 0.5)
    x = rng.random((7, 6))
    labels = rng.integers(0, 4, 7)
    t = one_hot(labels, 4)
    net = TwoLayerNet4(params)
    return {
        "params": {k: tensor(v) for k, v in params.items()},
        "x": tensor(x), "t": tensor(t), "label": [int(v) for v in labels],
        "predict": tensor(net.predict(x)), "loss": net.loss(x, t), "accuracy": net.accuracy(x, t),
        "numericalGradient": {k: tensor(v) for k, v in net.numerical_gradient(x, t).items()},
        "gradient": {k: tensor(v) for k, v in net.gradient(x, t).items()},
    }


def record_layers(rng):
    x = rng.standard_normal((3, 4))
    dout = rng.standard_normal((3, 4))
    relu = Relu()
    relu_case = {"x": tensor(x), "out": tensor(relu.forward(x)), "dout": tensor(dout),
                 "dx": tensor(relu.backward(dout))}
    sig = Sigmoid()
    sigmoid_case = {"x": tensor(x), "out": tensor(sig.forward(x)), "dout": tensor(dout),
                    "dx": tensor(sig.backward(dout))}
    affine_cases = []
    for shape in [(2, 4), (3, 2, 2, 1)]:
        W = rng.standard_normal((4, 3))
        b = rng.standard_normal(3)
        x = rng.standard_normal(shape)
        layer = Affine(W, b)
        out = layer.forward(x)
        dout = rng.standard_normal(out.shape)
        dx = layer.backward(dout)
        affine_cases.append({"W": tensor(W), "b": tensor(b), "x": tensor(x), "out": tensor(out),
                             "dout": tensor(dout), "dx": tensor(dx), "dW": tensor(layer.dW),
                             "db": tensor(layer.db)})
    softmax_cases = []
    for n, classes in [(4, 5), (1, 3)]:
        x = rng.standard_normal((n, classes)) * 3
        labels = rng.integers(0, classes, n)
        layer = SoftmaxWithLoss()
        loss = layer.forward(x, one_hot(labels, classes))
        dx = layer.backward()
        layer2 = SoftmaxWithLoss()
        assert abs(layer2.forward(x, labels) - loss) < 1e-15
        assert np.allclose(layer2.backward(), dx, rtol=0, atol=1e-16)
        softmax_cases.append({"x": tensor(x), "t": tensor(one_hot(labels, classes)),
                              "label": [int(v) for v in labels], "loss": loss, "dx": tensor(dx)})
    return {"relu": relu_case, "sigmoid": sigmoid_case, "affine": affine_cases,
            "softmaxWithLoss": softmax_cases}


def record_net5(rng):
    params = net_params(rng, (6, 5, 4), 0.5)
    x = rng.random((7, 6))
    labels = rng.integers(0, 4, 7)
    t = one_hot(labels, 4)
    net = TwoLayerNet5(params)
    grad = net.gradient(x, t)
    numerical = net.numerical_gradient(x, t)
    return {
        "params": {k: tensor(v) for k, v in params.items()},
        "x": tensor(x), "t": tensor(t), "label": [int(v) for v in labels],
        "predict": tensor(net.predict(x)), "loss": net.loss(x, t), "accuracy": net.accuracy(x, t),
        "numericalGradient": {k: tensor(v) for k, v in numerical.items()},
        "gradient": {k: tensor(v) for k, v in grad.items()},
    }


def write(fixture, chapter):
    path = os.path.join(os.path.dirname(__file__), "..", "..", "chapters", chapter, "testdata",
                        f"book_ch{chapter}.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(fixture, f, indent=None, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {os.path.normpath(path)} ({os.path.getsize(path)} bytes)")


def main():
    source = ("tools/book/ch04_05.py (the book's common/ and ch04, ch05 code in NumPy "
              + np.__version__ + ")")
    rng = np.random.default_rng(20240405)
    write({"source": source, "losses": record_losses(rng), "gradients": record_gradients(rng),
           "twoLayerNet": record_net4(rng)}, "04")
    write({"source": source, "layers": record_layers(rng), "twoLayerNet": record_net5(rng)}, "05")


if __name__ == "__main__":
    main()
