import assert from "node:assert/strict";
import { MISTAKES } from "../../lib/mistakes/ch05.ts";
import * as np from "../../lib/np/mod.ts";
import { mistakeNamer } from "../../lib/testing/mistakes.ts";
import {
  assertAllClose,
  assertGradientMatches,
  numericalGradientOf,
  say,
} from "../../lib/testing/mod.ts";
import { book, toArray, toArrays } from "./testdata/book_fixture.ts";
import { TwoLayerNet } from "./two_layer_net.ts";

const named = mistakeNamer("05", MISTAKES);

type Matrix = number[][];

/** relu(x·W1 + b1)·W2 + b2 with plain loops: an independent check of predict(). */
function scoresByHand(x: Matrix, W1: Matrix, b1: number[], W2: Matrix, b2: number[]): Matrix {
  const affine = (v: number[], W: Matrix, b: number[]) =>
    b.map((bias, j) => v.reduce((sum, vi, i) => sum + vi * W[i][j], bias));
  return x.map((row) => affine(affine(row, W1, b1).map((a) => Math.max(0, a)), W2, b2));
}

/** A float64 network with weights large enough to matter and biases clear of ReLU's kink. */
function smallCase(Net: typeof TwoLayerNet, seed = 0) {
  const net = new Net({
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

Deno.test(
  "TwoLayerNet.predict() runs the three layers in order (§5.7.2)",
  named({ TwoLayerNet }, ({ TwoLayerNet }) => {
    const { net, x } = smallCase(TwoLayerNet);
    const scores = net.predict(x);
    const { W1, b1, W2, b2 } = net.params;
    const expected = scoresByHand(
      x.toArray() as Matrix,
      W1.toArray() as Matrix,
      b1.toArray() as number[],
      W2.toArray() as Matrix,
      b2.toArray() as number[],
    );
    assertAllClose(scores, expected, {
      rtol: 1e-12,
      atol: 1e-15,
      msg: say(
        "scores vs relu(x · W1 + b1) · W2 + b2 computed with plain loops",
        "scores と、素朴なループで計算した relu(x · W1 + b1) · W2 + b2 の比較",
      ),
    });
  }),
);

Deno.test(
  "TwoLayerNet.predict() sees parameters updated in place",
  named({ TwoLayerNet }, ({ TwoLayerNet }) => {
    const { net, x } = smallCase(TwoLayerNet, 1);
    const before = net.predict(x).clone();
    np.add(net.params.b2, 1, { out: net.params.b2 });
    assertAllClose(net.predict(x), np.add(before, 1), {
      rtol: 1e-12,
      msg: say("scores after b2 += 1 in place", "b2 += 1 (インプレース) の後の scores"),
    });
  }),
);

Deno.test(
  "TwoLayerNet.loss() is Softmax-with-Loss of the scores (§5.7.2)",
  named({ TwoLayerNet }, ({ TwoLayerNet }) => {
    const { net, x, t, labels } = smallCase(TwoLayerNet, 2);
    const loss = net.loss(x, t);
    const scores = net.predict(x);
    let expected = 0;
    for (let i = 0; i < 6; i++) {
      const row = [0, 1, 2].map((j) => scores.get(i, j));
      const total = row.reduce((p, s) => p + Math.exp(s), 0);
      expected -= Math.log(Math.exp(row[labels.data[i]]) / total + 1e-7) / 6;
    }
    assert.ok(
      Math.abs(loss - expected) < 1e-12,
      say(`loss: got ${loss}, expected ${expected}`, `loss: 結果は ${loss}、期待値は ${expected}`),
    );
    const indexLoss = net.loss(x, labels);
    assert.ok(
      Math.abs(indexLoss - expected) < 1e-12,
      say(
        `loss with index labels: got ${indexLoss}, expected ${expected} (as one-hot)`,
        `インデックス形式のラベルでの loss: 結果は ${indexLoss}、期待値は ${expected} (one-hot 表現と同じ)`,
      ),
    );
  }),
);

Deno.test(
  "TwoLayerNet.loss() of a network with all-zero weights is −log(1/10 + 1e-7)",
  named({ TwoLayerNet }, ({ TwoLayerNet }) => {
    const net = new TwoLayerNet({ inputSize: 4, hiddenSize: 3, outputSize: 10 });
    for (const p of Object.values(net.params)) p.data.fill(0);
    const loss = net.loss(np.rng(3).random([5, 4]), np.array([0, 1, 2, 3, 9]));
    const want = -Math.log(0.1 + 1e-7);
    assert.ok(
      Math.abs(loss - want) < 1e-12,
      say(`loss: got ${loss}, expected ${want}`, `loss: 結果は ${loss}、期待値は ${want}`),
    );
  }),
);

Deno.test(
  "TwoLayerNet.accuracy() counts the highest scores that are right",
  named({ TwoLayerNet }, ({ TwoLayerNet }) => {
    // W1 = I, W2 = I: the highest score is the position of x's largest input.
    const net = new TwoLayerNet({ inputSize: 3, hiddenSize: 3, outputSize: 3 });
    net.params.W1.data.set(np.eye(3).data);
    net.params.W2.data.set(np.eye(3).data);
    net.params.b1.data.fill(0);
    net.params.b2.data.fill(0);
    const x = np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]]);
    const accuracy = net.accuracy(x, np.array([0, 1, 2, 2]));
    assert.equal(
      accuracy,
      0.75,
      say(
        `accuracy: got ${accuracy}, expected 3 right of 4`,
        `accuracy: 結果は ${accuracy}、期待値は 4 つ中 3 つ正解`,
      ),
    );
  }),
);

