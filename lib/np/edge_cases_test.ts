/**
 * The edge cases of issue 11 (item 6), each against NumPy's behaviour (NumPy 2.4.6's results are
 * written beside the golden cases) or the workbook's documented difference: constant fills that
 * are NaN or -0, NaN clip bounds, fills and elements that are not numbers (strings, BigInts,
 * Symbols, holes of sparse arrays), sizes that cannot be allocated, indices that are not
 * integers, and matmul's messages about 1-D operands. Seeded property tests where inputs vary.
 *
 * @module
 */

import assert from "node:assert/strict";
import fc from "fast-check";
import { describe } from "./describe.ts";
import * as np from "./mod.ts";
import { allocate, type DType, NDArray, showShape, stridesOf } from "./ndarray.ts";

// Property tests draw their cases from a fixed seed: a run repeats exactly.
fc.configureGlobal({ seed: 20261204 });

// ---- Helpers ----

/** Bit-identical elements (NaN and -0 included), with the first difference named. */
function assertBits(actual: NDArray, expected: ArrayLike<number>, what: string): void {
  assert.equal(actual.size, expected.length, `${what}: size`);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual.data[i], expected[i])) {
      assert.fail(
        `${what}: element ${i} is ${describe(actual.data[i])}, expected ${describe(expected[i])}`,
      );
    }
  }
}

/** Asserts that `call` throws an error of `kind` whose message holds every fragment. */
function assertThrowsWith(
  call: () => unknown,
  kind: typeof TypeError | typeof RangeError,
  fragments: string[],
): void {
  assert.throws(call, (e: unknown) => {
    assert.ok(
      e instanceof kind,
      `expected a ${kind.name}, got ${describe(e)}: ${(e as Error)?.message}`,
    );
    for (const f of fragments) {
      assert.ok(
        (e as Error).message.includes(f),
        `the message lacks ${JSON.stringify(f)}: ${(e as Error).message}`,
      );
    }
    return true;
  });
}

/** The value a float32 array stores for `v`. */
function stored(v: number, dtype: DType): number {
  return dtype === "float32" ? Math.fround(v) : v;
}

const dtypeArb = fc.constantFrom<DType>("float32", "float64");
/** Every kind of number: NaN, ±0, ±Infinity, subnormals and ordinary values. */
const numberArb = fc.oneof(
  fc.constantFrom(NaN, -0, 0, Infinity, -Infinity, 1, -1),
  fc.double(),
);
/** Values that are not numbers, BigInts first (they broke `JSON.stringify` in messages). */
const notNumberArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.bigInt(),
  fc.string(),
  fc.boolean(),
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(Symbol("s")),
  fc.constant(() => 1),
  fc.object(),
  fc.constant((() => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    return cyclic;
  })()),
);
const smallShapeArb = fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 });

/** Nested arrays of `shape` holding 0, 1, 2, … */
function nested(shape: readonly number[], start = { next: 0 }): unknown[] {
  return Array.from(
    { length: shape[0] },
    () => shape.length === 1 ? start.next++ : nested(shape.slice(1), start),
  );
}

/** The multi-index of flat position `flat` in `shape`. */
function unravel(flat: number, shape: readonly number[]): number[] {
  const strides = stridesOf(shape);
  return strides.map((s, axis) => Math.floor(flat / s) % shape[axis]);
}

/** Replaces (or, with `hole`, deletes) the element at `index` of nested arrays, in place. */
function put(values: unknown[], index: number[], value: unknown, hole = false): void {
  let level = values;
  for (const i of index.slice(0, -1)) level = level[i] as unknown[];
  const last = index[index.length - 1];
  if (hole) delete level[last];
  else level[last] = value;
}

const path = (index: number[]) => index.map((i) => `[${i}]`).join("");

/** A copy of `list` with an empty slot (a hole) at `at`, as `[1, , 3]` has at 1. */
function withHole<T>(list: readonly T[], at: number): T[] {
  const copy = [...list];
  delete copy[at];
  return copy;
}

