import assert from "node:assert/strict";
import fc from "fast-check";
import * as np from "../../lib/np/mod.ts";
import { assertAllClose, say } from "../../lib/testing/mod.ts";
import { assertProperty } from "../../lib/testing/property.ts";
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

// stepFunction ------------------------------------------------------------------------------

Deno.test(
  "stepFunction() matches the book's example (§3.2.3)",
  named({ stepFunction }, ({ stepFunction }) => {
    assert.deepEqual(
      stepFunction(np.array([-1.0, 1.0, 2.0])).toArray(),
      [0, 1, 1],
      say("stepFunction([-1.0, 1.0, 2.0])", "stepFunction([-1.0, 1.0, 2.0]) の結果"),
    );
  }),
);

Deno.test(
  "stepFunction() gives 0 at exactly 0 and keeps the input's shape",
  named({ stepFunction }, ({ stepFunction }) => {
    assert.deepEqual(
      stepFunction(np.array([0, -0, 1e-300, -1e-300])).toArray(),
      [0, 0, 1, 0],
      say(
        "stepFunction([0, -0, 1e-300, -1e-300])",
        "stepFunction([0, -0, 1e-300, -1e-300]) の結果",
      ),
    );
    assert.deepEqual(
      stepFunction(np.array([[-3, 3], [0.5, -0.5]])).toArray(),
      [[0, 1], [1, 0]],
      say("stepFunction of a 2×2 array", "2×2 の配列に対する stepFunction"),
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
        assert.deepEqual(y.shape, x.shape, say("the output's shape", "出力の形状"));
        x.data.forEach((v, i) =>
          assert.equal(
            y.data[i],
            v > 0 ? 1 : 0,
            say(`the output for x = ${v}`, `x = ${v} に対する出力`),
          )
        );
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
      msg: say("sigmoid([-1.0, 1.0, 2.0])", "sigmoid([-1.0, 1.0, 2.0]) の結果"),
    });
    assertAllClose(sigmoid(np.array([0])), [0.5], {
      msg: say("sigmoid([0])", "sigmoid([0]) の結果"),
    });
  }),
);

