import assert from "node:assert/strict";
import { Affine } from "../../lib/layers/affine.ts";
import { Convolution } from "../../lib/layers/convolution.ts";
import { Pooling } from "../../lib/layers/pooling.ts";
import { Relu } from "../../lib/layers/relu.ts";
import * as np from "../../lib/np/mod.ts";
import { assertGradientsClose } from "../../lib/testing/mod.ts";
import { SimpleConvNet } from "./simple_conv_net.ts";

/** A network small enough for numerical gradients: 6×6 images, 2 filters of 3×3 with pad 1. */
function smallNet(): SimpleConvNet {
  return new SimpleConvNet({
    inputDim: [1, 6, 6],
    convParam: { filterNum: 2, filterSize: 3, pad: 1, stride: 1 },
    hiddenSize: 4,
    outputSize: 3,
    weightInitStd: 0.5,
    seed: 7,
  });
}

Deno.test("SimpleConvNet() builds the book's layers and parameters (§7.5)", () => {
  const net = new SimpleConvNet();
  const shapes = Object.fromEntries(Object.entries(net.params).map(([k, v]) => [k, v.shape]));
  assert.deepEqual(shapes, {
    W1: [30, 1, 5, 5],
    b1: [30],
    W2: [4320, 100],
    b2: [100],
    W3: [100, 10],
    b3: [10],
  });
  assert.deepEqual([...net.layers.keys()], [
    "Conv1",
    "Relu1",
    "Pool1",
    "Affine1",
    "Relu2",
    "Affine2",
  ]);
  const kinds = [Convolution, Relu, Pooling, Affine, Relu, Affine];
  [...net.layers.values()].forEach((layer, i) => assert.ok(layer instanceof kinds[i]));
  // The layers hold the network's own arrays, so in-place updates of params reach them.
  const conv1 = net.layers.get("Conv1") as Convolution;
  assert.equal(conv1.W, net.params.W1);
  assert.equal((net.layers.get("Affine2") as Affine).b, net.params.b3);
  const pool = net.layers.get("Pool1") as Pooling;
  assert.deepEqual([pool.poolH, pool.poolW, pool.stride], [2, 2, 2]);
  // weight_init_std = 0.01 and zero biases.
  const std = Math.sqrt(np.mean(np.square(net.params.W2)));
  assert.ok(Math.abs(std - 0.01) < 0.0005, `std of W2 is ${std}`);
  assert.equal(np.sum(np.abs(net.params.b2)), 0);
});

Deno.test("SimpleConvNet() takes other sizes and a dtype", () => {
  const net = new SimpleConvNet({
    inputDim: [3, 10, 10],
    convParam: { filterNum: 4, filterSize: 3, pad: 1 },
    hiddenSize: 7,
    outputSize: 5,
    dtype: "float32",
  });
  // (10 - 3 + 2) / 1 + 1 = 10, pooled to 5: 4 · 5 · 5 = 100 inputs to Affine1.
  assert.deepEqual(net.params.W1.shape, [4, 3, 3, 3]);
  assert.deepEqual(net.params.W2.shape, [100, 7]);
  assert.deepEqual(net.params.W3.shape, [7, 5]);
  assert.equal(net.params.W2.dtype, "float32");
});

Deno.test("SimpleConvNet.predict() gives one row of scores per image", () => {
  const net = smallNet();
  const x = np.rng(1).random([5, 1, 6, 6]);
  const y = net.predict(x);
  assert.deepEqual(y.shape, [5, 3]);
  assert.ok([...y.data].every(Number.isFinite));
});

Deno.test("SimpleConvNet.loss() starts near log(10) with the book's small weights", () => {
  const net = new SimpleConvNet({ inputDim: [1, 12, 12], hiddenSize: 20 });
  const x = np.rng(2).random([4, 1, 12, 12]);
  const loss = net.loss(x, np.array([0, 3, 5, 9]));
  assert.ok(Math.abs(loss - Math.log(10)) < 0.01, `loss ${loss}`);
});

Deno.test("SimpleConvNet.gradient() matches the numerical gradient", () => {
  const net = smallNet();
  const random = np.rng(3);
  const x = random.standardNormal([3, 1, 6, 6]);
  const t = np.array([0, 2, 1]);
  const grads = net.gradient(x, t);
  assert.deepEqual(Object.keys(grads).sort(), ["W1", "W2", "W3", "b1", "b2", "b3"]);
  for (const key of Object.keys(net.params)) {
    assertGradientsClose(grads[key], () => net.loss(x, t), net.params[key], {
      rtol: 1e-5,
      atol: 1e-8,
    });
  }
});

Deno.test("SimpleConvNet.gradient() steps lower the loss", () => {
  const net = smallNet();
  const x = np.rng(4).standardNormal([6, 1, 6, 6]);
  const t = np.array([0, 1, 2, 0, 1, 2]);
  const before = net.loss(x, t);
  for (let i = 0; i < 50; i++) {
    const grads = net.gradient(x, t);
    for (const key of Object.keys(net.params)) {
      np.sub(net.params[key], np.mul(grads[key], 0.1), { out: net.params[key] });
    }
  }
  const after = net.loss(x, t);
  assert.ok(after < before / 3, `loss went from ${before} to ${after}`);
  assert.equal(net.accuracy(x, t), 1);
});
