import assert from "node:assert/strict";
import * as np from "../../lib/np/mod.ts";
import { assertAllClose, assertGradientsClose } from "../../lib/testing/mod.ts";
import { TwoLayerNet } from "./two_layer_net.ts";

type Matrix = number[][];

/** relu(x·W1 + b1)·W2 + b2 with plain loops: an independent check of predict(). */
function scoresByHand(x: Matrix, W1: Matrix, b1: number[], W2: Matrix, b2: number[]): Matrix {
  const affine = (v: number[], W: Matrix, b: number[]) =>
    b.map((bias, j) => v.reduce((sum, vi, i) => sum + vi * W[i][j], bias));
  return x.map((row) => affine(affine(row, W1, b1).map((a) => Math.max(0, a)), W2, b2));
}

/** A float64 network with weights large enough to matter and biases clear of ReLU's kink. */
function smallCase(seed = 0) {
  const net = new TwoLayerNet({
    inputSize: 5,
    hiddenSize: 4,
    outputSize: 3,
    weightInitStd: 0.7,
    seed,
  });
  // In place, so the Affine layers (which hold the same arrays) see the values.
  net.params.b1.data.set([0.3, -0.2, 0.25, 0.4]);
  net.params.b2.data.set([0.1, -0.1, 0.05]);
  const x = np.rng(seed + 100).random([6, 5]);
  const labels = np.array([0, 2, 1, 1, 0, 2]);
  const t = np.zeros([6, 3]);
  labels.data.forEach((label, i) => t.set([i, label], 1));
  return { net, x, t, labels };
}

Deno.test("TwoLayerNet.predict() runs Affine1, Relu1, Affine2 in order (§5.7.2)", () => {
  const { net, x } = smallCase();
  const scores = net.predict(x);
  const { W1, b1, W2, b2 } = net.params;
  const expected = scoresByHand(
    x.toArray() as Matrix,
    W1.toArray() as Matrix,
    b1.toArray() as number[],
    W2.toArray() as Matrix,
    b2.toArray() as number[],
  );
  assertAllClose(scores, expected, { rtol: 1e-12, atol: 1e-15 });
});

Deno.test("TwoLayerNet.predict() sees parameters updated in place", () => {
  const { net, x } = smallCase(1);
  const before = net.predict(x).clone();
  np.add(net.params.b2, 1, { out: net.params.b2 });
  assertAllClose(net.predict(x), np.add(before, 1), { rtol: 1e-12 });
});

Deno.test("TwoLayerNet.loss() is Softmax-with-Loss of the scores (§5.7.2)", () => {
  const { net, x, t, labels } = smallCase(2);
  const loss = net.loss(x, t);
  const scores = net.predict(x);
  let expected = 0;
  for (let i = 0; i < 6; i++) {
    const row = [0, 1, 2].map((j) => scores.get(i, j));
    const total = row.reduce((p, s) => p + Math.exp(s), 0);
    expected -= Math.log(Math.exp(row[labels.data[i]]) / total + 1e-7) / 6;
  }
  assert.ok(Math.abs(loss - expected) < 1e-12, `loss ${loss}, expected ${expected}`);
  assert.ok(Math.abs(net.loss(x, labels) - expected) < 1e-12, "index labels give the same loss");
});

Deno.test("TwoLayerNet.loss() of a network with all-zero weights is −log(1/10 + 1e-7)", () => {
  const net = new TwoLayerNet({ inputSize: 4, hiddenSize: 3, outputSize: 10 });
  for (const p of Object.values(net.params)) p.data.fill(0);
  const loss = net.loss(np.rng(3).random([5, 4]), np.array([0, 1, 2, 3, 9]));
  assert.ok(Math.abs(loss + Math.log(0.1 + 1e-7)) < 1e-12, `got ${loss}`);
});

Deno.test("TwoLayerNet.accuracy() counts the highest scores that are right", () => {
  // W1 = I, W2 = I: the highest score is the position of x's largest input.
  const net = new TwoLayerNet({ inputSize: 3, hiddenSize: 3, outputSize: 3 });
  net.params.W1.data.set(np.eye(3).data);
  net.params.W2.data.set(np.eye(3).data);
  net.params.b1.data.fill(0);
  net.params.b2.data.fill(0);
  const x = np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]]);
  assert.equal(net.accuracy(x, np.array([0, 1, 2, 2])), 0.75);
});

Deno.test("TwoLayerNet.gradient() matches the numerical gradient: the gradient check (§5.7.3)", () => {
  const { net, x, t } = smallCase(4);
  const grads = net.gradient(x, t);
  const numerical = net.numericalGradient(x, t);
  for (const key of ["W1", "b1", "W2", "b2"]) {
    assert.deepEqual(grads[key].shape, net.params[key].shape, `the shape of grads.${key}`);
    // The book's measure: the mean absolute difference, about 1e-10 here.
    const diff = np.mean(np.abs(np.sub(grads[key], numerical[key])));
    assert.ok(diff < 1e-7, `${key}: mean |backprop − numerical| = ${diff}`);
    assertGradientsClose(grads[key], () => net.loss(x, t), net.params[key]);
  }
});

Deno.test("TwoLayerNet.gradient() gives the same for one-hot and index labels", () => {
  const { net, x, t, labels } = smallCase(5);
  const a = net.gradient(x, t);
  const b = net.gradient(x, labels);
  for (const key of ["W1", "b1", "W2", "b2"]) assertAllClose(a[key], b[key], { rtol: 1e-12 });
});

Deno.test("TwoLayerNet.gradient() trains: the loss falls on an easy problem (§5.7.4)", () => {
  const rng = np.rng(7);
  const labels = rng.integers(0, 4, { size: [200] });
  const x = rng.normal([200, 20], { scale: 0.3 });
  for (let i = 0; i < 200; i++) {
    for (let j = 0; j < 5; j++) x.data[i * 20 + labels.data[i] * 5 + j] += 1;
  }
  const net = new TwoLayerNet({ inputSize: 20, hiddenSize: 10, outputSize: 4, weightInitStd: 0.1 });
  const before = net.loss(x, labels);
  for (let i = 0; i < 50; i++) {
    const mask = rng.choice(200, 50);
    const grads = net.gradient(np.take(x, mask, { axis: 0 }), np.take(labels, mask));
    for (const key of Object.keys(grads)) {
      np.sub(net.params[key], np.mul(grads[key], 0.5), { out: net.params[key] });
    }
  }
  const after = net.loss(x, labels);
  assert.ok(after < before / 2, `the loss went from ${before} to ${after}`);
  assert.ok(net.accuracy(x, labels) > 0.9, `accuracy ${net.accuracy(x, labels)}`);
});
