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

// Property tests draw their cases from a fixed seed: a run repeats exactly.
fc.configureGlobal({ seed: 20261204 });

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

// ---- Element-wise with broadcasting: merged axes and the repeated-value rows. ----

const OPS = {
  add: (a: number, b: number) => a + b,
  sub: (a: number, b: number) => a - b,
  mul: (a: number, b: number) => a * b,
  div: (a: number, b: number) => a / b,
  maximum: Math.max,
  minimum: Math.min,
  equal: (a: number, b: number) => +(a === b),
  notEqual: (a: number, b: number) => +(a !== b),
  greater: (a: number, b: number) => +(a > b),
  greaterEqual: (a: number, b: number) => +(a >= b),
  less: (a: number, b: number) => +(a < b),
  lessEqual: (a: number, b: number) => +(a <= b),
} as const;

/** The definition: every output element from its multi-index, odometer style. */
function oracleBinary(f: (a: number, b: number) => number, x: NDArray, y: NDArray): NDArray {
  const shape: number[] = [];
  const nd = Math.max(x.ndim, y.ndim);
  for (let i = 0; i < nd; i++) {
    const m = x.shape[x.ndim - nd + i] ?? 1, n = y.shape[y.ndim - nd + i] ?? 1;
    shape.push(m === 1 ? n : m);
  }
  const dtype = x.dtype === "float32" && y.dtype === "float32" ? "float32" : "float64";
  const out = new NDArray(allocate(dtype, shape.reduce((p, n) => p * n, 1)), shape);
  const sx = broadcastStrides(x.shape, shape), sy = broadcastStrides(y.shape, shape);
  const index = new Array<number>(nd).fill(0);
  for (let i = 0; i < out.size; i++) {
    let ix = 0, iy = 0;
    for (let a = 0; a < nd; a++) {
      ix += index[a] * sx[a];
      iy += index[a] * sy[a];
    }
    out.data[i] = f(x.data[ix], y.data[iy]);
    for (let a = nd - 1; a >= 0; a--) {
      if (++index[a] < shape[a]) break;
      index[a] = 0;
    }
  }
  return out;
}

Deno.test("arithmetic and comparisons equal the definition on random broadcasts and dtypes", () => {
  // Two shapes that broadcast: each axis of the common shape is kept, set to 1, or dropped
  // (leading axes only) on either side; some values repeat so that comparisons see ties.
  const cases = fc.tuple(shapeArb, dtypeArb, dtypeArb, fc.integer({ min: 0, max: 1000 }))
    .chain(([shape, da, db, seed]) => {
      const side = fc.tuple(
        fc.array(fc.boolean(), { minLength: shape.length, maxLength: shape.length }),
        fc.integer({ min: 0, max: shape.length }),
      ).map(([ones, drop]) => shape.map((n, i) => (ones[i] ? 1 : n)).slice(drop));
      return fc.tuple(side, side, fc.constant(da), fc.constant(db), fc.constant(seed));
    });
  fc.assert(
    fc.property(
      cases,
      fc.constantFrom(...Object.keys(OPS) as (keyof typeof OPS)[]),
      ([sa, sb, da, db, seed], op) => {
        const x = filled(sa, da, seed), y = filled(sb, db, seed + 1);
        // Ties: round some values so that equal/less-equal see equal pairs.
        for (const a of [x, y]) {
          for (let i = 3; i < a.size; i += 3) a.data[i] = Math.round(a.data[i]);
        }
        assertSame(np[op](x, y), oracleBinary(OPS[op], x, y), `${op} ${sa} ${sb}`);
        assertSame(
          np[op](x, 0.5),
          oracleBinary(OPS[op], x, np.array(0.5).astype(da)),
          `${op} x, 0.5`,
        );
        assertSame(
          np[op](-0.5, y),
          oracleBinary(OPS[op], np.array(-0.5).astype(db), y),
          `${op} -0.5, y`,
        );
      },
    ),
    { seed: 13, numRuns: 400 },
  );
});

Deno.test("a trailing-row bias and a scalar give the definition's bits on long rows", () => {
  for (const dtype of ["float32", "float64"] as const) {
    const x = filled([7, 130, 30], dtype, 3), bias = filled([30], dtype, 4);
    for (const op of Object.keys(OPS) as (keyof typeof OPS)[]) {
      assertSame(np[op](x, bias), oracleBinary(OPS[op], x, bias), `${op} x, bias`);
    }
    const out = x.clone();
    np.add(out, bias, { out });
    assertSame(out, oracleBinary(OPS.add, x, bias), "x += bias in place");
    const col = filled([7, 130, 1], dtype, 5);
    assertSame(np.sub(x, col), oracleBinary(OPS.sub, x, col), "x - column");
    for (const op of Object.keys(OPS) as (keyof typeof OPS)[]) {
      assertSame(np[op](x, 0), oracleBinary(OPS[op], x, np.zeros([], { dtype })), `${op} x, 0`);
    }
  }
});

