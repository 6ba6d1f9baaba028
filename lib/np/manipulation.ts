/**
 * Changing shapes and joining arrays: `reshape`, `transpose`, `concatenate`, `stack`, `pad`,
 * `take`, `squeeze`, `expandDims`, `broadcastTo`.
 *
 * @module
 */

import { broadcastShapes } from "./broadcast.ts";
import { asarray } from "./creation.ts";
import { bigIntHint, checkNumber, describe } from "./describe.ts";
import { NP_MESSAGES, NP_SUBJECTS, type Subject } from "./messages.ts";
import { binaryLoop } from "./kernels/elementwise.ts";
import { stridedCopy } from "./kernels/strided.ts";
import {
  allocate,
  type ArrayLike,
  broadcastStrides,
  type DType,
  NDArray,
  normalizeAxis,
  type Shape,
  shapeSize,
  showShape,
  stridesOf,
} from "./ndarray.ts";

/**
 * The same elements in a new shape (one size may be -1), like `np.reshape`.
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(np.reshape(np.arange(6), [3, -1]).shape, [3, 2]);
 * ```
 */
export function reshape(x: ArrayLike, shape: Shape): NDArray {
  return asarray(x).reshape(shape);
}

/**
 * Permutes axes (reverses them by default), like `np.transpose`.
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(np.transpose(np.zeros([2, 3, 4]), [0, 2, 1]).shape, [2, 4, 3]);
 * ```
 */
export function transpose(x: ArrayLike, axes?: readonly number[]): NDArray {
  return asarray(x).transpose(...listOf(axes ?? [], "transpose: the axes"));
}

/**
 * The items of a list the user gave (axes, arrays, widths), refusing a non-list and a hole
 * (`[0, , 1]`), which `map` and `some` would silently skip.
 */
function listOf<T>(list: readonly T[], what: Subject): T[] {
  if (!Array.isArray(list)) {
    throw new TypeError(NP_MESSAGES().notList(NP_SUBJECTS()[what], describe(list)));
  }
  const items = new Array<T>(list.length);
  for (let i = 0; i < list.length; i++) {
    if (list[i] === undefined && !(i in list)) {
      throw new TypeError(NP_MESSAGES().listHole(NP_SUBJECTS()[what], i));
    }
    items[i] = list[i];
  }
  return items;
}

/** Options of functions that work along one axis. */
export interface AxisOptions {
  /** The axis (0 by default; negative counts from the end). */
  axis?: number;
}

function commonDType(arrays: readonly NDArray[]): DType {
  return arrays.every((a) => a.dtype === "float32") ? "float32" : "float64";
}

/**
 * Joins arrays along an existing axis, like `np.concatenate`.
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const a = np.array([[1, 2]]), b = np.array([[3, 4]]);
 * assert.deepEqual(np.concatenate([a, b]).toArray(), [[1, 2], [3, 4]]);
 * assert.deepEqual(np.concatenate([a, b], { axis: 1 }).toArray(), [[1, 2, 3, 4]]);
 * ```
 *
 * @throws {TypeError} when the arrays differ in rank or in a size other than the axis.
 */
export function concatenate(arrays: readonly ArrayLike[], options: AxisOptions = {}): NDArray {
  return join("concatenate", listOf(arrays, "concatenate: the arrays").map((a) => asarray(a)), {
    axis: options.axis,
  });
}

/** concatenate() of NDArrays, allocated for the function `name` (`stack` joins through it). */
function join(name: string, xs: readonly NDArray[], options: AxisOptions): NDArray {
  if (xs.length === 0) throw new RangeError(NP_MESSAGES().concatenateNone);
  const first = xs[0];
  if (first.ndim === 0) throw new TypeError(NP_MESSAGES().concatenateScalars);
  const axis = normalizeAxis(options.axis ?? 0, first.ndim);
  for (const [i, x] of xs.entries()) {
    const fits = x.ndim === first.ndim &&
      x.shape.every((n, a) => a === axis || n === first.shape[a]);
    if (!fits) {
      throw new TypeError(
        NP_MESSAGES().concatenateShapes(i, showShape(x.shape), showShape(first.shape), axis),
      );
    }
  }
  const shape = [...first.shape];
  shape[axis] = xs.reduce((n, x) => n + x.shape[axis], 0);
  const out = allocate(commonDType(xs), shapeSize(shape), { name, shape });
  const outer = shapeSize(shape.slice(0, axis));
  const rowOut = shapeSize(shape.slice(axis));
  let offset = 0;
  for (const x of xs) {
    const row = shapeSize(x.shape.slice(axis));
    for (let o = 0; o < outer; o++) {
      out.set(x.data.subarray(o * row, (o + 1) * row), o * rowOut + offset);
    }
    offset += row;
  }
  return new NDArray(out, shape);
}

