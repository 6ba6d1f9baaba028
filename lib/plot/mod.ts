/**
 * Charts as PNG files, the workbook's matplotlib: `lineChart` (the book's `plt.plot`),
 * `imageGrid` (`plt.imshow` for a set of images), and `renderVegaLite` / `renderSvg` for
 * anything else. Every function creates missing folders, writes atomically and returns the
 * path it wrote; charts go under `out/chNN/`.
 *
 * @example
 * ```ts
 * import { lineChart } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * const path = await lineChart({ x: [0, 1, 2], series: { loss: [2.3, 1.1, 0.6] } }, {
 *   path: `${dir}/loss.png`,
 *   xTitle: "iteration",
 *   yTitle: "loss",
 * });
 * assert.ok(path.endsWith("loss.png"));
 * await Deno.remove(dir, { recursive: true });
 * ```
 *
 * @module
 */

export {
  CJK_FONT_FAMILY,
  FONT_FAMILY,
  hasJapanese,
  type PngOptions,
  renderSvg,
  svgToPng,
  writeFileAtomic,
} from "./render.ts";
export { renderVegaLite, type TopLevelSpec, vegaLiteToSvg } from "./vega_lite.ts";
export {
  lineChart,
  type LineChartOptions,
  lineChartPng,
  lineChartSpec,
  type LineChartStyle,
  type LineData,
  type Numbers,
} from "./line_chart.ts";
export { imageGrid, type ImageGridOptions, imageGridSvg } from "./image_grid.ts";
