import assert from "node:assert/strict";
import fc from "fast-check";
import { loadMnist, type Mnist } from "../../lib/mnist/mod.ts";
import { loadSampleWeight } from "../../lib/nets/sample_weight.ts";
import * as np from "../../lib/np/mod.ts";
import * as reference from "../../lib/nets/three_layer_net.ts";
import { assertAllClose, say } from "../../lib/testing/mod.ts";
import { assertProperty } from "../../lib/testing/property.ts";
import { accuracy, forward, initNetwork, type Network, predict } from "./three_layer_net.ts";
import book from "../../lib/nets/testdata/book_ch03.json" with { type: "json" };
import { MISTAKES } from "../../lib/mistakes/ch03.ts";
import { mistakeNamer } from "../../lib/testing/mistakes.ts";

const named = mistakeNamer("03", MISTAKES);

let mnist: Mnist | undefined;
/** The MNIST test set, loaded once for this file (the tests only read it). */
function testSet(): Mnist {
  return mnist ??= loadMnist();
}

/**
 * The shipped weights' accuracy on the 10,000 test images with batches of 100, as measured by
 * `deno task ch03:predict` and by the book's NumPy code (tools/book/ch03.py): 9,659 correct.
 */
const SAMPLE_WEIGHT_ACCURACY = 0.9659;

/** The book's toy network of §3.4.3, written out so that these tests need no initNetwork(). */
function bookNetwork(): Network {
  return {
    W1: np.array([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]),
    b1: np.array([0.1, 0.2, 0.3]),
    W2: np.array([[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]]),
    b2: np.array([0.1, 0.2]),
    W3: np.array([[0.1, 0.3], [0.2, 0.4]]),
    b3: np.array([0.1, 0.2]),
  };
}

/** A small random network of the given layer sizes (float64). */
function randomNetwork(sizes: number[], seed: number): Network {
  const r = np.rng(seed);
  const params: Record<string, np.NDArray> = {};
  for (let i = 0; i < 3; i++) {
    params[`W${i + 1}`] = r.normal([sizes[i], sizes[i + 1]]);
    params[`b${i + 1}`] = r.normal([sizes[i + 1]], { scale: 0.5 });
  }
  return params as unknown as Network;
}

// initNetwork -------------------------------------------------------------------------------

Deno.test(
  "initNetwork() holds the book's weights and biases (§3.4.3)",
  named({ initNetwork }, ({ initNetwork }) => {
    const network = initNetwork();
    for (const [key, value] of Object.entries(bookNetwork())) {
      const mine = network[key as keyof Network];
      assert.ok(
        mine !== undefined,
        say(`the network has no ${key}`, `ネットワークに ${key} がありません`),
      );
      assert.deepEqual(mine.shape, value.shape, say(`the shape of ${key}`, `${key} の形状`));
      assert.deepEqual(mine.toArray(), value.toArray(), say(`the values of ${key}`, `${key} の値`));
    }
  }),
);

// forward -----------------------------------------------------------------------------------

Deno.test(
  "forward() matches the book's result (§3.4.3)",
  named({ forward }, ({ forward }) => {
    const y = forward(bookNetwork(), np.array([1.0, 0.5]));
    assertAllClose(y, [0.31682708, 0.69627909], {
      rtol: 1e-7,
      msg: say(
        "forward(toy network, [1.0, 0.5])",
        "forward(§3.4.3 のネットワーク, [1.0, 0.5]) の結果",
      ),
    });
  }),
);

Deno.test(
  "forward() handles a batch row by row, like one input at a time",
  named({ forward }, ({ forward }) => {
    const network = randomNetwork([4, 5, 3, 2], 7);
    const x = np.rng(8).uniform([6, 4], { low: -2, high: 2 });
    const batch = forward(network, x);
    assert.deepEqual(
      batch.shape,
      [6, 2],
      say("the output's shape for a batch [6, 4]", "バッチ [6, 4] に対する出力の形状"),
    );
    for (let i = 0; i < 6; i++) {
      assertAllClose(batch.slice(i), forward(network, x.slice(i)), {
        rtol: 1e-12,
        msg: say(
          `row ${i} of the batch against input ${i} alone`,
          `バッチの ${i} 行目と、入力 ${i} 単独の比較`,
        ),
      });
    }
  }),
);

Deno.test(
  "forward() squashes both hidden layers and leaves the output as it is (§3.4.2)",
  named({ forward }, ({ forward }) => {
    forward(bookNetwork(), np.array([0, 0]));
    // With W2 = W3 = identity and zero biases after the first layer, the output is
    // sigmoid(sigmoid(x·W1 + b1)): two sigmoids and no activation at the end.
    const eye = np.eye(2);
    const zeros = np.zeros([2]);
    const network = { W1: eye, b1: np.array([0.5, -0.5]), W2: eye, b2: zeros, W3: eye, b3: zeros };
    assertProperty(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), (v) => {
        const s = (z: number) => 1 / (1 + Math.exp(-z));
        const y = forward(network, np.array([v, -v]));
        assertAllClose(y, [s(s(v + 0.5)), s(s(-v - 0.5))], {
          rtol: 1e-12,
          msg: say(
            `the output for x = [${v}, ${-v}]: h(h(a1)) with h the sigmoid`,
            `x = [${v}, ${-v}] に対する出力: h をシグモイド関数として h(h(a1))`,
          ),
        });
      }),
      { seed: 1, numRuns: 50 },
    );
  }),
);