Deno.test(
  "sigmoid() saturates to 0 and 1 without NaN for large inputs",
  named({ sigmoid }, ({ sigmoid }) => {
    const y = sigmoid(np.array([-1000, -40, 40, 1000]));
    assert.ok(
      noNaN(y),
      say(
        `sigmoid([-1000, -40, 40, 1000]) is ${y}`,
        `sigmoid([-1000, -40, 40, 1000]) が ${y} になっています`,
      ),
    );
    assertAllClose(y, [0, 0, 1, 1], {
      atol: 1e-15,
      msg: say("sigmoid([-1000, -40, 40, 1000])", "sigmoid([-1000, -40, 40, 1000]) の結果"),
    });
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
        assert.deepEqual(y.shape, x.shape, say("the output's shape", "出力の形状"));
        assertAllClose(sigmoid(np.neg(x)), np.sub(1, y), {
          atol: 1e-12,
          msg: say("σ(-x) against 1 - σ(x)", "σ(-x) と 1 - σ(x) の比較"),
        });
        assert.ok(
          y.data.every((v) => v > 0 && v < 1),
          say(
            `σ(x) must lie strictly between 0 and 1: ${y}`,
            `σ(x) は 0 より大きく 1 より小さいはずです: ${y}`,
          ),
        );
        const shifted = sigmoid(np.add(x, 0.5));
        assert.ok(
          shifted.data.every((v, i) => v > y.data[i]),
          say(
            `σ(x + 0.5) must exceed σ(x): σ(x) = ${y}, σ(x + 0.5) = ${shifted}`,
            `σ(x + 0.5) は σ(x) より大きいはずです: σ(x) = ${y}, σ(x + 0.5) = ${shifted}`,
          ),
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
    assert.deepEqual(
      relu(np.array([-2, 0, 3])).toArray(),
      [0, 0, 3],
      say("relu([-2, 0, 3])", "relu([-2, 0, 3]) の結果"),
    );
    assert.deepEqual(
      relu(np.array([[-0.5, 0.5], [7, -7]])).toArray(),
      [[0, 0.5], [7, 0]],
      say("relu of a 2×2 array", "2×2 の配列に対する relu"),
    );
  }),
);

Deno.test(
  "relu() leaves its input as it was (a new array out)",
  named({ relu }, ({ relu }) => {
    const x = np.array([-2, 0, 3, -0.5]);
    const y = relu(x);
    assert.deepEqual(
      y.toArray(),
      [0, 0, 3, 0],
      say("relu([-2, 0, 3, -0.5])", "relu([-2, 0, 3, -0.5]) の結果"),
    );
    assert.deepEqual(
      x.toArray(),
      [-2, 0, 3, -0.5],
      say(
        "x after relu(x): the input must not change (the caller may still need it)",
        "relu(x) の後の x: 入力は変わってはいけません（呼び出し側がまだ使うかもしれません）",
      ),
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
        assert.deepEqual(y.shape, x.shape, say("the output's shape", "出力の形状"));
        x.data.forEach((v, i) =>
          assert.equal(
            y.data[i],
            Math.max(0, v),
            say(`the output for x = ${v}`, `x = ${v} に対する出力`),
          )
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
    assert.deepEqual(y.shape, x.shape, say("the output's shape", "出力の形状"));
    assert.deepEqual(
      y.toArray(),
      [[0.3, -2.9], [4.0, 1e-9]],
      say("the output's values", "出力の値"),
    );
  }),
);

// softmax -----------------------------------------------------------------------------------

Deno.test(
  "softmax() matches the book's example (§3.5.1)",
  named({ softmax }, ({ softmax }) => {
    const y = softmax(np.array([0.3, 2.9, 4.0]));
    assertAllClose(y, [0.01821127, 0.24519181, 0.73659691], {
      rtol: 1e-6,
      msg: say("softmax([0.3, 2.9, 4.0])", "softmax([0.3, 2.9, 4.0]) の結果"),
    });
    assertAllClose(np.sum(y), 1, {
      rtol: 1e-12,
      msg: say("the sum of softmax([0.3, 2.9, 4.0])", "softmax([0.3, 2.9, 4.0]) の総和"),
    });
  }),
);

Deno.test(
  "softmax() does not overflow for [1010, 1000, 990] (§3.5.2)",
  named({ softmax }, ({ softmax }) => {
    const y = softmax(np.array([1010, 1000, 990]));
    assert.ok(
      noNaN(y),
      say(
        `softmax([1010, 1000, 990]) is ${y}: subtract the max before exp`,
        `softmax([1010, 1000, 990]) が ${y} になっています: exp の前に最大値を引きましょう`,
      ),
    );
    assertAllClose(y, [9.99954600e-01, 4.53978686e-05, 2.06106005e-09], {
      rtol: 1e-6,
      msg: say("softmax([1010, 1000, 990])", "softmax([1010, 1000, 990]) の結果"),
    });
    const small = softmax(np.array([-1010, -1000, -990]));
    assert.ok(
      noNaN(small),
      say(
        `softmax([-1010, -1000, -990]) is ${small}`,
        `softmax([-1010, -1000, -990]) が ${small} になっています`,
      ),
    );
    assertAllClose(small, [2.06106005e-09, 4.53978686e-05, 9.99954600e-01], {
      rtol: 1e-6,
      msg: say("softmax([-1010, -1000, -990])", "softmax([-1010, -1000, -990]) の結果"),
    });
  }),
);

Deno.test(
  "softmax() normalises each row of a batch on its own (common/functions.py)",
  named({ softmax }, ({ softmax }) => {
    const x = np.array([[0.3, 2.9, 4.0], [1010, 1000, 990], [0, 0, 0]]);
    const y = softmax(x);
    assert.deepEqual(y.shape, [3, 3], say("the output's shape", "出力の形状"));
    assertAllClose(y.slice(0), softmax(np.array([0.3, 2.9, 4.0])), {
      rtol: 1e-12,
      msg: say(
        "row 0 against softmax([0.3, 2.9, 4.0]) alone",
        "0 行目と softmax([0.3, 2.9, 4.0]) 単独の比較",
      ),
    });
    assertAllClose(y.slice(1), [9.99954600e-01, 4.53978686e-05, 2.06106005e-09], {
      rtol: 1e-6,
      msg: say("row 1, [1010, 1000, 990]", "1 行目、[1010, 1000, 990]"),
    });
    assertAllClose(y.slice(2), [1 / 3, 1 / 3, 1 / 3], {
      rtol: 1e-12,
      msg: say("row 2, [0, 0, 0]", "2 行目、[0, 0, 0]"),
    });
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
          assert.deepEqual(y.shape, x.shape, say("the output's shape", "出力の形状"));
          assert.ok(
            y.data.every((v) => v >= 0 && v <= 1),
            say(`values must lie in [0, 1]: ${y}`, `値は [0, 1] の範囲にあるはずです: ${y}`),
          );
          const sums = np.sum(y, { axis: -1 });
          assertAllClose(sums, np.ones(sums.shape), {
            rtol: 1e-12,
            msg: say("the sums along the last axis", "最後の軸に沿った和"),
          });
          assertAllClose(softmax(np.add(x, c)), y, {
            rtol: 1e-9,
            atol: 1e-300,
            msg: say(
              `softmax(x + ${c}) against softmax(x)`,
              `softmax(x + ${c}) と softmax(x) の比較`,
            ),
          });
          // The largest input gets the largest probability.
          assert.deepEqual(
            np.argmax(y, { axis: -1 }).toArray(),
            np.argmax(x, { axis: -1 }).toArray(),
            say(
              "the position of the largest probability against that of the largest input",
              "確率が最大の位置と、入力が最大の位置の比較",
            ),
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
    assert.deepEqual(x.shape, c.shape, say("the recorded input's shape", "記録された入力の形状"));
    assertAllClose(fn(x), np.array(c.y), {
      rtol: options.rtol ?? 1e-12,
      atol: options.atol ?? 0,
      msg: say(
        `${name}(x) for x of shape [${c.shape}]`,
        `形状 [${c.shape}] の x に対する ${name}(x)`,
      ),
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
