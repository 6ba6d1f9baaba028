import assert from "node:assert/strict";
import fc from "fast-check";
import * as reference from "../../lib/perceptron/mod.ts";
import { MISTAKES } from "../../lib/mistakes/ch02.ts";
import { mistakeNamer } from "../../lib/testing/mistakes.ts";
import { say } from "../../lib/testing/mod.ts";
import { assertProperty } from "../../lib/testing/property.ts";
import { AND, NAND, OR, perceptron, XOR } from "./perceptron.ts";

const named = mistakeNamer("02", MISTAKES);

/** The four inputs of a truth table, in the book's order (§2.2). */
const INPUTS: [number, number][] = [[0, 0], [1, 0], [0, 1], [1, 1]];
const XOR_TABLE = [0, 1, 1, 0];

/** The book's weights and biases (§2.3.3). */
const BOOK_WEIGHTS = {
  AND: { w: [0.5, 0.5], b: -0.7 },
  NAND: { w: [-0.5, -0.5], b: 0.7 },
  OR: { w: [0.5, 0.5], b: -0.2 },
};

function table(gate: (x1: number, x2: number) => number): number[] {
  return INPUTS.map(([x1, x2]) => gate(x1, x2));
}

/** Calls `check` at (s, s) for s = -2, -1.99, …, 2, skipping points where `check`'s sum is 0. */
function onTheDiagonal(check: (x1: number, x2: number) => void): void {
  for (let i = -200; i <= 200; i++) {
    const s = i / 100;
    // 0.5·s + 0.5·s ± 0.7 or − 0.2 is 0 (up to rounding) only at s = 0.7 or 0.2.
    if (i === 70 || i === 20) continue;
    check(s, s);
  }
}

/** Inputs in [-2, 2], the region where the gates' boundaries lie. */
const real = fc.double({ min: -2, max: 2, noNaN: true });

// perceptron --------------------------------------------------------------------------------

Deno.test(
  "perceptron() matches the book's example (§2.3.2)",
  named({ perceptron }, ({ perceptron }) => {
    // 0.5·0 + 0.5·1 - 0.7 = -0.2: the perceptron does not fire.
    assert.equal(
      perceptron([0, 1], { w: [0.5, 0.5], b: -0.7 }),
      0,
      say(
        "y for x = (0, 1), w = (0.5, 0.5), b = -0.7 (w·x + b = -0.2)",
        "x = (0, 1), w = (0.5, 0.5), b = -0.7 のときの y（w·x + b = -0.2）",
      ),
    );
    assert.equal(
      perceptron([1, 1], { w: [0.5, 0.5], b: -0.7 }),
      1,
      say(
        "y for x = (1, 1), w = (0.5, 0.5), b = -0.7 (w·x + b = 0.3)",
        "x = (1, 1), w = (0.5, 0.5), b = -0.7 のときの y（w·x + b = 0.3）",
      ),
    );
  }),
);

Deno.test(
  "perceptron() gives 0 when the weighted sum plus bias is exactly 0 (equation 2.2)",
  named({ perceptron }, ({ perceptron }) => {
    assert.equal(
      perceptron([0, 0], { w: [3, -2], b: 0 }),
      0,
      say(
        "y for x = (0, 0), w = (3, -2), b = 0 (sum 0)",
        "x = (0, 0), w = (3, -2), b = 0 のときの y（和は 0）",
      ),
    );
    assert.equal(
      perceptron([1, 0], { w: [1, 1], b: -1 }),
      0,
      say(
        "y for x = (1, 0), w = (1, 1), b = -1 (sum 0)",
        "x = (1, 0), w = (1, 1), b = -1 のときの y（和は 0）",
      ),
    );
    assert.equal(
      perceptron([1, 1], { w: [1, 1], b: -1 }),
      1,
      say(
        "y for x = (1, 1), w = (1, 1), b = -1 (sum 1)",
        "x = (1, 1), w = (1, 1), b = -1 のときの y（和は 1）",
      ),
    );
  }),
);