// predict -----------------------------------------------------------------------------------

Deno.test(
  "predict() gives one probability per class, each row summing to 1 (§3.6.2)",
  named({ predict }, ({ predict }) => {
    const network = randomNetwork([6, 4, 5, 3], 3);
    const y = predict(network, np.rng(4).uniform([5, 6]));
    assert.deepEqual(
      y.shape,
      [5, 3],
      say("the output's shape for a batch [5, 6]", "バッチ [5, 6] に対する出力の形状"),
    );
    assert.ok(
      y.data.every((v) => v > 0 && v < 1),
      say(`probabilities must lie in (0, 1): ${y}`, `確率は (0, 1) の範囲にあるはずです: ${y}`),
    );
    assertAllClose(np.sum(y, { axis: 1 }), np.ones([5]), {
      rtol: 1e-12,
      msg: say("the row sums", "各行の和"),
    });
    const one = predict(network, np.rng(4).uniform([5, 6]).slice(0));
    assertAllClose(one, y.slice(0), {
      rtol: 1e-12,
      msg: say("one input against row 0 of the batch", "1 つの入力と、バッチの 0 行目の比較"),
    });
  }),
);

Deno.test(
  "predict() normalises the reference's three-layer scores row by row (§3.5, §3.6.2)",
  named({ predict }, ({ predict }) => {
    const network = randomNetwork([3, 4, 4, 5], 11);
    const x = np.rng(12).normal([4, 3]);
    const y = predict(network, x);
    // The same layers as forward(), from the answer key, then e^(a_k) / Σ e^(a_i) by row.
    const scores = reference.forward(network, x);
    const e = np.exp(np.sub(scores, np.max(scores, { axis: 1, keepdims: true })));
    assertAllClose(y, np.div(e, np.sum(e, { axis: 1, keepdims: true })), {
      rtol: 1e-12,
      msg: say(
        "predict(network, x) against the normalised exponentials of the scores",
        "predict(network, x) と、スコアの指数関数を正規化したものの比較",
      ),
    });
  }),
);

Deno.test(
  "predict() reads the first test images right with the shipped weights (§3.6.2)",
  named({ predict }, ({ predict }) => {
    const { xTest, tTest } = testSet();
    const { network } = loadSampleWeight();
    const y = predict(network, xTest.slice("0:8"));
    assert.deepEqual(
      y.shape,
      [8, 10],
      say("the output's shape for 8 images", "8 枚の画像に対する出力の形状"),
    );
    // 7, 2, 1, 0, 4, 1, 4, 9 (the ninth, a 5, looks like a 6 to this network)
    assert.deepEqual(
      np.argmax(y, { axis: 1 }).toArray(),
      [...tTest.data.subarray(0, 8)],
      say(
        "the most probable class of the first 8 test images against their labels",
        "最初の 8 枚のテスト画像で最も確率の高いクラスと、正解ラベルの比較",
      ),
    );
    const single = predict(network, xTest.slice(0));
    assert.deepEqual(
      single.shape,
      [10],
      say("the output's shape for one image [784]", "1 枚の画像 [784] に対する出力の形状"),
    );
    assert.equal(
      np.argmax(single),
      7,
      say(
        "the most probable class of the first image (a 7)",
        "最初の画像（7）で最も確率の高いクラス",
      ),
    );
  }),
);

// accuracy ----------------------------------------------------------------------------------

Deno.test(
  "accuracy() counts the rows whose argmax is the label",
  named({ accuracy }, ({ accuracy }) => {
    // The toy network favours class 1 for each of these inputs.
    const x = np.array([[1.0, 0.5], [0.0, 0.0], [2.0, 1.0]]);
    assert.equal(
      accuracy(bookNetwork(), { x, t: np.array([1, 1, 1]) }),
      1,
      say(
        "labels [1, 1, 1], batchSize 100 (the default): 3 right of 3",
        "ラベル [1, 1, 1]、batchSize 100（既定値）: 3 個中 3 個正解",
      ),
    );
    assert.equal(
      accuracy(bookNetwork(), { x, t: np.array([1, 1, 0]), batchSize: 2 }),
      2 / 3,
      say(
        "labels [1, 1, 0], batchSize 2: 2 right of 3",
        "ラベル [1, 1, 0]、batchSize 2: 3 個中 2 個正解",
      ),
    );
    assert.equal(
      accuracy(bookNetwork(), { x, t: np.array([0, 0, 0]), batchSize: 1 }),
      0,
      say("labels [0, 0, 0], batchSize 1", "ラベル [0, 0, 0]、batchSize 1"),
    );
  }),
);

