/**
 * Copies an array with its axes permuted: the loop behind `transpose` and `.T`.
 *
 * The CNN layers transpose between NCHW and NHWC on every pass (the book's
 * `x.transpose(0, 2, 3, 1)`). Axes that stay adjacent are merged first, which turns those into
 * a batch of 2-D transposes `(N, C, H·W) → (N, H·W, C)`, done in tiles so that reads and writes
 * both stay in cache. Any other permutation is copied one output row at a time.
 *
 * @module
 */

import type { TypedArray } from "../ndarray.ts";

/**
 * Writes `x` (row-major, of `shape`) into `out` with its axes in the order `perm`:
 * `out[i₀, i₁, …] = x[…]` where output axis j is input axis `perm[j]`, like NumPy's
 * `np.transpose(x, perm)` followed by a copy.
 *
 * @example
 * ```ts
 * import { permuteKernel } from "./permute.ts";
 * import assert from "node:assert/strict";
 *
 * const out = new Float64Array(6);
 * permuteKernel(new Float64Array([1, 2, 3, 4, 5, 6]), out, [2, 3], [1, 0]);
 * assert.deepEqual([...out], [1, 4, 2, 5, 3, 6]);
 * ```
 *
 * @param x The source data.
 * @param out The destination, as long as x.
 * @param shape The shape of x.
 * @param perm A permutation of the axes of x.
 */
export function permuteKernel(
  x: TypedArray,
  out: TypedArray,
  shape: readonly number[],
  perm: readonly number[],
): void {
  if (out.length === 0) return;
  const [sizes, steps] = mergedAxes(shape, perm);
  const ndim = sizes.length;
  if (ndim === 1) {
    out.set(x.subarray(0, out.length));
    return;
  }
  // A batch of 2-D transposes: the last two output axes are the input's last two, swapped.
  if (steps[ndim - 2] === 1 && steps[ndim - 1] === sizes[ndim - 2]) {
    const rows = sizes[ndim - 2], cols = sizes[ndim - 1], matrix = rows * cols;
    const batchSizes = sizes.slice(0, -2), batchSteps = steps.slice(0, -2);
    forEachRow(batchSizes, batchSteps, (from, at) => {
      transposeTiles(x, from, out, at * matrix, rows, cols);
    });
    return;
  }
  const n = sizes[ndim - 1], step = steps[ndim - 1];
  forEachRow(sizes.slice(0, -1), steps.slice(0, -1), (from, at) => {
    for (let j = 0, o = at * n; j < n; j++, from += step) out[o + j] = x[from];
  });
}

/**
 * The output's axes with their input strides, after dropping axes of length 1 and merging
 * neighbours that are also neighbours in the input: [sizes, steps].
 */
function mergedAxes(shape: readonly number[], perm: readonly number[]): [number[], number[]] {
  const strides = new Array<number>(shape.length);
  for (let axis = shape.length - 1, s = 1; axis >= 0; axis--) {
    strides[axis] = s;
    s *= shape[axis];
  }
  const sizes: number[] = [], steps: number[] = [];
  for (const axis of perm) {
    if (shape[axis] === 1) continue;
    const last = sizes.length - 1;
    if (last >= 0 && steps[last] === strides[axis] * shape[axis]) {
      sizes[last] *= shape[axis];
      steps[last] = strides[axis];
    } else {
      sizes.push(shape[axis]);
      steps.push(strides[axis]);
    }
  }
  if (sizes.length === 0) return [[1], [1]];
  return [sizes, steps];
}

/**
 * Calls `body(from, at)` for every index of the outer axes in row-major order, with `from`
 * the input offset and `at` the running count.
 */
function forEachRow(
  sizes: readonly number[],
  steps: readonly number[],
  body: (from: number, at: number) => void,
): void {
  const ndim = sizes.length;
  const count = sizes.reduce((p, n) => p * n, 1);
  const index = new Array<number>(ndim).fill(0);
  let from = 0;
  for (let at = 0; at < count; at++) {
    body(from, at);
    for (let axis = ndim - 1; axis >= 0; axis--) {
      if (++index[axis] < sizes[axis]) {
        from += steps[axis];
        break;
      }
      index[axis] = 0;
      from -= steps[axis] * (sizes[axis] - 1);
    }
  }
}

/**
 * Writes the (cols × rows) matrix at x[from] transposed, as rows × cols at out[at], in tiles of
 * 64 × 64. Within a tile, four input rows are read side by side and each step writes four
 * neighbouring outputs: 1.5–2× faster than one element per step on the CNN layers' shapes.
 */
function transposeTiles(
  x: TypedArray,
  from: number,
  out: TypedArray,
  at: number,
  rows: number,
  cols: number,
): void {
  // The input is cols × rows (row-major); the output rows × cols.
  const tile = 64;
  for (let c0 = 0; c0 < cols; c0 += tile) {
    const c1 = Math.min(c0 + tile, cols);
    for (let r0 = 0; r0 < rows; r0 += tile) {
      const r1 = Math.min(r0 + tile, rows);
      let c = c0;
      for (; c + 3 < c1; c += 4) {
        const i0 = from + c * rows, i1 = i0 + rows, i2 = i1 + rows, i3 = i2 + rows;
        for (let r = r0, o = at + r0 * cols + c; r < r1; r++, o += cols) {
          out[o] = x[i0 + r];
          out[o + 1] = x[i1 + r];
          out[o + 2] = x[i2 + r];
          out[o + 3] = x[i3 + r];
        }
      }
      for (; c < c1; c++) {
        const i0 = from + c * rows;
        for (let r = r0, o = at + r0 * cols + c; r < r1; r++, o += cols) out[o] = x[i0 + r];
      }
    }
  }
}
