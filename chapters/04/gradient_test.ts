import assert from "node:assert/strict";
import fc from "fast-check";
import * as np from "../../lib/np/mod.ts";
import * as reference from "../../lib/gradient/numerical.ts";
import { softmax } from "../../lib/functions/activation.ts";
import { crossEntropyError as referenceCrossEntropy } from "../../lib/functions/loss.ts";
import { assertAllClose, say } from "../../lib/testing/mod.ts";
import { assertProperty } from "../../lib/testing/property.ts";
import { MISTAKES } from "../../lib/mistakes/ch04.ts";
import { mistakeNamer } from "../../lib/testing/mistakes.ts";
import { gradientDescent, numericalDiff, numericalGradient } from "./gradient.ts";
import { book, toArray } from "./testdata/book_fixture.ts";

const named = mistakeNamer("04", MISTAKES);

/** The book's function_1 (§4.3.2): y = 0.01x² + 0.1x, whose derivative is 0.02x + 0.1. */
const function1 = (x: number) => 0.01 * x ** 2 + 0.1 * x;
/** The book's function_2 (§4.3.3): f(x0, x1) = x0² + x1². */
const function2 = (x: np.NDArray) => np.sum(np.square(x));

/** Two numbers within `tol` of each other; `what` names the value checked. */
function assertNear(what: string, actual: number, expected: number, tol: number): void {
  assert.ok(
    Math.abs(actual - expected) < tol,
    say(
      `${what}: expected ${expected} (within ${tol}), got ${actual}`,
      `${what}: ${expected} になるはずが（許容誤差 ${tol}）、${actual} でした`,
    ),
  );
}

Deno.test(
  "numericalDiff() matches the book's example (§4.3.2)",
  named({ numericalDiff }, ({ numericalDiff }) => {
    // The book prints 0.1999999999990898 and 0.2999999999986347; the true values are 0.2 and 0.3.
    // A forward difference (f(x + h) − f(x)) / h would be off by about 1e-6.
    assertNear(
      say("the derivative at 5", "5 での微分"),
      numericalDiff(function1, 5),
      0.1999999999990898,
      1e-12,
    );
    assertNear(
      say("the derivative at 10", "10 での微分"),
      numericalDiff(function1, 10),
      0.2999999999986347,
      1e-12,
    );
  }),
);

Deno.test(
  "numericalDiff() is exact for a straight line and honours options.h",
  named({ numericalDiff }, ({ numericalDiff }) => {
    assertNear(
      say("the derivative of 3x − 1 at 2", "2 での 3x − 1 の微分"),
      numericalDiff((x) => 3 * x - 1, 2),
      3,
      1e-9,
    );
    // With h = 1, the central difference of x³ at 0 is ((1) − (−1)) / 2 = 1 (true slope 0).
    assert.equal(
      numericalDiff((x) => x ** 3, 0, { h: 1 }),
      1,
      say("the derivative of x³ at 0 with h = 1", "h = 1 での、0 における x³ の微分"),
    );
  }),
);

Deno.test(
  "numericalDiff() finds the partial derivatives of the book's function_2 (§4.3.3)",
  named({ numericalDiff }, ({ numericalDiff }) => {
    // ∂f/∂x0 at (3, 4) by fixing x1 = 4, and ∂f/∂x1 by fixing x0 = 3: 6 and 8.
    assertNear(
      say("∂f/∂x0 at (3, 4)", "(3, 4) での ∂f/∂x0"),
      numericalDiff((x0) => x0 ** 2 + 4 ** 2, 3),
      6,
      1e-6,
    );
    assertNear(
      say("∂f/∂x1 at (3, 4)", "(3, 4) での ∂f/∂x1"),
      numericalDiff((x1) => 3 ** 2 + x1 ** 2, 4),
      8,
      1e-6,
    );
  }),
);

Deno.test(
  "numericalGradient() matches the book's examples (§4.4)",
  named({ numericalGradient }, ({ numericalGradient }) => {
    assertAllClose(numericalGradient(function2, np.array([3.0, 4.0])), [6, 8], {
      rtol: 1e-9,
      msg: say("the gradient at (3, 4)", "(3, 4) での勾配"),
    });
    assertAllClose(numericalGradient(function2, np.array([0.0, 2.0])), [0, 4], {
      atol: 1e-9,
      msg: say("the gradient at (0, 2)", "(0, 2) での勾配"),
    });
    assertAllClose(numericalGradient(function2, np.array([3.0, 0.0])), [6, 0], {
      atol: 1e-9,
      msg: say("the gradient at (3, 0)", "(3, 0) での勾配"),
    });
  }),
);

