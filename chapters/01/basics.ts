/**
 * Chapter 01, exercises 2–5: NumPy's basics written as plain loops (the book's §1.5).
 *
 * An `NDArray` keeps its elements in one row-major typed array, its `data`: the element at
 * index [i0, i1, …] of shape [s0, s1, …] sits at position ((i0 · s1 + i1) · s2 + i2) · …
 * Here you write the loops over `data` yourself. The `np` module is imported for you to make
 * the result arrays (look up its `zeros` and its `broadcastShapes`, or import your own
 * `broadcastShapes` from `./broadcast.ts`); the fast versions of these four functions in
 * `np` are what the tests compare yours with.
 *
 * @module
 */

import { todo } from "../../lib/kata/todo.ts";
import * as np from "../../lib/np/mod.ts";
import type { NDArray } from "../../lib/np/mod.ts";

/**
 * a + b element by element, with NumPy's broadcasting (§1.5.3, §1.5.5): the shapes are
 * aligned at their last axes, and an axis of size 1 (or a missing one) is repeated to match.
 *
 * Example: [[1, 2], [3, 4]] + [10, 20] is [[11, 22], [13, 24]].
 *
 * Tested: the book's examples, broadcasting on both sides (a column and a row), empty and
 * 0-d arrays, the dtype rule, that the inputs are not changed, random broadcastable shapes
 * against the library's addition, and the error for shapes that do not broadcast.
 *
 * @param a The first array.
 * @param b The second array.
 * @returns A new array of the broadcast shape; float32 only when both inputs are float32
 * (else float64).
 * @throws {TypeError} when the shapes do not broadcast (the message names both).
 */
export function add(a: NDArray, b: NDArray): NDArray {
  return todo("add", "01", a, b, np);
}

/**
 * The matrix product of two 2-D arrays, NumPy's dot (§3.3.2):
 * C[i][j] = Σₚ A[i][p] · B[p][j].
 *
 * Example: [[1, 2], [3, 4]] · [[5, 6], [7, 8]] is [[19, 22], [43, 50]].
 *
 * Tested: the book's examples, the identity matrix on both sides, (AB)ᵀ = BᵀAᵀ, an empty
 * shared axis, the dtype rule, random matrices against the library's product, and the errors
 * for mismatched and non-2-D operands.
 *
 * @param a A matrix of shape [m, k].
 * @param b A matrix of shape [k, n].
 * @returns A new [m, n] matrix; float32 only when both inputs are float32.
 * @throws {TypeError} when an operand is not 2-D, or when the columns of `a` differ from the
 * rows of `b`; the message names both shapes, like NumPy's "shapes [2, 3] and [2, 2] not
 * aligned: 3 (dim 1) != 2 (dim 0)".
 */
export function dot(a: NDArray, b: NDArray): NDArray {
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
 * The sum along one axis, like NumPy's sum with `axis` and `keepdims`:
 * out[…, j, …] = Σᵢ x[…, i, j, …] over the index i of that axis.
 *
 * Example: for x = [[1, 2, 3], [4, 5, 6]], axis 0 gives [5, 7, 9], axis 1 gives [6, 15],
 * and axis -1 with `keepdims` gives [[6], [15]].
 *
 * Tested: these examples and a middle axis of a 3-D array, that every axis keeps the grand
 * total, the result's number of axes, an empty axis (its sum is 0), float32 kept, random
 * shapes and axes against the library's sum, and the error for an axis out of range.
 *
 * @param x The array.
 * @param options `axis` (required) and `keepdims` (false by default).
 * @returns A new array without that axis (or with it as size 1), of x's dtype.
 * @throws {RangeError} for an axis outside -ndim .. ndim-1 (the message names the axis).
 */
export function sum(x: NDArray, options: SumOptions): NDArray {
  return todo("sum", "01", x, options);
}

/** Options of {@linkcode argmax}. */
export interface ArgmaxOptions {
  /** The axis to search along (negative counts from the end). */
  axis: number;
}

/**
 * The index of the largest element along one axis (the first one on ties), like NumPy's
 * argmax with `axis`: the predicted class of each row of scores (§3.6.2).
 *
 * Example: for the rows [[0.1, 0.8, 0.1], [0.3, 0.1, 0.6]], axis 1 gives [1, 2].
 *
 * Tested: the book's batch of four predictions along both axes, ties (the first index wins),
 * negative values, a 3-D array, a float64 result for float32 input, random shapes and axes
 * with many ties against the library's argmax, and the errors for an axis out of range and
 * an empty axis.
 *
 * @param x The array.
 * @param options `axis` (required).
 * @returns A new float64 array of indices, without that axis.
 * @throws {RangeError} for an axis outside -ndim .. ndim-1, or an empty axis (it has no
 * largest element).
 */
export function argmax(x: NDArray, options: ArgmaxOptions): NDArray {
  return todo("argmax", "01", x, options);
}
