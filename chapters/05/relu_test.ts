import assert from "node:assert/strict";
import * as np from "../../lib/np/mod.ts";
import {
  assertAllClose,
  assertGradientMatches,
  numericalGradientOf,
  say,
} from "../../lib/testing/mod.ts";
import { book, toArray } from "./testdata/book_fixture.ts";
import { MISTAKES } from "../../lib/mistakes/ch05.ts";
import { mistakeNamer } from "../../lib/testing/mistakes.ts";
import { Relu } from "./relu.ts";

const named = mistakeNamer("05", MISTAKES);

/** Random numbers kept at least 0.1 away from 0, where ReLU has its kink. */
function awayFromZero(seed: number, shape: number[]): np.NDArray {
  const x = np.rng(seed).normal(shape);
  for (let i = 0; i < x.size; i++) x.data[i] += x.data[i] >= 0 ? 0.1 : -0.1;
  return x;
}

Deno.test(
  "Relu.forward() zeroes what is <= 0 and remembers where (§5.5.1)",
  named({ Relu }, ({ Relu }) => {
    const relu = new Relu();
    const x = np.array([[1.0, -0.5], [-2.0, 3.0]]);
    const out = relu.forward(x);
    assertAllClose(out, [[1, 0], [0, 3]], {
      msg: say("out for x = [[1, -0.5], [-2, 3]]", "x = [[1, -0.5], [-2, 3]] のときの out"),
    });
    assert.ok(
      relu.mask !== null,
      say(
        "mask is null after forward: forward must set it",
        "forward の後で mask が null のままです。forward で設定してください",
      ),
    );
    assertAllClose(relu.mask, [[0, 1], [1, 0]], {
      msg: say("mask (1 where x <= 0, as the book's)", "mask (書籍と同じく x <= 0 の位置が 1)"),
    });
    assertAllClose(x, [[1.0, -0.5], [-2.0, 3.0]], {
      msg: say("x itself must not change", "x そのものを書き換えてはいけません"),
    });
  }),
);

Deno.test(
  "Relu.backward() passes dout where x > 0 and blocks it elsewhere (§5.5.1)",
  named({ Relu }, ({ Relu }) => {
    const relu = new Relu();
    relu.forward(np.array([[1.0, -0.5], [-2.0, 3.0]]));
    // dout has negative entries too: the mask comes from x, not from the sign of dout.
    const dx = relu.backward(np.array([[5, -6], [7, -8]]));
    assertAllClose(dx, [[5, 0], [0, -8]], {
      msg: say(
        "dx for x = [[1, -0.5], [-2, 3]], dout = [[5, -6], [7, -8]]",
        "x = [[1, -0.5], [-2, 3]], dout = [[5, -6], [7, -8]] のときの dx",
      ),
    });
  }),
);

Deno.test(
  "Relu.forward() and backward() treat an x of exactly 0 as blocked (mask x <= 0)",
  named({ Relu }, ({ Relu }) => {
    const relu = new Relu();
    const x = np.array([0, 2, -0, -1, 0]);
    const out = relu.forward(x);
    assertAllClose(out, [0, 2, 0, 0, 0], {
      msg: say("out for x = [0, 2, -0, -1, 0]", "x = [0, 2, -0, -1, 0] のときの out"),
    });
    assert.ok(
      relu.mask !== null,
      say(
        "mask is null after forward: forward must set it",
        "forward の後で mask が null のままです。forward で設定してください",
      ),
    );
    assertAllClose(relu.mask, [1, 0, 1, 1, 1], {
      msg: say("mask at x = 0 (1: the book's x <= 0)", "x = 0 での mask (書籍は x <= 0 なので 1)"),
    });
    // The book's mask is x <= 0, so the gradient at exactly 0 is 0 (a mask of x < 0 lets it through).
    const dx = relu.backward(np.array([1, 2, 3, 4, 5]));
    assertAllClose(dx, [0, 2, 0, 0, 0], {
      msg: say("dx where x is exactly 0 (must be 0)", "x がちょうど 0 の位置の dx (0 になるはず)"),
    });
  }),
);

Deno.test(
  "Relu.backward() matches the numerical gradient",
  named({ Relu }, ({ Relu }) => {
    const relu = new Relu();
    const x = awayFromZero(1, [4, 5]);
    const w = np.rng(2).normal([4, 5]);
    relu.forward(x);
    const dx = relu.backward(w);
    // With dout = w, backward gives the gradient of Σ relu(x) · w.
    const numerical = numericalGradientOf(() => np.sum(np.mul(new Relu().forward(x), w)), x);
    assertGradientMatches(dx, numerical, {
      rtol: 1e-5,
      atol: 1e-7,
      msg: say("dx vs the numerical gradient", "dx と数値微分で求めた勾配の比較"),
    });
  }),
);

Deno.test(
  "Relu.forward() and backward() keep any shape",
  named({ Relu }, ({ Relu }) => {
    const relu = new Relu();
    const x = awayFromZero(3, [2, 3, 2, 2]);
    const out = relu.forward(x);
    assertAllClose(out, np.maximum(x, 0), {
      msg: say("out for a [2, 3, 2, 2] input", "形状 [2, 3, 2, 2] の入力に対する out"),
    });
    const dx = relu.backward(np.ones([2, 3, 2, 2]));
    assertAllClose(dx, np.greater(x, 0), {
      msg: say("dx for dout = ones([2, 3, 2, 2])", "dout = ones([2, 3, 2, 2]) のときの dx"),
    });
  }),
);

// The book's own NumPy code, recorded by tools/book/ch04_05.py in testdata/book_ch05.json.
Deno.test(
  "Relu.forward() and backward() match the book's common/layers.py",
  named({ Relu }, ({ Relu }) => {
    const { relu: c } = book.layers;
    const relu = new Relu();
    assertAllClose(relu.forward(toArray(c.x)), toArray(c.out), {
      msg: say("out", "順伝播の出力 out"),
    });
    assertAllClose(relu.backward(toArray(c.dout)), toArray(c.dx), {
      msg: say("dx", "逆伝播の出力 dx"),
    });
  }),
);