Deno.test(
  "numericalGradient() works for any shape and leaves x as it was",
  named({ numericalGradient }, ({ numericalGradient }) => {
    const x = np.array([[[1, -2], [0.5, 3]], [[-1, 0], [2, 0.25]]]);
    const before = x.clone();
    // f(x) = Σ x³ has the gradient 3x².
    const grad = numericalGradient((v) => np.sum(np.pow(v, 3)), x);
    assert.deepEqual(grad.shape, [2, 2, 2], say("the gradient's shape", "勾配の形状"));
    assertAllClose(grad, np.mul(3, np.square(before)), {
      rtol: 1e-6,
      atol: 1e-7,
      msg: say("the gradient of Σx³ against 3x²", "Σx³ の勾配と 3x² の比較"),
    });
    assert.deepEqual(
      x.toArray(),
      before.toArray(),
      say("x must be restored after each element", "要素ごとに x を元に戻すはずです"),
    );
  }),
);

Deno.test(
  "numericalGradient() keeps x's dtype: float32 in, float32 out",
  named({ numericalGradient }, ({ numericalGradient }) => {
    const x = np.array([[3, 4], [-1, 0.5]], { dtype: "float32" });
    // A larger h, as float32 keeps about 7 digits.
    const grad = numericalGradient((v) => np.sum(np.square(v)), x, { h: 1e-2 });
    assert.equal(
      grad.dtype,
      "float32",
      say("the dtype of the gradient for a float32 x", "float32 の x に対する勾配の dtype"),
    );
    assert.deepEqual(grad.shape, [2, 2], say("the gradient's shape", "勾配の形状"));
    assertAllClose(grad, [[6, 8], [-2, 1]], {
      rtol: 1e-3,
      atol: 1e-3,
      msg: say(
        "the gradient of Σx² at the float32 x = [[3, 4], [-1, 0.5]]",
        "float32 の x = [[3, 4], [-1, 0.5]] での Σx² の勾配",
      ),
    });
    assert.deepEqual(
      x.toArray(),
      [[3, 4], [-1, 0.5]],
      say("x after the call: it must be restored", "呼び出し後の x: 元に戻っているはずです"),
    );
  }),
);

Deno.test(
  "numericalGradient() perturbs x in place, so f may read x itself (§4.4.2)",
  named({ numericalGradient }, ({ numericalGradient }) => {
    const W = np.array([[1, 2], [3, 4]]);
    // f ignores its argument and reads W, as the book's `lambda w: net.loss(x, t)` does.
    const grad = numericalGradient(() => np.sum(np.square(W)), W);
    assertAllClose(grad, [[2, 4], [6, 8]], {
      rtol: 1e-9,
      msg: say(
        "the gradient of ΣW² when f reads W itself (all zeros: is x changed in place?)",
        "f が W を直接読むときの ΣW² の勾配（すべて 0 なら、x をその場で書き換えていますか？）",
      ),
    });
  }),
);

Deno.test(
  "numericalGradient() matches the reference on random points",
  named({ numericalGradient }, ({ numericalGradient }) => {
    const f = (v: np.NDArray) => np.sum(np.mul(np.sin(v), v));
    const check = (seed: number) => {
      const x = np.rng(seed).normal([3, 2]);
      // The reference first, on a copy: a numericalGradient that leaves x changed must not
      // change the expected values too.
      const expected = reference.numericalGradient(f, x.clone());
      assertAllClose(numericalGradient(f, x), expected, {
        rtol: 1e-9,
        atol: 1e-12,
        msg: say(
          `the gradient of Σ x·sin x at a random [3, 2] point (seed ${seed})`,
          `ランダムな [3, 2] の点での Σ x·sin x の勾配（seed ${seed}）`,
        ),
      });
    };
    // One direct call first, so that an unwritten stub fails with its own error.
    check(0);
    assertProperty(fc.property(fc.integer({ min: 0, max: 1000 }), check), { seed: 1, numRuns: 30 });
  }),
);

Deno.test(
  "gradientDescent() finds the minimum of function_2 from (-3, 4) (§4.4.1)",
  named({ gradientDescent }, ({ gradientDescent }) => {
    const { x, history } = gradientDescent(function2, np.array([-3.0, 4.0]), {
      lr: 0.1,
      stepNum: 100,
    });
    // The book prints [-6.11110793e-10, 8.14814391e-10].
    assertAllClose(x, [-6.11110793e-10, 8.14814391e-10], {
      rtol: 1e-6,
      msg: say("the final x", "最終的な x"),
    });
    assert.equal(
      history.length,
      100,
      say(
        "history.length: one point before each step",
        "history.length: 各ステップの前の点が 1 つずつ",
      ),
    );
    assertAllClose(history[0], [-3, 4], {
      msg: say("history[0], the point before the first step", "history[0]、最初のステップの前の点"),
    });
    assertAllClose(history[1], [-2.4, 3.2], {
      rtol: 1e-9,
      msg: say("history[1], after one step", "history[1]、1 ステップ後"),
    });
  }),
);

