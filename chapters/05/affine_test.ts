import assert from "node:assert/strict";
import { MISTAKES } from "../../lib/mistakes/ch05.ts";
import * as np from "../../lib/np/mod.ts";
import { mistakeNamer } from "../../lib/testing/mistakes.ts";
import {
  assertAllClose,
  assertGradientMatches,
  numericalGradientOf,
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
  assert.ok(analytic != null, `${name} is ${analytic} after backward: backward must set it`);
  const numerical = numericalGradientOf(f, x, { h: 1e-6 });
  assertGradientMatches(analytic, numerical, {
    rtol: 1e-5,
    atol: 1e-7,
    msg: `${name} differs from the numerical gradient (shape [${
      numerical.shape.join(", ")
    }] expected)`,
  });
}

Deno.test(
  "Affine.forward() adds the bias to every row (§5.6.2)",
  named({ Affine }, ({ Affine }) => {
    // x · W = [[0, 0, 0], [10, 10, 10]] and B = [1, 2, 3], as the book's batch example.
    const layer = new Affine(np.full([2, 3], 5), np.array([1, 2, 3]));
    const out = layer.forward(np.array([[0, 0], [1, 1]]));
    assertAllClose(out, [[1, 2, 3], [11, 12, 13]], { msg: "out for x = [[0, 0], [1, 1]]" });
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
    assert.ok(layer.db != null, `db is ${layer.db} after backward: backward must set it`);
    assertAllClose(layer.db, [5, 7, 9], {
      msg: "db: the book's dB for dY = [[1, 2, 3], [4, 5, 6]]",
    });
    // dx = dout · Wᵀ, dW = xᵀ · dout.
    assertAllClose(dx, [[14, 32], [32, 77]], { msg: "dx for x = [[1, 0], [0, 2]]" });
    assert.ok(layer.dW != null, `dW is ${layer.dW} after backward: backward must set it`);
    assertAllClose(layer.dW, [[1, 2, 3], [8, 10, 12]], { msg: "dW for x = [[1, 0], [0, 2]]" });
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
      `out has shape [${out.shape.join(", ")}] for x [3, 2, 2, 2]`,
    );
    const dx = layer.backward(w);
    assert.deepEqual(
      dx.shape,
      [3, 2, 2, 2],
      `dx has shape [${dx.shape.join(", ")}], x had [3, 2, 2, 2]`,
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
    assertAllClose(after, np.add(before, 1), { rtol: 1e-12, msg: "out after b += 1 in place" });
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
        msg: `out, x of shape [${c.x.shape.join(", ")}]`,
      });
      const dx = layer.backward(toArray(c.dout));
      assertAllClose(dx, toArray(c.dx), {
        ...tol,
        msg: `dx, x of shape [${c.x.shape.join(", ")}]`,
      });
      assert.ok(layer.dW != null && layer.db != null, "backward must set dW and db");
      assertAllClose(layer.dW, toArray(c.dW), {
        ...tol,
        msg: `dW, x of shape [${c.x.shape.join(", ")}]`,
      });
      assertAllClose(layer.db, toArray(c.db), {
        ...tol,
        msg: `db, x of shape [${c.x.shape.join(", ")}]`,
      });
    }
  }),
);
