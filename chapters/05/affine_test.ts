import assert from "node:assert/strict";
import * as np from "../../lib/np/mod.ts";
import { assertAllClose, assertGradientsClose } from "../../lib/testing/mod.ts";
import { Affine } from "./affine.ts";

Deno.test("Affine.forward() adds the bias to every row (§5.6.2)", () => {
  // x · W = [[0, 0, 0], [10, 10, 10]] and B = [1, 2, 3], as the book's batch example.
  const layer = new Affine(np.full([2, 3], 5), np.array([1, 2, 3]));
  const out = layer.forward(np.array([[0, 0], [1, 1]]));
  assert.deepEqual(out.toArray(), [[1, 2, 3], [11, 12, 13]]);
});

Deno.test("Affine.backward() sums db over the batch and follows equation (5.13) (§5.6.2)", () => {
  const W = np.array([[1, 2, 3], [4, 5, 6]]);
  const layer = new Affine(W, np.array([0, 0, 0]));
  layer.forward(np.array([[1, 0], [0, 2]]));
  const dout = np.array([[1, 2, 3], [4, 5, 6]]);
  const dx = layer.backward(dout);
  assert.deepEqual(layer.db?.toArray(), [5, 7, 9], "the book's dB for dY = [[1,2,3],[4,5,6]]");
  // dx = dout · Wᵀ, dW = xᵀ · dout.
  assert.deepEqual(dx.toArray(), [[14, 32], [32, 77]]);
  assert.deepEqual(layer.dW?.toArray(), [[1, 2, 3], [8, 10, 12]]);
});

/** A seeded Affine layer with an input and a random dout, all float64. */
function setup(seed: number, xShape: number[], outputs: number) {
  const rng = np.rng(seed);
  const inputs = xShape.slice(1).reduce((p, n) => p * n, 1);
  const layer = new Affine(rng.normal([inputs, outputs]), rng.normal([outputs]));
  return { layer, x: rng.normal(xShape), w: rng.normal([xShape[0], outputs]) };
}

Deno.test("Affine.backward() matches the numerical gradients of x, W and b", () => {
  const { layer, x, w } = setup(1, [4, 3], 5);
  layer.forward(x);
  const dx = layer.backward(w);
  // With dout = w, backward gives the gradients of Σ (x · W + b) · w.
  const f = () => np.sum(np.mul(new Affine(layer.W, layer.b).forward(x), w));
  assertGradientsClose(dx, f, x);
  assertGradientsClose(layer.dW as np.NDArray, f, layer.W);
  assertGradientsClose(layer.db as np.NDArray, f, layer.b);
});

Deno.test("Affine.backward() returns dx in the shape of an N-D input (a batch of images)", () => {
  const { layer, x, w } = setup(2, [3, 2, 2, 2], 4);
  const out = layer.forward(x);
  assert.deepEqual(out.shape, [3, 4]);
  const dx = layer.backward(w);
  assert.deepEqual(dx.shape, [3, 2, 2, 2]);
  assert.deepEqual(layer.dW?.shape, [8, 4]);
  const f = () => np.sum(np.mul(new Affine(layer.W, layer.b).forward(x), w));
  assertGradientsClose(dx, f, x);
  assertGradientsClose(layer.dW as np.NDArray, f, layer.W);
});

Deno.test("Affine.forward() uses the network's own W and b arrays", () => {
  const { layer, x } = setup(3, [2, 3], 2);
  const before = layer.forward(x);
  np.add(layer.b, 1, { out: layer.b });
  assertAllClose(layer.forward(x), np.add(before, 1), { rtol: 1e-12 });
});
