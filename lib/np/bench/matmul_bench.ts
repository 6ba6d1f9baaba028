/**
 * The 512×512×512 matrix product, float64 and float32: `np.dot`, the raw `gemm` kernel with
 * each backend, and the naive i-j-k loop as the baseline.
 *
 * ```sh
 * deno bench -A lib/np/bench/matmul_bench.ts
 * ```
 *
 * One product is 2·512³ ≈ 268 million floating-point operations, so GFLOP/s = 268.4 / (time
 * per iteration in milliseconds) / 1000 (e.g. 40 ms is 6.7 GFLOP/s). The summary after each
 * group gives the speed-ups over the naive baseline. The machine should be otherwise idle:
 * "2 threads" only helps when the second core is free.
 *
 * @module
 */

import * as np from "../mod.ts";
import { gemm, kernelConfig } from "../kernels/matmul.ts";
import { gemmTs } from "../kernels/matmul_ts.ts";
import type { TypedArray } from "../ndarray.ts";

const N = 512;

/** The textbook i-j-k loop: row i of A times column j of B, B read with a stride of N. */
function naive(a: TypedArray, b: TypedArray, c: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let total = 0;
      for (let p = 0; p < n; p++) total += a[i * n + p] * b[p * n + j];
      c[i * n + j] = total;
    }
  }
}

for (const dtype of ["float64", "float32"] as const) {
  const r = np.rng(0);
  const A = r.normal([N, N], { dtype }), B = r.normal([N, N], { dtype });
  const C = np.zeros([N, N], { dtype });
  const operands = { m: N, n: N, k: N, a: A.data, b: B.data, c: C.data };
  const group = `${N}³ ${dtype}`;
  const start = { backend: kernelConfig.backend, threads: kernelConfig.threads };
  /** Runs fn with the kernel configuration changed, then restores it. */
  const using = (config: Partial<typeof start>, fn: () => void) => () => {
    Object.assign(kernelConfig, config);
    try {
      fn();
    } finally {
      Object.assign(kernelConfig, start);
    }
  };

  Deno.bench({
    name: `naive i-j-k loop (${dtype})`,
    group,
    baseline: true,
    n: 3,
    warmup: 1,
    fn: () => naive(A.data, B.data, C.data, N),
  });
  Deno.bench({ name: `np.dot (${dtype}, default kernels)`, group, fn: () => void np.dot(A, B) });
  Deno.bench({
    name: `gemm wasm, 2 threads (${dtype})`,
    group,
    fn: using({ backend: "wasm", threads: 2 }, () => gemm(operands)),
  });
  Deno.bench({
    name: `gemm wasm, 1 thread (${dtype})`,
    group,
    fn: using({ backend: "wasm", threads: 1 }, () => gemm(operands)),
  });
  Deno.bench({ name: `gemm TypeScript kernel (${dtype})`, group, fn: () => gemmTs(operands) });
}