Deno.test(
  "perceptron() takes any number of inputs, one weight each",
  named({ perceptron }, ({ perceptron }) => {
    assert.equal(
      perceptron([1, 1, 1], { w: [0.5, 0.5, 0.5], b: -1.2 }),
      1,
      say(
        "y for x = (1, 1, 1), w = (0.5, 0.5, 0.5), b = -1.2 (w·x + b = 0.3)",
        "x = (1, 1, 1), w = (0.5, 0.5, 0.5), b = -1.2 のときの y（w·x + b = 0.3）",
      ),
    );
    assert.equal(
      perceptron([2], { w: [0.5], b: -1.2 }),
      0,
      say(
        "y for x = (2), w = (0.5), b = -1.2 (w·x + b = -0.2)",
        "x = (2), w = (0.5), b = -1.2 のときの y（w·x + b = -0.2）",
      ),
    );
  }),
);

Deno.test(
  "perceptron() fires exactly where w·x + b > 0, for any inputs, weights and sizes",
  named({ perceptron }, ({ perceptron }) => {
    const sized = fc.integer({ min: 1, max: 4 }).chain((n) =>
      fc.record({
        x: fc.array(real, { minLength: n, maxLength: n }),
        w: fc.array(real, { minLength: n, maxLength: n }),
        b: real,
      })
    );
    perceptron([1], { w: [1], b: 0 }); // a stub fails here, before fast-check wraps its error
    assertProperty(
      fc.property(sized, ({ x, w, b }) => {
        const y = perceptron(x, { w, b });
        const tmp = x.reduce((s, xi, i) => s + w[i] * xi, 0) + b;
        // Away from the boundary, where the order of the additions cannot matter.
        fc.pre(Math.abs(tmp) > 1e-9);
        assert.equal(
          y,
          tmp > 0 ? 1 : 0,
          say(
            `x=${x}, w=${w}, b=${b}: w·x + b = ${tmp}`,
            `x=${x}, w=${w}, b=${b} のとき: w·x + b = ${tmp}`,
          ),
        );
      }),
      { seed: 1, numRuns: 500 },
    );
  }),
);

Deno.test(
  "perceptron() with the book's weights of §2.3.3 gives the three gates' truth tables",
  named({ perceptron }, ({ perceptron }) => {
    const expected = { AND: [0, 0, 0, 1], NAND: [1, 1, 1, 0], OR: [0, 1, 1, 1] };
    for (const [name, weights] of Object.entries(BOOK_WEIGHTS)) {
      assert.deepEqual(
        table((x1, x2) => perceptron([x1, x2], weights)),
        expected[name as keyof typeof expected],
        say(
          `outputs for (0, 0), (1, 0), (0, 1), (1, 1) with w = (${weights.w}), b = ${weights.b}`,
          `w = (${weights.w}), b = ${weights.b} での (0, 0), (1, 0), (0, 1), (1, 1) の出力`,
        ),
      );
    }
  }),
);

Deno.test(
  "perceptron() never gives the exclusive-or truth table, with the book's weights or any others (§2.4)",
  named({ perceptron }, ({ perceptron }) => {
    for (const [name, weights] of Object.entries(BOOK_WEIGHTS)) {
      assert.notDeepEqual(
        table((x1, x2) => perceptron([x1, x2], weights)),
        XOR_TABLE,
        say(
          `the book's weights of ${name} give the exclusive-or table`,
          `本の ${name} の重みで XOR の真理値表になっています`,
        ),
      );
    }
    // A grid of weights and biases from -1 to 1 in steps of 0.1: 9,261 perceptrons.
    const grid = Array.from({ length: 21 }, (_, i) => (i - 10) / 10);
    for (const w1 of grid) {
      for (const w2 of grid) {
        for (const b of grid) {
          const t = table((x1, x2) => perceptron([x1, x2], { w: [w1, w2], b }));
          assert.notDeepEqual(
            t,
            XOR_TABLE,
            say(
              `w = (${w1}, ${w2}), b = ${b} gives XOR`,
              `w = (${w1}, ${w2}), b = ${b} で XOR になっています`,
            ),
          );
        }
      }
    }
    // And random ones of any size: XOR is not linearly separable.
    const any = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    assertProperty(
      fc.property(any, any, any, (w1, w2, b) => {
        const t = table((x1, x2) => perceptron([x1, x2], { w: [w1, w2], b }));
        assert.notDeepEqual(
          t,
          XOR_TABLE,
          say(
            `w = (${w1}, ${w2}), b = ${b} gives the exclusive-or table`,
            `w = (${w1}, ${w2}), b = ${b} で XOR の真理値表になっています`,
          ),
        );
      }),
      { seed: 1, numRuns: 2000 },
    );
  }),
);

