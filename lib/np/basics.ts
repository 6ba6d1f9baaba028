/**
 * NumPy's basics written as plain loops: element-wise addition with broadcasting, the matrix
 * product, and reductions along one axis (the book's §1.5). This is the reference solution of
 * chapter 01 (`chapters/01/basics.ts`); the fast versions the rest of the workbook uses are
 * `np.add`, `np.dot`, `np.sum` and `np.argmax`.
 *
 * Every function walks a contiguous row-major `data` array. The one idea to hold on to: the
 * element at index `[i0, i1, …, i(n-1)]` of an array of shape `[s0, s1, …, s(n-1)]` sits at
 * `((i0 * s1 + i1) * s2 + i2) … ` in `data`.
 *
 * It is not exported from `np/mod.ts`: its names would clash with the fast ones.
 *
 * @module
 */

import { broadcastShapes } from "./broadcast.ts";
import { zeros } from "./creation.ts";
import { NP_MESSAGES } from "./messages.ts";
import { type DType, NDArray, type Shape, showShape } from "./ndarray.ts";

/** float32 only when both operands are float32, as `np.add` and `np.dot` decide. */
function resultDType(a: NDArray, b: NDArray): DType {
  return a.dtype === "float32" && b.dtype === "float32" ? "float32" : "float64";
}

/**
 * The flat position, in an array of `shape`, of the element that broadcasting pairs with
 * `index` of the (longer or equal) result: missing leading axes are skipped and an axis of
 * size 1 always reads its only element.
 */
function broadcastOffset(shape: Shape, index: readonly number[]): number {
  const skip = index.length - shape.length;
  let offset = 0;
  for (let axis = 0; axis < shape.length; axis++) {
    const i = shape[axis] === 1 ? 0 : index[skip + axis];
    offset = offset * shape[axis] + i;
  }
  return offset;
}

/**
 * a + b element by element, with NumPy's broadcasting (§1.5.3, §1.5.5): shapes are aligned
 * at their last axes, and an axis of size 1 (or a missing one) is repeated to match.
 *
 * @example The book's broadcast (§1.5.5)
 * ```ts
 * import { add } from "./basics.ts";
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const A = np.array([[1, 2], [3, 4]]);
 * assert.deepEqual(add(A, np.array([10, 20])).toArray(), [[11, 22], [13, 24]]);
 * assert.deepEqual(add(A, np.array(10)).toArray(), [[11, 12], [13, 14]]);
 * ```
 *
 * @param a The first array.
 * @param b The second array.
 * @returns A new array of the broadcast shape; float32 only when both inputs are float32.
 * @throws {TypeError} when the shapes do not broadcast (the message names both).
 */
export function add(a: NDArray, b: NDArray): NDArray {
  const shape = broadcastShapes(a.shape, b.shape);
  const out = zeros(shape, { dtype: resultDType(a, b) });
  // The multi-index of the result element being written, counted up like an odometer.
  const index = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < out.size; i++) {
    out.data[i] = a.data[broadcastOffset(a.shape, index)] + b.data[broadcastOffset(b.shape, index)];
    for (let axis = shape.length - 1; axis >= 0; axis--) {
      index[axis]++;
      if (index[axis] < shape[axis]) break;
      index[axis] = 0;
    }
  }
  return out;
}

/**
 * The matrix product of two 2-D arrays (§1.5.2 shows the shapes; the book's `np.dot` in
 * §3.3.2): `C[i][j] = Σ_p A[i][p] · B[p][j]`.
 *
 * @example The book's example (§3.3.2)
 * ```ts
 * import { dot } from "./basics.ts";
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const A = np.array([[1, 2], [3, 4]]);
 * const B = np.array([[5, 6], [7, 8]]);
 * assert.deepEqual(dot(A, B).toArray(), [[19, 22], [43, 50]]);
 * ```
 *
 * @param a A matrix of shape `[m, k]`.
 * @param b A matrix of shape `[k, n]`.
 * @returns A new `[m, n]` matrix; float32 only when both inputs are float32.
 * @throws {TypeError} when an operand is not 2-D, or when the columns of `a` differ from the
 * rows of `b` (the message names both shapes).
 */
export function dot(a: NDArray, b: NDArray): NDArray {
  if (a.ndim !== 2 || b.ndim !== 2) {
    throw new TypeError(NP_MESSAGES().dotRank(showShape(a.shape), showShape(b.shape)));
  }
  const [m, k] = a.shape;
  const [rows, n] = b.shape;
  if (k !== rows) {
    throw new TypeError(
      NP_MESSAGES().dotNotAligned(showShape(a.shape), showShape(b.shape), k, rows),
    );
  }
  const out = zeros([m, n], { dtype: resultDType(a, b) });
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let total = 0;
      for (let p = 0; p < k; p++) total += a.data[i * k + p] * b.data[p * n + j];
      out.data[i * n + j] = total;
    }
  }
  return out;
}

