/**
 * The matrix product used by `np.dot` and `np.matmul`: one entry point, so the backends can
 * change without touching the API.
 *
 * Two backends compute it:
 * - `"wasm"` (the default): WebAssembly SIMD kernels (`matmul_wasm.ts`), with big products split
 *   between the main thread and one worker;
 * - `"ts"`: the packed TypeScript kernel (`matmul_ts.ts`), used where WebAssembly is missing.
 *
 * Two environment variables choose, read once at start-up (when `--allow-env` lets us read them):
 * `ZEROKARA_KERNELS=ts` forces the TypeScript kernel, `ZEROKARA_THREADS=1` keeps every product
 * on the main thread. {@linkcode kernelConfig} can also be changed at run time.
 *
 * Results are deterministic: the same operands and the same backend give the same bits,
 * whatever the thread count.
 *
 * @module
 */

import { type Gemm, gemmTs } from "./matmul_ts.ts";
import { gemmWasm } from "./matmul_wasm.ts";

export type { Gemm } from "./matmul_ts.ts";

/** Which kernels compute the matrix products, and on how many threads. */
export interface KernelConfig {
  /** `"wasm"` (WebAssembly SIMD, where available) or `"ts"` (plain TypeScript). */
  backend: "wasm" | "ts";
  /** 1 or 2: how many threads may share a big product. */
  threads: number;
}

/** Reads an environment variable if we may, without prompting. */
function env(name: string): string | undefined {
  try {
    if (Deno.permissions.querySync({ name: "env", variable: name }).state !== "granted") return;
    return Deno.env.get(name);
  } catch {
    return undefined;
  }
}

/**
 * The current choice of kernels, from `ZEROKARA_KERNELS` and `ZEROKARA_THREADS` at start-up.
 * Assign to its fields to change it (tests and benchmarks do).
 *
 * @example
 * ```ts
 * import { kernelConfig } from "./matmul.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(kernelConfig.backend === "wasm" || kernelConfig.backend === "ts");
 * assert.ok(kernelConfig.threads >= 1);
 * ```
 */
export const kernelConfig: KernelConfig = {
  backend: env("ZEROKARA_KERNELS") === "ts" ? "ts" : "wasm",
  threads: Math.max(
    1,
    Math.min(2, Number(env("ZEROKARA_THREADS") ?? navigator.hardwareConcurrency) || 1),
  ),
};

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