// ---- pad: any constant is used, NaN and -0 included ----

Deno.test("pad() fills with NaN and -0, as NumPy's constant_values", () => {
  // np.pad(np.array([1.]), 1, constant_values=np.nan) → [nan, 1., nan]
  assertBits(np.pad([1], [1, 1], { constantValue: NaN }), [NaN, 1, NaN], "NaN fill");
  // np.signbit(np.pad(np.array([1.]), 1, constant_values=-0.0)) → [True, False, True]
  assertBits(np.pad([1], [1, 1], { constantValue: -0 }), [-0, 1, -0], "-0 fill");
  assertBits(np.pad([1], [1, 1]), [0, 1, 0], "default fill");
  assertBits(
    np.pad(np.array([1], { dtype: "float32" }), [1, 0], { constantValue: NaN }),
    [NaN, 1],
    "NaN fill of float32",
  );
});

Deno.test("pad() uses any number as the constant and keeps the interior (property)", () => {
  const cases = fc.tuple(smallShapeArb, dtypeArb, numberArb, fc.integer({ min: 0, max: 1000 }))
    .chain(([shape, dtype, value, seed]) =>
      fc.tuple(
        fc.constant(shape),
        fc.constant(dtype),
        fc.constant(value),
        fc.constant(seed),
        fc.tuple(...shape.map(() => fc.tuple(fc.nat(2), fc.nat(2)))),
      )
    );
  fc.assert(
    fc.property(cases, ([shape, dtype, value, seed, widths]) => {
      const x = np.rng(seed).normal(shape, { dtype });
      const out = np.pad(x, widths, { constantValue: value });
      const outShape = shape.map((n, i) => n + widths[i][0] + widths[i][1]);
      assert.deepEqual(out.shape, outShape);
      assert.equal(out.dtype, dtype);
      const expected = new Array<number>(out.size);
      for (let flat = 0; flat < out.size; flat++) {
        const at = unravel(flat, outShape).map((i, axis) => i - widths[axis][0]);
        const inside = at.every((i, axis) => i >= 0 && i < shape[axis]);
        expected[flat] = inside ? x.get(...at) : stored(value, dtype);
      }
      assertBits(out, expected, `pad of ${showShape(shape)} with ${describe(value)}`);
    }),
    { seed: 61, numRuns: 300 },
  );
});

Deno.test("pad() refuses a constantValue that is not a number, naming it", () => {
  fc.assert(
    fc.property(notNumberArb.filter((v) => v !== undefined && v !== null), (value) => {
      assertThrowsWith(
        () => np.pad([1], [1, 1], { constantValue: value as number }),
        TypeError,
        ["pad: constantValue must be a number", describe(value)],
      );
    }),
    { seed: 62, numRuns: 100 },
  );
});

// ---- full: numbers only, NaN and -0 included ----

Deno.test("full() holds any number as it is, -0 and NaN included (property)", () => {
  // np.signbit(np.full(2, -0.0)) → [True, True]
  assert.ok(Object.is(np.full([2], -0).data[1], -0), "full([2], -0) holds -0");
  fc.assert(
    fc.property(smallShapeArb, dtypeArb, numberArb, (shape, dtype, value) => {
      const x = np.full(shape, value, { dtype });
      assertBits(x, new Array(x.size).fill(stored(value, dtype)), `full with ${describe(value)}`);
    }),
    { seed: 63, numRuns: 200 },
  );
});

Deno.test("full() refuses a fill that is not a number with a TypeError naming it", () => {
  // NumPy: np.full(2, "a", dtype=float) raises ValueError; np.full(2, "7", dtype=float) gives
  // [7., 7.]. The workbook refuses every string (documented in full's JSDoc).
  assertThrowsWith(() => np.full([2], "a" as unknown as number), TypeError, [
    "full: the fill value must be a number",
    '"a" (a string)',
  ]);
  assertThrowsWith(() => np.full([2], "7" as unknown as number), TypeError, ['"7" (a string)']);
  assertThrowsWith(() => np.full([2], 3n as unknown as number), TypeError, [
    "3n (a BigInt)",
    "Number(…)",
  ]);
  fc.assert(
    fc.property(notNumberArb, (value) => {
      assertThrowsWith(() => np.full([2], value as number), TypeError, [
        "full: the fill value",
        describe(value),
      ]);
    }),
    { seed: 64, numRuns: 200 },
  );
});

