import assert from "node:assert/strict";
import fc from "fast-check";
import * as np from "../../lib/np/mod.ts";
import { assertAllClose, say } from "../../lib/testing/mod.ts";
import { assertProperty } from "../../lib/testing/property.ts";
import { MISTAKES } from "../../lib/mistakes/ch01.ts";
import { mistakeNamer } from "../../lib/testing/mistakes.ts";
import { add, argmax, dot, sum } from "./basics.ts";

const named = mistakeNamer("01", MISTAKES);

/** A TypeError or RangeError whose message contains every fragment. */
function errorWith(kind: typeof TypeError | typeof RangeError, ...fragments: string[]) {
  return (e: Error) => {
    assert.ok(
      e instanceof kind,
      say(
        `expected a ${kind.name}, got ${e.name}: ${e.message}`,
        `${kind.name} が投げられるはずが、${e.name} でした: ${e.message}`,
      ),
    );
    for (const f of fragments) {
      assert.ok(
        e.message.includes(f),
        say(
          `the message should mention ${f}: ${e.message}`,
          `メッセージに ${f} が含まれていません: ${e.message}`,
        ),
      );
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
    assert.deepEqual(
      add(x, y).toArray(),
      [3, 6, 9],
      say("add([1, 2, 3], [2, 4, 6])", "add([1, 2, 3], [2, 4, 6]) の結果"),
    );
    const A = np.array([[1, 2], [3, 4]]);
    assert.deepEqual(
      add(A, np.array(10)).toArray(),
      [[11, 12], [13, 14]],
      say("add(A, 10)", "add(A, 10) の結果"),
    );
    assert.deepEqual(
      A.toArray(),
      [[1, 2], [3, 4]],
      say("A after add(A, 10): it must not change", "add(A, 10) の後の A: 変わってはいけません"),
    );
    assert.deepEqual(
      add(A, np.array([10, 20])).toArray(),
      [[11, 22], [13, 24]],
      say("add(A, [10, 20])", "add(A, [10, 20]) の結果"),
    );
    assert.deepEqual(
      add(np.array([[10], [20]]), A).toArray(),
      [[11, 12], [23, 24]],
      say("add([[10], [20]], A)", "add([[10], [20]], A) の結果"),
    );
  }),
);

Deno.test(
  "add() broadcasts on both sides",
  named({ add }, ({ add }) => {
    const column = np.array([[0], [10], [20]]), row = np.array([1, 2, 3, 4]);
    const out = add(column, row);
    assert.deepEqual(
      out.shape,
      [3, 4],
      say("the shape of add(column [3, 1], row [4])", "add(列 [3, 1], 行 [4]) の形状"),
    );
    assert.deepEqual(
      out.toArray(),
      [[1, 2, 3, 4], [11, 12, 13, 14], [21, 22, 23, 24]],
      say("add(column [3, 1], row [4])", "add(列 [3, 1], 行 [4]) の結果"),
    );
    assert.deepEqual(
      add(np.zeros([2, 0]), np.ones([1])).shape,
      [2, 0],
      say("the shape of [2, 0] + [1]", "[2, 0] + [1] の形状"),
    );
    assert.equal(
      add(np.array(1), np.array(2)).item(),
      3,
      say("add of two 0-d arrays, 1 + 2", "0 次元配列どうしの add、1 + 2"),
    );
  }),
);

Deno.test(
  "add() keeps float32 only when both inputs are float32, and leaves them unchanged",
  named({ add }, ({ add }) => {
    const a = np.array([1, 2], { dtype: "float32" }), b = np.array([3, 4], { dtype: "float32" });
    assert.equal(
      add(a, b).dtype,
      "float32",
      say("the dtype of float32 + float32", "float32 + float32 の dtype"),
    );
    assert.equal(
      add(a, np.array([3, 4])).dtype,
      "float64",
      say("the dtype of float32 + float64", "float32 + float64 の dtype"),
    );
    assert.deepEqual(
      a.toArray(),
      [1, 2],
      say(
        "a after add(a, b): the inputs must not change",
        "add(a, b) の後の a: 入力は変わってはいけません",
      ),
    );
    assert.deepEqual(
      b.toArray(),
      [3, 4],
      say(
        "b after add(a, b): the inputs must not change",
        "add(a, b) の後の b: 入力は変わってはいけません",
      ),
    );
  }),
);

