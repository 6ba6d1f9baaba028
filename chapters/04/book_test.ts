/**
 * Replays the book's NumPy code, recorded by `tools/book/ch04_05.py` in
 * `testdata/book_ch04.json`, against this chapter's functions.
 */

import assert from "node:assert/strict";
import * as np from "../../lib/np/mod.ts";
import { softmax } from "../../lib/functions/activation.ts";
import { crossEntropyError as referenceCrossEntropy } from "../../lib/functions/loss.ts";
import { assertAllClose } from "../../lib/testing/mod.ts";
import { gradientDescent, numericalDiff, numericalGradient } from "./gradient.ts";
import { crossEntropyError, sumSquaredError } from "./loss.ts";
import { TwoLayerNet } from "./two_layer_net.ts";
import { book, toArray, toArrays } from "./testdata/book_fixture.ts";

function assertClose(actual: number, expected: number, tol = 1e-12): void {
  assert.ok(
    Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)),
    `expected ${expected}, got ${actual}`,
  );
}

Deno.test("crossEntropyError() matches the book's NumPy code on recorded batches", () => {
  for (const c of book.losses) {
    const y = toArray(c.y);
    assertClose(crossEntropyError(y, toArray(c.t)), c.cee);
    const labels = np.array(c.label);
    assertClose(crossEntropyError(y, labels), c.cee);
  }
});

Deno.test("sumSquaredError() matches the book's NumPy code (the batch mean is the workbook's)", () => {
  for (const c of book.losses) {
    const expected = "sse" in c ? c.sse : c.sseMean;
    assertClose(sumSquaredError(toArray(c.y), toArray(c.t)), expected as number);
  }
});

Deno.test("numericalDiff() matches the book's NumPy code", () => {
  for (const { x, value } of book.gradients.numericalDiff) {
    assertClose(numericalDiff((v) => 0.01 * v ** 2 + 0.1 * v, x), value);
  }
});

Deno.test("numericalGradient() matches the book's NumPy code on vectors and a matrix", () => {
  for (const p of book.gradients.function2) {
    const grad = numericalGradient((x) => np.sum(np.square(x)), toArray(p.x));
    assertAllClose(grad, toArray(p.grad), { rtol: 1e-9, atol: 1e-12 });
  }
  // The loss of a one-layer softmax network as a function of its weights (§4.4.2).
  const m = book.gradients.matrix;
  const x = toArray(m.x), W = toArray(m.W), t = toArray(m.t);
  const f = () => referenceCrossEntropy(softmax(np.dot(x, W)), t);
  const grad = numericalGradient(f, W);
  assertAllClose(grad, toArray(m.grad), { rtol: 1e-7, atol: 1e-12 });
  assertClose(f(), m.loss);
});

Deno.test("gradientDescent() matches the book's NumPy code (§4.4.1)", () => {
  for (const d of book.gradients.descent) {
    const { x, history } = gradientDescent((v) => np.sum(np.square(v)), np.array([-3, 4]), {
      lr: d.lr,
      stepNum: d.stepNum,
    });
    assert.equal(history.length, d.historyLength);
    assertAllClose(np.stack(history.slice(0, 5)), toArray(d.historyHead), { rtol: 1e-9 });
    // lr 10 diverges into rounding noise (see gradient_test.ts): only the others are compared.
    if (d.lr !== 10) assertAllClose(x, toArray(d.x), { rtol: 1e-6 });
  }
});

/** The recorded network with the fixture's parameters. */
function recordedNet() {
  const r = book.twoLayerNet;
  const net = new TwoLayerNet({ inputSize: 6, hiddenSize: 5, outputSize: 4 });
  net.params = toArrays(r.params);
  return { net, x: toArray(r.x), t: toArray(r.t), r };
}

Deno.test("TwoLayerNet.predict() and loss() match the book's ch04/two_layer_net.py", () => {
  const { net, x, t, r } = recordedNet();
  assertAllClose(net.predict(x), toArray(r.predict), { rtol: 1e-12 });
  assertClose(net.loss(x, t), r.loss);
  assertClose(net.loss(x, np.array(r.label)), r.loss);
});

Deno.test("TwoLayerNet.accuracy() matches the book's ch04/two_layer_net.py", () => {
  const { net, x, t, r } = recordedNet();
  assert.equal(net.accuracy(x, t), r.accuracy);
});

Deno.test("TwoLayerNet.numericalGradient() matches the book's ch04/two_layer_net.py", () => {
  const { net, x, t, r } = recordedNet();
  const grads = net.numericalGradient(x, t);
  const analytic = net.gradient(x, t);
  for (const key of ["W1", "b1", "W2", "b2"]) {
    const numerical = toArray(r.numericalGradient[key as keyof typeof r.numericalGradient]);
    assertAllClose(grads[key], numerical, { rtol: 1e-7, atol: 1e-11, msg: `grads.${key}` });
    const expected = toArray(r.gradient[key as keyof typeof r.gradient]);
    assertAllClose(analytic[key], expected, { rtol: 1e-10, atol: 1e-14, msg: `gradient ${key}` });
  }
});
