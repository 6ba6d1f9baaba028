import assert from "node:assert/strict";
import * as np from "../../lib/np/mod.ts";
import { assertAllClose, assertGradientsClose } from "../../lib/testing/mod.ts";
import { Relu } from "./relu.ts";

/** Random numbers kept at least 0.1 away from 0, where ReLU has its kink. */
function awayFromZero(seed: number, shape: number[]): np.NDArray {
  const x = np.rng(seed).normal(shape);
  for (let i = 0; i < x.size; i++) x.data[i] += x.data[i] >= 0 ? 0.1 : -0.1;
  return x;
}

Deno.test("Relu.forward() zeroes what is <= 0 and remembers where (§5.5.1)", () => {
  const relu = new Relu();
  const x = np.array([[1.0, -0.5], [-2.0, 3.0]]);
  assert.deepEqual(relu.forward(x).toArray(), [[1, 0], [0, 3]]);
  assert.deepEqual(relu.mask?.toArray(), [[0, 1], [1, 0]], "mask is 1 where x <= 0, as the book");
  assert.deepEqual(x.toArray(), [[1.0, -0.5], [-2.0, 3.0]], "x itself must not change");
  assert.deepEqual(relu.forward(np.array([0])).toArray(), [0]);
});

Deno.test("Relu.backward() passes dout where x > 0 and blocks it elsewhere (§5.5.1)", () => {
  const relu = new Relu();
  relu.forward(np.array([[1.0, -0.5], [-2.0, 3.0]]));
  assert.deepEqual(relu.backward(np.array([[5, 6], [7, 8]])).toArray(), [[5, 0], [0, 8]]);
});

Deno.test("Relu.backward() matches the numerical gradient", () => {
  const relu = new Relu();
  const x = awayFromZero(1, [4, 5]);
  const w = np.rng(2).normal([4, 5]);
  relu.forward(x);
  const dx = relu.backward(w);
  // With dout = w, backward gives the gradient of Σ relu(x) · w.
  assertGradientsClose(dx, () => np.sum(np.mul(new Relu().forward(x), w)), x);
});

Deno.test("Relu.forward() and backward() keep any shape", () => {
  const relu = new Relu();
  const x = awayFromZero(3, [2, 3, 2, 2]);
  const out = relu.forward(x);
  assert.deepEqual(out.shape, [2, 3, 2, 2]);
  assertAllClose(out, np.maximum(x, 0));
  assert.deepEqual(relu.backward(np.ones([2, 3, 2, 2])).shape, [2, 3, 2, 2]);
});