Deno.test(
  "TwoLayerNet.gradient() matches the numerical gradient: the gradient check (§5.7.3)",
  named({ TwoLayerNet }, ({ TwoLayerNet }) => {
    const { net, x, t } = smallCase(TwoLayerNet, 4);
    const grads = net.gradient(x, t);
    const numerical = net.numericalGradient(x, t);
    for (const key of ["W1", "b1", "W2", "b2"]) {
      assert.ok(
        grads[key] !== undefined,
        say(`gradient() returned no ${key}`, `gradient() の戻り値に ${key} がありません`),
      );
      assert.deepEqual(
        grads[key].shape,
        net.params[key].shape,
        say(
          `${key}: the gradient has shape [${grads[key].shape.join(", ")}], the parameter [${
            net.params[key].shape
          }]`,
          `${key}: 勾配の形状が [${grads[key].shape.join(", ")}] ですが、パラメータは [${
            net.params[key].shape
          }] です`,
        ),
      );
      // The book's measure: the mean absolute difference, about 1e-10 here.
      const diff = np.mean(np.abs(np.sub(grads[key], numerical[key])));
      assert.ok(
        diff < 1e-7,
        say(
          `${key}: mean |backprop − numerical| = ${diff}`,
          `${key}: |誤差逆伝播法 − 数値微分| の平均 = ${diff}`,
        ),
      );
      assertGradientMatches(
        grads[key],
        numericalGradientOf(() => net.loss(x, t), net.params[key]),
        {
          rtol: 1e-5,
          atol: 1e-7,
          msg: say(
            `${key} differs from the numerical gradient`,
            `${key} が数値微分で求めた勾配と一致しません`,
          ),
        },
      );
    }
  }),
);

Deno.test(
  "TwoLayerNet.gradient() gives the same for one-hot and index labels",
  named({ TwoLayerNet }, ({ TwoLayerNet }) => {
    const { net, x, t, labels } = smallCase(TwoLayerNet, 5);
    const a = net.gradient(x, t);
    const b = net.gradient(x, labels);
    for (const key of ["W1", "b1", "W2", "b2"]) {
      assertAllClose(b[key], a[key], {
        rtol: 1e-12,
        msg: say(
          `${key}: index labels vs one-hot`,
          `${key}: インデックス形式のラベルと one-hot 表現の比較`,
        ),
      });
    }
  }),
);

