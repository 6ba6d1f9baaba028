import assert from "node:assert/strict";
import { identity, relu, sigmoid, softmax, stepFunction } from "../functions/activation.ts";
import { loadMnist } from "../mnist/mod.ts";
import * as np from "../np/mod.ts";
import { assertAllClose } from "../testing/mod.ts";
import { loadSampleWeight } from "./sample_weight.ts";
import { accuracy, forward, initNetwork, type Network, predict } from "./three_layer_net.ts";
// Recorded by tools/book/ch03.py, the book's NumPy code run on fixed inputs.
import book from "./testdata/book_ch03.json" with { type: "json" };

interface Case {
  x: np.NestedArray;
  shape: number[];
  y: np.NestedArray;
}

function replay(fn: (x: np.NDArray) => np.NDArray, cases: Case[]): void {
  for (const c of cases) {
    assertAllClose(fn(np.array(c.x)), np.array(c.y), { rtol: 1e-12, atol: 1e-300 });
  }
}

Deno.test("the activation functions agree with the book's NumPy code (tools/book/ch03.py)", () => {
  replay(stepFunction, book.stepFunction);
  replay(sigmoid, book.sigmoid);
  replay(relu, book.relu);
  replay(identity, book.identity);
  replay(softmax, book.softmax);
});

Deno.test("forward() and predict() agree with the book's NumPy code (tools/book/ch03.py)", () => {
  replay((x) => forward(initNetwork(), x), book.forward);
  for (const c of book.predict) {
    const network = Object.fromEntries(
      Object.entries(c.network).map(([k, v]) => [k, np.array(v.data)]),
    ) as unknown as Network;
    replay((x) => predict(network, x), [c]);
  }
});

Deno.test("accuracy() of the shipped weights is the one NumPy computes (§3.6.3)", () => {
  const { xTest, tTest } = loadMnist();
  const { network, metadata } = loadSampleWeight();
  const acc = accuracy(network, { x: xTest, t: tTest });
  // float32 sums in another order (NumPy's, or a faster matrix product) may move an image or two.
  assert.ok(Math.abs(acc - book.sampleWeight.accuracy) <= 0.0005, `accuracy ${acc}`);
  assert.ok(
    Math.abs(Number(metadata.test_accuracy) - acc) <= 0.0005,
    `metadata ${metadata.test_accuracy}`,
  );
  assertAllClose(predict(network, xTest.slice("0:8")), book.sampleWeight.first8.y, {
    rtol: 1e-4,
    atol: 1e-6,
  });
});

Deno.test("accuracy() rejects labels that do not fit and bad batch sizes", () => {
  const x = np.zeros([3, 2]);
  assert.throws(
    () => accuracy(initNetwork(), { x, t: np.zeros([2]) }),
    { name: "TypeError", message: /x has shape \[3,2\], t has \[2\]/ },
  );
  assert.throws(
    () => accuracy(initNetwork(), { x, t: np.zeros([3, 2]) }),
    { name: "TypeError", message: /one class index per image/ },
  );
  for (const batchSize of [0, -1, 1.5]) {
    assert.throws(
      () => accuracy(initNetwork(), { x, t: np.zeros([3]), batchSize }),
      { name: "RangeError", message: /batchSize must be a positive integer/ },
    );
  }
});
