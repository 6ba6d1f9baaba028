import assert from "node:assert/strict";
import * as np from "../../lib/np/mod.ts";
import {
  assertAllClose,
  assertGradientMatches,
  numericalGradientOf,
  say,
} from "../../lib/testing/mod.ts";
import { MISTAKES } from "../../lib/mistakes/ch04.ts";
import { mistakeNamer } from "../../lib/testing/mistakes.ts";
import { TwoLayerNet } from "./two_layer_net.ts";
import { book, toArray, toArrays } from "./testdata/book_fixture.ts";

const named = mistakeNamer("04", MISTAKES);

type Matrix = number[][];

/** The network's forward pass written with plain loops: an independent check of predict(). */
function predictByHand(x: Matrix, W1: Matrix, b1: number[], W2: Matrix, b2: number[]): Matrix {
  const affine = (v: number[], W: Matrix, b: number[]) =>
    b.map((bias, j) => v.reduce((sum, vi, i) => sum + vi * W[i][j], bias));
  return x.map((row) => {
    const z = affine(row, W1, b1).map((a) => 1 / (1 + Math.exp(-a)));
    const scores = affine(z, W2, b2);
    const top = Math.max(...scores);
    const e = scores.map((s) => Math.exp(s - top));
    const total = e.reduce((p, q) => p + q, 0);
    return e.map((v) => v / total);
  });
}

/** A small float64 network with seeded, not-too-small weights and biases, and a batch. */
function smallCase(Net: typeof TwoLayerNet, seed = 0) {
  const net = new Net({ inputSize: 5, hiddenSize: 4, outputSize: 3, seed });
  const rng = np.rng(seed + 100);
  net.params.W1 = rng.normal([5, 4], { scale: 0.7 });
  net.params.b1 = rng.normal([4], { scale: 0.2 });
  net.params.W2 = rng.normal([4, 3], { scale: 0.7 });
  net.params.b2 = rng.normal([3], { scale: 0.2 });
  const x = rng.random([6, 5]);
  const labels = np.array([0, 2, 1, 1, 0, 2]);
  const t = np.zeros([6, 3]);
  labels.data.forEach((label, i) => t.set([i, label], 1));
  return { net, x, t, labels };
}

/** The gradients' keys are the parameters' names, W1, b1, W2 and b2: none missing, none more. */
function assertGradientKeys(grads: Record<string, np.NDArray>, what: string): void {
  const keys = Object.keys(grads).sort();
  const missing = ["W1", "W2", "b1", "b2"].filter((k) => !keys.includes(k));
  assert.deepEqual(
    keys,
    ["W1", "W2", "b1", "b2"],
    say(
      `the keys of ${what}` + (missing.length > 0 ? `: ${missing.join(", ")} missing` : ""),
      `${what}のキー` + (missing.length > 0 ? `: ${missing.join(", ")} がありません` : ""),
    ),
  );
}

Deno.test(
  "TwoLayerNet.predict() computes softmax(sigmoid(x·W1 + b1)·W2 + b2) (§4.5.1)",
  named({ TwoLayerNet }, ({ TwoLayerNet }) => {
    const { net, x } = smallCase(TwoLayerNet);
    const y = net.predict(x);
    const { W1, b1, W2, b2 } = net.params;
    const expected = predictByHand(
      x.toArray() as Matrix,
      W1.toArray() as Matrix,
      b1.toArray() as number[],
      W2.toArray() as Matrix,
      b2.toArray() as number[],
    );
    assertAllClose(y, expected, {
      rtol: 1e-12,
      msg: say(
        "predict(x) against the same network by hand",
        "predict(x) と、同じネットワークを手で計算したものの比較",
      ),
    });
  }),
);

