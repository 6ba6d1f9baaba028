#!/usr/bin/env python3
"""Records NumPy's results on seeded random inputs, for lib/np/numpy_fixtures_test.ts.

Run from the repository root (needs numpy >= 2):

    python3 tools/numpy/make_fixtures.py

It writes lib/np/testdata/numpy_fixtures.json: for each case the operation, its inputs
(shape, dtype, values), its keyword arguments and NumPy's output. The Deno test replays every
case against lib/np, so CI needs no Python. The same seed gives the same file.
"""

import json
import math
import pathlib
import shutil
import subprocess
import sys

import numpy as np

SEED = 20240601
OUT = pathlib.Path(__file__).resolve().parents[2] / "lib" / "np" / "testdata" / "numpy_fixtures.json"

rng = np.random.default_rng(SEED)


def encode_number(v, dtype):
    """JSON has no NaN or infinities: they travel as strings. float32 values are written in
    their shortest float32 form (1.489, not 1.4889999628067017): Float32Array reads it back
    to the same bits, and the file stays small."""
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    if dtype == "float32":
        return float(str(np.float32(v)))
    return float(v)


def encode(x):
    """An array or a NumPy scalar as {shape, dtype, data}; a Python float as {scalar}."""
    if type(x) is float:  # not np.float64, which subclasses float
        return {"scalar": x}
    a = np.asarray(x)
    dtype = "bool" if a.dtype == np.bool_ else ("int" if a.dtype.kind in "iu" else str(a.dtype))
    return {"shape": list(a.shape), "dtype": dtype,
            "data": [encode_number(float(v), dtype) for v in a.ravel()]}


def values(shape, dtype="float64", low=-3.0, high=3.0):
    """Random values rounded to 3 decimals, so the file stays small and exact in float32 too."""
    return np.asarray(np.round(rng.uniform(low, high, size=shape), 3)).astype(dtype)


def random_shape(max_ndim=4, max_size=4, min_ndim=0):
    ndim = int(rng.integers(min_ndim, max_ndim + 1))
    return tuple(int(n) for n in rng.integers(1, max_size + 1, size=ndim))


def broadcast_shapes(count=2):
    """Shapes that broadcast together: a target with some sizes set to 1 and leading axes dropped."""
    target = random_shape()

    def derive():
        s = [1 if rng.random() < 0.3 else n for n in target]
        return tuple(s[int(rng.integers(0, len(s) + 1)):])

    return [derive() for _ in range(count)]


cases = []


def record(op, inputs, output, **kwargs):
    cases.append({"op": op, "inputs": [encode(x) for x in inputs], "kwargs": kwargs,
                  "output": encode(output)})


# Element-wise arithmetic and comparisons with broadcasting, float64 and float32, and with
# Python scalars (weak: they take the array's dtype in NumPy 2).
BINARY = {
    "add": np.add, "sub": np.subtract, "mul": np.multiply, "div": np.divide,
    "maximum": np.maximum, "minimum": np.minimum, "pow": np.power,
    "greater": np.greater, "lessEqual": np.less_equal, "equal": np.equal,
}


def operands(name, sa, sb, dtype_a, dtype_b):
    """Inputs that keep each operation finite: positive bases for pow, no zero divisors."""
    if name == "pow":
        return values(sa, dtype_a, 0.1, 3.0), values(sb, dtype_b, -2.0, 2.0)
    if name == "div":
        sign = np.where(rng.random(sb) < 0.5, -1, 1)
        return values(sa, dtype_a), (values(sb, "float64", 0.5, 2.0) * sign).astype(dtype_b)
    if name == "equal":
        # Small integers, so that equal elements occur.
        return np.round(values(sa, dtype_a, 0, 2)), np.round(values(sb, dtype_b, 0, 2))
    return values(sa, dtype_a), values(sb, dtype_b)


for name, f in BINARY.items():
    for i in range(8):
        sa, sb = broadcast_shapes()
        dtype_a = "float32" if i % 4 == 1 else "float64"
        dtype_b = "float32" if i % 4 in (1, 2) else "float64"
        a, b = operands(name, sa, sb, dtype_a, dtype_b)
        record(name, [a, b], f(a, b))
    # A Python float on either side: it takes the array's dtype (NEP 50), float32 here.
    a, _ = operands(name, random_shape(min_ndim=1), (), "float32", "float32")
    record(name, [a, 1.5], f(a, 1.5))
    _, b = operands(name, (), random_shape(min_ndim=1), "float32", "float32")
    record(name, [1.5, b], f(1.5, b))

for i in range(6):
    sc, sa, sb = broadcast_shapes(3)
    cond = rng.random(sc) < 0.5
    a, b = values(sa), values(sb)
    record("where", [cond, a, b], np.where(cond, a, b))

