import assert from "node:assert/strict";
import { softmax } from "../../lib/functions/activation.ts";
import { crossEntropyError } from "../../lib/functions/loss.ts";
import type { BatchNormalization } from "../../lib/layers/batch_normalization.ts";
import { MISTAKES } from "../../lib/mistakes/ch06.ts";
import * as np from "../../lib/np/mod.ts";
import { mistakeNamer } from "../../lib/testing/mistakes.ts";
import {
  assertAllClose,
  assertGradientMatches,
  numericalGradientOf,
  say,
} from "../../lib/testing/mod.ts";
import { MultiLayerNetExtend } from "./multi_layer_net_extend.ts";

const named = mistakeNamer("06", MISTAKES);

const sizes = { inputSize: 5, hiddenSizeList: [4, 3], outputSize: 3 };

function batch(seed = 1) {
  return { x: np.rng(seed).normal([6, 5], { loc: 0.5 }), t: np.array([0, 2, 1, 2, 0, 1]) };
}

/** Asserts that backprop's gradients match numerical ones for every parameter. */
function assertGradientsMatch(
  net: MultiLayerNetExtend,
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
  "MultiLayerNetExtend.predict() with { train: false } runs dropout and batch norm in test mode",
  named({ MultiLayerNetExtend }, ({ MultiLayerNetExtend }) => {
    const net = new MultiLayerNetExtend({
      ...sizes,
      useDropout: true,
      dropoutRatio: 0.5,
      useBatchnorm: true,
    });
    const bn = net.layers.get("BatchNorm1") as BatchNormalization;
    const { x } = batch();
    const a = net.predict(x, { train: false }), b = net.predict(x, { train: false });
    assert.deepEqual(
      a.toArray(),
      b.toArray(),
      say(
        "scores with { train: false }: test mode must repeat (no new dropout masks)",
        "{ train: false } での scores: テストモードでは毎回同じになるはず (Dropout の新しいマスクは作らない)",
      ),
    );
    const mean = bn.runningMean === null ? [0, 0, 0, 0] : [...bn.runningMean.data];
    assert.deepEqual(
      mean,
      [0, 0, 0, 0],
      say(
        "BatchNorm1's runningMean after test passes only: test mode must not update it",
        "テストモードの forward だけの後の BatchNorm1 の runningMean: テストモードでは更新してはいけません",
      ),
    );
  }),
);

Deno.test(
  "MultiLayerNetExtend.predict() runs its dropout layers in test mode by default (§6.4.3)",
  named({ MultiLayerNetExtend }, ({ MultiLayerNetExtend }) => {
    const net = new MultiLayerNetExtend({ ...sizes, useDropout: true, dropoutRatio: 0.5 });
    const { x } = batch();
    const a = net.predict(x), b = net.predict(x);
    assert.deepEqual(
      a.toArray(),
      b.toArray(),
      say(
        "scores: test mode (the default) must repeat",
        "scores: テストモード (既定) では毎回同じになるはず",
      ),
    );
    const c = net.predict(x, { train: true }), d = net.predict(x, { train: true });
    assert.notDeepEqual(
      c.toArray(),
      d.toArray(),
      say(
        "scores: training must draw a new mask each pass",
        "scores: 訓練時は毎回新しいマスクを作るはず",
      ),
    );
  }),
);

Deno.test(
  "MultiLayerNetExtend.predict() normalizes with batch statistics only in training",
  named({ MultiLayerNetExtend }, ({ MultiLayerNetExtend }) => {
    const net = new MultiLayerNetExtend({ ...sizes, useBatchnorm: true });
    const bn = net.layers.get("BatchNorm1") as BatchNormalization;
    const { x } = batch();
    net.predict(x, { train: true });
    assert.ok(
      bn.runningMean !== null,
      say(
        "BatchNorm1's running mean is null after a training pass",
        "訓練時の forward の後で BatchNorm1 の移動平均が null です",
      ),
    );
    const mean = bn.runningMean.clone();
    assert.ok(
      np.max(np.abs(mean)) > 0,
      say(
        "BatchNorm1's runningMean: a training pass must update it",
        "BatchNorm1 の runningMean: 訓練時の forward で更新するはず",
      ),
    );
    const test1 = net.predict(x);
    assertAllClose(bn.runningMean, mean, {
      msg: say(
        "BatchNorm1's runningMean: a test pass (the default) must leave it alone",
        "BatchNorm1 の runningMean: テストモード (既定) の forward では変更してはいけません",
      ),
    });
    assertAllClose(net.predict(x), test1, {
      msg: say("scores: test mode must repeat", "scores: テストモードでは毎回同じになるはず"),
    });
  }),
);