/**
 * Joins arrays of one shape along a new axis, like `np.stack`.
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(np.stack([[1, 2], [3, 4]], { axis: 1 }).toArray(), [[1, 3], [2, 4]]);
 * ```
 */
export function stack(arrays: readonly ArrayLike[], options: AxisOptions = {}): NDArray {
  const xs = listOf(arrays, "stack: the arrays").map((a) => asarray(a));
  if (xs.length === 0) throw new RangeError(NP_MESSAGES().stackNone);
  const shape = xs[0].shape;
  for (const [i, x] of xs.entries()) {
    if (x.ndim !== shape.length || x.shape.some((n, a) => n !== shape[a])) {
      throw new TypeError(NP_MESSAGES().stackShapes(i, showShape(x.shape), showShape(shape)));
    }
  }
  const axis = normalizeAxis(options.axis ?? 0, shape.length + 1);
  const expanded = xs.map((x) => expandDims(x, axis));
  return join("stack", expanded, { axis });
}

/**
 * Adds an axis of size 1 at `axis`, like `np.expand_dims`.
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(np.expandDims(np.zeros([3]), 0).shape, [1, 3]);
 * ```
 */
export function expandDims(x: ArrayLike, axis: number): NDArray {
  const a = asarray(x);
  const at = normalizeAxis(axis, a.ndim + 1);
  return a.reshape([...a.shape.slice(0, at), 1, ...a.shape.slice(at)]);
}

/**
 * Removes axes of size 1 (all of them, or the given one), like `np.squeeze`.
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(np.squeeze(np.zeros([1, 3, 1])).shape, [3]);
 * ```
 */
export function squeeze(x: ArrayLike, options: { axis?: number } = {}): NDArray {
  const a = asarray(x);
  if (options.axis === undefined) return a.reshape(a.shape.filter((n) => n !== 1));
  const axis = normalizeAxis(options.axis, a.ndim);
  if (a.shape[axis] !== 1) {
    throw new RangeError(NP_MESSAGES().squeeze(axis, showShape(a.shape)));
  }
  return a.reshape(a.shape.filter((_, i) => i !== axis));
}

/**
 * A copy of an array repeated to a broadcast shape, like `np.broadcast_to` (which NumPy
 * returns as a read-only view).
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(np.broadcastTo([1, 2], [2, 2]).toArray(), [[1, 2], [1, 2]]);
 * ```
 */
export function broadcastTo(x: ArrayLike, shape: Shape): NDArray {
  const a = asarray(x);
  const target = broadcastShapes(a.shape, shape);
  if (target.length !== shape.length || target.some((n, i) => n !== shape[i])) {
    throw new TypeError(NP_MESSAGES().broadcastTo(showShape(a.shape), showShape(shape)));
  }
  const out = allocate(a.dtype, shapeSize(shape), { name: "broadcastTo", shape });
  const zero = { data: allocate(a.dtype, 1), strides: shape.map(() => 0) };
  binaryLoop("add", { data: a.data, strides: broadcastStrides(a.shape, shape) }, zero, out, shape);
  return new NDArray(out, shape);
}

/** Options of {@linkcode pad}. */
export interface PadOptions {
  /**
   * The value of the padding (0 by default: NumPy's `mode="constant"`). Any number is used as
   * it is, NaN and -0 included, as NumPy's `constant_values`.
   */
  constantValue?: number;
}

/**
 * Pads each axis with a constant, like `np.pad(x, [[before, after], …], "constant")`.
 *
 * @example Pad the two image axes of an NCHW batch by 1 (§7.4.3)
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const x = np.ones([1, 1, 2, 2]);
 * const padded = np.pad(x, [[0, 0], [0, 0], [1, 1], [1, 1]]);
 * assert.deepEqual(padded.shape, [1, 1, 4, 4]);
 * assert.equal(np.sum(padded), 4);
 * ```
 *
 * @example Any constant is used, NaN and -0 included (as NumPy's `constant_values`)
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(np.pad([1], [1, 1], { constantValue: NaN }).toArray(), [NaN, 1, NaN]);
 * assert.ok(Object.is(np.pad([1], [1, 0], { constantValue: -0 }).data[0], -0));
 * ```
 *
 * @param x The array.
 * @param widths One `[before, after]` pair per axis, or one pair for every axis.
 * @param options `constantValue`: the number the padding holds (0 by default).
 * @returns A new array, each axis longer by its two widths (a copy when no width is given).
 * @throws {TypeError} for a `constantValue` that is not a number, or a number of pairs that
 * differs from the number of axes; {RangeError} for a width that is not a non-negative integer.
 */