Deno.test(
  "add() equals np.add on random broadcastable shapes",
  named({ add }, ({ add }) => {
    add(np.zeros([1]), np.zeros([1]));
    const pairs = shapes.chain((t) => fc.tuple(derivedFrom(t), derivedFrom(t), seeds));
    assertProperty(
      fc.property(pairs, ([shapeA, shapeB, seed]) => {
        const r = np.rng(seed);
        const a = r.uniform(shapeA, { low: -5, high: 5 }),
          b = r.uniform(shapeB, { low: -5, high: 5 });
        assertAllClose(add(a, b), np.add(a, b), {
          msg: say(`shapes [${shapeA}] and [${shapeB}]`, `形状 [${shapeA}] と [${shapeB}]`),
        });
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
      say(
        "add of shapes [2, 3] and [4] must throw a TypeError",
        "形状 [2, 3] と [4] の add は TypeError を投げるはずです",
      ),
    );
    assert.throws(
      () => add(np.zeros([3, 2]), np.zeros([2, 3])),
      errorWith(TypeError, "[3, 2]", "[2, 3]"),
      say(
        "add of shapes [3, 2] and [2, 3] must throw a TypeError",
        "形状 [3, 2] と [2, 3] の add は TypeError を投げるはずです",
      ),
    );
  }),
);

// dot ---------------------------------------------------------------------------------------

Deno.test(
  "dot() matches the book's examples (§3.3.2)",
  named({ dot }, ({ dot }) => {
    const A = np.array([[1, 2], [3, 4]]), B = np.array([[5, 6], [7, 8]]);
    assert.deepEqual(
      dot(A, B).toArray(),
      [[19, 22], [43, 50]],
      say("dot(A, B) of §3.3.2", "§3.3.2 の dot(A, B)"),
    );
    const C = np.array([[1, 2, 3], [4, 5, 6]]), D = np.array([[1, 2], [3, 4], [5, 6]]);
    assert.deepEqual(
      dot(C, D).toArray(),
      [[22, 28], [49, 64]],
      say("dot of a 2×3 and a 3×2 matrix", "2×3 行列と 3×2 行列の dot"),
    );
    // The neural network of §3.3.3: X (1×2) · W (2×3).
    const X = np.array([[1, 2]]), W = np.array([[1, 3, 5], [2, 4, 6]]);
    assert.deepEqual(
      dot(X, W).toArray(),
      [[5, 11, 17]],
      say("dot(X, W) of §3.3.3", "§3.3.3 の dot(X, W)"),
    );
  }),
);

Deno.test(
  "dot() respects the identity and (AB)ᵀ = BᵀAᵀ",
  named({ dot }, ({ dot }) => {
    const A = np.rng(3).normal([3, 4]), B = np.rng(4).normal([4, 2]);
    assertAllClose(dot(A, np.eye(4)), A, { msg: say("dot(A, I)", "dot(A, I) の結果") });
    assertAllClose(dot(np.eye(3), A), A, { msg: say("dot(I, A)", "dot(I, A) の結果") });
    assertAllClose(dot(A, B).T, dot(B.T, A.T), {
      rtol: 1e-12,
      msg: say("(AB)ᵀ against BᵀAᵀ", "(AB)ᵀ と BᵀAᵀ の比較"),
    });
    assert.deepEqual(
      dot(np.zeros([2, 0]), np.zeros([0, 3])).toArray(),
      [[0, 0, 0], [0, 0, 0]],
      say(
        "dot of [2, 0] and [0, 3] (an empty shared axis sums to 0)",
        "[2, 0] と [0, 3] の dot（共通の軸が空なら和は 0）",
      ),
    );
    const f32 = np.ones([2, 2], { dtype: "float32" });
    assert.equal(
      dot(f32, f32).dtype,
      "float32",
      say("the dtype of dot(float32, float32)", "dot(float32, float32) の dtype"),
    );
    assert.equal(
      dot(f32, np.ones([2, 2])).dtype,
      "float64",
      say("the dtype of dot(float32, float64)", "dot(float32, float64) の dtype"),
    );
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
    assertProperty(
      fc.property(sizes, ([m, k, n, seed]) => {
        const r = np.rng(seed);
        const a = r.normal([m, k]), b = r.normal([k, n]);
        assertAllClose(dot(a, b), np.dot(a, b), {
          rtol: 1e-12,
          atol: 1e-12,
          msg: say(`dot of [${m}, ${k}] and [${k}, ${n}]`, `[${m}, ${k}] と [${k}, ${n}] の dot`),
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
      say(
        "dot of shapes [2, 3] and [2, 2] must throw a TypeError (3 columns, 2 rows)",
        "形状 [2, 3] と [2, 2] の dot は TypeError を投げるはずです（3 列と 2 行）",
      ),
    );
    assert.throws(
      () => dot(np.zeros([1, 784]), np.zeros([50, 784])),
      errorWith(TypeError, "[1, 784]", "[50, 784]"),
      say(
        "dot of shapes [1, 784] and [50, 784] must throw a TypeError (784 columns, 50 rows)",
        "形状 [1, 784] と [50, 784] の dot は TypeError を投げるはずです（784 列と 50 行）",
      ),
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
      say(
        "dot of a 1-D [3] and a [3, 2] must throw a TypeError",
        "1 次元の [3] と [3, 2] の dot は TypeError を投げるはずです",
      ),
    );
    assert.throws(
      () => dot(np.zeros([2, 2]), np.zeros([2, 2, 2])),
      errorWith(TypeError, "[2, 2, 2]"),
      say(
        "dot of a [2, 2] and a 3-D [2, 2, 2] must throw a TypeError",
        "[2, 2] と 3 次元の [2, 2, 2] の dot は TypeError を投げるはずです",
      ),
    );
  }),
);

// sum ---------------------------------------------------------------------------------------

Deno.test(
  "sum() totals along one axis",
  named({ sum }, ({ sum }) => {
    const x = np.array([[1, 2, 3], [4, 5, 6]]);
    assert.deepEqual(sum(x, { axis: 0 }).toArray(), [5, 7, 9], say("axis 0", "axis 0 に沿った和"));
    assert.deepEqual(sum(x, { axis: 1 }).toArray(), [6, 15], say("axis 1", "axis 1 に沿った和"));
    assert.deepEqual(sum(x, { axis: -1 }).toArray(), [6, 15], say("axis -1", "axis -1 に沿った和"));
    assert.deepEqual(
      sum(x, { axis: 1, keepdims: true }).toArray(),
      [[6], [15]],
      say("axis 1, keepdims", "axis 1 に沿った和（keepdims）"),
    );
    assert.deepEqual(
      sum(x, { axis: 0, keepdims: true }).toArray(),
      [[5, 7, 9]],
      say("axis 0, keepdims", "axis 0 に沿った和（keepdims）"),
    );
    assert.equal(
      sum(np.array([1, 2, 3]), { axis: 0 }).item(),
      6,
      say("[1, 2, 3] along axis 0", "[1, 2, 3] の axis 0 に沿った和"),
    );
    // A middle axis of a 2×3×2 array.
    const y = np.arange(12).reshape(2, 3, 2);
    assert.deepEqual(
      sum(y, { axis: 1 }).toArray(),
      [[6, 9], [24, 27]],
      say("axis 1 of [2, 3, 2]", "[2, 3, 2] の axis 1 に沿った和"),
    );
  }),
);

Deno.test(
  "sum() keeps the total and the shape rule",
  named({ sum }, ({ sum }) => {
    const x = np.rng(5).normal([3, 4, 5]);
    const total = np.sum(x);
    for (const axis of [0, 1, 2, -1]) {
      const s = sum(x, { axis });
      assert.equal(
        s.ndim,
        2,
        say(
          `ndim of the sum along axis ${axis} of a [3, 4, 5] array`,
          `[3, 4, 5] の配列の axis ${axis} に沿った和の ndim`,
        ),
      );
      assert.ok(
        Math.abs(np.sum(s) - total) < 1e-9,
        say(
          `the sum along axis ${axis} should keep the total ${total}, got ${np.sum(s)}`,
          `axis ${axis} に沿った和の総和は ${total} のままのはずが、${np.sum(s)} でした`,
        ),
      );
      assert.equal(
        sum(x, { axis, keepdims: true }).ndim,
        3,
        say(`ndim with keepdims, axis ${axis}`, `keepdims ありの ndim、axis ${axis}`),
      );
    }
    assert.deepEqual(
      sum(np.zeros([2, 0]), { axis: 1 }).toArray(),
      [0, 0],
      say("an empty axis sums to 0", "空の軸の和は 0"),
    );
    assert.equal(
      sum(np.ones([3], { dtype: "float32" }), { axis: 0 }).dtype,
      "float32",
      say("the dtype of the sum of a float32 array", "float32 の配列の和の dtype"),
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
    assertProperty(
      fc.property(cases, ([shape, axis, keepdims, seed]) => {
        const x = np.rng(seed).normal(shape);
        assertAllClose(sum(x, { axis, keepdims }), np.sum(x, { axis, keepdims }), {
          rtol: 1e-12,
          atol: 1e-12,
          msg: say(
            `shape [${shape}], axis ${axis}, keepdims ${keepdims}`,
            `形状 [${shape}]、axis ${axis}、keepdims ${keepdims}`,
          ),
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
      say(
        "sum along axis 2 of a [2, 3] array must throw a RangeError",
        "[2, 3] の配列の axis 2 に沿った sum は RangeError を投げるはずです",
      ),
    );
    assert.throws(
      () => sum(x, { axis: -3 }),
      errorWith(RangeError, "-3"),
      say(
        "sum along axis -3 of a [2, 3] array must throw a RangeError",
        "[2, 3] の配列の axis -3 に沿った sum は RangeError を投げるはずです",
      ),
    );
  }),
);

// argmax ------------------------------------------------------------------------------------

Deno.test(
  "argmax() matches the book's batch of predictions (§3.6.3)",
  named({ argmax }, ({ argmax }) => {
    const y = np.array([[0.1, 0.8, 0.1], [0.3, 0.1, 0.6], [0.2, 0.5, 0.3], [0.8, 0.1, 0.1]]);
    assert.deepEqual(
      argmax(y, { axis: 1 }).toArray(),
      [1, 2, 1, 0],
      say("axis 1", "axis 1 に沿った argmax"),
    );
    assert.deepEqual(
      argmax(y, { axis: -1 }).toArray(),
      [1, 2, 1, 0],
      say("axis -1", "axis -1 に沿った argmax"),
    );
    assert.deepEqual(
      argmax(y, { axis: 0 }).toArray(),
      [3, 0, 1],
      say("axis 0", "axis 0 に沿った argmax"),
    );
    assert.equal(
      argmax(np.array([3, 9, 4]), { axis: 0 }).item(),
      1,
      say("[3, 9, 4] along axis 0", "[3, 9, 4] の axis 0 に沿った argmax"),
    );
  }),
);

Deno.test(
  "argmax() picks the first index on ties and works along any axis",
  named({ argmax }, ({ argmax }) => {
    assert.deepEqual(
      argmax(np.array([[5, 5, 1], [0, 2, 2]]), { axis: 1 }).toArray(),
      [0, 1],
      say("ties: the first index wins", "同じ値が並ぶときは最初のインデックス"),
    );
    assert.deepEqual(
      argmax(np.array([-3, -1, -2]), { axis: 0 }).toArray(),
      1,
      say("negative values", "負の値"),
    );
    const x = np.array([[[1, 9], [8, 2]], [[7, 3], [4, 6]]]);
    assert.deepEqual(
      argmax(x, { axis: 1 }).toArray(),
      [[1, 0], [0, 1]],
      say("axis 1 of a 3-D array", "3 次元配列の axis 1 に沿った argmax"),
    );
    assert.equal(
      argmax(np.ones([2], { dtype: "float32" }), { axis: 0 }).dtype,
      "float64",
      say("the dtype of the indices", "インデックスの dtype"),
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
    assertProperty(
      fc.property(cases, ([shape, axis, seed]) => {
        // Rounded values make ties, where the first index must win.
        const x = np.rng(seed).integers(0, 4, { size: shape });
        assert.deepEqual(
          argmax(x, { axis }).toArray(),
          np.argmax(x, { axis }).toArray(),
          say(`argmax along axis ${axis} of x = ${x}`, `x = ${x} の axis ${axis} に沿った argmax`),
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
      say(
        "argmax along axis 2 of a [4, 3] array must throw a RangeError",
        "[4, 3] の配列の axis 2 に沿った argmax は RangeError を投げるはずです",
      ),
    );
    assert.throws(
      () => argmax(np.zeros([4, 3]), { axis: -3 }),
      errorWith(RangeError, "-3"),
      say(
        "argmax along axis -3 of a [4, 3] array must throw a RangeError",
        "[4, 3] の配列の axis -3 に沿った argmax は RangeError を投げるはずです",
      ),
    );
    assert.throws(
      () => argmax(np.zeros([4, 0]), { axis: 1 }),
      RangeError,
      say(
        "an empty axis has no largest element: RangeError",
        "空の軸には最大の要素がありません: RangeError になるはずです",
      ),
    );
  }),
);
