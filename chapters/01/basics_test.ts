import assert from "node:assert/strict";
import fc from "fast-check";
import * as np from "../../lib/np/mod.ts";
import { assertAllClose } from "../../lib/testing/mod.ts";
import { MISTAKES } from "../../lib/mistakes/ch01.ts";
import { mistakeNamer } from "../../lib/testing/mistakes.ts";
import { add, argmax, dot, sum } from "./basics.ts";

const named = mistakeNamer("01", MISTAKES);

/** A TypeError or RangeError whose message contains every fragment. */
function errorWith(kind: typeof TypeError | typeof RangeError, ...fragments: string[]) {
  return (e: Error) => {
    assert.ok(e instanceof kind, `expected a ${kind.name}, got ${e.name}: ${e.message}`);
    for (const f of fragments) {
      assert.ok(e.message.includes(f), `the message should mention ${f}: ${e.message}`);
    }
    return true;
  };
}

/** A shape with some sizes replaced by 1 and some leading axes dropped. */
function derivedFrom(target: number[]) {
  return fc.tuple(
    fc.integer({ min: 0, max: target.length }),
    fc.array(fc.boolean(), { minLength: target.length, maxLength: target.length }),
  ).map(([drop, ones]) => target.map((n, i) => (ones[i] ? 1 : n)).slice(drop));
}

const shapes = fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 4 });
const seeds = fc.integer({ min: 0, max: 2 ** 31 - 1 });

// add ---------------------------------------------------------------------------------------

Deno.test(
  "add() matches the book's examples (§1.5.3, §1.5.5)",
  named({ add }, ({ add }) => {
    const x = np.array([1.0, 2.0, 3.0]), y = np.array([2.0, 4.0, 6.0]);
    assert.deepEqual(add(x, y).toArray(), [3, 6, 9], "add([1, 2, 3], [2, 4, 6])");
    const A = np.array([[1, 2], [3, 4]]);
    assert.deepEqual(add(A, np.array(10)).toArray(), [[11, 12], [13, 14]], "add(A, 10)");
    assert.deepEqual(A.toArray(), [[1, 2], [3, 4]], "A after add(A, 10): it must not change");
    assert.deepEqual(
      add(A, np.array([10, 20])).toArray(),
      [[11, 22], [13, 24]],
      "add(A, [10, 20])",
    );
    assert.deepEqual(
      add(np.array([[10], [20]]), A).toArray(),
      [[11, 12], [23, 24]],
      "add([[10], [20]], A)",
    );
  }),
);

Deno.test(
  "add() broadcasts on both sides",
  named({ add }, ({ add }) => {
    const column = np.array([[0], [10], [20]]), row = np.array([1, 2, 3, 4]);
    const out = add(column, row);
    assert.deepEqual(out.shape, [3, 4], "the shape of add(column [3, 1], row [4])");
    assert.deepEqual(
      out.toArray(),
      [[1, 2, 3, 4], [11, 12, 13, 14], [21, 22, 23, 24]],
      "add(column [3, 1], row [4])",
    );
    assert.deepEqual(
      add(np.zeros([2, 0]), np.ones([1])).shape,
      [2, 0],
      "the shape of [2, 0] + [1]",
    );
    assert.equal(add(np.array(1), np.array(2)).item(), 3, "add of two 0-d arrays, 1 + 2");
  }),
);

Deno.test(
  "add() keeps float32 only when both inputs are float32, and leaves them unchanged",
  named({ add }, ({ add }) => {
    const a = np.array([1, 2], { dtype: "float32" }), b = np.array([3, 4], { dtype: "float32" });
    assert.equal(add(a, b).dtype, "float32", "the dtype of float32 + float32");
    assert.equal(add(a, np.array([3, 4])).dtype, "float64", "the dtype of float32 + float64");
    assert.deepEqual(a.toArray(), [1, 2], "a after add(a, b): the inputs must not change");
    assert.deepEqual(b.toArray(), [3, 4], "b after add(a, b): the inputs must not change");
  }),
);

