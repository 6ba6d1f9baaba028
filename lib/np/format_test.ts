/**
 * `toString()` against the `repr` NumPy 2.4 prints for the same arrays (the expected strings
 * were copied from Python).
 */

import assert from "node:assert/strict";
import * as np from "./mod.ts";

const f32 = { dtype: "float32" } as const;

const CASES: [string, np.NDArray, string][] = [
  ["np.array([1., 2., 3.])", np.array([1, 2, 3]), "array([1., 2., 3.])"],
  [
    "np.array([[1., 2.], [3., 4.]])",
    np.array([[1, 2], [3, 4]]),
    "array([[1., 2.],\n       [3., 4.]])",
  ],
  ["np.array([0.1, 0.25, 3.0])", np.array([0.1, 0.25, 3.0]), "array([0.1 , 0.25, 3.  ])"],
  [
    "np.array([[-1.5, 2.0], [3.25, -4.0]])",
    np.array([[-1.5, 2.0], [3.25, -4.0]]),
    "array([[-1.5 ,  2.  ],\n       [ 3.25, -4.  ]])",
  ],
  ["np.array([1e-5, 1.0])", np.array([1e-5, 1.0]), "array([1.e-05, 1.e+00])"],
  ["np.array([1e10, 1.0])", np.array([1e10, 1.0]), "array([1.e+10, 1.e+00])"],
  [
    "np.array([1.23456789e-7, 1.0, 2.0])",
    np.array([1.23456789e-7, 1.0, 2.0]),
    "array([1.23456789e-07, 1.00000000e+00, 2.00000000e+00])",
  ],
  [
    "np.array([nan, inf, -inf, 1.0])",
    np.array([NaN, Infinity, -Infinity, 1.0]),
    "array([ nan,  inf, -inf,   1.])",
  ],
  ["np.array([nan, 1e-5])", np.array([NaN, 1e-5]), "array([   nan, 1.e-05])"],
  [
    "np.arange(8.).reshape(2, 2, 2)",
    np.arange(8).reshape(2, 2, 2),
    "array([[[0., 1.],\n        [2., 3.]],\n\n       [[4., 5.],\n        [6., 7.]]])",
  ],
  [
    "np.array([1.5, 2.0], dtype=np.float32)",
    np.array([1.5, 2.0], f32),
    "array([1.5, 2. ], dtype=float32)",
  ],
  [
    "np.array([0.1, 0.2], dtype=np.float32)",
    np.array([0.1, 0.2], f32),
    "array([0.1, 0.2], dtype=float32)",
  ],
  ["np.array(3.5)", np.array(3.5), "array(3.5)"],
  ["np.array(-0.0)", np.array(-0), "array(-0.)"],
  ["np.array([-0.0, -1.5])", np.array([-0, -1.5]), "array([-0. , -1.5])"],
  ["np.array([1/3, 2/3])", np.array([1 / 3, 2 / 3]), "array([0.33333333, 0.66666667])"],
  ["np.zeros(3)", np.zeros([3]), "array([0., 0., 0.])"],
  ["np.zeros((0,))", np.zeros([0]), "array([], dtype=float64)"],
  ["np.zeros((2, 0))", np.zeros([2, 0]), "array([], shape=(2, 0), dtype=float64)"],
  ["np.zeros((0,), dtype=np.float32)", np.zeros([0], f32), "array([], dtype=float32)"],
  [
    "np.arange(30.) / 7",
    np.div(np.arange(30), 7),
    "array([0.        , 0.14285714, 0.28571429, 0.42857143, 0.57142857,\n       0.71428571, 0.85714286, 1.        , 1.14285714, 1.28571429,\n       1.42857143, 1.57142857, 1.71428571, 1.85714286, 2.        ,\n       2.14285714, 2.28571429, 2.42857143, 2.57142857, 2.71428571,\n       2.85714286, 3.        , 3.14285714, 3.28571429, 3.42857143,\n       3.57142857, 3.71428571, 3.85714286, 4.        , 4.14285714])",
  ],
  [
    "np.arange(1001.)",
    np.arange(1001),
    "array([   0.,    1.,    2., ...,  998.,  999., 1000.], shape=(1001,))",
  ],
  [
    "np.arange(2000., dtype=np.float32)",
    np.arange(2000, undefined, f32),
    "array([0.000e+00, 1.000e+00, 2.000e+00, ..., 1.997e+03, 1.998e+03,\n       1.999e+03], shape=(2000,), dtype=float32)",
  ],
  [
    "np.array([[0.001, 123.5], [7.0, -0.25]])",
    np.array([[0.001, 123.5], [7.0, -0.25]]),
    "array([[ 1.000e-03,  1.235e+02],\n       [ 7.000e+00, -2.500e-01]])",
  ],
];

for (const [python, x, repr] of CASES) {
  Deno.test(`toString() prints ${python} as NumPy does`, () => {
    assert.equal(x.toString(), repr);
  });
}

Deno.test("toString() summarises large matrices like NumPy", () => {
  const text = np.arange(2000).reshape(40, 50).toString();
  const lines = text.split("\n");
  assert.equal(lines[0], "array([[0.000e+00, 1.000e+00, 2.000e+00, ..., 4.700e+01, 4.800e+01,");
  assert.ok(lines.includes("       ...,"));
  assert.ok(text.endsWith("1.999e+03]], shape=(40, 50))"));
});
