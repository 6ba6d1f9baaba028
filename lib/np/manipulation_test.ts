import assert from "node:assert/strict";
import * as np from "./mod.ts";

Deno.test("reshape() and transpose() as functions", () => {
  assert.deepEqual(np.reshape([1, 2, 3, 4], [2, 2]).toArray(), [[1, 2], [3, 4]]);
  assert.deepEqual(np.transpose([[1, 2, 3]]).toArray(), [[1], [2], [3]]);
  assert.deepEqual(np.transpose(np.zeros([2, 3, 4]), [2, 0, 1]).shape, [4, 2, 3]);
});

Deno.test("concatenate() joins along any axis and promotes dtypes", () => {
  const a = np.array([[1, 2], [3, 4]]), b = np.array([[5, 6]]);
  assert.deepEqual(np.concatenate([a, b]).toArray(), [[1, 2], [3, 4], [5, 6]]);
  assert.deepEqual(np.concatenate([a, [[7], [8]]], { axis: 1 }).toArray(), [[1, 2, 7], [3, 4, 8]]);
  assert.deepEqual(np.concatenate([a, a], { axis: -1 }).shape, [2, 4]);
  const f = np.ones([1, 2], { dtype: "float32" });
  assert.equal(np.concatenate([f, f]).dtype, "float32");
  assert.equal(np.concatenate([f, b]).dtype, "float64");
  assert.deepEqual(np.concatenate([np.zeros([0, 2]), b]).toArray(), [[5, 6]]);
});

Deno.test("stack() adds an axis; expandDims() and squeeze() add and remove size-1 axes", () => {
  assert.deepEqual(np.stack([[1, 2], [3, 4]]).toArray(), [[1, 2], [3, 4]]);
  assert.deepEqual(np.stack([[1, 2], [3, 4]], { axis: 1 }).toArray(), [[1, 3], [2, 4]]);
  assert.deepEqual(np.stack([np.zeros([2, 3]), np.zeros([2, 3])], { axis: -1 }).shape, [2, 3, 2]);
  assert.deepEqual(np.expandDims(np.zeros([2, 3]), 1).shape, [2, 1, 3]);
  assert.deepEqual(np.expandDims(np.zeros([2, 3]), -1).shape, [2, 3, 1]);
  assert.deepEqual(np.squeeze(np.zeros([1, 2, 1, 3])).shape, [2, 3]);
  assert.deepEqual(np.squeeze(np.zeros([1, 2, 1]), { axis: 0 }).shape, [2, 1]);
});

Deno.test("broadcastTo() repeats rows and columns", () => {
  assert.deepEqual(np.broadcastTo([1, 2, 3], [2, 3]).toArray(), [[1, 2, 3], [1, 2, 3]]);
  assert.deepEqual(np.broadcastTo([[1], [2]], [2, 2]).toArray(), [[1, 1], [2, 2]]);
  assert.deepEqual(np.broadcastTo(5, [2]).toArray(), [5, 5]);
});

Deno.test("pad() pads with zeros or a constant (§7.4.3)", () => {
  assert.deepEqual(np.pad([1, 2], [[1, 2]]).toArray(), [0, 1, 2, 0, 0]);
  assert.deepEqual(np.pad([[1]], [1, 1]).toArray(), [[0, 0, 0], [0, 1, 0], [0, 0, 0]]);
  assert.deepEqual(np.pad([[1, 2]], [[0, 1], [1, 0]], { constantValue: 9 }).toArray(), [
    [9, 1, 2],
    [9, 9, 9],
  ]);
  const x = np.ones([2, 1, 3, 3]);
  const p = np.pad(x, [[0, 0], [0, 0], [1, 1], [1, 1]]);
  assert.deepEqual(p.shape, [2, 1, 5, 5]);
  assert.equal(np.sum(p), 18);
  assert.equal(p.get(1, 0, 0, 0), 0);
  assert.equal(p.get(1, 0, 1, 1), 1);
});

Deno.test("take() picks rows for a mini-batch (§4.2.3) and flat elements", () => {
  const x = np.arange(12).reshape(4, 3);
  assert.deepEqual(np.take(x, [3, 0], { axis: 0 }).toArray(), [[9, 10, 11], [0, 1, 2]]);
  assert.deepEqual(np.take(x, [2], { axis: 1 }).toArray(), [[2], [5], [8], [11]]);
  assert.deepEqual(np.take(x, [-1, 4]).toArray(), [11, 4]);
  assert.deepEqual(np.take(x, new Int32Array([1, 1]), { axis: 0 }).shape, [2, 3]);
  assert.deepEqual(np.take(x, [[0, 1], [2, 3]], { axis: 0 }).shape, [2, 2, 3]);
  const mask = np.rng(0).choice(4, 2);
  assert.deepEqual(np.take(x, mask, { axis: 0 }).shape, [2, 3]);
});
