/**
 * The fast paths of `lib/np` against simple reference implementations (the generic code they
 * replaced, kept here as oracles), on random shapes, steps, widths and dtypes. Every path is
 * exact (copies, comparisons, max/argmax), so results must be bit-identical.
 *
 * @module
 */

import assert from "node:assert/strict";
import fc from "fast-check";
import * as np from "./mod.ts";
import { allocate, broadcastStrides, type DType, NDArray } from "./ndarray.ts";
import type { SliceSpec } from "./slicing.ts";

// ---- Oracles: the generic code of slicing.ts before the strided kernel. ----

interface AxisRange {
  start: number;
  step: number;
  count: number;
  keep: boolean;
}

/** Python's slice semantics written out (indices are resolved the same way as np's). */
function oracleRanges(x: NDArray, specs: readonly SliceSpec[]): AxisRange[] {
  return x.shape.map((n, axis) => {
    const spec = axis < specs.length ? specs[axis] : null;
    if (typeof spec === "number") {
      return { start: spec < 0 ? spec + n : spec, step: 1, count: 1, keep: false };
    }
    if (spec === null) return { start: 0, step: 1, count: n, keep: true };
    const [a, b, c] = spec.split(":");
    const num = (t: string | undefined) => (t === undefined || t === "" ? undefined : Number(t));
    const step = num(c) ?? 1;
    const clamp = (v: number | undefined, fallback: number, lo: number, hi: number) =>
      v === undefined ? fallback : Math.min(Math.max(v < 0 ? v + n : v, lo), hi);
    const start = step > 0 ? clamp(num(a), 0, 0, n) : clamp(num(a), n - 1, -1, n - 1);
    const stop = step > 0 ? clamp(num(b), n, 0, n) : clamp(num(b), -1, -1, n - 1);
    return { start, step, count: Math.max(0, Math.ceil((stop - start) / step)), keep: true };
  });
}

function forEachOffset(x: NDArray, rs: AxisRange[], visit: (offset: number) => void) {
  const strides = x.strides;
  const walk = (axis: number, offset: number): void => {
    if (axis === rs.length) return visit(offset);
    const r = rs[axis];
    for (let j = 0; j < r.count; j++) {
      walk(axis + 1, offset + (r.start + j * r.step) * strides[axis]);
    }
  };
  walk(0, 0);
}

function oracleSlice(x: NDArray, specs: readonly SliceSpec[]): NDArray {
  const rs = oracleRanges(x, specs);
  const shape = rs.filter((r) => r.keep).map((r) => r.count);
  const out = allocate(x.dtype, rs.reduce((p, r) => p * r.count, 1));
  let i = 0;
  forEachOffset(x, rs, (offset) => (out[i++] = x.data[offset]));
  return new NDArray(out, shape);
}

function oracleAssign(x: NDArray, specs: readonly SliceSpec[], value: NDArray): void {
  const rs = oracleRanges(x, specs);
  const shape = rs.filter((r) => r.keep).map((r) => r.count);
  const strides = broadcastStrides(value.shape, shape);
  const index = new Array<number>(shape.length).fill(0);
  forEachOffset(x, rs, (offset) => {
    let from = 0;
    for (let a = 0; a < shape.length; a++) from += index[a] * strides[a];
    x.data[offset] = value.data[from];
    for (let a = shape.length - 1; a >= 0; a--) {
      if (++index[a] < shape[a]) break;
      index[a] = 0;
    }
  });
}

/** Bit-identical: same dtype, shape and every element's bits (NaN and -0 included). */
function assertSame(actual: NDArray, expected: NDArray, what: string): void {
  assert.equal(actual.dtype, expected.dtype, `${what}: dtype`);
  assert.deepEqual(actual.shape, expected.shape, `${what}: shape`);
  for (let i = 0; i < expected.size; i++) {
    if (!Object.is(actual.data[i], expected.data[i])) {
      assert.fail(`${what}: element ${i} is ${actual.data[i]}, expected ${expected.data[i]}`);
    }
  }
}

// ---- Generators ----

const dtypeArb = fc.constantFrom<DType>("float32", "float64");
const shapeArb = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 5 });

function filled(shape: number[], dtype: DType, seed: number): NDArray {
  const x = np.rng(seed).normal(shape, { dtype });
  if (x.size > 2) {
    x.data[0] = -0;
    x.data[1] = NaN;
  }
  return x;
}

