import assert from "node:assert/strict";
import fc from "fast-check";
import * as np from "./mod.ts";

// Property tests draw their cases from a fixed seed: a run repeats exactly.
fc.configureGlobal({ seed: 20261204 });

Deno.test("NDArray reports shape, size, ndim, dtype and strides", () => {
  const x = np.arange(24).reshape(2, 3, 4);
  assert.deepEqual(x.shape, [2, 3, 4]);
  assert.equal(x.size, 24);
  assert.equal(x.ndim, 3);
  assert.equal(x.dtype, "float64");
  assert.deepEqual(x.strides, [12, 4, 1]);
  assert.ok(Object.isFrozen(x.shape));
  const s = np.array(5);
  assert.deepEqual([s.shape, s.size, s.ndim], [[], 1, 0]);
  assert.equal(np.zeros([2], { dtype: "float32" }).data.constructor, Float32Array);
});

Deno.test("NDArray.get() and set() read and write with negative indices", () => {
  const x = np.arange(6).reshape(2, 3);
  assert.equal(x.get(1, 2), 5);
  assert.equal(x.get(-1, -1), 5);
  assert.equal(x.get(0, -3), 0);
  x.set([1, 0], 42);
  assert.equal(x.data[3], 42);
  x.set([-2, -1], 7);
  assert.deepEqual(x.toArray(), [[0, 1, 7], [42, 4, 5]]);
  assert.equal(np.array(3.5).get(), 3.5);
});

Deno.test("NDArray.reshape() shares the data and infers -1", () => {
  const x = np.arange(6);
  const y = x.reshape(3, -1);
  assert.deepEqual(y.shape, [3, 2]);
  assert.deepEqual(x.reshape([2, 3]).toArray(), [[0, 1, 2], [3, 4, 5]]);
  y.set([0, 0], 99);
  assert.equal(x.get(0), 99, "a reshape is a view of the same data");
  assert.deepEqual(np.zeros([2, 3, 4]).reshape(-1, 4).shape, [6, 4]);
  assert.deepEqual(np.array(1).reshape(1, 1).shape, [1, 1]);
  assert.deepEqual(np.zeros([0, 3]).reshape(-1).shape, [0]);
});

Deno.test("NDArray.transpose() permutes axes into a new array", () => {
  const x = np.arange(6).reshape(2, 3);
  assert.deepEqual(x.T.toArray(), [[0, 3], [1, 4], [2, 5]]);
  const y = np.arange(24).reshape(2, 3, 4);
  const t = y.transpose(1, 2, 0);
  assert.deepEqual(t.shape, [3, 4, 2]);
  assert.equal(t.get(2, 1, 1), y.get(1, 2, 1));
  assert.deepEqual(y.transpose(-1, 0, 1).shape, [4, 2, 3]);
  assert.deepEqual(y.T.shape, [4, 3, 2]);
  // A blocked 2-D transpose larger than one tile.
  const big = np.arange(70 * 45).reshape(70, 45);
  const bt = big.T;
  assert.equal(bt.get(44, 69), big.get(69, 44));
  assert.equal(bt.get(33, 40), big.get(40, 33));
});

Deno.test("NDArray.transpose() twice is the identity on random shapes", () => {
  const cases = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 }).chain((
    shape,
  ) =>
    fc.tuple(
      fc.constant(shape),
      fc.shuffledSubarray([...shape.keys()], { minLength: shape.length }),
    )
  );
  fc.assert(
    fc.property(cases, ([shape, perm]) => {
      const x = np.rng(shape.length).normal(shape);
      // The inverse permutation undoes perm; reversing twice undoes itself.
      const inverse = perm.map((_, i) => perm.indexOf(i));
      assert.deepEqual(x.transpose(...perm).transpose(...inverse).toArray(), x.toArray());
      assert.deepEqual(x.T.T.toArray(), x.toArray());
      assert.deepEqual(x.transpose(...perm).shape, perm.map((a) => shape[a]));
    }),
    { seed: 1, numRuns: 100 },
  );
});

Deno.test("NDArray.reshape() round-trips on random shapes", () => {
  const shapes = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 });
  fc.assert(
    fc.property(shapes, fc.integer({ min: 0, max: 3 }), (shape, unknown) => {
      const size = shape.reduce((p, n) => p * n, 1);
      const x = np.arange(size);
      const wanted = shape.map((n, i) => (i === unknown ? -1 : n));
      const y = x.reshape(wanted);
      assert.deepEqual(y.shape, shape);
      assert.deepEqual(y.reshape(-1).toArray(), x.toArray());
      assert.deepEqual(y.flatten().toArray(), x.toArray());
    }),
    { seed: 1, numRuns: 100 },
  );
});

Deno.test("NDArray.flatten(), clone() and astype() copy", () => {
  const x = np.array([[1, 2], [3, 4]]);
  const f = x.flatten(), c = x.clone(), a = x.astype("float32");
  x.set([0, 0], 9);
  assert.deepEqual(f.toArray(), [1, 2, 3, 4]);
  assert.deepEqual(c.toArray(), [[1, 2], [3, 4]]);
  assert.deepEqual(a.toArray(), [[1, 2], [3, 4]]);
  assert.equal(a.dtype, "float32");
  assert.notEqual(x.astype("float64").data, x.data, "astype copies even to the same dtype");
  // float32 rounds.
  assert.equal(np.array([0.1]).astype("float32").get(0), Math.fround(0.1));
});

Deno.test("NDArray.item() and toArray() give plain numbers", () => {
  assert.equal(np.array([[7]]).item(), 7);
  assert.equal(np.array(2).toArray(), 2);
  assert.deepEqual(np.zeros([2, 0]).toArray(), [[], []]);
  assert.deepEqual(np.arange(8).reshape(2, 2, 2).toArray(), [[[0, 1], [2, 3]], [[4, 5], [6, 7]]]);
});

Deno.test("NDArray prints like NumPy in console.log", () => {
  const x = np.array([[1, 2], [3, 4]]);
  assert.equal(Deno.inspect(x), "array([[1., 2.],\n       [3., 4.]])");
  assert.equal(`${np.array([0.5])}`, "array([0.5])");
});
