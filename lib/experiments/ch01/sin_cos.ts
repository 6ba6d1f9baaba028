/**
 * The book's first chart (§1.6.2–1.6.3): sin and cos over `[0, 6)`. This is the reference
 * solution of `chapters/01/sin_cos.ts`; `deno task ch01:plot` draws it.
 *
 * @module
 */

import * as np from "../../np/mod.ts";
import { lineChart } from "../../plot/mod.ts";

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
 * Draws the book's chart (§1.6.3) to a PNG file: sin solid, cos dashed, the title
 * "sin & cos", the axis labels "x" and "y", and a legend.
 *
 * @example
 * ```ts
 * import { plotSinCos } from "./sin_cos.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * assert.equal(await plotSinCos(`${dir}/sin_cos.png`), `${dir}/sin_cos.png`);
 * await Deno.remove(dir, { recursive: true });
 * ```
 *
 * @param path The PNG file to write (folders are created).
 * @returns The path written.
 */
export function plotSinCos(path: string): Promise<string> {
  return lineChart(sinCos(), {
    path,
    title: "sin & cos",
    xTitle: "x",
    yTitle: "y",
    dashed: ["cos"],
  });
}
