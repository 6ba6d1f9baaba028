import assert from "node:assert/strict";
import * as np from "../np/mod.ts";
import type { Affine } from "../layers/affine.ts";
import { assertAllClose, assertGradientsClose } from "../testing/mod.ts";
import { TwoLayerNet } from "./two_layer_net.ts";

function setup(dtype: np.DType = "float64") {
  const net = new TwoLayerNet({
    inputSize: 6,
    hiddenSize: 4,
    outputSize: 3,
    weightInitStd: 0.5,
    seed: 1,
    dtype,
  });
  // Biases away from 0 keep every ReLU input clear of its kink, where differences mislead.
  net.params.b1.data.set([0.3, -0.2, 0.25, 0.4]);
  const x = np.rng(2).random([5, 6], { dtype });
  const labels = np.array([0, 2, 1, 2, 0]);
  const t = np.zeros([5, 3], { dtype });
  labels.data.forEach((label, i) => t.set([i, label], 1));
  return { net, x, t, labels };
}

Deno.test("TwoLayerNet (ch05) gradient() matches the numerical gradient of the loss (§5.7.3)", () => {
  const { net, x, t, labels } = setup();
  for (const labelsOf of [t, labels]) {
    const grads = net.gradient(x, labelsOf);
    for (const key of ["W1", "b1", "W2", "b2"]) {
      assertGradientsClose(grads[key], () => net.loss(x, labelsOf), net.params[key]);
    }
  }
});

Deno.test("TwoLayerNet (ch05) numericalGradient() agrees with gradient()", () => {
  const { net, x, t } = setup();
  const numerical = net.numericalGradient(x, t), analytic = net.gradient(x, t);
  for (const key of Object.keys(analytic)) {
    assertAllClose(numerical[key], analytic[key], { rtol: 1e-5, atol: 1e-7 });
  }
});

Deno.test("TwoLayerNet (ch05) layers hold the params arrays, so in-place updates reach them", () => {
  const { net, x } = setup();
  assert.equal((net.layers.get("Affine1") as Affine).W, net.params.W1);
  assert.equal((net.layers.get("Affine2") as Affine).b, net.params.b2);
  const before = net.predict(x).clone();
  np.add(net.params.b2, 1, { out: net.params.b2 });
  assertAllClose(net.predict(x), np.add(before, 1), { rtol: 1e-12 });
});

Deno.test("TwoLayerNet (ch05) keeps float32 end to end and leaves the loss on lastLayer", () => {
  const { net, x, t } = setup("float32");
  const grads = net.gradient(x, t);
  for (const g of Object.values(grads)) assert.equal(g.dtype, "float32");
  assert.ok(Math.abs(net.lastLayer.loss - net.loss(x, t)) < 1e-6);
});