// AND, NAND, OR -----------------------------------------------------------------------------

Deno.test(
  "AND() matches the book's truth table (§2.3.3)",
  named({ AND }, ({ AND }) => {
    assert.deepEqual(
      table(AND),
      [0, 0, 0, 1],
      say("AND for (0, 0), (1, 0), (0, 1), (1, 1)", "(0, 0), (1, 0), (0, 1), (1, 1) に対する AND"),
    );
  }),
);

Deno.test(
  "AND() fires exactly where 0.5·x1 + 0.5·x2 - 0.7 > 0, for real inputs too",
  named({ AND }, ({ AND }) => {
    AND(0, 0);
    // Along the diagonal x1 = x2 in steps of 0.01, across the boundary: other weights that
    // give the same truth table draw another line.
    onTheDiagonal((x1, x2) => {
      const tmp = 0.5 * x1 + 0.5 * x2 - 0.7;
      assert.equal(
        AND(x1, x2),
        tmp > 0 ? 1 : 0,
        say(`AND(${x1}, ${x2}), where the sum is ${tmp}`, `AND(${x1}, ${x2})（和は ${tmp}）`),
      );
    });
    assertProperty(
      fc.property(real, real, (x1, x2) => {
        const tmp = 0.5 * x1 + 0.5 * x2 - 0.7;
        fc.pre(Math.abs(tmp) > 1e-9);
        assert.equal(
          AND(x1, x2),
          tmp > 0 ? 1 : 0,
          say(`AND(${x1}, ${x2}), where the sum is ${tmp}`, `AND(${x1}, ${x2})（和は ${tmp}）`),
        );
      }),
      { seed: 1, numRuns: 500 },
    );
  }),
);

Deno.test(
  "NAND() matches the book's truth table (§2.3.3)",
  named({ NAND }, ({ NAND }) => {
    assert.deepEqual(
      table(NAND),
      [1, 1, 1, 0],
      say(
        "NAND for (0, 0), (1, 0), (0, 1), (1, 1)",
        "(0, 0), (1, 0), (0, 1), (1, 1) に対する NAND",
      ),
    );
  }),
);

Deno.test(
  "NAND() fires exactly where -0.5·x1 - 0.5·x2 + 0.7 > 0, for real inputs too",
  named({ NAND }, ({ NAND }) => {
    NAND(0, 0);
    // Along the diagonal x1 = x2 in steps of 0.01, across the boundary: other weights that
    // give the same truth table draw another line.
    onTheDiagonal((x1, x2) => {
      const tmp = -0.5 * x1 - 0.5 * x2 + 0.7;
      assert.equal(
        NAND(x1, x2),
        tmp > 0 ? 1 : 0,
        say(`NAND(${x1}, ${x2}), where the sum is ${tmp}`, `NAND(${x1}, ${x2})（和は ${tmp}）`),
      );
    });
    assertProperty(
      fc.property(real, real, (x1, x2) => {
        const tmp = -0.5 * x1 - 0.5 * x2 + 0.7;
        fc.pre(Math.abs(tmp) > 1e-9);
        assert.equal(
          NAND(x1, x2),
          tmp > 0 ? 1 : 0,
          say(`NAND(${x1}, ${x2}), where the sum is ${tmp}`, `NAND(${x1}, ${x2})（和は ${tmp}）`),
        );
      }),
      { seed: 1, numRuns: 500 },
    );
  }),
);

