// The book's own NumPy code (written out in tools/book/ch03.py) was run once on fixed inputs;
// these tests replay its recorded inputs and compare your functions with its outputs.
import assert from "node:assert/strict";
import { loadMnist, type Mnist } from "../../lib/mnist/mod.ts";
import { loadSampleWeight } from "../../lib/nets/sample_weight.ts";
import * as np from "../../lib/np/mod.ts";
import { assertAllClose } from "../../lib/testing/mod.ts";
import { identity, relu, sigmoid, softmax, stepFunction } from "./activation.ts";
import { accuracy, forward, type Network, predict } from "./three_layer_net.ts";
import book from "../../lib/nets/testdata/book_ch03.json" with { type: "json" };

let mnist: Mnist | undefined;
/** The MNIST test set, loaded once for this file (the tests only read it). */
function testSet(): Mnist {
  return mnist ??= loadMnist();
}

interface Case {
  x: np.NestedArray;
  shape: number[];
  y: np.NestedArray;
}

function replay(
  name: string,
  fn: (x: np.NDArray) => np.NDArray,
  cases: Case[],
  options: { rtol?: number; atol?: number } = {},
): void {
  for (const c of cases) {
    const x = np.array(c.x);
    assert.deepEqual(x.shape, c.shape);
    assertAllClose(fn(x), np.array(c.y), {
      rtol: options.rtol ?? 1e-12,
      atol: options.atol ?? 0,
      msg: `${name}(x) for x of shape [${c.shape}]`,
    });
  }
}

Deno.test("stepFunction() agrees with the book's NumPy code (tools/book/ch03.py)", () => {
  replay("stepFunction", stepFunction, book.stepFunction);
});

Deno.test("sigmoid() agrees with the book's NumPy code (tools/book/ch03.py)", () => {
  replay("sigmoid", sigmoid, book.sigmoid, { atol: 1e-300 });
});

Deno.test("relu() agrees with the book's NumPy code (tools/book/ch03.py)", () => {
  replay("relu", relu, book.relu);
});

Deno.test("identity() agrees with the book's NumPy code (tools/book/ch03.py)", () => {
  replay("identity", identity, book.identity);
});

Deno.test("softmax() agrees with the book's NumPy code (tools/book/ch03.py)", () => {
  replay("softmax", softmax, book.softmax, { atol: 1e-300 });
});

Deno.test("forward() agrees with the book's NumPy code (tools/book/ch03.py)", () => {
  // The book's toy network of §3.4.3 (initNetwork() has its own tests).
  const network: Network = {
    W1: np.array([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]),
    b1: np.array([0.1, 0.2, 0.3]),
    W2: np.array([[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]]),
    b2: np.array([0.1, 0.2]),
    W3: np.array([[0.1, 0.3], [0.2, 0.4]]),
    b3: np.array([0.1, 0.2]),
  };
  replay("forward", (x) => forward(network, x), book.forward);
});

Deno.test("predict() agrees with the book's NumPy code (tools/book/ch03.py)", () => {
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
  assertAllClose(y, book.sampleWeight.first8.y, { rtol: 1e-4, atol: 1e-6 });
  assert.deepEqual(np.argmax(y, { axis: 1 }).toArray(), book.sampleWeight.first8.argmax);
});

Deno.test("accuracy() agrees with the book's NumPy code on the MNIST test set (§3.6.3)", () => {
  const { xTest, tTest } = testSet();
  const { network } = loadSampleWeight();
  const acc = accuracy(network, { x: xTest, t: tTest, batchSize: 100 });
  // Float32 rounding may move an image or two across a decision boundary.
  assert.ok(
    Math.abs(acc - book.sampleWeight.accuracy) <= 0.0005,
    `accuracy ${acc}, NumPy ${book.sampleWeight.accuracy}`,
  );
});
