/**
 * GFLOP/s of the workbook's matrix product (`gemm` in `lib/np/kernels/matmul.ts`) on the
 * benchmark's shapes.
 *
 * @module
 */

import { gemm } from "../np/kernels/matmul.ts";
import { rng } from "../np/random.ts";
import { measure, type MeasureOptions, progress } from "./harness.ts";
import { flops, type GemmCase } from "./shapes.ts";

/** The speed of one product. */
export interface GemmResult {
  /** The case's label. */
  label: string;
  /** The case's element type. */
  dtype: "float32" | "float64";
  /** Median seconds per product. */
  seconds: number;
  /** Billions of floating-point operations per second at the median. */
  gflops: number;
  /** The same from the median process CPU time (see `Timing.cpuMedian`). */
  cpuGflops: number;
}

/** Random operands and a result buffer for one case, made once and reused by every call. */
function operands(c: GemmCase) {
  const make = (size: number) => {
    const values = rng(size).uniform([size], { low: -1, high: 1, dtype: c.dtype }).data;
    return values;
  };
  return { a: make(c.m * c.k), b: make(c.k * c.n), c: make(c.m * c.n) };
}

/**
 * Times `gemm` on one case and converts the median to GFLOP/s.
 *
 * @example
 * ```ts
 * import { benchGemm } from "./matmul.ts";
 * import assert from "node:assert/strict";
 *
 * const r = benchGemm(
 *   { label: "tiny", m: 8, n: 8, k: 8, dtype: "float32" },
 *   { warmup: 0, repeats: 1, minSampleSeconds: 0 },
 * );
 * assert.ok(r.gflops > 0);
 * ```
 *
 * @param c The product to time.
 * @param options Warm-up, repeats and the shortest sample (see `measure`).
 * @returns Median seconds and GFLOP/s.
 */
export function benchGemm(c: GemmCase, options: MeasureOptions = {}): GemmResult {
  const { a, b, c: out } = operands(c);
  const args = { m: c.m, n: c.n, k: c.k, a, b, c: out, transA: c.transA, transB: c.transB };
  const timing = measure(() => gemm(args), options);
  return {
    label: c.label,
    dtype: c.dtype,
    seconds: timing.median,
    gflops: flops(c) / timing.median / 1e9,
    cpuGflops: flops(c) / timing.cpuMedian / 1e9,
  };
}

/**
 * Times every case in turn, with a progress line on stderr for each.
 *
 * @example
 * ```ts
 * import { benchGemms } from "./matmul.ts";
 * import assert from "node:assert/strict";
 *
 * const cases = [{ label: "tiny", m: 4, n: 4, k: 4, dtype: "float64" as const }];
 * const [r] = benchGemms(cases, { warmup: 0, repeats: 1, minSampleSeconds: 0, quiet: true });
 * assert.equal(r.label, "tiny");
 * ```
 *
 * @param cases The products to time.
 * @param options `measure`'s options, a `tag` for the progress lines, and `quiet` to skip them.
 * @returns One result per case, in order.
 */
export function benchGemms(
  cases: readonly GemmCase[],
  options: MeasureOptions & { tag?: string; quiet?: boolean } = {},
): GemmResult[] {
  return cases.map((c, i) => {
    if (!options.quiet) {
      progress(`gemm ${options.tag ?? ""} ${i + 1}/${cases.length} ${c.label} ${c.dtype}`);
    }
    return benchGemm(c, options);
  });
}