Deno.test(
  "TwoLayerNet.predict() gives one row of probabilities per MNIST-sized input",
  named({ TwoLayerNet }, ({ TwoLayerNet }) => {
    const net = new TwoLayerNet({ inputSize: 784, hiddenSize: 100, outputSize: 10 });
    const y = net.predict(np.rng(1).random([3, 784]));
    assert.deepEqual(
      y.shape,
      [3, 10],
      say(
        "the shape of predict(x) for x of shape [3, 784]",
        "形状 [3, 784] の x に対する predict(x) の形状",
      ),
    );
    assertAllClose(np.sum(y, { axis: 1 }), [1, 1, 1], {
      rtol: 1e-12,
      msg: say("the row sums of predict(x)", "predict(x) の各行の和"),
    });
    assert.ok(
      y.data.every((p) => p > 0 && p < 1),
      say(`probabilities must lie in (0, 1): ${y}`, `確率は (0, 1) の範囲にあるはずです: ${y}`),
    );
  }),
);

Deno.test(
  "TwoLayerNet.loss() is the cross-entropy error of predict() (§4.5.1)",
  named({ TwoLayerNet }, ({ TwoLayerNet }) => {
    const { net, x, t, labels } = smallCase(TwoLayerNet);
    const loss = net.loss(x, t);
    // The predictions by hand, so that this test does not rest on predict().
    const { W1, b1, W2, b2 } = net.params;
    const y = predictByHand(
      x.toArray() as Matrix,
      W1.toArray() as Matrix,
      b1.toArray() as number[],
      W2.toArray() as Matrix,
      b2.toArray() as number[],
    );
    let expected = 0;
    for (let i = 0; i < 6; i++) expected -= Math.log(y[i][labels.data[i]] + 1e-7) / 6;
    assert.ok(
      Math.abs(loss - expected) < 1e-12,
      say(
        `the loss with one-hot labels: expected ${expected}, got ${loss}`,
        `one-hot のラベルでの損失: ${expected} になるはずが、${loss} でした`,
      ),
    );
    const byIndex = net.loss(x, labels);
    assert.ok(
      Math.abs(byIndex - expected) < 1e-12,
      say(
        `the loss with index labels: expected ${expected}, got ${byIndex}`,
        `インデックスのラベルでの損失: ${expected} になるはずが、${byIndex} でした`,
      ),
    );
  }),
);

Deno.test(
  "TwoLayerNet.loss() of a network with all-zero weights is −log(1/10 + 1e-7)",
  named({ TwoLayerNet }, ({ TwoLayerNet }) => {
    const net = new TwoLayerNet({ inputSize: 4, hiddenSize: 3, outputSize: 10 });
    for (const key of Object.keys(net.params)) net.params[key] = np.zerosLike(net.params[key]);
    const x = np.rng(2).random([5, 4]);
    const loss = net.loss(x, np.array([0, 1, 2, 3, 9]));
    assert.ok(
      Math.abs(loss + Math.log(0.1 + 1e-7)) < 1e-12,
      say(
        `the loss of all-zero weights: expected ${-Math.log(0.1 + 1e-7)}, got ${loss}`,
        `重みがすべて 0 のときの損失: ${-Math.log(0.1 + 1e-7)} になるはずが、${loss} でした`,
      ),
    );
  }),
);

Deno.test(
  "TwoLayerNet.accuracy() counts the most probable class that is right",
  named({ TwoLayerNet }, ({ TwoLayerNet }) => {
    // W1 = 10·I and W2 = I: the most probable class is the position of x's largest input.
    const net = new TwoLayerNet({ inputSize: 3, hiddenSize: 3, outputSize: 3 });
    net.params.W1 = np.mul(np.eye(3), 10);
    net.params.b1 = np.zeros([3]);
    net.params.W2 = np.eye(3);
    net.params.b2 = np.zeros([3]);
    const x = np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]]);
    // The predicted classes are [0, 1, 2, 0].
    assert.equal(
      net.accuracy(x, np.array([0, 1, 2, 2])),
      0.75,
      say("accuracy for t = [0, 1, 2, 2]", "t = [0, 1, 2, 2] での認識精度"),
    );
    assert.equal(
      net.accuracy(x, np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 0, 1]])),
      0.75,
      say(
        "accuracy for the one-hot t of [0, 1, 2, 2]",
        "[0, 1, 2, 2] を one-hot にした t での認識精度",
      ),
    );
    assert.equal(
      net.accuracy(x, np.array([0, 1, 2, 0])),
      1,
      say("accuracy for t = [0, 1, 2, 0]", "t = [0, 1, 2, 0] での認識精度"),
    );
    assert.equal(
      net.accuracy(x, np.array([2, 2, 0, 1])),
      0,
      say("accuracy for t = [2, 2, 0, 1]", "t = [2, 2, 0, 1] での認識精度"),
    );
  }),
);