// ---- clip: NaN bounds propagate; min > max is refused on purpose ----

Deno.test("clip() with a NaN bound gives NaN everywhere, as NumPy", () => {
  // np.clip([1., 2., nan], nan, None) → [nan, nan, nan]; np.clip([1., 2., nan], None, nan) → same
  assertBits(np.clip([1, 2, NaN], { min: NaN }), [NaN, NaN, NaN], "NaN min");
  assertBits(np.clip([1, 2, NaN], { max: NaN }), [NaN, NaN, NaN], "NaN max");
  assertBits(np.clip([1, 2, NaN], { min: 0, max: 1.5 }), [1, 1.5, NaN], "a NaN element stays");
  const out = np.zeros([2]);
  assert.equal(np.clip([1, 2], { min: NaN, out }), out, "clip writes into out");
  assertBits(out, [NaN, NaN], "NaN bound written into out");
  // null is NumPy's None: no bound.
  assertBits(np.clip([-5, 5], { min: null as unknown as number, max: 1 }), [-5, 1], "null min");
});

Deno.test("clip() agrees with NumPy's rule on any values and bounds (property)", () => {
  const boundArb = fc.option(numberArb, { nil: undefined });
  fc.assert(
    fc.property(
      fc.array(numberArb, { minLength: 1, maxLength: 12 }),
      boundArb,
      boundArb,
      dtypeArb,
      (values, min, max, dtype) => {
        const x = np.array(values, { dtype });
        const lo = min ?? -Infinity, hi = max ?? Infinity;
        if (lo > hi) {
          // The workbook's deliberate difference: NumPy returns hi everywhere.
          assertThrowsWith(() => np.clip(x, { min, max }), RangeError, [
            `min ${lo} > max ${hi}`,
            `NumPy would return ${hi} everywhere`,
          ]);
          return;
        }
        const expected = Array.from(x.data, (v) =>
          // minimum(maximum(x, lo), hi) with NaN propagating from any side.
          Number.isNaN(lo) || Number.isNaN(hi)
            ? NaN
            : v < lo
            ? stored(lo, dtype)
            : v > hi
            ? stored(hi, dtype)
            : v);
        const out = np.clip(x, { min, max });
        assert.equal(out.dtype, dtype);
        assertBits(out, expected, `clip to [${describe(min)}, ${describe(max)}]`);
      },
    ),
    { seed: 65, numRuns: 500 },
  );
});

Deno.test("clip() with min > max is refused on purpose, saying what NumPy would do", () => {
  // np.clip([0., 2., 5., nan], 1, -1) → [-1., -1., -1., nan]: the workbook refuses instead.
  assertThrowsWith(() => np.clip([0, 2, 5], { min: 1, max: -1 }), RangeError, [
    "min 1 > max -1",
    "NumPy would return -1 everywhere",
    "swap them",
  ]);
});

Deno.test("clip() refuses a bound that is not a number, naming it", () => {
  assertThrowsWith(() => np.clip([1], { min: "0" as unknown as number }), TypeError, [
    "clip: min must be a number",
    '"0" (a string)',
  ]);
  assertThrowsWith(() => np.clip([1], { max: 1n as unknown as number }), TypeError, [
    "clip: max",
    "1n (a BigInt)",
  ]);
});

// ---- array: holes, BigInts and other non-numbers refused by position ----

