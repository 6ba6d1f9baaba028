/**
 * The matrix product used by `np.dot` and `np.matmul`: one entry point, so a faster backend
 * can replace the TypeScript kernel without touching the API.
 *
 * @module
 */

import { type Gemm, gemmTs } from "./matmul_ts.ts";

export type { Gemm } from "./matmul_ts.ts";

/** Computes `C = op(A) · op(B)` (or adds it to C) with the fastest available backend. */
export function gemm(g: Gemm): void {
  gemmTs(g);
}