Deno.test(
  "add() equals np.add on random broadcastable shapes",
  named({ add }, ({ add }) => {
    add(np.zeros([1]), np.zeros([1]));
    const pairs = shapes.chain((t) => fc.tuple(derivedFrom(t), derivedFrom(t), seeds));
    fc.assert(
      fc.property(pairs, ([shapeA, shapeB, seed]) => {
        const r = np.rng(seed);
        const a = r.uniform(shapeA, { low: -5, high: 5 }),
          b = r.uniform(shapeB, { low: -5, high: 5 });
        assertAllClose(add(a, b), np.add(a, b), { msg: `shapes [${shapeA}] and [${shapeB}]` });
      }),
      { seed: 1, numRuns: 150 },
    );
  }),
);

Deno.test(
  "add() names both shapes when they do not broadcast",
  named({ add }, ({ add }) => {
    add(np.zeros([1]), np.zeros([1]));
    assert.throws(
      () => add(np.zeros([2, 3]), np.zeros([4])),
      errorWith(TypeError, "[2, 3]", "[4]"),
      "add of shapes [2, 3] and [4] must throw a TypeError",
    );
    assert.throws(
      () => add(np.zeros([3, 2]), np.zeros([2, 3])),
      errorWith(TypeError, "[3, 2]", "[2, 3]"),
      "add of shapes [3, 2] and [2, 3] must throw a TypeError",
    );
  }),
);

// dot ---------------------------------------------------------------------------------------

Deno.test(
  "dot() matches the book's examples (§3.3.2)",
  named({ dot }, ({ dot }) => {
    const A = np.array([[1, 2], [3, 4]]), B = np.array([[5, 6], [7, 8]]);
    assert.deepEqual(dot(A, B).toArray(), [[19, 22], [43, 50]], "dot(A, B) of §3.3.2");
    const C = np.array([[1, 2, 3], [4, 5, 6]]), D = np.array([[1, 2], [3, 4], [5, 6]]);
    assert.deepEqual(dot(C, D).toArray(), [[22, 28], [49, 64]], "dot of a 2×3 and a 3×2 matrix");
    // The neural network of §3.3.3: X (1×2) · W (2×3).
    const X = np.array([[1, 2]]), W = np.array([[1, 3, 5], [2, 4, 6]]);
    assert.deepEqual(dot(X, W).toArray(), [[5, 11, 17]], "dot(X, W) of §3.3.3");
  }),
);

Deno.test(
  "dot() respects the identity and (AB)ᵀ = BᵀAᵀ",
  named({ dot }, ({ dot }) => {
    const A = np.rng(3).normal([3, 4]), B = np.rng(4).normal([4, 2]);
    assertAllClose(dot(A, np.eye(4)), A, { msg: "dot(A, I)" });
    assertAllClose(dot(np.eye(3), A), A, { msg: "dot(I, A)" });
    assertAllClose(dot(A, B).T, dot(B.T, A.T), { rtol: 1e-12, msg: "(AB)ᵀ against BᵀAᵀ" });
    assert.deepEqual(
      dot(np.zeros([2, 0]), np.zeros([0, 3])).toArray(),
      [[0, 0, 0], [0, 0, 0]],
      "dot of [2, 0] and [0, 3] (an empty shared axis sums to 0)",
    );
    const f32 = np.ones([2, 2], { dtype: "float32" });
    assert.equal(dot(f32, f32).dtype, "float32", "the dtype of dot(float32, float32)");
    assert.equal(dot(f32, np.ones([2, 2])).dtype, "float64", "the dtype of dot(float32, float64)");
  }),
);

Deno.test(
  "dot() equals np.dot on random matrices",
  named({ dot }, ({ dot }) => {
    dot(np.zeros([1, 1]), np.zeros([1, 1]));
    const sizes = fc.tuple(
      fc.integer({ min: 1, max: 9 }),
      fc.integer({ min: 1, max: 9 }),
      fc.integer({ min: 1, max: 9 }),
      seeds,
    );
    fc.assert(
      fc.property(sizes, ([m, k, n, seed]) => {
        const r = np.rng(seed);
        const a = r.normal([m, k]), b = r.normal([k, n]);
        assertAllClose(dot(a, b), np.dot(a, b), {
          rtol: 1e-12,
          atol: 1e-12,
          msg: `dot of [${m}, ${k}] and [${k}, ${n}]`,
        });
      }),
      { seed: 1, numRuns: 100 },
    );
  }),
);

