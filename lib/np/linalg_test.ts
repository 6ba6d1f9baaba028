import assert from "node:assert/strict";
import fc from "fast-check";
import * as np from "./mod.ts";
import { gemm } from "./kernels/matmul.ts";
import { assertAllClose } from "../testing/mod.ts";

// Property tests draw their cases from a fixed seed: a run repeats exactly.
fc.configureGlobal({ seed: 20261204 });

/** The textbook triple loop over nested arrays: the yardstick, with nothing shared with lib/np. */
function naive(a: number[][], b: number[][]): number[][] {
  return a.map((row) => b[0].map((_, j) => row.reduce((s, v, p) => s + v * b[p][j], 0)));
}

Deno.test("dot() matches the book's examples (§3.3)", () => {
  assert.equal(np.dot([1, 2, 3], [4, 5, 6]).item(), 32);
  assert.deepEqual(np.dot([[1, 2], [3, 4]], [[5, 6], [7, 8]]).toArray(), [[19, 22], [43, 50]]);
  assert.deepEqual(
    np.dot([[1, 2, 3], [4, 5, 6]], [[1, 2], [3, 4], [5, 6]]).toArray(),
    [[22, 28], [49, 64]],
  );
  assert.deepEqual(np.dot([[1, 2], [3, 4], [5, 6]], [7, 8]).toArray(), [23, 53, 83]);
  assert.deepEqual(np.dot([1, 2], [[1, 3, 5], [2, 4, 6]]).toArray(), [5, 11, 17]);
  assert.deepEqual(np.dot(2, [1, 2]).toArray(), [2, 4], "a 0-d operand multiplies");
});

Deno.test("dot() of N-D arrays sums the last axis of a with the second-to-last of b", () => {
  const a = np.arange(12).reshape(2, 3, 2), b = np.arange(8).reshape(2, 2, 2);
  const c = np.dot(a, b);
  assert.deepEqual(c.shape, [2, 3, 2, 2]);
  // c[i, j, k, l] = Σ_p a[i, j, p] b[k, p, l]
  for (const [i, j, k, l] of [[0, 0, 0, 0], [1, 2, 1, 1], [0, 1, 1, 0], [1, 0, 0, 1]]) {
    const want = a.get(i, j, 0) * b.get(k, 0, l) + a.get(i, j, 1) * b.get(k, 1, l);
    assert.equal(c.get(i, j, k, l), want);
  }
  assert.deepEqual(np.dot(np.ones([4, 2, 3]), np.ones([3])).shape, [4, 2]);
});

Deno.test("matmul() broadcasts batches and treats vectors as rows or columns", () => {
  assert.deepEqual(np.matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]]).toArray(), [[19, 22], [43, 50]]);
  assert.deepEqual(np.matmul([1, 2], [[1, 3], [2, 4]]).toArray(), [5, 11]);
  assert.deepEqual(np.matmul([[1, 3], [2, 4]], [1, 2]).toArray(), [7, 10]);
  const batch = np.arange(12).reshape(3, 2, 2);
  const out = np.matmul(batch, np.eye(2));
  assert.deepEqual(out.toArray(), batch.toArray());
  assert.deepEqual(np.matmul(np.ones([2, 1, 3, 4]), np.ones([5, 4, 2])).shape, [2, 5, 3, 2]);
  assert.equal(np.matmul(np.ones([2, 1, 3, 4]), np.ones([5, 4, 2])).get(1, 4, 2, 1), 4);
});

Deno.test("matmul() transA/transB read each matrix of a batch transposed, as swapaxes(-1, -2)", () => {
  const r = np.rng(7);
  const a = r.normal([3, 4, 5]), b = r.normal([3, 6, 5]), w = r.normal([6, 4]);
  const swap = (x: np.NDArray) =>
    x.transpose(...[...x.shape.keys()].slice(0, -2), x.ndim - 1, x.ndim - 2);
  assertAllClose(np.matmul(a, b, { transB: true }), np.matmul(a, swap(b)), { rtol: 1e-12 });
  assertAllClose(np.matmul(a, w, { transA: true, transB: true }), np.matmul(swap(a), w.T), {
    rtol: 1e-12,
  });
  // A 2-D operand broadcasts against the batch, transposed or not.
  const v = r.normal([4, 6]);
  assertAllClose(np.matmul(v, a, { transA: true }), np.matmul(v.T, a), { rtol: 1e-12 });
  const a32 = a.astype("float32");
  assert.equal(np.matmul(a32, a32, { transA: true }).dtype, "float32");
  assert.throws(() => np.matmul(a, b), /not aligned: 5 \(dim 2\) != 6/);
  assert.throws(() => np.matmul(a, b, { transA: true }), /\(transposed\)/);
  assert.throws(() => np.matmul([1, 2], [[1], [2]], { transA: true }), /2 or more axes/);
});

