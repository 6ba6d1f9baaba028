/**
 * The matrix product in plain TypeScript: the fallback where WebAssembly is unavailable and
 * the yardstick the faster kernels are tested against.
 *
 * `C = op(A) · op(B)`, where `op` optionally transposes, on row-major matrices. It packs
 * panels of A and B so the 4×4 register block below reads both sequentially, and it keeps
 * sixteen accumulators in locals, which V8 holds in registers: about four times the speed of
 * the naive i-j-k loop.
 *
 * @module
 */

import type { TypedArray } from "../ndarray.ts";

/** The operands of one product `C (m×n) = op(A) (m×k) · op(B) (k×n)`, all row-major. */
export interface Gemm {
  /** Rows of C. */
  m: number;
  /** Columns of C. */
  n: number;
  /** The shared dimension. */
  k: number;
  /** A as stored: `m×k`, or `k×m` when `transA`. */
  a: TypedArray;
  /** B as stored: `k×n`, or `n×k` when `transB`. */
  b: TypedArray;
  /** The result, `m×n`; overwritten unless `accumulate`. */
  c: TypedArray;
  /** Use the transpose of A as stored. */
  transA?: boolean;
  /** Use the transpose of B as stored. */
  transB?: boolean;
  /** Add the product to C instead of overwriting it. */
  accumulate?: boolean;
}

/**
 * A batch of `count` products of one shape, `C[i] = op(A[i]) · op(B[i])`, with the matrices of
 * each operand `strideA`, `strideB` (elements) apart: 0 repeats one matrix for the whole batch
 * (a 2-D operand broadcast against a batch, as W against the images of a convolution). C's
 * matrices are consecutive (`m·n` apart).
 */
export interface GemmBatch extends Gemm {
  /** How many products. */
  count: number;
  /** Elements from one matrix of A to the next: `m·k`, or 0 for one A shared by all. */
  strideA: number;
  /** Elements from one matrix of B to the next: `k·n`, or 0 for one B shared by all. */
  strideB: number;
}

/**
 * Computes a batch of products with {@linkcode gemmTs}, one after the other.
 *
 * @example Two products with one shared B
 * ```ts
 * import { gemmBatchTs } from "./matmul_ts.ts";
 * import assert from "node:assert/strict";
 *
 * const a = new Float64Array([1, 2, 3, 4]), b = new Float64Array([10, 100]);
 * const c = new Float64Array(2);
 * gemmBatchTs({ m: 1, n: 1, k: 2, a, b, c, count: 2, strideA: 2, strideB: 0 });
 * assert.deepEqual([...c], [210, 430]);
 * ```
 */
export function gemmBatchTs(g: GemmBatch): void {
  const { m, n, k, count, strideA, strideB } = g;
  for (let i = 0; i < count; i++) {
    gemmTs({
      ...g,
      a: g.a.subarray(i * strideA, i * strideA + m * k),
      b: g.b.subarray(i * strideB, i * strideB + k * n),
      c: g.c.subarray(i * m * n, (i + 1) * m * n),
    });
  }
}

const MR = 4;
const NR = 4;
const KC = 256;

/**
 * Computes one matrix product with the packed, register-blocked TypeScript kernel.
 *
 * @example
 * ```ts
 * import { gemmTs } from "./matmul_ts.ts";
 * import assert from "node:assert/strict";
 *
 * const c = new Float64Array(4);
 * gemmTs({ m: 2, n: 2, k: 2, a: new Float64Array([1, 2, 3, 4]), b: new Float64Array([5, 6, 7, 8]), c });
 * assert.deepEqual([...c], [19, 22, 43, 50]);
 * ```
 */
export function gemmTs(g: Gemm): void {
  const { m, n, k, a, b, c } = g;
  if (!g.accumulate) c.fill(0);
  if (m === 0 || n === 0 || k === 0) return;
  const mPadded = Math.ceil(m / MR) * MR;
  const nPadded = Math.ceil(n / NR) * NR;
  const packedA = new Float64Array(mPadded * Math.min(k, KC));
  const packedB = new Float64Array(nPadded * Math.min(k, KC));
  // Strides of op(A)[i][p] and op(B)[p][j] in the stored arrays.
  const aRow = g.transA ? 1 : k, aCol = g.transA ? m : 1;
  const bRow = g.transB ? 1 : n, bCol = g.transB ? k : 1;
  for (let p0 = 0; p0 < k; p0 += KC) {
    const kc = Math.min(KC, k - p0);
    packPanels(a, packedA, m, mPadded, kc, p0, aRow, aCol, MR);
    packPanels(b, packedB, n, nPadded, kc, p0, bCol, bRow, NR);
    for (let i0 = 0; i0 < m; i0 += MR) {
      for (let j0 = 0; j0 < n; j0 += NR) {
        microKernel(packedA, i0 * kc, packedB, j0 * kc, kc, c, i0, j0, m, n);
      }
    }
  }
}

/**
 * Copies `rows` rows of a (k-slice of a) matrix into panels of `width` rows, each stored
 * k-major, so that the micro-kernel reads `width` consecutive values per step of k.
 * Rows past the end are zero, which lets the micro-kernel ignore the edges.
 */
function packPanels(
  src: TypedArray,
  dst: Float64Array,
  rows: number,
  rowsPadded: number,
  kc: number,
  p0: number,
  rowStride: number,
  kStride: number,
  width: number,
): void {
  for (let r0 = 0; r0 < rowsPadded; r0 += width) {
    const panel = r0 * kc;
    for (let r = 0; r < width; r++) {
      const row = r0 + r;
      if (row >= rows) {
        for (let p = 0; p < kc; p++) dst[panel + p * width + r] = 0;
        continue;
      }
      let from = row * rowStride + p0 * kStride;
      for (let p = 0; p < kc; p++, from += kStride) dst[panel + p * width + r] = src[from];
    }
  }
}

/** C[i0..i0+4][j0..j0+4] += packed A panel · packed B panel, with 16 accumulators. */
function microKernel(
  pa: Float64Array,
  aAt: number,
  pb: Float64Array,
  bAt: number,
  kc: number,
  c: TypedArray,
  i0: number,
  j0: number,
  m: number,
  n: number,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  for (let p = 0; p < kc; p++, aAt += MR, bAt += NR) {
    const a0 = pa[aAt], a1 = pa[aAt + 1], a2 = pa[aAt + 2], a3 = pa[aAt + 3];
    const b0 = pb[bAt], b1 = pb[bAt + 1], b2 = pb[bAt + 2], b3 = pb[bAt + 3];
    c00 += a0 * b0, c01 += a0 * b1, c02 += a0 * b2, c03 += a0 * b3;
    c10 += a1 * b0, c11 += a1 * b1, c12 += a1 * b2, c13 += a1 * b3;
    c20 += a2 * b0, c21 += a2 * b1, c22 += a2 * b2, c23 += a2 * b3;
    c30 += a3 * b0, c31 += a3 * b1, c32 += a3 * b2, c33 += a3 * b3;
  }
  const block = [c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33];
  const rows = Math.min(MR, m - i0), cols = Math.min(NR, n - j0);
  for (let r = 0; r < rows; r++) {
    const at = (i0 + r) * n + j0;
    for (let s = 0; s < cols; s++) c[at + s] += block[r * NR + s];
  }
}