/** A random spec for an axis of length n: an index, a "start:stop:step" string or null. */
function specArb(n: number): fc.Arbitrary<SliceSpec> {
  const bound = fc.option(fc.integer({ min: -n - 2, max: n + 2 }), { nil: undefined });
  const step = fc.option(fc.integer({ min: -3, max: 3 }).filter((s) => s !== 0), {
    nil: undefined,
  });
  return fc.oneof(
    fc.integer({ min: -n, max: n - 1 }),
    fc.constant(null),
    fc.tuple(bound, bound, step).map(([a, b, c]) =>
      `${a ?? ""}:${b ?? ""}${c === undefined ? "" : `:${c}`}`
    ),
  );
}

const sliceCase = fc.tuple(shapeArb, dtypeArb, fc.integer({ min: 0, max: 1000 })).chain((
  [shape, dtype, seed],
) =>
  fc.tuple(
    fc.constant(shape),
    fc.constant(dtype),
    fc.constant(seed),
    fc.tuple(...shape.map(specArb)).chain((specs) =>
      fc.integer({ min: 0, max: specs.length }).map((k) => specs.slice(0, k))
    ),
  )
);

Deno.test("slice() equals the generic walk on random shapes, steps and dtypes", () => {
  fc.assert(
    fc.property(sliceCase, ([shape, dtype, seed, specs]) => {
      const x = filled(shape, dtype, seed);
      assertSame(x.slice(...specs), oracleSlice(x, specs), `slice ${JSON.stringify(specs)}`);
    }),
    { seed: 11, numRuns: 500 },
  );
});

Deno.test("slice() copies long contiguous runs and strided rows exactly (im2col's windows)", () => {
  for (const dtype of ["float32", "float64"] as const) {
    const img = filled([3, 2, 61, 67], dtype, 4);
    for (
      const specs of [[null, null, "1:60", "2:66"], [null, null, "0:61:2", "1:67:3"], [1], [
        null,
        1,
      ], [null, null, "::-1", "::-2"]] as SliceSpec[][]
    ) {
      assertSame(img.slice(...specs), oracleSlice(img, specs), JSON.stringify(specs));
    }
  }
});

Deno.test("assign() equals the generic walk on random slices, broadcast values and dtypes", () => {
  const cases = sliceCase.chain(([shape, dtype, seed, specs]) => {
    const target = oracleSlice(
      new NDArray(
        allocate(
          dtype,
          shape.reduce((p, n) => p * n),
        ),
        shape,
      ),
      specs,
    )
      .shape;
    // The value: the slice's shape, or one broadcasting to it (axes set to 1, leading dropped).
    const valueShape = fc.tuple(
      fc.array(fc.boolean(), { minLength: target.length, maxLength: target.length }),
      fc.integer({ min: 0, max: target.length }),
    ).map(([ones, drop]) => target.map((n, i) => (ones[i] ? 1 : n)).slice(drop));
    return fc.tuple(
      fc.constant(shape),
      fc.constant(dtype),
      fc.constant(seed),
      fc.constant(specs),
      valueShape,
      dtypeArb,
    );
  });
  fc.assert(
    fc.property(cases, ([shape, dtype, seed, specs, valueShape, valueDType]) => {
      const x = filled(shape, dtype, seed);
      const value = filled(valueShape, valueDType, seed + 1);
      const want = x.clone();
      oracleAssign(want, specs, value);
      x.assign(specs, value);
      assertSame(x, want, `assign ${JSON.stringify(specs)} ← ${JSON.stringify(valueShape)}`);
    }),
    { seed: 12, numRuns: 500 },
  );
});

Deno.test("assign() of a number fills the slice; of a view of x reads it first, as NumPy", () => {
  const x = np.arange(24).astype("float32").reshape(2, 3, 4);
  const want = x.clone();
  oracleAssign(want, [null, "1:3", "::3"], new NDArray(new Float64Array([2.5]), []));
  x.assign([null, "1:3", "::3"], 2.5);
  assertSame(x, want, "number");
  const z = np.arange(4);
  z.assign([null], z.reshape(4).slice("::-1")); // a copy, so no aliasing
  assert.deepEqual(z.toArray(), [3, 2, 1, 0]);
  // x[::-1] = x: the value shares x's memory; NumPy reads it whole before writing.
  const w = np.arange(4);
  w.assign(["::-1"], w.reshape(4));
  assert.deepEqual(w.toArray(), [3, 2, 1, 0]);
});