Deno.test(
  "TwoLayerNet.gradient() trains: the loss falls on an easy problem (§5.7.4)",
  named({ TwoLayerNet }, ({ TwoLayerNet }) => {
    const rng = np.rng(7);
    const labels = rng.integers(0, 4, { size: [200] });
    const x = rng.normal([200, 20], { scale: 0.3 });
    for (let i = 0; i < 200; i++) {
      for (let j = 0; j < 5; j++) x.data[i * 20 + labels.data[i] * 5 + j] += 1;
    }
    const net = new TwoLayerNet({
      inputSize: 20,
      hiddenSize: 10,
      outputSize: 4,
      weightInitStd: 0.1,
    });
    const before = net.loss(x, labels);
    for (let i = 0; i < 50; i++) {
      const mask = rng.choice(200, 50);
      const grads = net.gradient(np.take(x, mask, { axis: 0 }), np.take(labels, mask));
      for (const key of Object.keys(grads)) {
        np.sub(net.params[key], np.mul(grads[key], 0.5), { out: net.params[key] });
      }
    }
    const after = net.loss(x, labels);
    assert.ok(
      after < before / 2,
      say(
        `loss: went from ${before} to ${after}, expected below half`,
        `loss: ${before} から ${after} になりました。半分未満になるはずです`,
      ),
    );
    const accuracy = net.accuracy(x, labels);
    assert.ok(
      accuracy > 0.9,
      say(
        `accuracy: ${accuracy} after 50 steps, expected above 0.9`,
        `accuracy: 50 ステップ後に ${accuracy} です。0.9 を超えるはずです`,
      ),
    );
  }),
);

// The book's own NumPy code, recorded by tools/book/ch04_05.py in testdata/book_ch05.json.
Deno.test(
  "TwoLayerNet.gradient() matches the book's ch05/two_layer_net.py",
  named({ TwoLayerNet }, ({ TwoLayerNet }) => {
    const r = book.twoLayerNet;
    const net = new TwoLayerNet({ inputSize: 6, hiddenSize: 5, outputSize: 4 });
    // Copy into the existing arrays: the Affine layers hold them.
    for (const [key, value] of Object.entries(toArrays(r.params))) {
      net.params[key].data.set(value.data);
    }
    const x = toArray(r.x), t = toArray(r.t);
    const grads = net.gradient(x, t);
    assertAllClose(net.predict(x), toArray(r.predict), {
      rtol: 1e-12,
      atol: 1e-15,
      msg: say("predict (the scores)", "predict (スコア)"),
    });
    const loss = net.loss(x, t);
    assert.ok(
      Math.abs(loss - r.loss) < 1e-12,
      say(
        `loss: got ${loss}, the book's code ${r.loss}`,
        `loss: 結果は ${loss}、書籍のコードでは ${r.loss}`,
      ),
    );
    const accuracy = net.accuracy(x, t);
    assert.equal(
      accuracy,
      r.accuracy,
      say(
        `accuracy: got ${accuracy}, the book's code ${r.accuracy}`,
        `accuracy: 結果は ${accuracy}、書籍のコードでは ${r.accuracy}`,
      ),
    );
    const numerical = net.numericalGradient(x, t);
    for (const key of ["W1", "b1", "W2", "b2"] as const) {
      assertAllClose(grads[key], toArray(r.gradient[key]), {
        rtol: 1e-10,
        atol: 1e-14,
        msg: say(`gradient ${key}`, `勾配 ${key}`),
      });
      assertAllClose(numerical[key], toArray(r.numericalGradient[key]), {
        rtol: 1e-7,
        atol: 1e-11,
        msg: say(`numerical gradient ${key}`, `数値微分で求めた勾配 ${key}`),
      });
    }
  }),
);