Deno.test(
  "TwoLayerNet's numerical gradients differentiate the loss by each parameter (§4.5.1)",
  named({ TwoLayerNet }, ({ TwoLayerNet }) => {
    const { net, x, t } = smallCase(TwoLayerNet, 3);
    const grads = net.numericalGradient(x, t);
    assertGradientKeys(grads, say("numericalGradient(x, t)", "numericalGradient(x, t) が返す勾配"));
    for (const key of ["W1", "b1", "W2", "b2"]) {
      assert.deepEqual(
        grads[key].shape,
        net.params[key].shape,
        say(`the shape of grads.${key}`, `grads.${key} の形状`),
      );
      const expected = numericalGradientOf(() => net.loss(x, t), net.params[key], { h: 1e-4 });
      assertGradientMatches(grads[key], expected, {
        rtol: 1e-6,
        atol: 1e-10,
        msg: say(`grads.${key}`, `grads.${key} の値`),
      });
    }
  }),
);

Deno.test(
  "TwoLayerNet's numerical gradients leave the parameters as they were",
  named({ TwoLayerNet }, ({ TwoLayerNet }) => {
    const { net, x, t } = smallCase(TwoLayerNet, 4);
    const before = Object.fromEntries(Object.entries(net.params).map(([k, v]) => [k, v.clone()]));
    net.numericalGradient(x, t);
    for (const key of Object.keys(before)) {
      assertAllClose(net.params[key], before[key], {
        msg: say(`params.${key} after the call`, `呼び出し後の params.${key}`),
      });
    }
  }),
);

Deno.test(
  "TwoLayerNet's numerical gradients agree with the analytic gradient() (§4.5.1)",
  named({ TwoLayerNet }, ({ TwoLayerNet }) => {
    const { net, x, t } = smallCase(TwoLayerNet, 5);
    const numerical = net.numericalGradient(x, t);
    assertGradientKeys(
      numerical,
      say("numericalGradient(x, t)", "numericalGradient(x, t) が返す勾配"),
    );
    const analytic = net.gradient(x, t);
    for (const key of ["W1", "b1", "W2", "b2"]) {
      assertAllClose(numerical[key], analytic[key], {
        rtol: 1e-5,
        atol: 1e-8,
        msg: say(
          `grads.${key} against gradient().${key}`,
          `grads.${key} と gradient().${key} の比較`,
        ),
      });
    }
  }),
);

Deno.test(
  "TwoLayerNet.loss() falls while SGD trains on 200 samples (§4.5.2)",
  named({ TwoLayerNet }, ({ TwoLayerNet }) => {
    // Four classes, each a noisy bump on its own five of twenty inputs: easy to learn.
    const rng = np.rng(7);
    const labels = rng.integers(0, 4, { size: [200] });
    const x = rng.normal([200, 20], { scale: 0.3 });
    const t = np.zeros([200, 4]);
    for (let i = 0; i < 200; i++) {
      const label = labels.data[i];
      t.set([i, label], 1);
      for (let j = 0; j < 5; j++) x.data[i * 20 + label * 5 + j] += 1;
    }
    const net = new TwoLayerNet({
      inputSize: 20,
      hiddenSize: 10,
      outputSize: 4,
      weightInitStd: 0.1,
    });
    const before = net.loss(x, t);
    for (let i = 0; i < 50; i++) {
      const mask = rng.choice(200, 50);
      const grads = net.gradient(np.take(x, mask, { axis: 0 }), np.take(t, mask, { axis: 0 }));
      for (const key of Object.keys(grads)) {
        np.sub(net.params[key], np.mul(grads[key], 2), { out: net.params[key] });
      }
    }
    const after = net.loss(x, t);
    assert.ok(
      after < before / 2,
      say(
        `the loss should halve; it went from ${before} to ${after}`,
        `損失は半分以下になるはずが、${before} から ${after} にしかなっていません`,
      ),
    );
    const accuracy = net.accuracy(x, t);
    assert.ok(
      accuracy > 0.9,
      say(
        `the accuracy after training should exceed 0.9, got ${accuracy}`,
        `学習後の認識精度は 0.9 を超えるはずが、${accuracy} でした`,
      ),
    );
  }),
);