Deno.test(
  "dot() names both shapes when the inner sizes differ",
  named({ dot }, ({ dot }) => {
    dot(np.zeros([1, 1]), np.zeros([1, 1]));
    // The book's mistake (§1.5.2 / §3.3.2): a 2×3 and a 2×2 matrix do not multiply.
    assert.throws(
      () => dot(np.zeros([2, 3]), np.zeros([2, 2])),
      errorWith(TypeError, "[2, 3]", "[2, 2]"),
      "dot of shapes [2, 3] and [2, 2] must throw a TypeError (3 columns, 2 rows)",
    );
    assert.throws(
      () => dot(np.zeros([1, 784]), np.zeros([50, 784])),
      errorWith(TypeError, "[1, 784]", "[50, 784]"),
      "dot of shapes [1, 784] and [50, 784] must throw a TypeError (784 columns, 50 rows)",
    );
  }),
);

Deno.test(
  "dot() refuses arrays that are not 2-D",
  named({ dot }, ({ dot }) => {
    dot(np.zeros([1, 1]), np.zeros([1, 1]));
    assert.throws(
      () => dot(np.zeros([3]), np.zeros([3, 2])),
      errorWith(TypeError, "[3]"),
      "dot of a 1-D [3] and a [3, 2] must throw a TypeError",
    );
    assert.throws(
      () => dot(np.zeros([2, 2]), np.zeros([2, 2, 2])),
      errorWith(TypeError, "[2, 2, 2]"),
      "dot of a [2, 2] and a 3-D [2, 2, 2] must throw a TypeError",
    );
  }),
);

// sum ---------------------------------------------------------------------------------------

Deno.test(
  "sum() totals along one axis",
  named({ sum }, ({ sum }) => {
    const x = np.array([[1, 2, 3], [4, 5, 6]]);
    assert.deepEqual(sum(x, { axis: 0 }).toArray(), [5, 7, 9], "axis 0");
    assert.deepEqual(sum(x, { axis: 1 }).toArray(), [6, 15], "axis 1");
    assert.deepEqual(sum(x, { axis: -1 }).toArray(), [6, 15], "axis -1");
    assert.deepEqual(
      sum(x, { axis: 1, keepdims: true }).toArray(),
      [[6], [15]],
      "axis 1, keepdims",
    );
    assert.deepEqual(
      sum(x, { axis: 0, keepdims: true }).toArray(),
      [[5, 7, 9]],
      "axis 0, keepdims",
    );
    assert.equal(sum(np.array([1, 2, 3]), { axis: 0 }).item(), 6, "[1, 2, 3] along axis 0");
    // A middle axis of a 2×3×2 array.
    const y = np.arange(12).reshape(2, 3, 2);
    assert.deepEqual(sum(y, { axis: 1 }).toArray(), [[6, 9], [24, 27]], "axis 1 of [2, 3, 2]");
  }),
);

Deno.test(
  "sum() keeps the total and the shape rule",
  named({ sum }, ({ sum }) => {
    const x = np.rng(5).normal([3, 4, 5]);
    const total = np.sum(x);
    for (const axis of [0, 1, 2, -1]) {
      const s = sum(x, { axis });
      assert.equal(s.ndim, 2, `ndim of the sum along axis ${axis} of a [3, 4, 5] array`);
      assert.ok(
        Math.abs(np.sum(s) - total) < 1e-9,
        `the sum along axis ${axis} should keep the total ${total}, got ${np.sum(s)}`,
      );
      assert.equal(sum(x, { axis, keepdims: true }).ndim, 3, `ndim with keepdims, axis ${axis}`);
    }
    assert.deepEqual(
      sum(np.zeros([2, 0]), { axis: 1 }).toArray(),
      [0, 0],
      "an empty axis sums to 0",
    );
    assert.equal(
      sum(np.ones([3], { dtype: "float32" }), { axis: 0 }).dtype,
      "float32",
      "the dtype of the sum of a float32 array",
    );
  }),
);

Deno.test(
  "sum() equals np.sum on random shapes and axes",
  named({ sum }, ({ sum }) => {
    sum(np.zeros([1]), { axis: 0 });
    const cases = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 })
      .chain((shape) =>
        fc.tuple(
          fc.constant(shape),
          fc.integer({ min: -shape.length, max: shape.length - 1 }),
          fc.boolean(),
          seeds,
        )
      );
    fc.assert(
      fc.property(cases, ([shape, axis, keepdims, seed]) => {
        const x = np.rng(seed).normal(shape);
        assertAllClose(sum(x, { axis, keepdims }), np.sum(x, { axis, keepdims }), {
          rtol: 1e-12,
          atol: 1e-12,
          msg: `shape [${shape}], axis ${axis}, keepdims ${keepdims}`,
        });
      }),
      { seed: 1, numRuns: 150 },
    );
  }),
);

