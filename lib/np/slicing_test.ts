import assert from "node:assert/strict";
import fc from "fast-check";
import * as np from "./mod.ts";

// Property tests draw their cases from a fixed seed: a run repeats exactly.
fc.configureGlobal({ seed: 20261204 });

const x = np.arange(12).reshape(3, 4);

Deno.test("slice() takes indices, ranges, steps and null like NumPy", () => {
  assert.deepEqual(x.slice(0).toArray(), [0, 1, 2, 3]);
  assert.deepEqual(x.slice(null, 1).toArray(), [1, 5, 9]);
  assert.deepEqual(x.slice("1:", "::2").toArray(), [[4, 6], [8, 10]]);
  assert.deepEqual(x.slice(-1, "-2:").toArray(), [10, 11]);
  assert.deepEqual(x.slice("::-1", 0).toArray(), [8, 4, 0]);
  assert.deepEqual(x.slice(":", "3:0:-1").toArray(), [[3, 2, 1], [7, 6, 5], [11, 10, 9]]);
  assert.deepEqual(x.slice("5:").shape, [0, 4]);
  assert.deepEqual(x.slice("-10:10").shape, [3, 4], "bounds are clamped");
  assert.equal(x.slice(2, 3).item(), 11);
  assert.deepEqual(x.slice().toArray(), x.toArray());
});

Deno.test("slice() copies, assign() writes through and broadcasts", () => {
  const y = x.clone();
  const row = y.slice(0);
  row.set([0], 100);
  assert.equal(y.get(0, 0), 0, "a slice is a copy");
  y.assign([null, 0], 5);
  assert.deepEqual(y.slice(null, 0).toArray(), [5, 5, 5]);
  y.assign(["1:", "2:"], np.array([[-1, -2], [-3, -4]]));
  assert.deepEqual(y.toArray(), [[5, 1, 2, 3], [5, 5, -1, -2], [5, 9, -3, -4]]);
  y.assign(["::2"], np.array([7, 8, 9, 10]));
  assert.deepEqual(y.slice(2).toArray(), [7, 8, 9, 10]);
});

Deno.test("slice() agrees with index arithmetic on random ranges", () => {
  const part = fc.tuple(
    fc.option(fc.integer({ min: -6, max: 6 })),
    fc.option(fc.integer({ min: -6, max: 6 })),
    fc.option(fc.integer({ min: -3, max: 3 }).filter((s) => s !== 0)),
  );
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 5 }), part, (n, [start, stop, step]) => {
      const v = np.arange(n);
      const spec = `${start ?? ""}:${stop ?? ""}:${step ?? ""}`;
      // Python's slice semantics, written out.
      const s = step ?? 1;
      const norm = (i: number | null, fallback: number, lo: number, hi: number) =>
        i === null ? fallback : Math.min(Math.max(i < 0 ? i + n : i, lo), hi);
      const from = s > 0 ? norm(start, 0, 0, n) : norm(start, n - 1, -1, n - 1);
      const to = s > 0 ? norm(stop, n, 0, n) : norm(stop, -1, -1, n - 1);
      const want: number[] = [];
      for (let i = from; s > 0 ? i < to : i > to; i += s) want.push(i);
      assert.deepEqual(v.slice(spec).toArray(), want, spec);
    }),
    { seed: 1, numRuns: 300 },
  );
});