/**
 * Checks an axis and makes a negative one count from the end (-1 is the last axis).
 *
 * @throws {TypeError} for a non-integer, {RangeError} outside `-ndim .. ndim-1`.
 */
function checkAxis(name: string, axis: number, shape: Shape): number {
  if (!Number.isInteger(axis)) {
    throw new TypeError(NP_MESSAGES().axisNotIntegerOf(name, axis));
  }
  const ndim = shape.length;
  if (axis < -ndim || axis >= ndim) {
    throw new RangeError(NP_MESSAGES().axisOutOfBoundsOf(name, axis, showShape(shape), ndim));
  }
  return axis < 0 ? axis + ndim : axis;
}

/**
 * Views `shape` around `axis` as `[outer, n, inner]`: `outer` counts the positions before the
 * axis, `n` is its length and `inner` counts the positions after it. Element `[o, j, i]` of
 * that view sits at `(o * n + j) * inner + i` in `data`.
 */
function aroundAxis(shape: Shape, axis: number): [number, number, number] {
  let outer = 1, inner = 1;
  for (let d = 0; d < axis; d++) outer *= shape[d];
  for (let d = axis + 1; d < shape.length; d++) inner *= shape[d];
  return [outer, shape[axis], inner];
}

/** The shape of a reduction's result: the axis removed, or kept with size 1. */
function reducedShape(shape: Shape, axis: number, keepdims: boolean): number[] {
  return keepdims ? shape.map((s, d) => (d === axis ? 1 : s)) : shape.filter((_, d) => d !== axis);
}

/** Options of {@linkcode sum}. */
export interface SumOptions {
  /** The axis to add along (negative counts from the end). */
  axis: number;
  /** Keep the axis with size 1, so the result broadcasts against the input. */
  keepdims?: boolean;
}

/**
 * The sum along one axis, like `np.sum(x, axis=…, keepdims=…)` (the book uses it from §3.5.2
 * on: `np.sum(exp_a)`, `np.sum(y, axis=1)`).
 *
 * @example
 * ```ts
 * import { sum } from "./basics.ts";
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const x = np.array([[1, 2, 3], [4, 5, 6]]);
 * assert.deepEqual(sum(x, { axis: 0 }).toArray(), [5, 7, 9]);
 * assert.deepEqual(sum(x, { axis: -1, keepdims: true }).toArray(), [[6], [15]]);
 * ```
 *
 * @param x The array.
 * @param options `axis` (required) and `keepdims` (false by default).
 * @returns A new array without that axis (or with it as size 1), of x's dtype.
 * @throws {RangeError} for an axis outside `-ndim .. ndim-1`.
 */
export function sum(x: NDArray, options: SumOptions): NDArray {
  const axis = checkAxis("sum", options.axis, x.shape);
  const [outer, n, inner] = aroundAxis(x.shape, axis);
  const out = zeros(reducedShape(x.shape, axis, options.keepdims ?? false), { dtype: x.dtype });
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let total = 0;
      for (let j = 0; j < n; j++) total += x.data[(o * n + j) * inner + i];
      out.data[o * inner + i] = total;
    }
  }
  return out;
}

/** Options of {@linkcode argmax}. */
export interface ArgmaxOptions {
  /** The axis to search along (negative counts from the end). */
  axis: number;
}

/**
 * The index of the largest element along one axis (the first one on ties), like
 * `np.argmax(x, axis=…)`: the predicted class of each row of scores (§3.6.2).
 *
 * @example The book's batch of predictions (§3.6.3)
 * ```ts
 * import { argmax } from "./basics.ts";
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const y = np.array([[0.1, 0.8, 0.1], [0.3, 0.1, 0.6], [0.2, 0.5, 0.3], [0.8, 0.1, 0.1]]);
 * assert.deepEqual(argmax(y, { axis: 1 }).toArray(), [1, 2, 1, 0]);
 * ```
 *
 * @param x The array.
 * @param options `axis` (required).
 * @returns A new float64 array of indices, without that axis.
 * @throws {RangeError} for an axis outside `-ndim .. ndim-1` or an empty axis (no largest
 * element).
 */
export function argmax(x: NDArray, options: ArgmaxOptions): NDArray {
  const axis = checkAxis("argmax", options.axis, x.shape);
  const [outer, n, inner] = aroundAxis(x.shape, axis);
  if (n === 0) {
    throw new RangeError(NP_MESSAGES().argmaxEmptyAxis(options.axis, showShape(x.shape)));
  }
  const out = zeros(reducedShape(x.shape, axis, false));
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let best = 0;
      for (let j = 1; j < n; j++) {
        // ">" and not ">=": on ties the first index stays, as in NumPy.
        if (x.data[(o * n + j) * inner + i] > x.data[(o * n + best) * inner + i]) best = j;
      }
      out.data[o * inner + i] = best;
    }
  }
  return out;
}
