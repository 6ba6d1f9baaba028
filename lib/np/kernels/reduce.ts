/**
 * Reductions along one axis of a contiguous array seen as `(outer, n, inner)`: the axis has
 * length n, `outer` counts what comes before it and `inner` what comes after.
 *
 * Each kind has its own loop; the inner index runs fastest so reads stay sequential.
 *
 * @module
 */

import type { TypedArray } from "../ndarray.ts";
import { extremeOfRunsWasm } from "./elementwise_wasm.ts";

/** The reductions with loops of their own. */
export type ReduceKind = "sum" | "max" | "min" | "argmax" | "argmin";

/**
 * Reduces the middle axis of `x` viewed as `(outer, n, inner)` into `out` of length
 * `outer * inner`. For `argmax`/`argmin` the results are indices along the axis (the first
 * one on ties, like NumPy); NaN wins every comparison, as in NumPy.
 */
export function reduceAxis(
  kind: ReduceKind,
  x: TypedArray,
  outer: number,
  n: number,
  inner: number,
  out: TypedArray,
): void {
  if (inner === 1 && kind !== "sum") {
    // The last axis (pooling's max over each window, argmax over classes): runs of n values.
    extremeOfRuns(kind, x, outer, n, out);
    return;
  }
  for (let o = 0; o < outer; o++) {
    const base = o * n * inner;
    const at = o * inner;
    switch (kind) {
      case "sum":
        sumRows(x, base, n, inner, out, at);
        break;
      case "max":
      case "min":
        extremeRows(kind === "max", x, base, n, inner, out, at);
        break;
      default:
        argExtremeRows(kind === "argmax", x, base, n, inner, out, at);
    }
  }
}

/**
 * max, min, argmax or argmin of `outer` consecutive runs of n values. One comparison per value:
 * `!(v <= best)` is true for a larger value and for NaN, which then ends the run (NaN wins).
 */
function extremeOfRuns(
  kind: Exclude<ReduceKind, "sum">,
  x: TypedArray,
  outer: number,
  n: number,
  out: TypedArray,
): void {
  // min and argmin are max and argmax of -x.
  const sign = kind === "max" || kind === "argmax" ? 1 : -1;
  const wantIndex = kind === "argmax" || kind === "argmin";
  // WebAssembly does whole groups of runs without branches; the loop below does the rest.
  const first = extremeOfRunsWasm(kind, x, outer, n, out);
  for (let o = first, base = first * n; o < outer; o++, base += n) {
    let best = sign * x[base];
    let bestIndex = 0;
    if (best === best) {
      for (let r = 1; r < n; r++) {
        const v = sign * x[base + r];
        if (!(v <= best)) {
          best = v;
          bestIndex = r;
          if (v !== v) break;
        }
      }
    }
    out[o] = wantIndex ? bestIndex : sign * best;
  }
}

function sumRows(
  x: TypedArray,
  base: number,
  n: number,
  inner: number,
  out: TypedArray,
  at: number,
): void {
  if (inner === 1) {
    // Pairs of partial sums halve the dependency chain of one long addition.
    let s0 = 0, s1 = 0;
    let i = base;
    const end = base + n;
    for (; i + 1 < end; i += 2) {
      s0 += x[i];
      s1 += x[i + 1];
    }
    if (i < end) s0 += x[i];
    out[at] = s0 + s1;
    return;
  }
  const acc = new Float64Array(inner);
  for (let r = 0; r < n; r++) {
    const row = base + r * inner;
    for (let j = 0; j < inner; j++) acc[j] += x[row + j];
  }
  for (let j = 0; j < inner; j++) out[at + j] = acc[j];
}

function extremeRows(
  isMax: boolean,
  x: TypedArray,
  base: number,
  n: number,
  inner: number,
  out: TypedArray,
  at: number,
): void {
  for (let j = 0; j < inner; j++) {
    let best = x[base + j];
    for (let r = 1; r < n && !Number.isNaN(best); r++) {
      const v = x[base + r * inner + j];
      if (Number.isNaN(v) || (isMax ? v > best : v < best)) best = v;
    }
    out[at + j] = best;
  }
}

function argExtremeRows(
  isMax: boolean,
  x: TypedArray,
  base: number,
  n: number,
  inner: number,
  out: TypedArray,
  at: number,
): void {
  for (let j = 0; j < inner; j++) {
    let best = x[base + j];
    let bestIndex = 0;
    for (let r = 1; r < n && !Number.isNaN(best); r++) {
      const v = x[base + r * inner + j];
      if (Number.isNaN(v) || (isMax ? v > best : v < best)) {
        best = v;
        bestIndex = r;
      }
    }
    out[at + j] = bestIndex;
  }
}
