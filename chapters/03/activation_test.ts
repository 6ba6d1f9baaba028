import assert from "node:assert/strict";
import fc from "fast-check";
import * as np from "../../lib/np/mod.ts";
import { assertAllClose } from "../../lib/testing/mod.ts";
import { identity, relu, sigmoid, softmax, stepFunction } from "./activation.ts";
import book from "../../lib/nets/testdata/book_ch03.json" with { type: "json" };
import { MISTAKES } from "../../lib/mistakes/ch03.ts";
import { mistakeNamer } from "../../lib/testing/mistakes.ts";

const named = mistakeNamer("03", MISTAKES);

const seeds = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const shapes = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 });

/** A random array of a random shape, with values in [-scale, scale]. */
function randomArray(shape: number[], seed: number, scale = 10): np.NDArray {
  return np.rng(seed).uniform(shape, { low: -scale, high: scale });
}

function noNaN(x: np.NDArray): boolean {
  return x.data.every((v) => !Number.isNaN(v));
}

/**
 * fc.assert, except that a failure is the failing assertion itself (its label and values),
 * with fast-check's counterexample added to its message.
 */
function assertProperty<T>(property: fc.IProperty<T>, params: fc.Parameters<T>): void {
  const details = fc.check(property, params);
  if (!details.failed) return;
  const error = details.errorInstance;
  if (!(error instanceof Error)) return assertProperty(property, params);
  error.message += `\n  (fast-check's smallest counterexample: ${
    fc.stringify(details.counterexample)
  })`;
  throw error;
}

// stepFunction ------------------------------------------------------------------------------

Deno.test(
  "stepFunction() matches the book's example (§3.2.3)",
  named({ stepFunction }, ({ stepFunction }) => {
    assert.deepEqual(
      stepFunction(np.array([-1.0, 1.0, 2.0])).toArray(),
      [0, 1, 1],
      "stepFunction([-1.0, 1.0, 2.0])",
    );
  }),
);

Deno.test(
  "stepFunction() gives 0 at exactly 0 and keeps the input's shape",
  named({ stepFunction }, ({ stepFunction }) => {
    assert.deepEqual(
      stepFunction(np.array([0, -0, 1e-300, -1e-300])).toArray(),
      [0, 0, 1, 0],
      "stepFunction([0, -0, 1e-300, -1e-300])",
    );
    assert.deepEqual(
      stepFunction(np.array([[-3, 3], [0.5, -0.5]])).toArray(),
      [[0, 1], [1, 0]],
      "stepFunction of a 2×2 array",
    );
  }),
);

Deno.test(
  "stepFunction() is 1 exactly where x > 0, on random arrays",
  named({ stepFunction }, ({ stepFunction }) => {
    stepFunction(np.array([1]));
    assertProperty(
      fc.property(shapes, seeds, (shape, seed) => {
        const x = randomArray(shape, seed);
        const y = stepFunction(x);
        assert.deepEqual(y.shape, x.shape, "the output's shape");
        x.data.forEach((v, i) => assert.equal(y.data[i], v > 0 ? 1 : 0, `the output for x = ${v}`));
      }),
      { seed: 1, numRuns: 100 },
    );
  }),
);

// sigmoid -----------------------------------------------------------------------------------

Deno.test(
  "sigmoid() matches the book's example (§3.2.4)",
  named({ sigmoid }, ({ sigmoid }) => {
    assertAllClose(sigmoid(np.array([-1.0, 1.0, 2.0])), [0.26894142, 0.73105858, 0.88079708], {
      rtol: 1e-7,
      msg: "sigmoid([-1.0, 1.0, 2.0])",
    });
    assertAllClose(sigmoid(np.array([0])), [0.5], { msg: "sigmoid([0])" });
  }),
);

Deno.test(
  "sigmoid() saturates to 0 and 1 without NaN for large inputs",
  named({ sigmoid }, ({ sigmoid }) => {
    const y = sigmoid(np.array([-1000, -40, 40, 1000]));
    assert.ok(noNaN(y), `sigmoid([-1000, -40, 40, 1000]) is ${y}`);
    assertAllClose(y, [0, 0, 1, 1], { atol: 1e-15, msg: "sigmoid([-1000, -40, 40, 1000])" });
  }),
);