// ---- get() and set(): the fast path of one and two indices. ----

Deno.test("get() and set() agree with flat offsets for any index, and reject the same ones", () => {
  const cases = fc.tuple(
    fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }),
    fc.array(fc.oneof(fc.integer({ min: -7, max: 7 }), fc.constantFrom(0.5, NaN, 2 ** 32)), {
      minLength: 1,
      maxLength: 3,
    }),
  );
  fc.assert(
    fc.property(cases, ([shape, indices]) => {
      const x = np.arange(shape.reduce((p, n) => p * n, 1)).reshape(shape);
      // The checks as offsetOf() has always made them: the count, then each axis from the last.
      let expected: number | string | undefined;
      if (indices.length !== shape.length) expected = "RangeError";
      for (let a = shape.length - 1; a >= 0 && expected === undefined; a--) {
        const i = indices[a];
        if (!Number.isInteger(i)) expected = "TypeError";
        else if (i < -shape[a] || i >= shape[a]) expected = "RangeError";
      }
      expected ??= indices.reduce((o, i, a) => o * shape[a] + (i < 0 ? i + shape[a] : i), 0);
      if (typeof expected === "number") {
        assert.equal(x.get(...indices), expected);
        x.set(indices, -1);
        assert.equal(x.data[expected], -1);
      } else {
        assert.throws(() => x.get(...indices), (e: Error) => e.name === expected);
        assert.throws(() => x.set(indices, 0), (e: Error) => e.name === expected);
      }
    }),
    { seed: 14, numRuns: 500 },
  );
});

// ---- pad(): the copy without padding and the interior copy with it. ----

/** pad() as it was: fill with the constant, then assign x to the interior slice. */
function oraclePad(x: NDArray, pairs: readonly (readonly [number, number])[], value = 0): NDArray {
  const shape = x.shape.map((n, i) => n + pairs[i][0] + pairs[i][1]);
  const out = new NDArray(allocate(x.dtype, shape.reduce((p, n) => p * n, 1)), shape);
  out.data.fill(value);
  if (x.size > 0) {
    oracleAssign(out, x.shape.map((n, i) => `${pairs[i][0]}:${pairs[i][0] + n}`), x);
  }
  return out;
}

Deno.test("pad() equals fill-and-assign on random shapes, widths, constants and dtypes", () => {
  const cases = fc.tuple(
    fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 0, maxLength: 4 }),
    dtypeArb,
    fc.integer({ min: 0, max: 1000 }),
    fc.constantFrom(0, 0, -1.5, 7),
  ).chain(([shape, dtype, seed, value]) =>
    fc.tuple(
      fc.constant(shape),
      fc.constant(dtype),
      fc.constant(seed),
      fc.constant(value),
      fc.array(
        fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })),
        { minLength: shape.length, maxLength: shape.length },
      ),
      fc.boolean(),
    )
  );
  fc.assert(
    fc.property(cases, ([shape, dtype, seed, value, widths, noPadding]) => {
      const x = filled(shape, dtype, seed);
      const pairs = noPadding ? shape.map(() => [0, 0] as const) : widths;
      const padded = np.pad(x, pairs, { constantValue: value });
      assertSame(padded, oraclePad(x, pairs, value), `pad ${JSON.stringify(pairs)}`);
      assert.notEqual(padded.data, x.data, "pad returns a copy");
    }),
    { seed: 15, numRuns: 400 },
  );
});

// ---- where(): the branch-free bit-mask loops. ----

/** where() by its definition, element by element through broadcast strides. */
function oracleWhere(c: NDArray, x: NDArray, y: NDArray): NDArray {
  const cx = oracleBinary((a) => a, c, x);
  const shape = oracleBinary((a) => a, cx, y).shape;
  const dtype = x.dtype === "float32" && y.dtype === "float32" ? "float32" : "float64";
  const out = new NDArray(allocate(dtype, shape.reduce((p, n) => p * n, 1)), shape);
  const [sc, sx, sy] = [c, x, y].map((a) => broadcastStrides(a.shape, shape));
  const index = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < out.size; i++) {
    let ic = 0, ix = 0, iy = 0;
    for (let a = 0; a < shape.length; a++) {
      ic += index[a] * sc[a];
      ix += index[a] * sx[a];
      iy += index[a] * sy[a];
    }
    out.data[i] = c.data[ic] !== 0 ? x.data[ix] : y.data[iy];
    for (let a = shape.length - 1; a >= 0; a--) {
      if (++index[a] < shape[a]) break;
      index[a] = 0;
    }
  }
  return out;
}