Deno.test("array() refuses a hole as it refuses undefined, naming the index", () => {
  assertThrowsWith(() => np.array(withHole([1, 2, 3], 1)), TypeError, [
    "element [1]",
    "empty slot",
  ]);
  assertThrowsWith(() => np.array([1, undefined as unknown as number, 3]), TypeError, [
    "element [1]",
    "undefined",
  ]);
  assertThrowsWith(() => np.array(withHole([[1, 2], [3, 4], [5, 6]], 1)), TypeError, [
    "element [1]",
    "empty slot",
    "a list of length 2",
  ]);
  assertThrowsWith(() => np.array(withHole([0, 1], 0)), TypeError, ["element [0]", "empty slot"]);
  // new Array(3) is all holes.
  assertThrowsWith(() => np.array(new Array(3)), TypeError, ["element [0]", "empty slot"]);
});

Deno.test("array() names the position of a hole anywhere in nested arrays (property)", () => {
  const cases = smallShapeArb.chain((shape) => {
    const size = shape.reduce((p, n) => p * n, 1);
    return fc.tuple(fc.constant(shape), fc.nat(size - 1), fc.boolean());
  });
  fc.assert(
    fc.property(cases, ([shape, flat, hole]) => {
      const values = nested(shape);
      const index = unravel(flat, shape);
      put(values, index, undefined, hole);
      assertThrowsWith(() => np.array(values as np.NestedArray), TypeError, [
        `element ${path(index)} is ${hole ? "an empty slot" : "undefined"}`,
      ]);
    }),
    { seed: 66, numRuns: 200 },
  );
});

Deno.test("array() refuses a BigInt element with a clear TypeError", () => {
  assertThrowsWith(() => np.array([1n, 2] as unknown as number[]), TypeError, [
    "element [0] is 1n (a BigInt)",
    "convert it with Number(…)",
  ]);
  assertThrowsWith(() => np.array(5n as unknown as number), TypeError, ["(top) is 5n"]);
  // An operand of any np function goes through array().
  assertThrowsWith(() => np.add([1, 2], 1n as unknown as number), TypeError, ["1n (a BigInt)"]);
  assertThrowsWith(() => np.array([np.zeros([2])] as unknown as number[]), TypeError, [
    "an NDArray of shape [2]",
    "np.stack",
  ]);
});

Deno.test("array() refuses any element that is not a number by its position (property)", () => {
  const cases = smallShapeArb.chain((shape) => {
    const size = shape.reduce((p, n) => p * n, 1);
    return fc.tuple(fc.constant(shape), fc.nat(size - 1), notNumberArb);
  });
  fc.assert(
    fc.property(cases, ([shape, flat, value]) => {
      const values = nested(shape);
      const index = unravel(flat, shape);
      put(values, index, value);
      // A nested array in place of a number is "a nested array"; anything else is described.
      const said = Array.isArray(value) ? "a nested array" : describe(value);
      assertThrowsWith(() => np.array(values as np.NestedArray), TypeError, [
        `element ${path(index)} is ${said}`,
      ]);
    }),
    { seed: 67, numRuns: 300 },
  );
});

Deno.test("holes in shapes, widths, axes and lists of arrays are refused, never skipped", () => {
  assertThrowsWith(() => np.zeros(withHole([2, 0, 3], 1)), TypeError, ["empty slot", "position 1"]);
  assertThrowsWith(
    () => np.pad(np.zeros([2, 2]), withHole([[1, 1], [1, 1]] as [number, number][], 1)),
    TypeError,
    ["position 1"],
  );
  assertThrowsWith(
    () => np.pad(np.zeros([2]), [withHole([1, 1], 1) as [number, number]]),
    TypeError,
    [
      "position 1",
    ],
  );
  assertThrowsWith(() => np.sum(np.zeros([2, 3, 4]), { axis: withHole([0, 1, 2], 1) }), TypeError, [
    "sum",
    "position 1",
  ]);
  assertThrowsWith(
    () => np.concatenate(withHole([np.zeros([2]), np.zeros([2]), np.zeros([2])], 1)),
    TypeError,
    [
      "concatenate",
      "position 1",
    ],
  );
  assertThrowsWith(
    () => np.stack(withHole([np.zeros([2]), np.zeros([2]), np.zeros([2])], 1)),
    TypeError,
    [
      "stack",
      "position 1",
    ],
  );
  assertThrowsWith(() => np.transpose(np.zeros([2, 3, 4]), withHole([2, 1, 0], 1)), TypeError, [
    "transpose",
    "position 1",
  ]);
});