Deno.test(
  "sigmoid() is symmetric, σ(-x) = 1 - σ(x), and increasing, on random arrays",
  named({ sigmoid }, ({ sigmoid }) => {
    sigmoid(np.array([0]));
    assertProperty(
      fc.property(shapes, seeds, (shape, seed) => {
        const x = randomArray(shape, seed);
        const y = sigmoid(x);
        assert.deepEqual(y.shape, x.shape, "the output's shape");
        assertAllClose(sigmoid(np.neg(x)), np.sub(1, y), {
          atol: 1e-12,
          msg: "σ(-x) against 1 - σ(x)",
        });
        assert.ok(
          y.data.every((v) => v > 0 && v < 1),
          `σ(x) must lie strictly between 0 and 1: ${y}`,
        );
        const shifted = sigmoid(np.add(x, 0.5));
        assert.ok(
          shifted.data.every((v, i) => v > y.data[i]),
          `σ(x + 0.5) must exceed σ(x): σ(x) = ${y}, σ(x + 0.5) = ${shifted}`,
        );
      }),
      { seed: 1, numRuns: 100 },
    );
  }),
);

// relu --------------------------------------------------------------------------------------

Deno.test(
  "relu() passes positive values and zeroes the rest (§3.2.7)",
  named({ relu }, ({ relu }) => {
    assert.deepEqual(relu(np.array([-2, 0, 3])).toArray(), [0, 0, 3], "relu([-2, 0, 3])");
    assert.deepEqual(
      relu(np.array([[-0.5, 0.5], [7, -7]])).toArray(),
      [[0, 0.5], [7, 0]],
      "relu of a 2×2 array",
    );
  }),
);

Deno.test(
  "relu() leaves its input as it was (a new array out)",
  named({ relu }, ({ relu }) => {
    const x = np.array([-2, 0, 3, -0.5]);
    const y = relu(x);
    assert.deepEqual(y.toArray(), [0, 0, 3, 0], "relu([-2, 0, 3, -0.5])");
    assert.deepEqual(
      x.toArray(),
      [-2, 0, 3, -0.5],
      "x after relu(x): the input must not change (the caller may still need it)",
    );
  }),
);

Deno.test(
  "relu() is max(0, x) on random arrays",
  named({ relu }, ({ relu }) => {
    relu(np.array([1]));
    assertProperty(
      fc.property(shapes, seeds, (shape, seed) => {
        const x = randomArray(shape, seed);
        const y = relu(x);
        assert.deepEqual(y.shape, x.shape, "the output's shape");
        x.data.forEach((v, i) =>
          assert.equal(y.data[i], Math.max(0, v), `the output for x = ${v}`)
        );
      }),
      { seed: 1, numRuns: 100 },
    );
  }),
);

// identity ----------------------------------------------------------------------------------

Deno.test(
  "identity() returns its input unchanged (§3.4.2)",
  named({ identity }, ({ identity }) => {
    const x = np.array([[0.3, -2.9], [4.0, 1e-9]]);
    const y = identity(x);
    assert.deepEqual(y.shape, x.shape, "the output's shape");
    assert.deepEqual(y.toArray(), [[0.3, -2.9], [4.0, 1e-9]], "the output's values");
  }),
);

// softmax -----------------------------------------------------------------------------------

Deno.test(
  "softmax() matches the book's example (§3.5.1)",
  named({ softmax }, ({ softmax }) => {
    const y = softmax(np.array([0.3, 2.9, 4.0]));
    assertAllClose(y, [0.01821127, 0.24519181, 0.73659691], {
      rtol: 1e-6,
      msg: "softmax([0.3, 2.9, 4.0])",
    });
    assertAllClose(np.sum(y), 1, { rtol: 1e-12, msg: "the sum of softmax([0.3, 2.9, 4.0])" });
  }),
);

Deno.test(
  "softmax() does not overflow for [1010, 1000, 990] (§3.5.2)",
  named({ softmax }, ({ softmax }) => {
    const y = softmax(np.array([1010, 1000, 990]));
    assert.ok(noNaN(y), `softmax([1010, 1000, 990]) is ${y}: subtract the max before exp`);
    assertAllClose(y, [9.99954600e-01, 4.53978686e-05, 2.06106005e-09], {
      rtol: 1e-6,
      msg: "softmax([1010, 1000, 990])",
    });
    const small = softmax(np.array([-1010, -1000, -990]));
    assert.ok(noNaN(small), `softmax([-1010, -1000, -990]) is ${small}`);
    assertAllClose(small, [2.06106005e-09, 4.53978686e-05, 9.99954600e-01], {
      rtol: 1e-6,
      msg: "softmax([-1010, -1000, -990])",
    });
  }),
);

