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
import { Affine } from "./affine.ts";
import { book, toArray } from "./testdata/book_fixture.ts";

const named = mistakeNamer("05", MISTAKES);

/** Asserts that a gradient kept or returned by backward (named `name`) is f's numerical one. */
function assertGradient(
  name: string,
  analytic: np.NDArray | null,
  f: () => number,
  x: np.NDArray,
): void {
  assert.ok(
    analytic != null,
    say(
      `${name} is ${analytic} after backward: backward must set it`,
      `backward の後で ${name} が ${analytic} のままです。backward で設定してください`,
    ),
  );
  const numerical = numericalGradientOf(f, x, { h: 1e-6 });
  assertGradientMatches(analytic, numerical, {
    rtol: 1e-5,
    atol: 1e-7,
    msg: say(
      `${name} differs from the numerical gradient (shape [${
        numerical.shape.join(", ")
      }] expected)`,
      `${name} が数値微分で求めた勾配と一致しません (形状は [${
        numerical.shape.join(", ")
      }] のはず)`,
    ),
  });
}

Deno.test(
  "Affine.forward() adds the bias to every row (§5.6.2)",
  named({ Affine }, ({ Affine }) => {
    // x · W = [[0, 0, 0], [10, 10, 10]] and B = [1, 2, 3], as the book's batch example.
    const layer = new Affine(np.full([2, 3], 5), np.array([1, 2, 3]));
    const out = layer.forward(np.array([[0, 0], [1, 1]]));
    assertAllClose(out, [[1, 2, 3], [11, 12, 13]], {
      msg: say("out for x = [[0, 0], [1, 1]]", "x = [[0, 0], [1, 1]] のときの out"),
    });
  }),
);

Deno.test(
  "Affine.backward() sums db over the batch and follows equation (5.13) (§5.6.2)",
  named({ Affine }, ({ Affine }) => {
    const W = np.array([[1, 2, 3], [4, 5, 6]]);
    const layer = new Affine(W, np.array([0, 0, 0]));
    layer.forward(np.array([[1, 0], [0, 2]]));
    const dout = np.array([[1, 2, 3], [4, 5, 6]]);
    const dx = layer.backward(dout);
    assert.ok(
      layer.db != null,
      say(
        `db is ${layer.db} after backward: backward must set it`,
        `backward の後で db が ${layer.db} のままです。backward で設定してください`,
      ),
    );
    assertAllClose(layer.db, [5, 7, 9], {
      msg: say(
        "db: the book's dB for dY = [[1, 2, 3], [4, 5, 6]]",
        "db: dY = [[1, 2, 3], [4, 5, 6]] のときの書籍の dB",
      ),
    });
    // dx = dout · Wᵀ, dW = xᵀ · dout.
    assertAllClose(dx, [[14, 32], [32, 77]], {
      msg: say("dx for x = [[1, 0], [0, 2]]", "x = [[1, 0], [0, 2]] のときの dx"),
    });
    assert.ok(
      layer.dW != null,
      say(
        `dW is ${layer.dW} after backward: backward must set it`,
        `backward の後で dW が ${layer.dW} のままです。backward で設定してください`,
      ),
    );
    assertAllClose(layer.dW, [[1, 2, 3], [8, 10, 12]], {
      msg: say("dW for x = [[1, 0], [0, 2]]", "x = [[1, 0], [0, 2]] のときの dW"),
    });
  }),
);

/** A seeded Affine layer with an input and a random dout, all float64. */
function setup(Layer: typeof Affine, seed: number, xShape: number[], outputs: number) {
  const rng = np.rng(seed);
  const inputs = xShape.slice(1).reduce((p, n) => p * n, 1);
  const layer = new Layer(rng.normal([inputs, outputs]), rng.normal([outputs]));
  return { layer, x: rng.normal(xShape), w: rng.normal([xShape[0], outputs]) };
}