Deno.test("where() equals the definition for flat, scalar and broadcast operands", () => {
  const cases = fc.tuple(
    shapeArb,
    dtypeArb,
    dtypeArb,
    fc.integer({ min: 0, max: 1000 }),
    fc.constantFrom("full", "scalar", "row"),
    fc.constantFrom("full", "scalar", "row"),
    fc.constantFrom("full", "scalar", "row"),
  );
  fc.assert(
    fc.property(cases, ([shape, dx, dy, seed, kc, kx, ky]) => {
      const of = (kind: string) =>
        kind === "full" ? shape : kind === "scalar" ? [] : shape.slice(-1);
      // A condition of 0, 1, -0, NaN and other values; x and y with NaN and -0.
      const c = filled(of(kc), "float32", seed);
      for (let i = 0; i < c.size; i++) if (i % 4 === 0) c.data[i] = 0;
      const x = filled(of(kx), dx, seed + 1), y = filled(of(ky), dy, seed + 2);
      assertSame(np.where(c, x, y), oracleWhere(c, x, y), `where ${kc} ${kx} ${ky}`);
      assertSame(
        np.where(c, 0, y),
        oracleWhere(c, np.zeros([], { dtype: dy }), y),
        "where c, 0, y",
      );
      assertSame(np.where(c, x, -0), oracleWhere(c, x, np.array(-0).astype(dx)), "where c, x, -0");
    }),
    { seed: 16, numRuns: 400 },
  );
});

Deno.test("where() copies the bits of long runs exactly, NaN payloads included", () => {
  for (const dtype of ["float32", "float64"] as const) {
    const x = filled([5000], dtype, 8), y = filled([5000], dtype, 9);
    const c = np.lessEqual(x, 0);
    // A NaN with a payload: where() moves bits, so they arrive unchanged.
    const bits = dtype === "float32"
      ? new Int32Array(x.data.buffer, x.data.byteOffset, x.size)
      : new Int32Array(x.data.buffer, x.data.byteOffset, 2 * x.size);
    bits[dtype === "float32" ? 7 : 15] = 0x7fc00123;
    c.data[7] = 1;
    const out = np.where(c, x, y);
    assertSame(out, oracleWhere(c, x, y), `where ${dtype}`);
    const outBits = new Int32Array(out.data.buffer, 0, bits.length);
    assert.equal(outBits[dtype === "float32" ? 7 : 15], 0x7fc00123, "the payload");
  }
});

// ---- transpose(): tiled 2-D transposes across tile edges. ----

/** The definition, one element at a time. */
function oracleTranspose(x: NDArray, perm: readonly number[]): NDArray {
  const shape = perm.map((a) => x.shape[a]);
  const strides = x.strides;
  const out = new NDArray(allocate(x.dtype, x.size), shape);
  const index = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < out.size; i++) {
    let from = 0;
    for (let j = 0; j < shape.length; j++) from += index[j] * strides[perm[j]];
    out.data[i] = x.data[from];
    for (let j = shape.length - 1; j >= 0; j--) {
      if (++index[j] < shape[j]) break;
      index[j] = 0;
    }
  }
  return out;
}

Deno.test("transpose() equals the definition on shapes across 64-wide tiles, both dtypes", () => {
  const cases = fc.tuple(
    fc.array(fc.integer({ min: 1, max: 140 }), { minLength: 2, maxLength: 4 })
      .filter((s) => s.reduce((p, n) => p * n, 1) <= 60_000),
    dtypeArb,
    fc.integer({ min: 0, max: 1000 }),
  ).chain(([shape, dtype, seed]) =>
    fc.tuple(
      fc.constant(shape),
      fc.constant(dtype),
      fc.constant(seed),
      fc.shuffledSubarray([...shape.keys()], { minLength: shape.length }),
    )
  );
  fc.assert(
    fc.property(cases, ([shape, dtype, seed, perm]) => {
      const x = filled(shape, dtype, seed);
      assertSame(x.transpose(...perm), oracleTranspose(x, perm), `${shape} (${perm})`);
    }),
    { seed: 17, numRuns: 150 },
  );
  // The CNN layers' permutations, with sides that are not multiples of 4 or 64.
  for (const dtype of ["float32", "float64"] as const) {
    const col = filled([3, 2, 5, 5, 13, 14], dtype, 1);
    assertSame(col.transpose(0, 4, 5, 1, 2, 3), oracleTranspose(col, [0, 4, 5, 1, 2, 3]), "im2col");
    const back = filled([3, 13, 14, 2, 5, 5], dtype, 2);
    assertSame(
      back.transpose(0, 3, 4, 5, 1, 2),
      oracleTranspose(back, [0, 3, 4, 5, 1, 2]),
      "col2im",
    );
    const m = filled([131, 67], dtype, 3);
    assertSame(m.T, oracleTranspose(m, [1, 0]), "T");
  }
});