Deno.test(
  "softmax() normalises each row of a batch on its own (common/functions.py)",
  named({ softmax }, ({ softmax }) => {
    const x = np.array([[0.3, 2.9, 4.0], [1010, 1000, 990], [0, 0, 0]]);
    const y = softmax(x);
    assert.deepEqual(y.shape, [3, 3], "the output's shape");
    assertAllClose(y.slice(0), softmax(np.array([0.3, 2.9, 4.0])), {
      rtol: 1e-12,
      msg: "row 0 against softmax([0.3, 2.9, 4.0]) alone",
    });
    assertAllClose(y.slice(1), [9.99954600e-01, 4.53978686e-05, 2.06106005e-09], {
      rtol: 1e-6,
      msg: "row 1, [1010, 1000, 990]",
    });
    assertAllClose(y.slice(2), [1 / 3, 1 / 3, 1 / 3], { rtol: 1e-12, msg: "row 2, [0, 0, 0]" });
  }),
);

Deno.test(
  "softmax() gives positive rows summing to 1, unchanged by adding a constant",
  named({ softmax }, ({ softmax }) => {
    softmax(np.array([1]));
    assertProperty(
      fc.property(
        shapes,
        seeds,
        fc.double({ min: -500, max: 500, noNaN: true }),
        (shape, seed, c) => {
          const x = randomArray(shape, seed, 30);
          const y = softmax(x);
          assert.deepEqual(y.shape, x.shape, "the output's shape");
          assert.ok(y.data.every((v) => v >= 0 && v <= 1), `values must lie in [0, 1]: ${y}`);
          const sums = np.sum(y, { axis: -1 });
          assertAllClose(sums, np.ones(sums.shape), {
            rtol: 1e-12,
            msg: "the sums along the last axis",
          });
          assertAllClose(softmax(np.add(x, c)), y, {
            rtol: 1e-9,
            atol: 1e-300,
            msg: `softmax(x + ${c}) against softmax(x)`,
          });
          // The largest input gets the largest probability.
          assert.deepEqual(
            np.argmax(y, { axis: -1 }).toArray(),
            np.argmax(x, { axis: -1 }).toArray(),
            "the position of the largest probability against that of the largest input",
          );
        },
      ),
      { seed: 1, numRuns: 100 },
    );
  }),
);

// The book's own NumPy code -------------------------------------------------------------------
// tools/book/ch03.py ran the book's functions once on fixed inputs (1-D to 3-D arrays, ±1000)
// and recorded them in lib/nets/testdata/book_ch03.json; these tests replay them.

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
    assert.deepEqual(x.shape, c.shape, "the recorded input's shape");
    assertAllClose(fn(x), np.array(c.y), {
      rtol: options.rtol ?? 1e-12,
      atol: options.atol ?? 0,
      msg: `${name}(x) for x of shape [${c.shape}]`,
    });
  }
}

Deno.test(
  "stepFunction() agrees with the book's NumPy code (tools/book/ch03.py)",
  named({ stepFunction }, ({ stepFunction }) => {
    replay("stepFunction", stepFunction, book.stepFunction);
  }),
);

Deno.test(
  "sigmoid() agrees with the book's NumPy code (tools/book/ch03.py)",
  named({ sigmoid }, ({ sigmoid }) => {
    replay("sigmoid", sigmoid, book.sigmoid, { atol: 1e-300 });
  }),
);

Deno.test(
  "relu() agrees with the book's NumPy code (tools/book/ch03.py)",
  named({ relu }, ({ relu }) => {
    replay("relu", relu, book.relu);
  }),
);

Deno.test(
  "identity() agrees with the book's NumPy code (tools/book/ch03.py)",
  named({ identity }, ({ identity }) => {
    replay("identity", identity, book.identity);
  }),
);

Deno.test(
  "softmax() agrees with the book's NumPy code (tools/book/ch03.py)",
  named({ softmax }, ({ softmax }) => {
    replay("softmax", softmax, book.softmax, { atol: 1e-300 });
  }),
);