Deno.test("BigInts anywhere are refused with a TypeError, never a crash in the message", () => {
  const big = 2n as unknown as number;
  const cases: [string, () => unknown, string][] = [
    ["a size", () => np.zeros([2, big]), "2n (a BigInt)"],
    ["an index of get", () => np.zeros([3]).get(big), "2n (a BigInt)"],
    ["an index of get (2-D)", () => np.zeros([3, 3]).get(0, big), "2n (a BigInt)"],
    ["the value of set", () => np.zeros([3, 3]).set([0, 0], big), "2n (a BigInt)"],
    ["an index of set", () => np.zeros([3, 3]).set([big, 0], 1), "2n (a BigInt)"],
    ["the value of assign", () => np.zeros([3]).assign([0], big), "2n (a BigInt)"],
    ["a slice", () => np.zeros([3]).slice(big), "2n (a BigInt)"],
    ["an index of take", () => np.take([1, 2, 3], [big]), "2n (a BigInt)"],
    ["a pad width", () => np.pad([1], [[big, 1]]), "2n (a BigInt)"],
    ["an axis", () => np.sum(np.zeros([2, 3]), { axis: big }), "2n (a BigInt)"],
    ["a size of reshape", () => np.arange(6).reshape(big, -1), "2n (a BigInt)"],
    ["a size of reshape (a list)", () => np.reshape(np.arange(6), [3, big]), "2n (a BigInt)"],
    ["a dtype", () => np.zeros([2], { dtype: big as unknown as DType }), "2n (a BigInt)"],
    ["arange's stop", () => np.arange(0, big), "2n (a BigInt)"],
    ["linspace's stop", () => np.linspace(0, big), "2n (a BigInt)"],
  ];
  for (const [what, call, fragment] of cases) {
    assert.throws(call, (e: unknown) => {
      assert.ok(e instanceof TypeError, `${what}: expected a TypeError, got ${describe(e)}`);
      assert.ok(
        e.message.includes(fragment),
        `${what}: the message lacks ${fragment}: ${e.message}`,
      );
      assert.ok(!e.message.includes("serialize"), `${what}: ${e.message}`);
      return true;
    });
  }
});

Deno.test("a Symbol or a cyclic object in a message is described, not a crash", () => {
  assertThrowsWith(() => np.zeros([3]).get(Symbol("i") as unknown as number), TypeError, [
    "Symbol(i) (a Symbol)",
    "not an integer",
  ]);
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  assertThrowsWith(() => np.array([cyclic] as unknown as number[]), TypeError, ["an object"]);
  assertThrowsWith(
    () => np.sum(np.zeros([2]), { axis: Symbol("a") as unknown as number }),
    TypeError,
    [
      "Symbol(a)",
    ],
  );
});

// ---- Sizes that cannot be allocated: the function, the shape and the bytes ----

/**
 * Every allocation path with a result beyond any machine (≥ 256 TiB, more than a 48-bit
 * address space maps, so it fails even where the OS overcommits), from inputs of at most 32 MB.
 */