Deno.test(
  "OR() matches the book's truth table (§2.3.3)",
  named({ OR }, ({ OR }) => {
    assert.deepEqual(
      table(OR),
      [0, 1, 1, 1],
      say("OR for (0, 0), (1, 0), (0, 1), (1, 1)", "(0, 0), (1, 0), (0, 1), (1, 1) に対する OR"),
    );
  }),
);

Deno.test(
  "OR() fires exactly where 0.5·x1 + 0.5·x2 - 0.2 > 0, for real inputs too",
  named({ OR }, ({ OR }) => {
    OR(0, 0);
    // Along the diagonal x1 = x2 in steps of 0.01, across the boundary: other weights that
    // give the same truth table draw another line.
    onTheDiagonal((x1, x2) => {
      const tmp = 0.5 * x1 + 0.5 * x2 - 0.2;
      assert.equal(
        OR(x1, x2),
        tmp > 0 ? 1 : 0,
        say(`OR(${x1}, ${x2}), where the sum is ${tmp}`, `OR(${x1}, ${x2})（和は ${tmp}）`),
      );
    });
    assertProperty(
      fc.property(real, real, (x1, x2) => {
        const tmp = 0.5 * x1 + 0.5 * x2 - 0.2;
        fc.pre(Math.abs(tmp) > 1e-9);
        assert.equal(
          OR(x1, x2),
          tmp > 0 ? 1 : 0,
          say(`OR(${x1}, ${x2}), where the sum is ${tmp}`, `OR(${x1}, ${x2})（和は ${tmp}）`),
        );
      }),
      { seed: 1, numRuns: 500 },
    );
  }),
);

// XOR ---------------------------------------------------------------------------------------

Deno.test(
  "XOR() matches the book's truth table (§2.5.2)",
  named({ XOR }, ({ XOR }) => {
    assert.deepEqual(
      table(XOR),
      XOR_TABLE,
      say("XOR for (0, 0), (1, 0), (0, 1), (1, 1)", "(0, 0), (1, 0), (0, 1), (1, 1) に対する XOR"),
    );
  }),
);

Deno.test(
  "XOR() is the two-layer construction of §2.5.2 for real inputs too",
  named({ XOR }, ({ XOR }) => {
    XOR(0, 0);
    // Along the line x2 = -x1 the construction gives 0 (OR never fires), where x1 !== x2 gives 1.
    for (let i = -200; i <= 200; i += 10) {
      const x1 = i / 100, x2 = -i / 100;
      const expected = reference.AND(reference.NAND(x1, x2), reference.OR(x1, x2));
      assert.equal(
        XOR(x1, x2),
        expected,
        say(
          `XOR(${x1}, ${x2}), where the construction gives ${expected}`,
          `XOR(${x1}, ${x2})（2 層の組み合わせでは ${expected}）`,
        ),
      );
    }
    // Along the diagonal x1 = x2 in steps of 0.01: the construction gives 1 where
    // 0.2 < x1 = x2 < 0.7 (NAND and OR both fire), which x1 !== x2 never does.
    onTheDiagonal((x1, x2) => {
      const expected = reference.AND(reference.NAND(x1, x2), reference.OR(x1, x2));
      assert.equal(
        XOR(x1, x2),
        expected,
        say(
          `XOR(${x1}, ${x2}), where the construction gives ${expected}`,
          `XOR(${x1}, ${x2})（2 層の組み合わせでは ${expected}）`,
        ),
      );
    });
    assertProperty(
      fc.property(real, real, (x1, x2) => {
        const y = XOR(x1, x2);
        // The book's construction, from the reference gates of lib/perceptron.
        const expected = reference.AND(reference.NAND(x1, x2), reference.OR(x1, x2));
        assert.equal(y, expected, say(`XOR(${x1}, ${x2})`, `XOR(${x1}, ${x2}) の値`));
      }),
      { seed: 1, numRuns: 500 },
    );
  }),
);