Deno.test(
  "MultiLayerNetExtend.loss() adds the weight decay ½λΣW² (§6.4.2)",
  named({ MultiLayerNetExtend }, ({ MultiLayerNetExtend }) => {
    const net = new MultiLayerNetExtend({ ...sizes, weightDecayLambda: 0.2, useBatchnorm: true });
    const { x, t } = batch();
    let squares = 0;
    for (const key of ["W1", "W2", "W3"]) squares += np.sum(np.square(net.params[key]));
    const want = crossEntropyError(softmax(net.predict(x)), t) + 0.5 * 0.2 * squares;
    assertAllClose([net.loss(x, t)], [want], {
      rtol: 1e-12,
      msg: say("loss with λ = 0.2", "λ = 0.2 のときの loss"),
    });
  }),
);

Deno.test(
  "MultiLayerNetExtend.loss() runs predict in training mode when given { train: true }",
  named({ MultiLayerNetExtend }, ({ MultiLayerNetExtend }) => {
    const net = new MultiLayerNetExtend({ ...sizes, useBatchnorm: true });
    const { x, t } = batch();
    const loss = net.loss(x, t, { train: true });
    // In training, batch norm uses the batch's own statistics, whatever the running ones are.
    const want = crossEntropyError(softmax(net.predict(x, { train: true })), t);
    assertAllClose([loss], [want], {
      rtol: 1e-12,
      msg: say(
        "loss with { train: true } (the scores of predict(x, { train: true }))",
        "{ train: true } での loss (predict(x, { train: true }) のスコアによる)",
      ),
    });
  }),
);

Deno.test(
  "MultiLayerNetExtend.gradient() matches the numerical gradient with batch norm",
  named({ MultiLayerNetExtend }, ({ MultiLayerNetExtend }) => {
    const net = new MultiLayerNetExtend({ ...sizes, useBatchnorm: true, weightDecayLambda: 0.1 });
    // γ and β away from 1 and 0, so that their gradients are tested in general.
    np.add(net.params.gamma1, np.rng(7).normal([4], { scale: 0.3 }), { out: net.params.gamma1 });
    np.add(net.params.beta2, np.rng(8).normal([3], { scale: 0.3 }), { out: net.params.beta2 });
    const { x, t } = batch(2);
    assertGradientsMatch(net, () => net.loss(x, t, { train: true }), x, t);
  }),
);

Deno.test(
  "MultiLayerNetExtend.gradient() matches the numerical gradient with dropout",
  named({ MultiLayerNetExtend }, ({ MultiLayerNetExtend }) => {
    const net = new MultiLayerNetExtend({
      ...sizes,
      useDropout: true,
      dropoutRatio: 0.3,
      useBatchnorm: true,
      activation: "sigmoid",
      weightInitStd: "xavier",
    });
    const { x, t } = batch(3);
    // The same masks on every pass: restore the generator before each one.
    const saved = net.rng.getState();
    const loss = () => {
      net.rng.setState(saved);
      return net.loss(x, t, { train: true });
    };
    const grads = net.gradient(x, t); // draws the masks, then check against the same masks
    net.rng.setState(saved);
    assert.deepEqual(
      Object.keys(grads).sort(),
      Object.keys(net.params).sort(),
      say(
        "the names of the gradients vs the names of the parameters",
        "勾配の名前とパラメータの名前の比較",
      ),
    );
    assertGradientsMatch(net, loss, x, t);
  }),
);

Deno.test(
  "MultiLayerNetExtend.gradient() gives γ and β of the hidden layers only",
  named({ MultiLayerNetExtend }, ({ MultiLayerNetExtend }) => {
    const net = new MultiLayerNetExtend({ ...sizes, useBatchnorm: true });
    const { x, t } = batch();
    const grads = net.gradient(x, t);
    assert.deepEqual(Object.keys(grads).sort(), [
      "W1",
      "W2",
      "W3",
      "b1",
      "b2",
      "b3",
      "beta1",
      "beta2",
      "gamma1",
      "gamma2",
    ], say("the names of the gradients", "勾配の名前"));
    assert.deepEqual(
      grads.gamma2.shape,
      [3],
      say(
        `gamma2's gradient has shape [${grads.gamma2.shape.join(", ")}]`,
        `gamma2 の勾配の形状が [${grads.gamma2.shape.join(", ")}] です`,
      ),
    );
  }),
);
