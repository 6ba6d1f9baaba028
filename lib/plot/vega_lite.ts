/**
 * Vega-Lite charts as PNG files: vega-lite compiles the spec to Vega, a headless Vega view
 * draws it as SVG, and resvg turns the SVG into a PNG (see `render.ts`).
 *
 * @module
 */

import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { FONT_FAMILY, hasJapanese, type PngOptions, renderSvg } from "./render.ts";

export type { TopLevelSpec } from "vega-lite";

/**
 * Vega lays out a chart with text widths it estimates without a canvas: 0.8 em a character.
 * Kana and kanji are a full em wide, so Japanese titles and legends came out clipped; this
 * estimate counts them as 1 em (the rest as before, so English charts are unchanged), and never
 * more than the text's `limit`.
 */
function estimateTextWidth(item: { fontSize?: number; limit?: number }, text: unknown): number {
  const value = text == null ? "" : String(text).trim();
  const size = item.fontSize != null ? +item.fontSize || 0 : 11;
  let ems = 0;
  for (const char of value) ems += hasJapanese(char) ? 1 : 0.8;
  const width = Math.floor(ems * size);
  const limit = item.limit === undefined ? 0 : +item.limit;
  return limit > 0 ? Math.min(width, limit) : width;
}
// The typings leave textMetrics out; vega exports it (from vega-scenegraph) for this purpose.
(vega as unknown as { textMetrics: { width: typeof estimateTextWidth } }).textMetrics.width =
  estimateTextWidth;

/**
 * Draws a Vega-Lite spec as SVG text, in the DejaVu Sans font that the PNG renderer has.
 *
 * @example
 * ```ts
 * import { vegaLiteToSvg } from "./vega_lite.ts";
 * import assert from "node:assert/strict";
 *
 * const svg = await vegaLiteToSvg({
 *   data: { values: [{ a: 1, b: 2 }, { a: 2, b: 3 }] },
 *   mark: "line",
 *   encoding: { x: { field: "a", type: "quantitative" }, y: { field: "b", type: "quantitative" } },
 * });
 * assert.ok(svg.startsWith("<svg"));
 * ```
 *
 * @param spec A Vega-Lite spec with inline data (`data: { values: [...] }`).
 * @returns The SVG text.
 * @throws {TypeError} when vega-lite rejects the spec.
 */
export async function vegaLiteToSvg(spec: TopLevelSpec): Promise<string> {
  const withFont = {
    ...spec,
    config: { font: FONT_FAMILY, background: "white", ...spec.config },
  } as TopLevelSpec;
  let compiled;
  try {
    compiled = compile(withFont).spec;
  } catch (error) {
    throw new TypeError(
      `vega-lite cannot compile the chart spec: ${error instanceof Error ? error.message : error}`,
    );
  }
  // renderer "none": no canvas or DOM, only the scenegraph that toSVG() serialises.
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Renders a Vega-Lite spec to a PNG file (folders are created; the write is atomic).
 *
 * @example A bar chart
 * ```ts
 * import { renderVegaLite } from "./vega_lite.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * const path = await renderVegaLite({
 *   title: "Bars",
 *   data: { values: [{ k: "a", v: 3 }, { k: "b", v: 5 }] },
 *   mark: "bar",
 *   encoding: { x: { field: "k", type: "nominal" }, y: { field: "v", type: "quantitative" } },
 * }, `${dir}/bars.png`);
 * assert.ok(path.endsWith("bars.png"));
 * await Deno.remove(dir, { recursive: true });
 * ```
 *
 * @param spec A Vega-Lite spec with inline data.
 * @param path The PNG file to write.
 * @param options `scale` (pixels per SVG unit, 1 by default) and `background`.
 * @returns The path written.
 */
export async function renderVegaLite(
  spec: TopLevelSpec,
  path: string | URL,
  options: PngOptions = {},
): Promise<string> {
  return await renderSvg(await vegaLiteToSvg(spec), path, options);
}
