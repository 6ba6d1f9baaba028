import assert from "node:assert/strict";
import * as np from "./mod.ts";
import { assertAllClose } from "../testing/mod.ts";

Deno.test("array() reads nested arrays, numbers and NDArrays", () => {
  const x = np.array([[1, 2, 3], [4, 5, 6]]);
  assert.deepEqual(x.shape, [2, 3]);
  assert.deepEqual([...x.data], [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(np.array(3).shape, []);
  assert.deepEqual(np.array([]).shape, [0]);
  assert.deepEqual(np.array([[], []]).shape, [2, 0]);
  const f = np.array([1.5, 2.5], { dtype: "float32" });
  assert.equal(f.dtype, "float32");
  const copy = np.array(f);
  assert.equal(copy.dtype, "float32", "an NDArray keeps its dtype");
  copy.set([0], 9);
  assert.equal(f.get(0), 1.5, "array() of an NDArray copies");
  assert.equal(np.array(f, { dtype: "float64" }).dtype, "float64");
});

Deno.test("asarray() passes NDArrays through without a copy", () => {
  const x = np.zeros([2]);
  assert.equal(np.asarray(x), x);
  assert.deepEqual(np.asarray([1, 2]).toArray(), [1, 2]);
  assert.equal(np.asarray([1], "float32").dtype, "float32");
});

Deno.test("zeros(), ones(), full() and the *Like versions fill arrays", () => {
  assert.deepEqual(np.zeros([2, 2]).toArray(), [[0, 0], [0, 0]]);
  assert.deepEqual(np.ones([3]).toArray(), [1, 1, 1]);
  assert.deepEqual(np.full([2], -1.5).toArray(), [-1.5, -1.5]);
  assert.equal(np.zeros([]).size, 1);
  assert.equal(np.zeros([3, 0]).size, 0);
  const f = np.ones([2], { dtype: "float32" });
  assert.equal(np.zerosLike(f).dtype, "float32");
  assert.deepEqual(np.onesLike(np.zeros([1, 2])).toArray(), [[1, 1]]);
  assert.equal(np.zerosLike(f, { dtype: "float64" }).dtype, "float64");
});

Deno.test("arange() counts like NumPy's, with fractional and negative steps", () => {
  assert.deepEqual(np.arange(5).toArray(), [0, 1, 2, 3, 4]);
  assert.deepEqual(np.arange(2, 5).toArray(), [2, 3, 4]);
  assert.deepEqual(np.arange(5, 0, { step: -2 }).toArray(), [5, 3, 1]);
  assert.deepEqual(np.arange(3, 3).shape, [0]);
  assert.deepEqual(np.arange(3, 1).shape, [0]);
  // NumPy's len(np.arange(0, 6, 0.1)) is 60 and len(np.arange(-5.0, 5.0, 0.1)) is 100 (§3.2.3).
  assert.equal(np.arange(0, 6, { step: 0.1 }).size, 60);
  assert.equal(np.arange(-5, 5, { step: 0.1 }).size, 100);
  assertAllClose(np.arange(0, 0.5, { step: 0.1 }), [0, 0.1, 0.2, 0.3, 0.4]);
  assert.equal(np.arange(3, undefined, { dtype: "float32" }).dtype, "float32");
});

Deno.test("linspace() includes both ends by default", () => {
  assert.deepEqual(np.linspace(0, 1, { num: 5 }).toArray(), [0, 0.25, 0.5, 0.75, 1]);
  assert.deepEqual(np.linspace(0, 1, { num: 4, endpoint: false }).toArray(), [0, 0.25, 0.5, 0.75]);
  assert.equal(np.linspace(-1, 1).size, 50);
  assert.deepEqual(np.linspace(2, 3, { num: 1 }).toArray(), [2]);
  assert.deepEqual(np.linspace(2, 3, { num: 0 }).toArray(), []);
  // The last value is exactly stop, not stop plus rounding.
  assert.equal(np.linspace(0, 0.3, { num: 7 }).get(-1), 0.3);
});

Deno.test("eye() is the identity", () => {
  assert.deepEqual(np.eye(3).toArray(), [[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
  assert.deepEqual(np.eye(0).shape, [0, 0]);
  assert.equal(np.eye(2, { dtype: "float32" }).dtype, "float32");
});