const HUGE: [string, () => unknown, string][] = (() => {
  const N = 2 ** 23; // 8 Mi: a [N, 1] float32 array is 32 MiB
  const column = () => np.zeros([N, 1], { dtype: "float32" });
  const row = () => np.zeros([1, N], { dtype: "float32" });
  const tiny = np.zeros([2 ** 16, 1, 1]);
  return [
    ["zeros", () => np.zeros([1e8, 1e8]), "shape [100000000, 100000000]"],
    [
      "ones",
      () => np.ones([1e6, 1e6, 1e6], { dtype: "float32" }),
      "shape [1000000, 1000000, 1000000]",
    ],
    ["full", () => np.full([1e9, 1e9], 3), "shape [1000000000, 1000000000]"],
    ["eye", () => np.eye(1e8), "shape [100000000, 100000000]"],
    ["arange", () => np.arange(1e16), "shape [10000000000000000]"],
    ["linspace", () => np.linspace(0, 1, { num: 1e16 }), "shape [10000000000000000]"],
    ["normal", () => np.rng(0).normal([1e8, 1e8]), "shape [100000000, 100000000]"],
    ["uniform", () => np.rng(0).uniform([1e8, 1e8]), "shape [100000000, 100000000]"],
    [
      "integers",
      () => np.rng(0).integers(0, 9, { size: [1e8, 1e8] }),
      "shape [100000000, 100000000]",
    ],
    ["add", () => np.add(column(), row()), `shape [${N}, ${N}]`],
    ["mul", () => np.mul(column(), row()), `shape [${N}, ${N}]`],
    ["greater", () => np.greater(column(), row()), `shape [${N}, ${N}]`],
    [
      "where",
      () => np.where(tiny, tiny.reshape(1, -1, 1), tiny.reshape(1, 1, -1)),
      "shape [65536, 65536, 65536]",
    ],
    ["matmul", () => np.matmul(column(), row()), `shape [${N}, ${N}]`],
    ["dot", () => np.dot(column(), row()), `shape [${N}, ${N}]`],
    ["broadcastTo", () => np.broadcastTo([1], [1e8, 1e8]), "shape [100000000, 100000000]"],
    ["pad", () => np.pad(np.zeros([1, 1]), [N, N]), `shape [${2 * N + 1}, ${2 * N + 1}]`],
    ["take", () => np.take(row(), new Int32Array(N), { axis: 0 }), `shape [${N}, ${N}]`],
  ];
})();

for (const [name, call, shape] of HUGE) {
  Deno.test(`${name}() of an impossible size names itself, the shape and the bytes`, () => {
    assertThrowsWith(call, RangeError, [`${name}: unable to allocate`, shape, "bytes", "dtype"]);
  });
}

Deno.test("the copies of shape work name themselves when memory runs out", () => {
  // astype, clone, flatten, transpose, slice and assign allocate through allocate(): an array
  // they could not copy is as big as one that exists, so their sites are checked directly.
  for (
    const name of ["astype", "clone", "flatten", "transpose", "slice", "assign", "concatenate"]
  ) {
    assertThrowsWith(
      () => allocate("float32", 1e16, { name, shape: [1e8, 1e8] }),
      RangeError,
      [
        `${name}: unable to allocate`,
        "shape [100000000, 100000000]",
        "40000000000000000 bytes",
        "float32",
      ],
    );
  }
  assertThrowsWith(() => allocate("float64", 2 ** 60), RangeError, ["8.00 EiB", "elements"]);
});

Deno.test("an impossible size reads like NumPy's MemoryError", () => {
  // NumPy: "Unable to allocate 7.28 TiB for an array with shape (1000000, 1000000) and data
  // type float64". The same numbers, checked without trying the allocation:
  assertThrowsWith(
    () => allocate("float64", 1e16, { name: "zeros", shape: [1e6, 1e10] }),
    RangeError,
    [
      "zeros: unable to allocate 71.1 PiB (80000000000000000 bytes)",
      "shape [1000000, 10000000000]",
    ],
  );
});

// ---- Indices that are not integers ----