Deno.test(
  "accuracy() does not depend on the batch size, even one that does not divide n",
  named({ accuracy }, ({ accuracy }) => {
    const { xTest, tTest } = testSet();
    const x = xTest.slice("0:300"), t = tTest.slice("0:300");
    const { network } = loadSampleWeight();
    const byOne = accuracy(network, { x, t, batchSize: 1 });
    for (const batchSize of [100, 7, 299, 300, 5000]) {
      assert.equal(
        accuracy(network, { x, t, batchSize }),
        byOne,
        say(
          `accuracy with batchSize ${batchSize} against batchSize 1`,
          `batchSize ${batchSize} と batchSize 1 での認識精度の比較`,
        ),
      );
    }
    assert.equal(
      accuracy(network, { x, t }),
      byOne,
      say("batchSize 100 by default", "batchSize の既定値は 100"),
    );
  }),
);

Deno.test(
  "accuracy() of the shipped weights on the 10,000 test images is >= 0.92 (§3.6.3)",
  named({ accuracy }, ({ accuracy }) => {
    const { xTest, tTest } = testSet();
    const { network } = loadSampleWeight();
    const acc = accuracy(network, { x: xTest, t: tTest, batchSize: 100 });
    assert.ok(
      acc >= 0.92,
      say(`accuracy ${acc} is below 0.92`, `認識精度 ${acc} が 0.92 未満です`),
    );
    // The book's NumPy code gets 0.9659 with these weights; rounding may move a few images.
    assert.ok(
      Math.abs(acc - SAMPLE_WEIGHT_ACCURACY) <= 0.001,
      say(`accuracy ${acc}`, `認識精度 ${acc}`),
    );
  }),
);

// The book's own NumPy code -------------------------------------------------------------------
// tools/book/ch03.py ran the book's functions once on fixed inputs (the toy network, random
// networks, the shipped weights on MNIST) and recorded them in lib/nets/testdata/book_ch03.json;
// these tests replay them.

interface Case {
  x: np.NestedArray;
  shape: number[];
  y: np.NestedArray;
}

function replay(name: string, fn: (x: np.NDArray) => np.NDArray, cases: Case[]): void {
  for (const c of cases) {
    const x = np.array(c.x);
    assertAllClose(fn(x), np.array(c.y), {
      rtol: 1e-12,
      atol: 0,
      msg: say(
        `${name}(network, x) for x of shape [${c.shape}]`,
        `形状 [${c.shape}] の x に対する ${name}(network, x)`,
      ),
    });
  }
}

Deno.test(
  "forward() agrees with the book's NumPy code (tools/book/ch03.py)",
  named({ forward }, ({ forward }) => {
    const network = bookNetwork();
    replay("forward", (x) => forward(network, x), book.forward);
  }),
);

Deno.test(
  "predict() agrees with the book's NumPy code (tools/book/ch03.py)",
  named({ predict }, ({ predict }) => {
    for (const c of book.predict) {
      const network = Object.fromEntries(
        Object.entries(c.network).map(([k, v]) => [k, np.array(v.data)]),
      ) as unknown as Network;
      replay("predict", (x) => predict(network, x), [c]);
    }
    // The shipped weights in float32, as the book computes them: NumPy's float32 arithmetic
    // rounds differently from ours, so compare to float32 precision.
    const { xTest } = testSet();
    const { network } = loadSampleWeight();
    const y = predict(network, xTest.slice("0:8"));
    assertAllClose(y, book.sampleWeight.first8.y, {
      rtol: 1e-4,
      atol: 1e-6,
      msg: say(
        "predict() of the first 8 test images with the shipped weights",
        "同梱の重みで最初の 8 枚のテスト画像に対する predict()",
      ),
    });
    assert.deepEqual(
      np.argmax(y, { axis: 1 }).toArray(),
      book.sampleWeight.first8.argmax,
      say(
        "the most probable classes of the first 8 test images",
        "最初の 8 枚のテスト画像で最も確率の高いクラス",
      ),
    );
  }),
);

Deno.test(
  "accuracy() agrees with the book's NumPy code on the MNIST test set (§3.6.3)",
  named({ accuracy }, ({ accuracy }) => {
    const { xTest, tTest } = testSet();
    const { network } = loadSampleWeight();
    const acc = accuracy(network, { x: xTest, t: tTest, batchSize: 100 });
    // Float32 rounding may move an image or two across a decision boundary.
    assert.ok(
      Math.abs(acc - book.sampleWeight.accuracy) <= 0.0005,
      say(
        `accuracy ${acc}, NumPy ${book.sampleWeight.accuracy}`,
        `認識精度 ${acc}、NumPy では ${book.sampleWeight.accuracy}`,
      ),
    );
  }),
);