export function pad(
  x: ArrayLike,
  widths: readonly (readonly [number, number])[] | readonly [number, number],
  options: PadOptions = {},
): NDArray {
  const a = asarray(x);
  const value = checkNumber(options.constantValue ?? 0, "pad: constantValue");
  const given = listOf(widths as readonly unknown[], "pad: the widths");
  const pairs =
    (typeof given[0] === "number"
      ? a.shape.map(() => given)
      : given.map((pair) => listOf(pair as readonly unknown[], "pad: each pair of widths"))) as (
        readonly number[]
      )[];
  if (pairs.length !== a.ndim) {
    throw new TypeError(NP_MESSAGES().padPairs(pairs.length, showShape(a.shape)));
  }
  for (const pair of pairs) {
    const shown = `[${pair.map((w) => describe(w)).join(", ")}]`;
    const other = pair.find((w) => typeof w !== "number");
    if (other !== undefined) {
      throw new TypeError(NP_MESSAGES().padNotNumbers(shown, bigIntHint(other)));
    }
    if (pair.length !== 2 || pair.some((w) => !Number.isInteger(w) || w < 0)) {
      throw new RangeError(NP_MESSAGES().padNegative(shown));
    }
  }
  // No padding (im2col with pad 0): still a copy, as NumPy returns one.
  if (pairs.every(([before, after]) => before === 0 && after === 0)) return a.clone();
  const shape = a.shape.map((n, i) => n + pairs[i][0] + pairs[i][1]);
  const out = allocate(a.dtype, shapeSize(shape), { name: "pad", shape });
  // Object.is: typed arrays start at +0, so only a fill of exactly +0 may be skipped.
  if (!Object.is(value, 0)) out.fill(value);
  if (a.size === 0) return new NDArray(out, shape);
  // Copy x into the interior: the rows of its last axes land as whole runs.
  const strides = stridesOf(shape);
  const offset = pairs.reduce((o, [before], i) => o + before * strides[i], 0);
  stridedCopy(a.data, 0, stridesOf(a.shape), out, offset, strides, a.shape);
  return new NDArray(out, shape);
}

/** Indices as `np.take` accepts them. */
export type Indices = ArrayLike | Int32Array | Uint32Array | Uint8Array;

/**
 * Picks elements (or whole slices along `axis`) by index, like `np.take`. With `axis: 0` it
 * picks rows, which is how a mini-batch is drawn: `np.take(xTrain, batchMask, { axis: 0 })`.
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const x = np.array([[1, 2], [3, 4], [5, 6]]);
 * assert.deepEqual(np.take(x, [2, 0], { axis: 0 }).toArray(), [[5, 6], [1, 2]]);
 * assert.deepEqual(np.take(x, [1, -1]).toArray(), [2, 6]);
 * ```
 *
 * @throws {TypeError} for an index that is not an integer (NumPy cannot cast it either);
 * {RangeError} for an index outside the axis.
 */
export function take(x: ArrayLike, indices: Indices, options: AxisOptions = {}): NDArray {
  const a = asarray(x);
  const idx = indices instanceof Int32Array || indices instanceof Uint32Array ||
      indices instanceof Uint8Array
    ? new NDArray(Float64Array.from(indices), [indices.length])
    : asarray(indices);
  const source = options.axis === undefined ? a.reshape(-1) : a;
  const axis = normalizeAxis(options.axis ?? 0, source.ndim);
  const n = source.shape[axis];
  const outer = shapeSize(source.shape.slice(0, axis));
  const inner = shapeSize(source.shape.slice(axis + 1));
  const shape = [...source.shape.slice(0, axis), ...idx.shape, ...source.shape.slice(axis + 1)];
  const out = allocate(a.dtype, outer * idx.size * inner, { name: "take", shape });
  for (let j = 0; j < idx.size; j++) {
    let i = idx.data[j];
    if (!Number.isInteger(i)) {
      throw new TypeError(NP_MESSAGES().takeNotInteger(describe(i), j));
    }
    if (i < -n || i >= n) {
      throw new RangeError(NP_MESSAGES().takeOutOfBounds(i, axis, n));
    }
    if (i < 0) i += n;
    for (let o = 0; o < outer; o++) {
      const from = (o * n + i) * inner;
      out.set(source.data.subarray(from, from + inner), (o * idx.size + j) * inner);
    }
  }
  return new NDArray(out, shape);
}
