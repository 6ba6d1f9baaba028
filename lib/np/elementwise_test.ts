import assert from "node:assert/strict";
import fc from "fast-check";
import * as np from "./mod.ts";
import { assertAllClose } from "../testing/mod.ts";

// Property tests draw their cases from a fixed seed: a run repeats exactly.
fc.configureGlobal({ seed: 20261204 });

Deno.test("add(), sub(), mul(), div() match the book's examples (§1.5.3–1.5.5)", () => {
  const x = np.array([1.0, 2.0, 3.0]), y = np.array([2.0, 4.0, 6.0]);
  assert.deepEqual(np.add(x, y).toArray(), [3, 6, 9]);
  assert.deepEqual(np.sub(x, y).toArray(), [-1, -2, -3]);
  assert.deepEqual(np.mul(x, y).toArray(), [2, 8, 18]);
  assert.deepEqual(np.div(x, y).toArray(), [0.5, 0.5, 0.5]);
  assert.deepEqual(np.div(x, 2.0).toArray(), [0.5, 1, 1.5]);
  const A = np.array([[1, 2], [3, 4]]);
  assert.deepEqual(np.mul(A, 10).toArray(), [[10, 20], [30, 40]]);
  assert.deepEqual(np.mul(A, np.array([10, 20])).toArray(), [[10, 40], [30, 80]]);
  assert.deepEqual(np.sub(10, A).toArray(), [[9, 8], [7, 6]]);
});

Deno.test("pow(), maximum(), minimum() and the math functions", () => {
  assert.deepEqual(np.pow([2, 3], [3, 2]).toArray(), [8, 9]);
  assert.deepEqual(np.pow(2, [0, 1, 2]).toArray(), [1, 2, 4]);
  assert.deepEqual(np.maximum([[-1, 5]], [[0], [6]]).toArray(), [[0, 5], [6, 6]]);
  assert.deepEqual(np.minimum([1, NaN], 0).toArray(), [0, NaN]);
  assertAllClose(np.exp([0, 1]), [1, Math.E]);
  assert.deepEqual(np.log([1, 0, -1]).toArray(), [0, -Infinity, NaN]);
  assert.deepEqual(np.sqrt([4, 0.25]).toArray(), [2, 0.5]);
  assertAllClose(np.tanh([0, 100]), [0, 1]);
  assertAllClose(np.sin([Math.PI / 2]), [1]);
  assertAllClose(np.cos([Math.PI]), [-1]);
  assert.deepEqual(np.abs([-1.5, 2]).toArray(), [1.5, 2]);
  assert.deepEqual(np.neg([1, -2]).toArray(), [-1, 2]);
  assert.deepEqual(np.square([3, -4]).toArray(), [9, 16]);
  assert.deepEqual(np.clip([-2, 0.5, 3], { min: 0, max: 1 }).toArray(), [0, 0.5, 1]);
  assert.deepEqual(np.clip([-2, 3], { min: 0 }).toArray(), [0, 3]);
});

Deno.test("comparisons give 1 and 0, and where() picks by them", () => {
  const x = np.array([-1, 0, 2]);
  assert.deepEqual(np.greater(x, 0).toArray(), [0, 0, 1]);
  assert.deepEqual(np.greaterEqual(x, 0).toArray(), [0, 1, 1]);
  assert.deepEqual(np.less(x, 0).toArray(), [1, 0, 0]);
  assert.deepEqual(np.lessEqual(x, 0).toArray(), [1, 1, 0]);
  assert.deepEqual(np.equal(x, [-1, 1, 2]).toArray(), [1, 0, 1]);
  assert.deepEqual(np.notEqual(x, [-1, 1, 2]).toArray(), [0, 1, 0]);
  // The ReLU mask of §5.5.1, and a broadcast condition.
  assert.deepEqual(np.where(np.lessEqual(x, 0), 0, x).toArray(), [0, 0, 2]);
  assert.deepEqual(np.where([[1], [0]], [1, 2], [[10], [20]]).toArray(), [[1, 2], [20, 20]]);
});