Deno.test("matmul() writes into out when asked, and checks it", () => {
  const a = np.rng(8).normal([2, 3, 4]), b = np.rng(9).normal([4, 5]);
  const out = np.full([2, 3, 5], NaN);
  assert.equal(np.matmul(a, b, { out }), out);
  assertAllClose(out, np.matmul(a, b), { rtol: 0, atol: 0 });
  assert.throws(
    () => np.matmul(a, b, { out: np.zeros([2, 3, 4]) }),
    /out is float64 of shape \[2, 3, 4\]/,
  );
  const f32 = np.zeros([2, 3, 5], { dtype: "float32" });
  assert.throws(() => np.matmul(a, b, { out: f32 }), /result is float64/);
  const square = np.ones([3, 3]);
  assert.throws(() => np.matmul(square, np.eye(3), { out: square }), /shares memory/);
});

Deno.test("dot() keeps float32 and gives float64 for mixed operands", () => {
  const f = np.ones([2, 2], { dtype: "float32" });
  assert.equal(np.dot(f, f).dtype, "float32");
  assert.equal(np.dot(f, np.ones([2, 2])).dtype, "float64");
  assert.equal(np.matmul(f, f).dtype, "float32");
  assert.deepEqual(np.dot(np.zeros([2, 0]), np.zeros([0, 3])).toArray(), [[0, 0, 0], [0, 0, 0]]);
});

Deno.test("dot() equals a naive triple loop on random matrices", () => {
  const sizes = fc.tuple(
    fc.integer({ min: 1, max: 20 }),
    fc.integer({ min: 1, max: 20 }),
    fc.integer({ min: 1, max: 20 }),
    fc.nat(),
  );
  fc.assert(
    fc.property(sizes, ([m, k, n, seed]) => {
      const r = np.rng(seed);
      const a = r.normal([m, k]), b = r.normal([k, n]);
      const want = naive(a.toArray() as number[][], b.toArray() as number[][]);
      assertAllClose(np.dot(a, b), want, { rtol: 1e-12, atol: 1e-12 });
      assertAllClose(np.matmul(a, b), want, { rtol: 1e-12, atol: 1e-12 });
      const a32 = a.astype("float32"), b32 = b.astype("float32");
      const want32 = naive(a32.toArray() as number[][], b32.toArray() as number[][]);
      assertAllClose(np.dot(a32, b32), want32, { rtol: 1e-5, atol: 1e-5 });
    }),
    { seed: 1, numRuns: 100 },
  );
});

Deno.test("gemm() transposes operands and accumulates on request", () => {
  fc.assert(
    fc.property(
      fc.tuple(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
      ),
      fc.boolean(),
      fc.boolean(),
      fc.boolean(),
      fc.nat(),
      ([m, k, n], transA, transB, accumulate, seed) => {
        const r = np.rng(seed);
        const a = r.normal([m, k]), b = r.normal([k, n]), c0 = r.normal([m, n]);
        const c = c0.clone();
        gemm({
          m,
          n,
          k,
          a: transA ? a.T.data : a.data,
          b: transB ? b.T.data : b.data,
          c: c.data,
          transA,
          transB,
          accumulate,
        });
        const want = naive(a.toArray() as number[][], b.toArray() as number[][]);
        assertAllClose(c, accumulate ? np.add(want, c0) : want, { rtol: 1e-12, atol: 1e-12 });
      },
    ),
    { seed: 1, numRuns: 100 },
  );
});

Deno.test("dot() with transA/transB equals dot() of the copied transposes", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 9 }),
      fc.integer({ min: 1, max: 9 }),
      fc.integer({ min: 1, max: 9 }),
      fc.boolean(),
      fc.boolean(),
      fc.integer({ min: 0, max: 1000 }),
      (m, k, n, transA, transB, seed) => {
        const rng = np.rng(seed);
        const a = rng.normal(transA ? [k, m] : [m, k]);
        const b = rng.normal(transB ? [n, k] : [k, n]);
        const expected = np.dot(transA ? a.T : a, transB ? b.T : b);
        assertAllClose(np.dot(a, b, { transA, transB }), expected, { rtol: 1e-12 });
      },
    ),
    { seed: 7, numRuns: 100 },
  );
  assert.throws(
    () => np.dot(np.ones([2, 3]), np.ones([3, 2]), { transB: true }),
    /shapes \[2, 3\] and \[3, 2\]\.T not aligned: 3 != 2/,
  );
  assert.throws(() => np.dot(np.ones([3]), np.ones([3, 2]), { transA: true }), /need 2-D/);
});
