import assert from "node:assert/strict";
import * as np from "../../lib/np/mod.ts";
import { assertAllClose, assertGradientsClose } from "../../lib/testing/mod.ts";
import { SoftmaxWithLoss } from "./softmax_with_loss.ts";

Deno.test("SoftmaxWithLoss.forward() is the cross-entropy of the softmax (§5.6.3)", () => {
  const layer = new SoftmaxWithLoss();
  // Scores whose softmax is the book's (0.3, 0.2, 0.5); the answer is class 1.
  const x = np.log(np.array([[0.3, 0.2, 0.5]]));
  const loss = layer.forward(x, np.array([[0, 1, 0]]));
  assert.ok(Math.abs(loss + Math.log(0.2 + 1e-7)) < 1e-12, `loss ${loss}`);
  assert.equal(layer.loss, loss);
  assertAllClose(layer.y as np.NDArray, [[0.3, 0.2, 0.5]], { rtol: 1e-12 });
});

Deno.test("SoftmaxWithLoss.backward() is y − t, the book's (0.3, −0.8, 0.5) (§5.6.3)", () => {
  const layer = new SoftmaxWithLoss();
  layer.forward(np.log(np.array([[0.3, 0.2, 0.5]])), np.array([[0, 1, 0]]));
  assertAllClose(layer.backward(), [[0.3, -0.8, 0.5]], { rtol: 1e-12 });
});

Deno.test("SoftmaxWithLoss.backward() divides by the batch size and takes index labels", () => {
  const x = np.array([[0, 0], [Math.log(3), 0]]);
  const oneHot = new SoftmaxWithLoss(), index = new SoftmaxWithLoss();
  const loss = oneHot.forward(x, np.array([[1, 0], [0, 1]]));
  assert.ok(Math.abs(index.forward(x, np.array([0, 1])) - loss) < 1e-15);
  // y = [[0.5, 0.5], [0.75, 0.25]]; (y − t) / 2.
  const expected = [[-0.25, 0.25], [0.375, -0.375]];
  assertAllClose(oneHot.backward(), expected, { rtol: 1e-12 });
  assertAllClose(index.backward(), expected, { rtol: 1e-12 });
  assertAllClose(index.backward(2), np.mul(2, np.array(expected)), { rtol: 1e-12 });
});

Deno.test("SoftmaxWithLoss.backward() matches the numerical gradient", () => {
  // Moderate scores: the 1e-7 inside the log, which backward ignores, stays negligible.
  const x = np.rng(1).normal([4, 5], { scale: 0.5 });
  const labels = np.array([0, 3, 4, 1]);
  const oneHot = np.zeros([4, 5]);
  labels.data.forEach((label, i) => oneHot.set([i, label], 1));
  for (const t of [oneHot, labels]) {
    const layer = new SoftmaxWithLoss();
    layer.forward(x, t);
    const dx = layer.backward();
    assertGradientsClose(dx, () => new SoftmaxWithLoss().forward(x, t), x);
  }
});
