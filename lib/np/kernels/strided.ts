/**
 * Strided copies: the loop behind slicing (`x.slice(null, null, "0:24:2")`), slice assignment
 * (`col.assign([null, null, y, x], …)`) and constant padding (`np.pad`).
 *
 * Both sides are described by an offset and one stride per axis of a common shape (a stride of
 * 0 on the source repeats a value: broadcasting). Axes of length 1 are dropped and neighbours
 * that are contiguous in both operands merged, so the book's im2col copies become a few long
 * rows; each row is one `TypedArray.set` when both sides are contiguous and long enough, a fill
 * when the source repeats one value, else a tight loop.
 *
 * @module
 */

import type { TypedArray } from "../ndarray.ts";

/** Rows at least this long are copied with `set(subarray(…))`; shorter ones by a loop. */
const SET_MIN = 48;

/**
 * Copies the elements of a strided view of `src` into a strided view of `dst`, in row-major
 * order of `shape`: `dst[dOff + Σ iₖ·dStrides[k]] = src[sOff + Σ iₖ·sStrides[k]]`.
 *
 * The two views must not overlap in memory (copy the source first if they might).
 *
 * @example Every second element of a row, into a new array
 * ```ts
 * import { stridedCopy } from "./strided.ts";
 * import assert from "node:assert/strict";
 *
 * const out = new Float64Array(3);
 * stridedCopy(new Float64Array([0, 1, 2, 3, 4, 5]), 1, [2], out, 0, [1], [3]);
 * assert.deepEqual([...out], [1, 3, 5]);
 * ```
 *
 * @param src The source data.
 * @param sOff The source offset of the first element.
 * @param sStrides The source stride of each axis (0 repeats the value along it).
 * @param dst The destination data.
 * @param dOff The destination offset of the first element.
 * @param dStrides The destination stride of each axis.
 * @param shape The length of each axis.
 */
export function stridedCopy(
  src: TypedArray,
  sOff: number,
  sStrides: readonly number[],
  dst: TypedArray,
  dOff: number,
  dStrides: readonly number[],
  shape: readonly number[],
): void {
  // Drop axes of length 1 and merge neighbours contiguous in both operands.
  const sizes: number[] = [], ss: number[] = [], ds: number[] = [];
  for (let axis = 0; axis < shape.length; axis++) {
    const n = shape[axis];
    if (n === 0) return;
    if (n === 1) continue;
    const last = sizes.length - 1;
    if (last >= 0 && ss[last] === sStrides[axis] * n && ds[last] === dStrides[axis] * n) {
      sizes[last] *= n;
      ss[last] = sStrides[axis];
      ds[last] = dStrides[axis];
    } else {
      sizes.push(n);
      ss.push(sStrides[axis]);
      ds.push(dStrides[axis]);
    }
  }
  const ndim = sizes.length;
  if (ndim === 0) {
    dst[dOff] = src[sOff];
    return;
  }
  const last = ndim - 1;
  // The innermost axis is a run of n values; the one before it (if any) m runs of them; the
  // axes before that are walked as an odometer, one plane of m runs at a time.
  const n = sizes[last], sStep = ss[last], dStep = ds[last];
  const m = ndim > 1 ? sizes[last - 1] : 1;
  const sRun = ndim > 1 ? ss[last - 1] : 0, dRun = ndim > 1 ? ds[last - 1] : 0;
  let planes = 1;
  for (let axis = 0; axis < last - 1; axis++) planes *= sizes[axis];
  const index = new Array<number>(ndim).fill(0);
  const mode = sStep === 1 && dStep === 1
    ? (n >= SET_MIN ? 0 : 1)
    : sStep === 0 && dStep === 1
    ? 2
    : 3;
  let s = sOff, d = dOff;
  for (let plane = 0; plane < planes; plane++) {
    switch (mode) {
      case 0:
        for (let r = 0, si = s, di = d; r < m; r++, si += sRun, di += dRun) {
          dst.set(src.subarray(si, si + n), di);
        }
        break;
      case 1:
        for (let r = 0, si = s, di = d; r < m; r++, si += sRun, di += dRun) {
          for (let j = 0; j < n; j++) dst[di + j] = src[si + j];
        }
        break;
      case 2:
        for (let r = 0, si = s, di = d; r < m; r++, si += sRun, di += dRun) {
          dst.fill(src[si], di, di + n);
        }
        break;
      default:
        for (let r = 0, si = s, di = d; r < m; r++, si += sRun, di += dRun) {
          for (let j = 0, sj = si, dj = di; j < n; j++, sj += sStep, dj += dStep) dst[dj] = src[sj];
        }
    }
    for (let axis = last - 2; axis >= 0; axis--) {
      if (++index[axis] < sizes[axis]) {
        s += ss[axis];
        d += ds[axis];
        break;
      }
      index[axis] = 0;
      s -= ss[axis] * (sizes[axis] - 1);
      d -= ds[axis] * (sizes[axis] - 1);
    }
  }
}