// The book's own NumPy code -------------------------------------------------------------------
// tools/book/ch04_05.py ran the book's ch04/two_layer_net.py with fixed parameters and recorded
// them in testdata/book_ch04.json; these tests replay them.

/** Two numbers equal up to the last few bits; `what` names the value checked. */
function assertClose(what: string, actual: number, expected: number, tol = 1e-12): void {
  assert.ok(
    Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)),
    say(
      `${what}: expected ${expected}, got ${actual}`,
      `${what}: ${expected} になるはずが、${actual} でした`,
    ),
  );
}

/** The recorded network with the fixture's parameters. */
function recordedNet(Net: typeof TwoLayerNet) {
  const r = book.twoLayerNet;
  const net = new Net({ inputSize: 6, hiddenSize: 5, outputSize: 4 });
  net.params = toArrays(r.params);
  return { net, x: toArray(r.x), t: toArray(r.t), r };
}

Deno.test(
  "TwoLayerNet.predict() and loss() match the book's ch04/two_layer_net.py",
  named({ TwoLayerNet }, ({ TwoLayerNet }) => {
    const { net, x, t, r } = recordedNet(TwoLayerNet);
    assertAllClose(net.predict(x), toArray(r.predict), {
      rtol: 1e-12,
      msg: say("predict(x)", "predict(x) の結果"),
    });
    assertClose(
      say("loss(x, t) with one-hot labels", "one-hot のラベルでの loss(x, t)"),
      net.loss(x, t),
      r.loss,
    );
    assertClose(
      say("loss(x, t) with index labels", "インデックスのラベルでの loss(x, t)"),
      net.loss(x, np.array(r.label)),
      r.loss,
    );
  }),
);

Deno.test(
  "TwoLayerNet.accuracy() matches the book's ch04/two_layer_net.py",
  named({ TwoLayerNet }, ({ TwoLayerNet }) => {
    const { net, x, t, r } = recordedNet(TwoLayerNet);
    assert.equal(net.accuracy(x, t), r.accuracy, say("accuracy(x, t)", "accuracy(x, t) の結果"));
  }),
);

Deno.test(
  "TwoLayerNet's numerical gradients match the book's ch04/two_layer_net.py",
  named({ TwoLayerNet }, ({ TwoLayerNet }) => {
    const { net, x, t, r } = recordedNet(TwoLayerNet);
    const grads = net.numericalGradient(x, t);
    assertGradientKeys(grads, say("numericalGradient(x, t)", "numericalGradient(x, t) が返す勾配"));
    const analytic = net.gradient(x, t);
    for (const key of ["W1", "b1", "W2", "b2"]) {
      const numerical = toArray(r.numericalGradient[key as keyof typeof r.numericalGradient]);
      assertAllClose(grads[key], numerical, {
        rtol: 1e-7,
        atol: 1e-11,
        msg: say(`grads.${key}`, `grads.${key} の値`),
      });
      const expected = toArray(r.gradient[key as keyof typeof r.gradient]);
      assertAllClose(analytic[key], expected, {
        rtol: 1e-10,
        atol: 1e-14,
        msg: say(`gradient().${key} (given)`, `gradient().${key}（最初から書いてあるもの）`),
      });
    }
  }),
);
