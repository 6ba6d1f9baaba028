/**
 * Chapter 01, exercises 2–5: NumPy's basics written as plain loops (the book's §1.5).
 *
 * An `NDArray` keeps its elements in one row-major typed array, `x.data`: the element at
 * index `[i0, i1, …]` of shape `[s0, s1, …]` sits at `((i0 * s1 + i1) * s2 + i2) …`. Write
 * the loops yourself; `np.zeros(shape, { dtype })` makes the result and
 * `np.broadcastShapes(a, b)` gives a broadcast shape (or import your own from
 * `./broadcast.ts`).
 *
 * @module
 */

import { todo } from "../../lib/kata/todo.ts";
import type { NDArray } from "../../lib/np/mod.ts";

/**
 * a + b element by element, with NumPy's broadcasting (§1.5.3, §1.5.5): shapes are aligned
 * at their last axes, and an axis of size 1 (or a missing one) is repeated to match.
 *
 * `add([[1, 2], [3, 4]], [10, 20])` is `[[11, 22], [13, 24]]`.
 *
 * @param a The first array.
 * @param b The second array.
 * @returns A new array of the broadcast shape; float32 only when both inputs are float32
 * (else float64).
 * @throws {TypeError} when the shapes do not broadcast (the message names both).
 */
export function add(a: NDArray, b: NDArray): NDArray {
  // TODO: for each element of the result, find the element of a and of b it adds.
  return todo("add", "01", a, b);
}

/**
 * The matrix product of two 2-D arrays, `C[i][j] = Σ_p A[i][p] · B[p][j]` (the book's
 * `np.dot`, §3.3.2).
 *
 * `dot([[1, 2], [3, 4]], [[5, 6], [7, 8]])` is `[[19, 22], [43, 50]]`.
 *
 * @param a A matrix of shape `[m, k]`.
 * @param b A matrix of shape `[k, n]`.
 * @returns A new `[m, n]` matrix; float32 only when both inputs are float32.
 * @throws {TypeError} when an operand is not 2-D, or when the columns of `a` differ from the
 * rows of `b`; the message names both shapes, like NumPy's "shapes [2, 3] and [2, 2] not
 * aligned: 3 (dim 1) != 2 (dim 0)".
 */
export function dot(a: NDArray, b: NDArray): NDArray {
  // TODO: three nested loops: rows of a, columns of b, and the shared axis.
  return todo("dot", "01", a, b);
}

/** Options of {@linkcode sum}. */
export interface SumOptions {
  /** The axis to add along (negative counts from the end). */
  axis: number;
  /** Keep the axis with size 1, so the result broadcasts against the input. */
  keepdims?: boolean;
}

/**
 * The sum along one axis, like `np.sum(x, axis=…, keepdims=…)`.
 *
 * For `x = [[1, 2, 3], [4, 5, 6]]`: axis 0 gives `[5, 7, 9]`, axis 1 gives `[6, 15]`, and
 * axis -1 with `keepdims: true` gives `[[6], [15]]`.
 *
 * @param x The array.
 * @param options `axis` (required) and `keepdims` (false by default).
 * @returns A new array without that axis (or with it as size 1), of x's dtype.
 * @throws {RangeError} for an axis outside `-ndim .. ndim-1` (the message names the axis).
 */
export function sum(x: NDArray, options: SumOptions): NDArray {
  // TODO: see the shape as [outer, n, inner] around the axis and add along n.
  return todo("sum", "01", x, options);
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
 * For the rows `[[0.1, 0.8, 0.1], [0.3, 0.1, 0.6]]`, axis 1 gives `[1, 2]`.
 *
 * @param x The array.
 * @param options `axis` (required).
 * @returns A new float64 array of indices, without that axis.
 * @throws {RangeError} for an axis outside `-ndim .. ndim-1`, or an empty axis (it has no
 * largest element).
 */
export function argmax(x: NDArray, options: ArgmaxOptions): NDArray {
  // TODO: like sum, but keep the index of the best value instead of a total.
  return todo("argmax", "01", x, options);
}
