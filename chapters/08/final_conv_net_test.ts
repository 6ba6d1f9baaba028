import assert from "node:assert/strict";
import { Affine } from "../../lib/layers/affine.ts";
import { Convolution } from "../../lib/layers/convolution.ts";
import { Dropout } from "../../lib/layers/dropout.ts";
import { Pooling } from "../../lib/layers/pooling.ts";
import { Relu } from "../../lib/layers/relu.ts";
import * as np from "../../lib/np/mod.ts";
import { assertAllClose, assertGradientsClose } from "../../lib/testing/mod.ts";
import { FinalConvNet } from "./final_conv_net.ts";

Deno.test("FinalConvNet() builds conv-pool-relu twice, then affine-relu-affine", () => {
  const net = new FinalConvNet();
  const kinds = [Convolution, Pooling, Relu, Convolution, Pooling, Relu, Affine, Relu, Affine];
  assert.equal(net.layers.length, kinds.length);
  net.layers.forEach((layer, i) => assert.ok(layer instanceof kinds[i], `layer ${i}`));
  const [conv1, conv2] = [net.layers[0] as Convolution, net.layers[3] as Convolution];
  assert.deepEqual([conv1.pad, conv1.stride, conv1.firstLayer], [2, 1, true]);
  assert.deepEqual([conv2.pad, conv2.stride], [0, 1]);
  for (const pool of [net.layers[1], net.layers[4]] as Pooling[]) {
    assert.deepEqual([pool.poolH, pool.poolW, pool.stride], [2, 2, 2]);
  }
  assert.equal(conv1.W, net.params.W1);
  assert.equal((net.layers[8] as Affine).b, net.params.b4);
});

Deno.test("FinalConvNet() adds a Dropout layer before the last Affine when asked", () => {
  const net = new FinalConvNet({ dropoutRatio: 0.5 });
  assert.equal(net.layers.length, 10);
  assert.ok(net.layers[8] instanceof Dropout);
  assert.equal((net.layers[8] as Dropout).dropoutRatio, 0.5);
  assert.equal((net.layers[9] as Affine).W, net.params.W4);
});

Deno.test("FinalConvNet() has MNIST's parameter shapes and He initialisation", () => {
  const net = new FinalConvNet();
  const shapes = Object.fromEntries(Object.entries(net.params).map(([k, v]) => [k, v.shape]));
  assert.deepEqual(shapes, {
    W1: [16, 1, 5, 5],
    b1: [16],
    W2: [32, 16, 5, 5],
    b2: [32],
    W3: [800, 100],
    b3: [100],
    W4: [100, 10],
    b4: [10],
  });
  for (const [key, inputs] of [["W2", 400], ["W3", 800]] as const) {
    const std = Math.sqrt(np.mean(np.square(net.params[key])));
    assert.ok(Math.abs(std / Math.sqrt(2 / inputs) - 1) < 0.05, `${key}: std ${std}`);
  }
  assert.equal(new FinalConvNet({ dtype: "float32" }).params.W3.dtype, "float32");
});

Deno.test("FinalConvNet.predict() gives [n, 10] and drops units only in training", () => {
  const net = new FinalConvNet({ dropoutRatio: 0.5 });
  const x = np.rng(1).random([3, 1, 28, 28]);
  const y = net.predict(x);
  assert.deepEqual(y.shape, [3, 10]);
  assertAllClose(net.predict(x, { train: false }), y);
  assert.ok(np.sum(np.abs(np.sub(net.predict(x, { train: true }), y))) > 0);
});

Deno.test("FinalConvNet.gradient() matches the numerical gradient", () => {
  // 12×12 images: 12 → pool 6 → 5×5 conv 2 → pool 1; 3 filters in the second layer.
  const net = new FinalConvNet({
    inputDim: [1, 12, 12],
    filterNums: [2, 3],
    hiddenSize: 5,
    outputSize: 3,
    dropoutRatio: 0.5,
    seed: 3,
  });
  const x = np.rng(2).standardNormal([3, 1, 12, 12]);
  const t = np.array([2, 0, 1]);
  const state = net.rng.getState();
  const grads = net.gradient(x, t);
  assert.deepEqual(Object.keys(grads).sort(), ["W1", "W2", "W3", "W4", "b1", "b2", "b3", "b4"]);
  const loss = () => {
    net.rng.setState(state);
    return net.loss(x, t);
  };
  for (const key of Object.keys(net.params)) {
    assertGradientsClose(grads[key], loss, net.params[key], { rtol: 1e-4, atol: 1e-8 });
  }
});
