import assert from "node:assert/strict";
import { Affine } from "../../lib/layers/affine.ts";
import { Convolution } from "../../lib/layers/convolution.ts";
import { Dropout } from "../../lib/layers/dropout.ts";
import { Pooling } from "../../lib/layers/pooling.ts";
import { Relu } from "../../lib/layers/relu.ts";
import * as np from "../../lib/np/mod.ts";
import { assertAllClose, assertGradientsClose } from "../../lib/testing/mod.ts";
import { DeepConvNet } from "./deep_conv_net.ts";

/** Six convolutions of 2 filters (the book's pads) on 8×8 images: small enough to check. */
function smallNet(): DeepConvNet {
  return new DeepConvNet({
    inputDim: [1, 8, 8],
    convParams: [1, 1, 1, 2, 1, 1].map((pad) => ({ filterNum: 2, filterSize: 3, pad, stride: 1 })),
    hiddenSize: 4,
    outputSize: 3,
    seed: 5,
  });
}

Deno.test("DeepConvNet() builds the book's 20 layers (§8.1.1)", () => {
  const net = new DeepConvNet();
  const C = Convolution, R = Relu, P = Pooling;
  const kinds = [C, R, C, R, P, C, R, C, R, P, C, R, C, R, P, Affine, R, Dropout, Affine, Dropout];
  assert.equal(net.layers.length, kinds.length);
  net.layers.forEach((layer, i) => assert.ok(layer instanceof kinds[i], `layer ${i}`));
  const convs = net.layers.filter((l): l is Convolution => l instanceof Convolution);
  assert.deepEqual(convs.map((c) => c.pad), [1, 1, 1, 2, 1, 1]);
  assert.deepEqual(convs.map((c) => c.stride), [1, 1, 1, 1, 1, 1]);
  net.layers.filter((l) => l instanceof Pooling).forEach((p) => {
    assert.deepEqual([(p as Pooling).poolH, (p as Pooling).stride], [2, 2]);
  });
  net.layers.filter((l) => l instanceof Dropout).forEach((d) => {
    assert.equal((d as Dropout).dropoutRatio, 0.5);
  });
});

Deno.test("DeepConvNet() has the book's parameter shapes and He initialisation", () => {
  const net = new DeepConvNet();
  const shapes = Object.fromEntries(Object.entries(net.params).map(([k, v]) => [k, v.shape]));
  assert.deepEqual(shapes, {
    W1: [16, 1, 3, 3],
    b1: [16],
    W2: [16, 16, 3, 3],
    b2: [16],
    W3: [32, 16, 3, 3],
    b3: [32],
    W4: [32, 32, 3, 3],
    b4: [32],
    W5: [64, 32, 3, 3],
    b5: [64],
    W6: [64, 64, 3, 3],
    b6: [64],
    W7: [1024, 50],
    b7: [50],
    W8: [50, 10],
    b8: [10],
  });
  // He: std √(2 / inputs per neuron): 16·3·3 = 144 for W2, 64·4·4 = 1024 for W7.
  for (const [key, inputs] of [["W2", 144], ["W6", 576], ["W7", 1024]] as const) {
    const std = Math.sqrt(np.mean(np.square(net.params[key])));
    const he = Math.sqrt(2 / inputs);
    assert.ok(Math.abs(std / he - 1) < 0.08, `${key}: std ${std}, He ${he}`);
  }
  assert.equal((net.layers[0] as Convolution).W, net.params.W1);
  assert.equal((net.layers[18] as Affine).W, net.params.W8);
});

Deno.test("DeepConvNet.predict() gives [n, 10] and drops units only in training", () => {
  const net = new DeepConvNet();
  const x = np.rng(1).random([2, 1, 28, 28]);
  const test1 = net.predict(x), test2 = net.predict(x);
  assert.deepEqual(test1.shape, [2, 10]);
  assertAllClose(test1, test2);
  const train = net.predict(x, { train: true });
  assert.ok(np.sum(np.abs(np.sub(train, test1))) > 0, "train mode should drop units");
});

Deno.test("DeepConvNet.gradient() matches the numerical gradient", () => {
  const net = smallNet();
  const x = np.rng(2).standardNormal([3, 1, 8, 8]);
  const t = np.array([0, 2, 1]);
  // Non-zero biases: with zero ones, conv4's border outputs (whose 3×3 window lies wholly in
  // its pad of 2) would sit exactly on ReLU's kink at 0, where no numerical gradient exists.
  const random = np.rng(6);
  for (let i = 1; i <= 8; i++) {
    const b = net.params[`b${i}`];
    b.data.set(random.normal(b.shape, { scale: 0.5 }).data);
  }
  // Dropout draws masks from net.rng: the same state before every pass gives the same masks.
  const state = net.rng.getState();
  const grads = net.gradient(x, t);
  assert.equal(Object.keys(grads).length, 16);
  const loss = () => {
    net.rng.setState(state);
    return net.loss(x, t);
  };
  for (const key of Object.keys(net.params)) {
    assertGradientsClose(grads[key], loss, net.params[key], { rtol: 1e-4, atol: 1e-8 });
  }
});

Deno.test("DeepConvNet.loss() uses dropout by default, as the book's", () => {
  const net = smallNet();
  const x = np.rng(3).standardNormal([4, 1, 8, 8]);
  const t = np.array([0, 1, 2, 0]);
  const state = net.rng.getState();
  const lossTrain = net.loss(x, t);
  net.rng.setState(state);
  assert.equal(net.loss(x, t, { train: true }), lossTrain);
  const lossTest = net.loss(x, t, { train: false });
  assert.equal(net.loss(x, t, { train: false }), lossTest);
  assert.ok(Number.isFinite(lossTrain) && Number.isFinite(lossTest));
});
