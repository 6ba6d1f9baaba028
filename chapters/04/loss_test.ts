import assert from "node:assert/strict";
import fc from "fast-check";
import * as np from "../../lib/np/mod.ts";
import * as reference from "../../lib/functions/loss.ts";
import { crossEntropyError, sumSquaredError } from "./loss.ts";

// The book's example output (§4.2.1): "2" is most probable (0.6) in y, and the answer is 2.
const t = np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
const yRight = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]);
// The same probabilities with "7" most probable: a wrong answer.
const yWrong = np.array([0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0]);

/** Two numbers equal up to the last few bits. */
function assertClose(actual: number, expected: number, tol = 1e-12): void {
  assert.ok(
    Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)),
    `expected ${expected}, got ${actual}`,
  );
}

/** A batch of probability rows (softmax of seeded normal numbers) and its labels. */
function batch(seed: number, n: number, classes: number) {
  const rng = np.rng(seed);
  const e = np.exp(rng.normal([n, classes], { scale: 2 }));
  const y = np.div(e, np.sum(e, { axis: 1, keepdims: true }));
  const labels = rng.integers(0, classes, { size: [n] });
  const oneHot = np.zeros([n, classes]);
  for (let i = 0; i < n; i++) oneHot.set([i, labels.data[i]], 1);
  return { y, labels, oneHot };
}

Deno.test("sumSquaredError() matches the book's example (§4.2.1)", () => {
  assertClose(sumSquaredError(yRight, t), 0.0975);
  assertClose(sumSquaredError(yWrong, t), 0.5975);
});

Deno.test("sumSquaredError() averages over a batch", () => {
  const y = np.stack([yRight, yWrong]);
  const tBatch = np.stack([t, t]);
  assertClose(sumSquaredError(y, tBatch), (0.0975 + 0.5975) / 2);
});

Deno.test("sumSquaredError() is 0 for a perfect answer and grows with the error", () => {
  assert.equal(sumSquaredError(t, t), 0);
  assertClose(sumSquaredError(np.zeros([10]), t), 0.5);
});

Deno.test("crossEntropyError() matches the book's example (§4.2.2)", () => {
  assertClose(crossEntropyError(yRight, t), 0.510825457099338);
  assertClose(crossEntropyError(yWrong, t), 2.302584092994546);
});

Deno.test("crossEntropyError() takes class indices as labels (§4.2.4)", () => {
  assertClose(crossEntropyError(yRight, np.array([2])), 0.510825457099338);
  assertClose(crossEntropyError(yWrong, np.array([2])), 2.302584092994546);
  const y = np.stack([yRight, yWrong]);
  assertClose(crossEntropyError(y, np.array([2, 7])), 0.510825457099338);
});

Deno.test("crossEntropyError() averages over a batch (§4.2.4)", () => {
  const y = np.stack([yRight, yWrong]);
  const mean = (0.510825457099338 + 2.302584092994546) / 2;
  assertClose(crossEntropyError(y, np.stack([t, t])), mean);
  assertClose(crossEntropyError(y, np.array([2, 2])), mean);
});

Deno.test("crossEntropyError() stays finite when the right class has probability 0 (delta 1e-7)", () => {
  const y = np.array([1, 0, 0]);
  const loss = crossEntropyError(y, np.array([0, 1, 0]));
  assertClose(loss, -Math.log(1e-7), 1e-9);
  assert.ok(Number.isFinite(loss));
});

Deno.test("crossEntropyError() gives the same for one-hot and index labels", () => {
  // One direct call first, so that an unwritten stub fails with its own error.
  const first = batch(0, 3, 4);
  assertClose(crossEntropyError(first.y, first.oneHot), crossEntropyError(first.y, first.labels));
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 6 }), (seed, n) => {
      const { y, labels, oneHot } = batch(seed, n, 4);
      assertClose(crossEntropyError(y, oneHot), crossEntropyError(y, labels));
    }),
    { seed: 1, numRuns: 50 },
  );
});

Deno.test("crossEntropyError() and sumSquaredError() match the reference on random batches", () => {
  const first = batch(0, 3, 5);
  assertClose(
    crossEntropyError(first.y, first.labels),
    reference.crossEntropyError(first.y, first.labels),
  );
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 6 }), (seed, n) => {
      const { y, labels, oneHot } = batch(seed, n, 5);
      assertClose(crossEntropyError(y, labels), reference.crossEntropyError(y, labels));
      assertClose(sumSquaredError(y, oneHot), reference.sumSquaredError(y, oneHot));
    }),
    { seed: 1, numRuns: 50 },
  );
});
