import assert from "node:assert/strict";
import { softmax } from "../../lib/functions/activation.ts";
import { crossEntropyError } from "../../lib/functions/loss.ts";
import { MISTAKES } from "../../lib/mistakes/ch06.ts";
import * as np from "../../lib/np/mod.ts";
import { mistakeNamer } from "../../lib/testing/mistakes.ts";
import {
  assertAllClose,
  assertGradientMatches,
  numericalGradientOf,
  say,
} from "../../lib/testing/mod.ts";
import { MultiLayerNet } from "./multi_layer_net.ts";

const named = mistakeNamer("06", MISTAKES);

/** A small batch: 4 samples of 5 inputs, 3 classes. */
function batch(seed = 1) {
  const x = np.rng(seed).normal([4, 5]);
  const t = np.array([0, 2, 1, 2]);
  return { x, t };
}

/** The sum of every weight matrix's squared entries. */
function sumSquaredWeights(net: MultiLayerNet): number {
  let total = 0;
  for (let idx = 1; idx <= net.hiddenLayerNum + 1; idx++) {
    total += np.sum(np.square(net.params[`W${idx}`]));
  }
  return total;
}

/** Asserts that backprop's gradients match numerical ones for every parameter. */
function assertGradientsMatch(
  net: { params: Record<string, np.NDArray>; gradient: MultiLayerNet["gradient"] },
  loss: () => number,
  x: np.NDArray,
  t: np.NDArray,
): void {
  const grads = net.gradient(x, t);
  assert.deepEqual(
    Object.keys(grads).sort(),
    Object.keys(net.params).sort(),
    say(
      "the names of the gradients vs the names of the parameters",
      "勾配の名前とパラメータの名前の比較",
    ),
  );
  for (const [key, param] of Object.entries(net.params)) {
    const numeric = numericalGradientOf(loss, param, { h: 1e-6 });
    assertGradientMatches(grads[key], numeric, {
      rtol: 1e-5,
      atol: 1e-7,
      msg: say(`gradient of ${key}`, `${key} の勾配`),
    });
  }
}

Deno.test(
  "MultiLayerNet.loss() is the cross-entropy of the scores without weight decay",
  named({ MultiLayerNet }, ({ MultiLayerNet }) => {
    const net = new MultiLayerNet({ inputSize: 5, hiddenSizeList: [4, 3], outputSize: 3 });
    const { x, t } = batch();
    const want = crossEntropyError(softmax(net.predict(x)), t);
    assertAllClose([net.loss(x, t)], [want], {
      rtol: 1e-12,
      msg: say("loss (λ = 0)", "λ = 0 での損失"),
    });
  }),
);

Deno.test(
  "MultiLayerNet.loss() adds the weight decay ½λΣW² (§6.4.2)",
  named({ MultiLayerNet }, ({ MultiLayerNet }) => {
    const net = new MultiLayerNet({
      inputSize: 5,
      hiddenSizeList: [4, 3],
      outputSize: 3,
      weightDecayLambda: 0.1,
    });
    const { x, t } = batch();
    const want = crossEntropyError(softmax(net.predict(x)), t) + 0.5 * 0.1 * sumSquaredWeights(net);
    assertAllClose([net.loss(x, t)], [want], {
      rtol: 1e-12,
      msg: say("loss with λ = 0.1", "λ = 0.1 のときの loss"),
    });
  }),
);

Deno.test(
  "MultiLayerNet.gradient() matches the numerical gradient (ReLU, He, λ = 0.1)",
  named({ MultiLayerNet }, ({ MultiLayerNet }) => {
    const net = new MultiLayerNet({
      inputSize: 5,
      hiddenSizeList: [4, 3],
      outputSize: 3,
      weightDecayLambda: 0.1,
      seed: 2,
    });
    const { x, t } = batch(3);
    assertGradientsMatch(net, () => net.loss(x, t), x, t);
  }),
);

Deno.test(
  "MultiLayerNet.gradient() matches the numerical gradient (sigmoid, Xavier, one-hot)",
  named({ MultiLayerNet }, ({ MultiLayerNet }) => {
    const net = new MultiLayerNet({
      inputSize: 5,
      hiddenSizeList: [6, 4, 3],
      outputSize: 3,
      activation: "sigmoid",
      weightInitStd: "xavier",
      weightDecayLambda: 0.05,
    });
    const x = np.rng(4).normal([4, 5]);
    const t = np.array([[1, 0, 0], [0, 0, 1], [0, 1, 0], [0, 0, 1]]);
    assertGradientsMatch(net, () => net.loss(x, t), x, t);
  }),
);

Deno.test(
  "MultiLayerNet.gradient() adds λW to each weight's gradient and nothing to biases",
  named({ MultiLayerNet }, ({ MultiLayerNet }) => {
    const plain = new MultiLayerNet({ inputSize: 5, hiddenSizeList: [4], outputSize: 3, seed: 5 });
    const decayed = new MultiLayerNet({
      inputSize: 5,
      hiddenSizeList: [4],
      outputSize: 3,
      seed: 5,
      weightDecayLambda: 0.3,
    });
    // Biases away from 0, so that a decay of the biases would show.
    for (const net of [plain, decayed]) {
      net.params.b1.data.set([0.5, -0.4, 0.3, 0.2]);
      net.params.b2.data.set([-0.3, 0.6, 0.1]);
    }
    const { x, t } = batch();
    const g0 = plain.gradient(x, t), g1 = decayed.gradient(x, t);
    for (const key of ["W1", "W2"]) {
      assertAllClose(g1[key], np.add(g0[key], np.mul(decayed.params[key], 0.3)), {
        rtol: 1e-12,
        msg: say(
          `${key}: the gradient with λ = 0.3 vs without, plus λ${key}`,
          `${key}: λ = 0.3 のときの勾配と、λ なしの勾配に λ${key} を足したものの比較`,
        ),
      });
    }
    for (const key of ["b1", "b2"]) {
      assertAllClose(g1[key], g0[key], {
        rtol: 1e-12,
        msg: say(
          `${key}: no weight decay on biases`,
          `${key}: バイアスには Weight decay をかけません`,
        ),
      });
    }
  }),
);

Deno.test(
  "MultiLayerNet.gradient() lets gradient descent lower the loss of a batch",
  named({ MultiLayerNet }, ({ MultiLayerNet }) => {
    const net = new MultiLayerNet({ inputSize: 5, hiddenSizeList: [10, 10], outputSize: 3 });
    const { x, t } = batch();
    const before = net.loss(x, t);
    for (let i = 0; i < 20; i++) {
      const grads = net.gradient(x, t);
      for (const key of Object.keys(net.params)) {
        np.sub(net.params[key], np.mul(grads[key], 0.1), { out: net.params[key] });
      }
    }
    const after = net.loss(x, t);
    assert.ok(
      after < 0.5 * before,
      say(
        `loss: went from ${before} to ${after}, expected below half`,
        `loss: ${before} から ${after} になりました。半分未満になるはずです`,
      ),
    );
  }),
);