# Reductions: every axis, negative axes, tuples of axes, keepdims, float32.
REDUCE = {"sum": np.sum, "mean": np.mean, "max": np.max, "min": np.min,
          "argmax": np.argmax, "argmin": np.argmin}
for name, f in REDUCE.items():
    for i in range(12):
        shape = random_shape(min_ndim=1)
        dtype = "float32" if i % 3 == 2 else "float64"
        x = values(shape, dtype)
        if name.startswith("arg"):
            x = np.round(x).astype(dtype)  # ties: the first index wins
        kwargs = {}
        choice = i % 4
        if choice == 1:
            kwargs["axis"] = int(rng.integers(-len(shape), len(shape)))
        elif choice == 2 and not name.startswith("arg") and len(shape) >= 2:
            k = int(rng.integers(1, len(shape) + 1))
            kwargs["axis"] = sorted(int(a) for a in rng.choice(len(shape), size=k, replace=False))
        elif choice == 3:
            kwargs["axis"] = int(rng.integers(0, len(shape)))
            kwargs["keepdims"] = True
        if i == 5 and not name.startswith("arg"):
            kwargs = {"keepdims": True}
        np_kwargs = dict(kwargs)
        if isinstance(np_kwargs.get("axis"), list):
            np_kwargs["axis"] = tuple(np_kwargs["axis"])
        record(name, [x], f(x, **np_kwargs), **kwargs)
# The sum of an empty axis is 0.
record("sum", [np.zeros((2, 0))], np.sum(np.zeros((2, 0)), axis=1), axis=1)

# dot: every rank combination NumPy defines (1-D·1-D, 2-D·1-D, 1-D·2-D, 2-D·2-D, N-D·1-D,
# N-D·M-D), float64 and float32.
def dims():
    return [int(n) for n in rng.integers(1, 6, size=4)]

for i in range(24):
    m, k, n, b = dims()
    kind = i % 6
    dtype = "float32" if i % 5 == 4 else "float64"
    if kind == 0:
        a, c = values((k,), dtype), values((k,), dtype)
    elif kind == 1:
        a, c = values((m, k), dtype), values((k,), dtype)
    elif kind == 2:
        a, c = values((k,), dtype), values((k, n), dtype)
    elif kind == 3:
        a, c = values((m, k), dtype), values((k, n), dtype)
    elif kind == 4:
        a, c = values((b, m, k), dtype), values((k,), dtype)
    else:
        a, c = values((b, m, k), dtype), values((2, k, n), dtype)
    record("dot", [a, c], np.dot(a, c))

# matmul: vectors as rows/columns, batches that broadcast.
for i in range(18):
    m, k, n, b = dims()
    kind = i % 6
    dtype = "float32" if i % 5 == 4 else "float64"
    if kind == 0:
        a, c = values((k,), dtype), values((k, n), dtype)
    elif kind == 1:
        a, c = values((m, k), dtype), values((k,), dtype)
    elif kind == 2:
        a, c = values((m, k), dtype), values((k, n), dtype)
    elif kind == 3:
        a, c = values((b, m, k), dtype), values((k, n), dtype)
    elif kind == 4:
        a, c = values((b, 1, m, k), dtype), values((3, k, n), dtype)
    else:
        a, c = values((b, m, k), dtype), values((k,), dtype)
    record("matmul", [a, c], np.matmul(a, c))

# Shape work that the property tests do not pin to NumPy's exact results.
for i in range(6):
    shape = random_shape(min_ndim=2)
    x = values(shape)
    axes = [int(a) for a in rng.permutation(len(shape))]
    record("transpose", [x], np.transpose(x, axes), axes=axes)
for i in range(4):
    shape = random_shape(min_ndim=2)
    axis = int(rng.integers(0, len(shape)))
    other = list(shape)
    other[axis] = int(rng.integers(1, 4))
    a, b = values(shape), values(tuple(other))
    record("concatenate", [a, b], np.concatenate([a, b], axis=axis), axis=axis)

doc = {
    "generator": "tools/numpy/make_fixtures.py",
    "numpy": np.__version__,
    "seed": SEED,
    "cases": cases,
}
OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps(doc, separators=(",", ":")) + "\n")
# The self-check runs `deno fmt --check`, which covers JSON: write the file in its layout.
if shutil.which("deno"):
    subprocess.run(["deno", "fmt", "--quiet", str(OUT)], check=True)
else:
    print("deno is not on PATH: run `deno fmt lib/np/testdata/numpy_fixtures.json`", file=sys.stderr)
print(f"Wrote {OUT.relative_to(pathlib.Path.cwd()) if OUT.is_relative_to(pathlib.Path.cwd()) else OUT}: "
      f"{len(cases)} cases, {OUT.stat().st_size // 1024} KB (numpy {np.__version__})", file=sys.stderr)
