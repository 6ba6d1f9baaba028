/**
 * The book's first chart (§1.6.2–1.6.3): sin and cos over `[0, 6)`. This is the reference
 * solution of `chapters/01/sin_cos.ts`; `deno task ch01:plot` draws it.
 *
 * @module
 */

import * as np from "../../np/mod.ts";
import { lineChartPng } from "../../plot/mod.ts";

/** The data of the chart: x and one named series per curve, as `lineChart` takes them. */
export interface SinCosData {
  /** 0, 0.1, …, 5.9 (`np.arange(0, 6, 0.1)`). */
  x: np.NDArray;
  /** The two curves, in legend order. */
  series: { sin: np.NDArray; cos: np.NDArray };
}

/**
 * The data of the book's sin & cos chart: `x = np.arange(0, 6, 0.1)`, `y1 = np.sin(x)`,
 * `y2 = np.cos(x)` (§1.6.2–1.6.3).
 *
 * @example
 * ```ts
 * import { sinCos } from "./sin_cos.ts";
 * import assert from "node:assert/strict";
 *
 * const { x, series } = sinCos();
 * assert.deepEqual(x.shape, [60]);
 * assert.equal(series.cos.get(0), 1);
 * ```
 *
 * @returns x (60 values from 0 in steps of 0.1) and the sin and cos of each.
 */
export function sinCos(): SinCosData {
  const x = np.arange(0, 6, { step: 0.1 });
  return { x, series: { sin: np.sin(x), cos: np.cos(x) } };
}

/**
 * Draws the book's chart (§1.6.3) as PNG bytes: sin solid, cos dashed, the title
 * "sin & cos", the axis labels "x" and "y", and a legend. `deno task ch01:plot` writes them to
 * `out/ch01/sin_cos.png`.
 *
 * @example
 * ```ts
 * import { sinCosChart } from "./sin_cos.ts";
 * import assert from "node:assert/strict";
 *
 * const png = await sinCosChart();
 * assert.deepEqual([...png.subarray(1, 4)], [80, 78, 71]); // "PNG"
 * ```
 *
 * @returns The PNG file's bytes.
 */
export function sinCosChart(): Promise<Uint8Array> {
  return lineChartPng(sinCos(), {
    title: "sin & cos",
    xTitle: "x",
    yTitle: "y",
    dashed: ["cos"],
  });
}