Deno.test(
  "gradientDescent() diverges with lr 10 and barely moves with lr 1e-10 (§4.4.1)",
  named({ gradientDescent }, ({ gradientDescent }) => {
    const big = gradientDescent(function2, np.array([-3.0, 4.0]), { lr: 10, stepNum: 100 });
    // The book prints [-2.58983747e+13, -1.29524862e+12]: far from 0. The exact digits come from
    // rounding noise (f(x ± h) of numbers near 1e13), so only the size is checked.
    assert.ok(
      Math.abs(big.x.data[0]) > 1e10,
      say(
        `with lr 10, x should blow up, got [${big.x.data.join(", ")}]`,
        `lr 10 では x が発散するはずが、[${big.x.data.join(", ")}] でした`,
      ),
    );
    const small = gradientDescent(function2, np.array([-3.0, 4.0]), { lr: 1e-10, stepNum: 100 });
    assertAllClose(small.x, [-2.99999994, 3.99999992], {
      rtol: 1e-8,
      msg: say("the final x with lr 1e-10", "lr 1e-10 での最終的な x"),
    });
  }),
);

Deno.test(
  "gradientDescent() uses lr 0.01 and 100 steps by default and leaves initX alone",
  named({ gradientDescent }, ({ gradientDescent }) => {
    const initX = np.array([-3.0, 4.0]);
    const { x, history } = gradientDescent(function2, initX);
    assert.equal(
      history.length,
      100,
      say("history.length with the default stepNum", "stepNum が既定値のときの history.length"),
    );
    // Each step multiplies x by (1 − 2 · 0.01) = 0.98, exactly for a quadratic.
    assertAllClose(x, [-3 * 0.98 ** 100, 4 * 0.98 ** 100], {
      rtol: 1e-6,
      msg: say("the final x with the default lr 0.01", "既定値の lr 0.01 での最終的な x"),
    });
    assert.deepEqual(
      initX.toArray(),
      [-3, 4],
      say("initX after the call: it must not change", "呼び出し後の initX: 変わってはいけません"),
    );
  }),
);

// The book's own NumPy code -------------------------------------------------------------------
// tools/book/ch04_05.py ran the book's common/gradient.py and gradient_method.py on fixed
// inputs and recorded them in testdata/book_ch04.json; these tests replay them.

Deno.test(
  "numericalDiff() matches the book's NumPy code",
  named({ numericalDiff }, ({ numericalDiff }) => {
    for (const { x, value } of book.gradients.numericalDiff) {
      assertNear(
        say(`the derivative of 0.01x² + 0.1x at ${x}`, `${x} での 0.01x² + 0.1x の微分`),
        numericalDiff((v) => 0.01 * v ** 2 + 0.1 * v, x),
        value,
        1e-12 * Math.max(1, Math.abs(value)),
      );
    }
  }),
);

Deno.test(
  "numericalGradient() matches the book's NumPy code on vectors and a matrix",
  named({ numericalGradient }, ({ numericalGradient }) => {
    for (const p of book.gradients.function2) {
      const grad = numericalGradient((x) => np.sum(np.square(x)), toArray(p.x));
      assertAllClose(grad, toArray(p.grad), {
        rtol: 1e-9,
        atol: 1e-12,
        msg: say(`the gradient of Σx² at [${p.x.data}]`, `[${p.x.data}] での Σx² の勾配`),
      });
    }
    // The loss of a one-layer softmax network as a function of its weights (§4.4.2), with the
    // reference softmax and cross-entropy.
    const m = book.gradients.matrix;
    const x = toArray(m.x), W = toArray(m.W), t = toArray(m.t);
    const f = () => referenceCrossEntropy(softmax(np.dot(x, W)), t);
    const grad = numericalGradient(f, W);
    assertAllClose(grad, toArray(m.grad), {
      rtol: 1e-7,
      atol: 1e-12,
      msg: say(
        "the gradient of the softmax network's loss by its weights W",
        "ソフトマックスのネットワークの損失関数の、重み W についての勾配",
      ),
    });
    assertNear(
      say(
        "the loss after the call (W must be restored)",
        "呼び出し後の損失（W は元に戻っているはずです）",
      ),
      f(),
      m.loss,
      1e-12,
    );
  }),
);

Deno.test(
  "gradientDescent() matches the book's NumPy code (§4.4.1)",
  named({ gradientDescent }, ({ gradientDescent }) => {
    for (const d of book.gradients.descent) {
      const { x, history } = gradientDescent((v) => np.sum(np.square(v)), np.array([-3, 4]), {
        lr: d.lr,
        stepNum: d.stepNum,
      });
      assert.equal(
        history.length,
        d.historyLength,
        say(`history.length with lr ${d.lr}`, `lr ${d.lr} での history.length`),
      );
      assertAllClose(np.stack(history.slice(0, 5)), toArray(d.historyHead), {
        rtol: 1e-9,
        msg: say(
          `the first 5 points of the history with lr ${d.lr}`,
          `lr ${d.lr} での history の最初の 5 点`,
        ),
      });
      // lr 10 diverges into rounding noise (see above): only the others are compared.
      if (d.lr !== 10) {
        assertAllClose(x, toArray(d.x), {
          rtol: 1e-6,
          msg: say(`the final x with lr ${d.lr}`, `lr ${d.lr} での最終的な x`),
        });
      }
    }
  }),
);