Deno.test(
  "Affine.backward() matches the numerical gradients of x, W and b",
  named({ Affine }, ({ Affine }) => {
    const { layer, x, w } = setup(Affine, 1, [4, 3], 5);
    layer.forward(x);
    const dx = layer.backward(w);
    // With dout = w, backward gives the gradients of Σ (x · W + b) · w.
    const f = () => np.sum(np.mul(new Affine(layer.W, layer.b).forward(x), w));
    assertGradient("dx", dx, f, x);
    assertGradient("dW", layer.dW, f, layer.W);
    assertGradient("db", layer.db, f, layer.b);
  }),
);

Deno.test(
  "Affine.backward() returns dx in the shape of an N-D input (a batch of images)",
  named({ Affine }, ({ Affine }) => {
    const { layer, x, w } = setup(Affine, 2, [3, 2, 2, 2], 4);
    const out = layer.forward(x);
    assert.deepEqual(
      out.shape,
      [3, 4],
      say(
        `out has shape [${out.shape.join(", ")}] for x [3, 2, 2, 2]`,
        `x [3, 2, 2, 2] に対する out の形状が [${out.shape.join(", ")}] です`,
      ),
    );
    const dx = layer.backward(w);
    assert.deepEqual(
      dx.shape,
      [3, 2, 2, 2],
      say(
        `dx has shape [${dx.shape.join(", ")}], x had [3, 2, 2, 2]`,
        `dx の形状が [${dx.shape.join(", ")}] です (x は [3, 2, 2, 2])`,
      ),
    );
    const f = () => np.sum(np.mul(new Affine(layer.W, layer.b).forward(x), w));
    assertGradient("dx", dx, f, x);
    assertGradient("dW", layer.dW, f, layer.W);
    assertGradient("db", layer.db, f, layer.b);
  }),
);

Deno.test(
  "Affine.forward() uses the network's own W and b arrays",
  named({ Affine }, ({ Affine }) => {
    const { layer, x } = setup(Affine, 3, [2, 3], 2);
    const before = layer.forward(x).clone();
    np.add(layer.b, 1, { out: layer.b });
    const after = layer.forward(x);
    assertAllClose(after, np.add(before, 1), {
      rtol: 1e-12,
      msg: say("out after b += 1 in place", "b += 1 (インプレース) の後の out"),
    });
  }),
);

// The book's own NumPy code, recorded by tools/book/ch04_05.py in testdata/book_ch05.json.
Deno.test(
  "Affine.forward() and backward() match the book's common/layers.py (2-D and 4-D x)",
  named({ Affine }, ({ Affine }) => {
    for (const c of book.layers.affine) {
      const tol = { rtol: 1e-13, atol: 1e-15 };
      const layer = new Affine(toArray(c.W), toArray(c.b));
      const out = layer.forward(toArray(c.x));
      assertAllClose(out, toArray(c.out), {
        ...tol,
        msg: say(
          `out, x of shape [${c.x.shape.join(", ")}]`,
          `out (x の形状は [${c.x.shape.join(", ")}])`,
        ),
      });
      const dx = layer.backward(toArray(c.dout));
      assertAllClose(dx, toArray(c.dx), {
        ...tol,
        msg: say(
          `dx, x of shape [${c.x.shape.join(", ")}]`,
          `dx (x の形状は [${c.x.shape.join(", ")}])`,
        ),
      });
      assert.ok(
        layer.dW != null && layer.db != null,
        say("backward must set dW and db", "backward で dW と db を設定してください"),
      );
      assertAllClose(layer.dW, toArray(c.dW), {
        ...tol,
        msg: say(
          `dW, x of shape [${c.x.shape.join(", ")}]`,
          `dW (x の形状は [${c.x.shape.join(", ")}])`,
        ),
      });
      assertAllClose(layer.db, toArray(c.db), {
        ...tol,
        msg: say(
          `db, x of shape [${c.x.shape.join(", ")}]`,
          `db (x の形状は [${c.x.shape.join(", ")}])`,
        ),
      });
    }
  }),
);
