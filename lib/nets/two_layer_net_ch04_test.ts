import assert from "node:assert/strict";
import * as np from "../np/mod.ts";
import { assertAllClose, assertGradientsClose } from "../testing/mod.ts";
import { TwoLayerNet } from "./two_layer_net_ch04.ts";

function setup(dtype: np.DType = "float64") {
  const net = new TwoLayerNet({
    inputSize: 6,
    hiddenSize: 4,
    outputSize: 3,
    weightInitStd: 0.5,
    seed: 1,
    dtype,
  });
  const x = np.rng(2).random([5, 6], { dtype });
  const labels = np.array([0, 2, 1, 2, 0]);
  const t = np.zeros([5, 3], { dtype });
  labels.data.forEach((label, i) => t.set([i, label], 1));
  return { net, x, t, labels };
}

Deno.test("TwoLayerNet (ch04) gradient() matches the numerical gradient of the loss in float64", () => {
  const { net, x, t } = setup();
  const grads = net.gradient(x, t);
  for (const key of ["W1", "b1", "W2", "b2"]) {
    assertGradientsClose(grads[key], () => net.loss(x, t), net.params[key]);
  }
});

Deno.test("TwoLayerNet (ch04) gives the same gradients for one-hot and index labels", () => {
  const { net, x, t, labels } = setup();
  const a = net.gradient(x, t), b = net.gradient(x, labels);
  for (const key of Object.keys(a)) assertAllClose(a[key], b[key], { rtol: 1e-14 });
  assert.equal(net.loss(x, t), net.loss(x, labels));
  assert.equal(net.accuracy(x, t), net.accuracy(x, labels));
});

Deno.test("TwoLayerNet (ch04) keeps float32 end to end for fast training", () => {
  const { net, x, t, labels } = setup("float32");
  assert.equal(net.predict(x).dtype, "float32");
  for (const g of Object.values(net.gradient(x, t))) assert.equal(g.dtype, "float32");
  for (const g of Object.values(net.gradient(x, labels))) assert.equal(g.dtype, "float32");
});

Deno.test("TwoLayerNet (ch04) is seeded and checks its sizes", () => {
  const a = new TwoLayerNet({ inputSize: 3, hiddenSize: 2, outputSize: 2, seed: 5 });
  const b = new TwoLayerNet({ inputSize: 3, hiddenSize: 2, outputSize: 2, seed: 5 });
  assert.deepEqual(a.params.W1.toArray(), b.params.W1.toArray());
  assert.throws(
    () => new TwoLayerNet({ inputSize: 0, hiddenSize: 2, outputSize: 2 }),
    /positive whole inputSize, got 0/,
  );
});
