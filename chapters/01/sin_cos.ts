/**
 * Chapter 01, exercises 6–7: the book's first chart, sin and cos (§1.6.2–1.6.3).
 * `deno task ch01:plot --mine` draws it with your code to `out/ch01/sin_cos.png`.
 *
 * @module
 */

import { todo } from "../../lib/kata/todo.ts";
import type * as np from "../../lib/np/mod.ts";

/** The data of the chart: x and one named series per curve, as `lineChart` takes them. */
export interface SinCosData {
  /** 0, 0.1, …, 5.9 (`np.arange(0, 6, 0.1)`). */
  x: np.NDArray;
  /** The two curves, in legend order. */
  series: { sin: np.NDArray; cos: np.NDArray };
}

/**
 * The data of the book's sin & cos chart: `x = np.arange(0, 6, 0.1)`, `y1 = np.sin(x)`,
 * `y2 = np.cos(x)` (§1.6.2–1.6.3). In this workbook the step is an option:
 * `np.arange(0, 6, { step: 0.1 })`.
 *
 * @returns `{ x, series: { sin, cos } }`: 60 x values and the sin and cos of each.
 */
export function sinCos(): SinCosData {
  // TODO: import * as np from "../../lib/np/mod.ts" (a value import, not `import type`).
  return todo("sinCos", "01");
}

/**
 * Draws the book's chart (§1.6.3) as PNG bytes with `lineChartPng` from
 * `../../lib/plot/mod.ts`: the data of {@linkcode sinCos}, sin solid and cos dashed
 * (matplotlib's `linestyle="--"` is the option `dashed: ["cos"]`), the title "sin & cos"
 * and the axis labels "x" and "y". The legend comes by itself. `deno task ch01:plot --mine`
 * writes your chart to `out/ch01/sin_cos.png`.
 *
 * @returns The PNG file's bytes (what `lineChartPng` returns).
 */
export function sinCosChart(): Promise<Uint8Array> {
  // TODO: return lineChartPng(sinCos(), { title: …, xTitle: …, yTitle: …, dashed: … }).
  return todo("sinCosChart", "01");
}
