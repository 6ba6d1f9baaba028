/**
 * The matrix product used by `np.dot` and `np.matmul`: one entry point, so the backends can
 * change without touching the API.
 *
 * Two backends compute it:
 * - `"wasm"` (the default): WebAssembly SIMD kernels (`matmul_wasm.ts`), with big products split
 *   between the main thread and one worker;
 * - `"ts"`: the packed TypeScript kernel (`matmul_ts.ts`), used where WebAssembly is missing.
 *
 * `ZEROKARA_KERNELS=ts` forces the TypeScript kernel and `ZEROKARA_THREADS=1` keeps every product
 * on the main thread (see `config.ts`; {@linkcode kernelConfig} is re-exported here).
 *
 * Results are deterministic on a machine: the same operands and the same backend give the same
 * bits, whatever the thread count. Between machines the WebAssembly results may differ in the
 * last bits, as its multiply-add is fused only on CPUs with FMA (see `wasm/gemm.wat`).
 *
 * @module
 */

import { kernelConfig } from "./config.ts";
import { type Gemm, type GemmBatch, gemmBatchTs, gemmTs } from "./matmul_ts.ts";
import { gemmBatchWasm, gemmWasm } from "./matmul_wasm.ts";

export type { Gemm, GemmBatch } from "./matmul_ts.ts";
export { type KernelConfig, kernelConfig } from "./config.ts";

/**
 * Computes `C = op(A) · op(B)` (or adds it to C) with the backend of {@linkcode kernelConfig}.
 *
 * @example
 * ```ts
 * import { gemm } from "./matmul.ts";
 * import assert from "node:assert/strict";
 *
 * // [[1, 2], [3, 4]]ᵀ · [[5, 6], [7, 8]]
 * const c = new Float64Array(4);
 * const a = new Float64Array([1, 2, 3, 4]), b = new Float64Array([5, 6, 7, 8]);
 * gemm({ m: 2, n: 2, k: 2, a, b, c, transA: true });
 * assert.deepEqual([...c], [26, 30, 38, 44]);
 * ```
 *
 * @param g The operands and flags (see {@linkcode Gemm}).
 */
export function gemm(g: Gemm): void {
  if (kernelConfig.backend === "wasm" && gemmWasm(g, { threads: kernelConfig.threads })) return;
  gemmTs(g);
}

/**
 * Computes a batch of products of one shape (see {@linkcode GemmBatch}) with the backend of
 * {@linkcode kernelConfig}. With two threads the batch is shared between them, each product
 * computed whole by one thread, so the bits are those of one thread.
 *
 * @example Three 1×2 · 2×1 products with one shared A
 * ```ts
 * import { gemmBatch } from "./matmul.ts";
 * import assert from "node:assert/strict";
 *
 * const a = new Float32Array([1, 2]), b = new Float32Array([1, 1, 2, 2, 3, 3]);
 * const c = new Float32Array(3);
 * gemmBatch({ m: 1, n: 1, k: 2, a, b, c, count: 3, strideA: 0, strideB: 2 });
 * assert.deepEqual([...c], [3, 6, 9]);
 * ```
 *
 * @param g The operands, flags and batch (see {@linkcode GemmBatch}).
 */
export function gemmBatch(g: GemmBatch): void {
  if (kernelConfig.backend === "wasm" && gemmBatchWasm(g, { threads: kernelConfig.threads })) {
    return;
  }
  gemmBatchTs(g);
}
