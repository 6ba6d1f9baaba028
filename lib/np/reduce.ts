/**
 * Reductions with NumPy's `axis` and `keepdims`: `sum`, `mean`, `max`, `min`, `argmax`,
 * `argmin` (the book uses them from §3.5 on: `np.sum(y, axis=1)`, `np.argmax(y, axis=1)`).
 *
 * Without an axis they reduce everything and return a plain number, as NumPy returns a
 * scalar; with an axis (or `keepdims`) they return an array.
 *
 * @module
 */

import { asarray } from "./creation.ts";
import { describe } from "./describe.ts";
import { NP_MESSAGES } from "./messages.ts";
import { reduceAxis, type ReduceKind } from "./kernels/reduce.ts";
import {
  allocate,
  type ArrayLike,
  NDArray,
  normalizeAxis,
  shapeSize,
  showShape,
} from "./ndarray.ts";

/** Options of the reductions. */
export interface ReduceOptions {
  /** The axis or axes to reduce (negative counts from the end); all axes when absent. */
  axis?: number | readonly number[];
  /** Keep each reduced axis with size 1, so the result broadcasts against the input. */
  keepdims?: boolean;
}

/** Options that reduce everything to a number. */
export interface ReduceAllOptions {
  /** Absent: reduce every axis. */
  axis?: undefined;
  /** Absent or false: return a plain number. */
  keepdims?: false;
}

/**
 * The axes a reduction runs over, normalised: all of them when absent. A list is read index by
 * index, so a hole (`[0, , 1]`) is refused rather than skipped as `flat()` would.
 */
function axesOf(name: string, axis: ReduceOptions["axis"], ndim: number): number[] {
  if (axis === undefined) return [...Array(ndim).keys()];
  if (!Array.isArray(axis)) return [normalizeAxis(axis as number, ndim)];
  const axes: number[] = [];
  for (let i = 0; i < axis.length; i++) {
    if (axis[i] === undefined && !(i in axis)) {
      throw new TypeError(NP_MESSAGES().axesHole(name, i));
    }
    axes.push(normalizeAxis(axis[i], ndim));
  }
  if (new Set(axes).size !== axes.length) {
    throw new RangeError(NP_MESSAGES().axesRepeat(name, axis.map((a) => describe(a)).join(", ")));
  }
  return axes;
}

function reduce(name: string, kind: ReduceKind, x: ArrayLike, options: ReduceOptions) {
  const a = asarray(x);
  const axes = axesOf(name, options.axis, a.ndim);
  for (const axis of axes) {
    if (a.shape[axis] === 0 && kind !== "sum") {
      throw new RangeError(NP_MESSAGES().reduceEmpty(name, axis, showShape(a.shape)));
    }
  }
  // Reduce the axes one at a time, from the last, each over an (outer, n, inner) view.
  let data = a.data;
  let shape = [...a.shape];
  for (const axis of [...axes].sort((p, q) => q - p)) {
    const outer = shapeSize(shape.slice(0, axis));
    const inner = shapeSize(shape.slice(axis + 1));
    const out = allocate(a.dtype, outer * inner, { name, shape: shape.with(axis, 1) });
    reduceAxis(kind, data, outer, shape[axis], inner, out);
    data = out;
    shape[axis] = 1;
  }
  if (!options.keepdims) shape = shape.filter((_, axis) => !axes.includes(axis));
  return options.axis === undefined && !options.keepdims ? data[0] : new NDArray(data, shape);
}

/**
 * The sum of elements, over all axes (a number) or along `axis` (an array).
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const x = np.array([[1, 2, 3], [4, 5, 6]]);
 * assert.equal(np.sum(x), 21);
 * assert.deepEqual(np.sum(x, { axis: 0 }).toArray(), [5, 7, 9]);
 * assert.deepEqual(np.sum(x, { axis: 1, keepdims: true }).toArray(), [[6], [15]]);
 * ```
 */
export function sum(x: ArrayLike, options?: ReduceAllOptions): number;
export function sum(x: ArrayLike, options: ReduceOptions): NDArray;
export function sum(x: ArrayLike, options: ReduceOptions = {}): number | NDArray {
  return reduce("sum", "sum", x, options);
}