Deno.test("an index that is not an integer is called so, never out of bounds (property)", () => {
  const notInteger = fc.oneof(
    fc.double().filter((v) => !Number.isInteger(v)),
    fc.constantFrom(NaN, Infinity, -Infinity, 0.5, -0.5, 2.5),
  );
  fc.assert(
    fc.property(notInteger, (i) => {
      const what = describe(i);
      assertThrowsWith(() => np.zeros([3]).get(i), TypeError, [`Index ${what}`, "not an integer"]);
      assertThrowsWith(() => np.zeros([3, 3]).get(0, i), TypeError, [
        `Index ${what}`,
        "not an integer",
      ]);
      assertThrowsWith(() => np.zeros([3, 3]).set([i, 0], 1), TypeError, [
        `Index ${what}`,
        "not an integer",
      ]);
      assertThrowsWith(() => np.zeros([3]).slice(i), TypeError, [
        `Index ${what}`,
        "not an integer",
      ]);
      assertThrowsWith(() => np.take([1, 2, 3], [0, i]), TypeError, [
        `take: index ${what} (at position 1 of the indices) is not an integer`,
      ]);
    }),
    { seed: 68, numRuns: 200 },
  );
  // An integer out of range is still out of bounds.
  assertThrowsWith(() => np.take([1, 2, 3], [3]), RangeError, ["index 3 is out of bounds"]);
  assertThrowsWith(() => np.zeros([3]).get(-4), RangeError, ["out of bounds"]);
});

// ---- matmul names the shapes the user passed ----

Deno.test("matmul() of 1-D operands names the shapes given, not the reshaped ones", () => {
  // NumPy: "matmul: Input operand 1 has a mismatch in its core dimension 0 … (size 4 is
  // different from 5)"; np says it as dot does, with the shapes passed.
  const cases: [number[], number[], string[]][] = [
    [[5], [4], ["shapes [5] and [4] not aligned", "5 (dim 0) != 4 (dim 0)"]],
    [[2, 5], [4], ["shapes [2, 5] and [4] not aligned", "5 (dim 1) != 4 (dim 0)"]],
    [[5], [4, 2], ["shapes [5] and [4, 2] not aligned", "5 (dim 0) != 4 (dim 0)"]],
    [[3, 5], [2, 4, 2], ["shapes [3, 5] and [2, 4, 2]", "5 (dim 1) != 4 (dim 1)"]],
  ];
  for (const [sa, sb, fragments] of cases) {
    assert.throws(() => np.matmul(np.zeros(sa), np.zeros(sb)), (e: Error) => {
      for (const f of fragments) assert.ok(e.message.includes(f), `lacks ${f}: ${e.message}`);
      assert.ok(!/\[1, 5\]|\[4, 1\]/.test(e.message), `names an internal shape: ${e.message}`);
      return e instanceof TypeError;
    });
  }
  assertThrowsWith(
    () => np.matmul(np.zeros([2, 4]), np.zeros([5]), { transA: true }),
    TypeError,
    ["shapes [2, 4] (transposed) and [5]"],
  );
  assertThrowsWith(() => np.matmul(np.zeros([2, 2, 3]), np.zeros([3, 3, 4])), TypeError, [
    "matmul: shapes [2, 2, 3] and [3, 3, 4]",
    "batch axes [2] and [3]",
  ]);
});

Deno.test("matmul() accepts what NumPy accepts and names the given shapes otherwise (property)", () => {
  const shapeArb = fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 });
  fc.assert(
    fc.property(shapeArb, shapeArb, (sa, sb) => {
      // NumPy's rule: inner sizes equal, batch axes broadcast (1-D operands have no batch).
      const k = sa[sa.length - 1], kb = sb.length === 1 ? sb[0] : sb[sb.length - 2];
      const batchA = sa.slice(0, -2), batchB = sb.slice(0, -2);
      let broadcasts = true;
      for (let i = 1; i <= Math.min(batchA.length, batchB.length); i++) {
        const m = batchA[batchA.length - i], n = batchB[batchB.length - i];
        if (m !== n && m !== 1 && n !== 1) broadcasts = false;
      }
      const a = np.zeros(sa), b = np.zeros(sb);
      if (k === kb && broadcasts) {
        np.matmul(a, b);
        return;
      }
      assert.throws(() => np.matmul(a, b), (e: Error) => {
        assert.ok(e instanceof TypeError, e.message);
        assert.ok(
          e.message.includes(`${showShape(sa)} and ${showShape(sb)}`),
          `the message should name ${showShape(sa)} and ${showShape(sb)}: ${e.message}`,
        );
        return true;
      });
    }),
    { seed: 69, numRuns: 400 },
  );
});
