import assert from "node:assert/strict";
import { MISTAKES } from "../../lib/mistakes/ch05.ts";
import * as np from "../../lib/np/mod.ts";
import { mistakeNamer } from "../../lib/testing/mistakes.ts";
import {
  assertAllClose,
  assertGradientMatches,
  numericalGradientOf,
  say,
} from "../../lib/testing/mod.ts";
import { book, toArray } from "./testdata/book_fixture.ts";
import { Sigmoid } from "./sigmoid.ts";

const named = mistakeNamer("05", MISTAKES);

Deno.test(
  "Sigmoid.forward() is 1 / (1 + exp(-x)) and remembers its output (§5.5.2)",
  named({ Sigmoid }, ({ Sigmoid }) => {
    const layer = new Sigmoid();
    const out = layer.forward(np.array([-1, 0, 1, 2]));
    const want = [0.2689414213699951, 0.5, 0.7310585786300049, 0.8807970779778823];
    assertAllClose(out, want, {
      rtol: 1e-12,
      msg: say("out for x = [-1, 0, 1, 2]", "x = [-1, 0, 1, 2] のときの out"),
    });
    // The same values; a copy is as good as the array returned.
    assert.ok(
      layer.out !== null,
      say(
        "out is null after forward: forward must remember its output",
        "forward の後で out が null のままです。forward で出力を保持してください",
      ),
    );
    assertAllClose(layer.out, want, {
      rtol: 1e-12,
      msg: say("the field out after forward", "forward の後のフィールド out"),
    });
  }),
);

Deno.test(
  "Sigmoid.backward() is dout · y · (1 − y) (§5.5.2)",
  named({ Sigmoid }, ({ Sigmoid }) => {
    const layer = new Sigmoid();
    layer.forward(np.array([0, 0]));
    const dx = layer.backward(np.array([1, 2]));
    assertAllClose(dx, [0.25, 0.5], {
      msg: say("dx for x = [0, 0], dout = [1, 2]", "x = [0, 0], dout = [1, 2] のときの dx"),
    });
    const y = 1 / (1 + Math.exp(-2));
    layer.forward(np.array([2]));
    const dx2 = layer.backward(np.array([3]));
    assertAllClose(dx2, [3 * y * (1 - y)], {
      rtol: 1e-14,
      msg: say("dx for x = [2], dout = [3]", "x = [2], dout = [3] のときの dx"),
    });
  }),
);

Deno.test(
  "Sigmoid.backward() matches the numerical gradient",
  named({ Sigmoid }, ({ Sigmoid }) => {
    const layer = new Sigmoid();
    const x = np.rng(1).normal([3, 4], { scale: 2 });
    const w = np.rng(2).normal([3, 4]);
    layer.forward(x);
    const dx = layer.backward(w);
    // With dout = w, backward gives the gradient of Σ sigmoid(x) · w.
    const numerical = numericalGradientOf(() => np.sum(np.mul(new Sigmoid().forward(x), w)), x);
    assertGradientMatches(dx, numerical, {
      rtol: 1e-5,
      atol: 1e-7,
      msg: say("dx vs the numerical gradient", "dx と数値微分で求めた勾配の比較"),
    });
  }),
);

// The book's own NumPy code, recorded by tools/book/ch04_05.py in testdata/book_ch05.json.
Deno.test(
  "Sigmoid.forward() and backward() match the book's common/layers.py",
  named({ Sigmoid }, ({ Sigmoid }) => {
    const layer = new Sigmoid();
    const c = book.layers.sigmoid;
    assertAllClose(layer.forward(toArray(c.x)), toArray(c.out), {
      rtol: 1e-14,
      msg: say("out", "順伝播の出力 out"),
    });
    assertAllClose(layer.backward(toArray(c.dout)), toArray(c.dx), {
      rtol: 1e-13,
      msg: say("dx", "逆伝播の出力 dx"),
    });
  }),
);