/**
 * The arithmetic mean, over all axes (a number) or along `axis` (an array).
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(np.mean([1, 2, 3, 4]), 2.5);
 * assert.deepEqual(np.mean([[1, 2], [3, 4]], { axis: 0 }).toArray(), [2, 3]);
 * ```
 */
export function mean(x: ArrayLike, options?: ReduceAllOptions): number;
export function mean(x: ArrayLike, options: ReduceOptions): NDArray;
export function mean(x: ArrayLike, options: ReduceOptions = {}): number | NDArray {
  const a = asarray(x);
  const total = reduce("mean", "sum", a, options);
  const axes = axesOf("mean", options.axis, a.ndim);
  const count = axes.reduce((n, axis) => n * a.shape[axis], 1);
  if (typeof total === "number") return total / count;
  for (let i = 0; i < total.size; i++) total.data[i] /= count;
  return total;
}

/**
 * The largest element, over all axes (a number) or along `axis` (an array).
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(np.max([3, 9, 4]), 9);
 * assert.deepEqual(np.max([[1, 5], [7, 2]], { axis: 1 }).toArray(), [5, 7]);
 * ```
 */
export function max(x: ArrayLike, options?: ReduceAllOptions): number;
export function max(x: ArrayLike, options: ReduceOptions): NDArray;
export function max(x: ArrayLike, options: ReduceOptions = {}): number | NDArray {
  return reduce("max", "max", x, options);
}

/**
 * The smallest element, over all axes (a number) or along `axis` (an array).
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(np.min([3, 9, 4]), 3);
 * ```
 */
export function min(x: ArrayLike, options?: ReduceAllOptions): number;
export function min(x: ArrayLike, options: ReduceOptions): NDArray;
export function min(x: ArrayLike, options: ReduceOptions = {}): number | NDArray {
  return reduce("min", "min", x, options);
}

/** Options of {@linkcode argmax} and {@linkcode argmin}: one axis at most, as in NumPy. */
export interface ArgOptions {
  /** The axis to search along; the flattened array when absent. */
  axis?: number;
  /** Keep the searched axis with size 1. */
  keepdims?: boolean;
}

function argReduce(name: string, kind: ReduceKind, x: ArrayLike, options: ArgOptions) {
  const a = asarray(x);
  if (options.axis !== undefined && typeof options.axis !== "number") {
    throw new TypeError(NP_MESSAGES().singleAxis(name, describe(options.axis)));
  }
  if (options.axis === undefined) {
    if (a.size === 0) {
      throw new RangeError(NP_MESSAGES().argEmpty(name, showShape(a.shape), kind === "argmax"));
    }
    const flat = reduce(name, kind, a.reshape(-1), { axis: 0 }) as NDArray;
    return options.keepdims ? flat.reshape(a.shape.map(() => 1)) : flat.item();
  }
  return reduce(name, kind, a, { axis: options.axis, keepdims: options.keepdims });
}

/**
 * The index of the largest element (the first one on ties), in the flattened array (a number)
 * or along `axis` (an array of indices, as float64 numbers).
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const y = np.array([[0.1, 0.8, 0.1], [0.3, 0.1, 0.6]]);
 * assert.deepEqual(np.argmax(y, { axis: 1 }).toArray(), [1, 2]);
 * assert.equal(np.argmax(y), 1);
 * ```
 */
export function argmax(x: ArrayLike, options?: { axis?: undefined; keepdims?: false }): number;
export function argmax(x: ArrayLike, options: ArgOptions): NDArray;
export function argmax(x: ArrayLike, options: ArgOptions = {}): number | NDArray {
  const result = argReduce("argmax", "argmax", x, options);
  return typeof result === "number" ? result : result.astype("float64");
}

/**
 * The index of the smallest element, like {@linkcode argmax}.
 *
 * @example
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(np.argmin([3, 1, 2]), 1);
 * ```
 */
export function argmin(x: ArrayLike, options?: { axis?: undefined; keepdims?: false }): number;
export function argmin(x: ArrayLike, options: ArgOptions): NDArray;
export function argmin(x: ArrayLike, options: ArgOptions = {}): number | NDArray {
  const result = argReduce("argmin", "argmin", x, options);
  return typeof result === "number" ? result : result.astype("float64");
}