Deno.test("dtype: float32 stays float32 with plain numbers, mixing gives float64", () => {
  const f = np.array([1, 2], { dtype: "float32" }), d = np.array([1, 2]);
  assert.equal(np.mul(f, 0.5).dtype, "float32");
  assert.equal(np.add(2, f).dtype, "float32");
  assert.equal(np.add(f, f).dtype, "float32");
  assert.equal(np.add(f, d).dtype, "float64");
  assert.equal(np.exp(f).dtype, "float32");
  assert.equal(np.where(np.greater(f, 1), f, 0).dtype, "float32");
  assert.equal(np.add(1, 2).dtype, "float64");
  // float32 arithmetic rounds each result to float32, as NumPy's does.
  const sum32 = np.add(np.array([0.1], { dtype: "float32" }), 0.2).get(0);
  assert.equal(sum32, Math.fround(Math.fround(0.1) + Math.fround(0.2)));
  assert.notEqual(sum32, 0.1 + 0.2);
});

Deno.test("the out option writes in place, also into an input", () => {
  const x = np.array([1, 2, 3]);
  const out = np.zeros([3]);
  assert.equal(np.mul(x, 2, { out }), out);
  assert.deepEqual(out.toArray(), [2, 4, 6]);
  np.sub(x, 1, { out: x });
  assert.deepEqual(x.toArray(), [0, 1, 2]);
  const W = np.ones([2, 3]);
  np.sub(W, np.array([0.5, 1, 2]), { out: W });
  assert.deepEqual(W.toArray(), [[0.5, 0, -1], [0.5, 0, -1]]);
  np.sqrt(np.array([4, 9, 16]), { out: x });
  assert.deepEqual(x.toArray(), [2, 3, 4]);
});

/** An explicit tiling of `x` to `shape`, element by element through get(): no strides. */
function tile(x: np.NDArray, shape: number[]): number[] {
  const out: number[] = [];
  const index = new Array<number>(shape.length).fill(0);
  const total = shape.reduce((p, n) => p * n, 1);
  for (let i = 0; i < total; i++) {
    const skip = shape.length - x.ndim;
    out.push(x.get(...x.shape.map((n, a) => (n === 1 ? 0 : index[skip + a]))));
    for (let a = shape.length - 1; a >= 0; a--) {
      if (++index[a] < shape[a]) break;
      index[a] = 0;
    }
  }
  return out;
}

/** A shape with some sizes replaced by 1 and some leading axes dropped. */
function derivedFrom(target: number[]) {
  return fc.tuple(
    fc.integer({ min: 0, max: target.length }),
    fc.array(fc.boolean(), { minLength: target.length, maxLength: target.length }),
  ).map(([drop, ones]) => target.map((n, i) => (ones[i] ? 1 : n)).slice(drop));
}

Deno.test("broadcasting equals explicit tiling on random shapes", () => {
  const cases = fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 4 }).chain((target) =>
    fc.tuple(derivedFrom(target), derivedFrom(target), fc.integer({ min: 0, max: 1e6 }))
  );
  fc.assert(
    fc.property(cases, ([sa, sb, seed]) => {
      const r = np.rng(seed);
      const a = r.normal(sa), b = r.normal(sb);
      const shape = np.broadcastShapes(sa, sb);
      const ta = tile(a, shape), tb = tile(b, shape);
      const expect = (f: (p: number, q: number) => number) =>
        new np.NDArray(Float64Array.from(ta, (v, i) => f(v, tb[i])), shape);
      assert.deepEqual(np.add(a, b).toArray(), expect((p, q) => p + q).toArray());
      assert.deepEqual(np.sub(a, b).toArray(), expect((p, q) => p - q).toArray());
      assert.deepEqual(np.mul(a, b).toArray(), expect((p, q) => p * q).toArray());
      assert.deepEqual(np.div(a, b).toArray(), expect((p, q) => p / q).toArray());
      assert.deepEqual(np.maximum(a, b).toArray(), expect(Math.max).toArray());
      assert.deepEqual(np.greater(a, b).toArray(), expect((p, q) => (p > q ? 1 : 0)).toArray());
      assert.deepEqual(
        np.broadcastTo(a, shape).toArray(),
        new np.NDArray(Float64Array.from(ta), shape).toArray(),
      );
    }),
    { seed: 1, numRuns: 200 },
  );
});
