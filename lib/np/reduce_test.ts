import assert from "node:assert/strict";
import fc from "fast-check";
import * as np from "./mod.ts";
import { assertAllClose } from "../testing/mod.ts";

// Property tests draw their cases from a fixed seed: a run repeats exactly.
fc.configureGlobal({ seed: 20261204 });

const x = np.array([[1, 5, 3], [4, 2, 6]]);

Deno.test("sum() and mean() over everything, one axis, several axes", () => {
  assert.equal(np.sum(x), 21);
  assert.deepEqual(np.sum(x, { axis: 0 }).toArray(), [5, 7, 9]);
  assert.deepEqual(np.sum(x, { axis: -1 }).toArray(), [9, 12]);
  assert.deepEqual(np.sum(x, { axis: [0, 1] }).toArray(), 21);
  assert.deepEqual(np.sum(x, { keepdims: true }).toArray(), [[21]]);
  assert.deepEqual(np.sum(x, { axis: 1, keepdims: true }).toArray(), [[9], [12]]);
  assert.equal(np.mean(x), 3.5);
  assert.deepEqual(np.mean(x, { axis: 0 }).toArray(), [2.5, 3.5, 4.5]);
  assert.deepEqual(np.mean(x, { axis: 1, keepdims: true }).toArray(), [[3], [4]]);
  const y = np.arange(24).reshape(2, 3, 4);
  assert.deepEqual(np.sum(y, { axis: [0, 2] }).toArray(), [60, 92, 124]);
  assert.equal(np.sum(np.zeros([0])), 0);
  assert.equal(np.sum(5), 5);
});

Deno.test("max(), min(), argmax(), argmin() with axes and ties", () => {
  assert.equal(np.max(x), 6);
  assert.equal(np.min(x), 1);
  assert.deepEqual(np.max(x, { axis: 0 }).toArray(), [4, 5, 6]);
  assert.deepEqual(np.min(x, { axis: 1 }).toArray(), [1, 2]);
  assert.equal(np.argmax(x), 5);
  assert.equal(np.argmin(x), 0);
  assert.deepEqual(np.argmax(x, { axis: 1 }).toArray(), [1, 2]);
  assert.deepEqual(np.argmin(x, { axis: 0 }).toArray(), [0, 1, 0]);
  assert.deepEqual(np.argmax(x, { axis: 1, keepdims: true }).toArray(), [[1], [2]]);
  assert.deepEqual(np.argmax([[3, 3, 1]], { axis: 1 }).toArray(), [0], "ties: first index");
  assert.deepEqual(np.argmax(x, { keepdims: true }).shape, [1, 1]);
  // NaN wins, as in NumPy.
  assert.equal(np.argmax([1, NaN, 3]), 1);
  assert.ok(Number.isNaN(np.max([1, NaN, 3])));
});

Deno.test("reductions keep float32 and give float64 indices", () => {
  const f = np.ones([2, 3], { dtype: "float32" });
  assert.equal(np.sum(f, { axis: 0 }).dtype, "float32");
  assert.equal(np.mean(f, { axis: 0 }).dtype, "float32");
  assert.equal(np.max(f, { axis: 1 }).dtype, "float32");
  assert.equal(np.argmax(f, { axis: 1 }).dtype, "float64");
});

Deno.test("sum() over all axes equals the total, in any order of axes", () => {
  const shapes = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 });
  fc.assert(
    fc.property(shapes, fc.integer({ min: 0, max: 1e6 }), (shape, seed) => {
      const a = np.rng(seed).normal(shape);
      let total = 0;
      for (const v of a.data) total += v;
      const tol = { rtol: 1e-10, atol: 1e-10 };
      assertAllClose([np.sum(a)], [total], tol);
      // Axis by axis, from the first: always axis 0 of what is left.
      let rest: np.NDArray = a;
      while (rest.ndim > 0) rest = np.sum(rest, { axis: 0 });
      assertAllClose([rest.item()], [total], tol);
      const axes = [...shape.keys()].reverse();
      assertAllClose([np.sum(a, { axis: axes }).item()], [total], tol);
      assertAllClose([np.mean(a) * a.size], [total], tol);
    }),
    { seed: 1, numRuns: 100 },
  );
});

Deno.test("max() and argmax() agree: the value at argmax is the max", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 6 }),
      fc.integer({ min: 1, max: 6 }),
      fc.nat(),
      (m, n, seed) => {
        const a = np.rng(seed).integers(0, 5, { size: [m, n] });
        const best = np.argmax(a, { axis: 1 }), top = np.max(a, { axis: 1 });
        for (let i = 0; i < m; i++) {
          assert.equal(a.get(i, best.get(i)), top.get(i));
          for (let j = 0; j < best.get(i); j++) assert.ok(a.get(i, j) < top.get(i), "first index");
        }
      },
    ),
    { seed: 1, numRuns: 100 },
  );
});
