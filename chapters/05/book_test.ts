/**
 * Replays the book's NumPy code, recorded by `tools/book/ch04_05.py` in
 * `testdata/book_ch05.json`, against this chapter's layers and network.
 */

import assert from "node:assert/strict";
import * as np from "../../lib/np/mod.ts";
import { assertAllClose } from "../../lib/testing/mod.ts";
import { Affine } from "./affine.ts";
import { Relu } from "./relu.ts";
import { Sigmoid } from "./sigmoid.ts";
import { SoftmaxWithLoss } from "./softmax_with_loss.ts";
import { TwoLayerNet } from "./two_layer_net.ts";
import { book, toArray, toArrays } from "./testdata/book_fixture.ts";

const { layers } = book;

Deno.test("Relu.forward() and backward() match the book's common/layers.py", () => {
  const relu = new Relu();
  assertAllClose(relu.forward(toArray(layers.relu.x)), toArray(layers.relu.out));
  assertAllClose(relu.backward(toArray(layers.relu.dout)), toArray(layers.relu.dx));
});

Deno.test("Sigmoid.forward() and backward() match the book's common/layers.py", () => {
  const layer = new Sigmoid();
  const c = layers.sigmoid;
  assertAllClose(layer.forward(toArray(c.x)), toArray(c.out), { rtol: 1e-14 });
  assertAllClose(layer.backward(toArray(c.dout)), toArray(c.dx), { rtol: 1e-13 });
});

Deno.test("Affine.forward() and backward() match the book's common/layers.py (2-D and 4-D x)", () => {
  for (const c of layers.affine) {
    const layer = new Affine(toArray(c.W), toArray(c.b));
    assertAllClose(layer.forward(toArray(c.x)), toArray(c.out), { rtol: 1e-13, atol: 1e-15 });
    const dx = layer.backward(toArray(c.dout));
    assertAllClose(dx, toArray(c.dx), { rtol: 1e-13, atol: 1e-15 });
    assertAllClose(layer.dW as np.NDArray, toArray(c.dW), { rtol: 1e-13, atol: 1e-15 });
    assertAllClose(layer.db as np.NDArray, toArray(c.db), { rtol: 1e-13, atol: 1e-15 });
  }
});

Deno.test("SoftmaxWithLoss.forward() and backward() match the book's common/layers.py", () => {
  for (const c of layers.softmaxWithLoss) {
    for (const t of [toArray(c.t), np.array(c.label)]) {
      const layer = new SoftmaxWithLoss();
      const loss = layer.forward(toArray(c.x), t);
      assert.ok(Math.abs(loss - c.loss) < 1e-12 * Math.max(1, c.loss), `${loss} vs ${c.loss}`);
      assertAllClose(layer.backward(), toArray(c.dx), { rtol: 1e-12, atol: 1e-16 });
    }
  }
});

Deno.test("TwoLayerNet.gradient() matches the book's ch05/two_layer_net.py", () => {
  const r = book.twoLayerNet;
  const net = new TwoLayerNet({ inputSize: 6, hiddenSize: 5, outputSize: 4 });
  // Copy into the existing arrays: the Affine layers hold them.
  for (const [key, value] of Object.entries(toArrays(r.params))) {
    net.params[key].data.set(value.data);
  }
  const x = toArray(r.x), t = toArray(r.t);
  const grads = net.gradient(x, t);
  assertAllClose(net.predict(x), toArray(r.predict), { rtol: 1e-12, atol: 1e-15 });
  assert.ok(Math.abs(net.loss(x, t) - r.loss) < 1e-12);
  assert.equal(net.accuracy(x, t), r.accuracy);
  const numerical = net.numericalGradient(x, t);
  for (const key of ["W1", "b1", "W2", "b2"] as const) {
    assertAllClose(grads[key], toArray(r.gradient[key]), { rtol: 1e-10, atol: 1e-14 });
    assertAllClose(numerical[key], toArray(r.numericalGradient[key]), { rtol: 1e-7, atol: 1e-11 });
  }
});