Deno.test(
  "sum() rejects an axis out of range",
  named({ sum }, ({ sum }) => {
    const x = np.zeros([2, 3]);
    sum(x, { axis: 0 });
    assert.throws(
      () => sum(x, { axis: 2 }),
      errorWith(RangeError, "2"),
      "sum along axis 2 of a [2, 3] array must throw a RangeError",
    );
    assert.throws(
      () => sum(x, { axis: -3 }),
      errorWith(RangeError, "-3"),
      "sum along axis -3 of a [2, 3] array must throw a RangeError",
    );
  }),
);

// argmax ------------------------------------------------------------------------------------

Deno.test(
  "argmax() matches the book's batch of predictions (§3.6.3)",
  named({ argmax }, ({ argmax }) => {
    const y = np.array([[0.1, 0.8, 0.1], [0.3, 0.1, 0.6], [0.2, 0.5, 0.3], [0.8, 0.1, 0.1]]);
    assert.deepEqual(argmax(y, { axis: 1 }).toArray(), [1, 2, 1, 0], "axis 1");
    assert.deepEqual(argmax(y, { axis: -1 }).toArray(), [1, 2, 1, 0], "axis -1");
    assert.deepEqual(argmax(y, { axis: 0 }).toArray(), [3, 0, 1], "axis 0");
    assert.equal(argmax(np.array([3, 9, 4]), { axis: 0 }).item(), 1, "[3, 9, 4] along axis 0");
  }),
);

Deno.test(
  "argmax() picks the first index on ties and works along any axis",
  named({ argmax }, ({ argmax }) => {
    assert.deepEqual(
      argmax(np.array([[5, 5, 1], [0, 2, 2]]), { axis: 1 }).toArray(),
      [0, 1],
      "ties: the first index wins",
    );
    assert.deepEqual(argmax(np.array([-3, -1, -2]), { axis: 0 }).toArray(), 1, "negative values");
    const x = np.array([[[1, 9], [8, 2]], [[7, 3], [4, 6]]]);
    assert.deepEqual(argmax(x, { axis: 1 }).toArray(), [[1, 0], [0, 1]], "axis 1 of a 3-D array");
    assert.equal(
      argmax(np.ones([2], { dtype: "float32" }), { axis: 0 }).dtype,
      "float64",
      "the dtype of the indices",
    );
  }),
);

Deno.test(
  "argmax() equals np.argmax on random shapes and axes",
  named({ argmax }, ({ argmax }) => {
    argmax(np.zeros([1]), { axis: 0 });
    const cases = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 })
      .chain((shape) =>
        fc.tuple(
          fc.constant(shape),
          fc.integer({ min: -shape.length, max: shape.length - 1 }),
          seeds,
        )
      );
    fc.assert(
      fc.property(cases, ([shape, axis, seed]) => {
        // Rounded values make ties, where the first index must win.
        const x = np.rng(seed).integers(0, 4, { size: shape });
        assert.deepEqual(
          argmax(x, { axis }).toArray(),
          np.argmax(x, { axis }).toArray(),
          `argmax along axis ${axis} of x = ${x}`,
        );
      }),
      { seed: 1, numRuns: 150 },
    );
  }),
);

Deno.test(
  "argmax() rejects an axis out of range and an empty axis",
  named({ argmax }, ({ argmax }) => {
    argmax(np.zeros([4, 3]), { axis: 0 });
    assert.throws(
      () => argmax(np.zeros([4, 3]), { axis: 2 }),
      errorWith(RangeError, "2"),
      "argmax along axis 2 of a [4, 3] array must throw a RangeError",
    );
    assert.throws(
      () => argmax(np.zeros([4, 3]), { axis: -3 }),
      errorWith(RangeError, "-3"),
      "argmax along axis -3 of a [4, 3] array must throw a RangeError",
    );
    assert.throws(
      () => argmax(np.zeros([4, 0]), { axis: 1 }),
      RangeError,
      "an empty axis has no largest element: RangeError",
    );
  }),
);
