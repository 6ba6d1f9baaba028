/**
 * Line charts of one or more series over a shared x, the workbook's matplotlib `plt.plot`
 * (the book's §1.6: sin & cos; later loss and accuracy curves).
 *
 * @module
 */

import { NDArray } from "../np/ndarray.ts";
import { type PngOptions, svgToPng, writeFileAtomic } from "./render.ts";
import { type TopLevelSpec, vegaLiteToSvg } from "./vega_lite.ts";

/** Numbers as a chart takes them: a plain array, a typed array or an NDArray (flattened). */
export type Numbers = readonly number[] | Float32Array | Float64Array | NDArray;

/** The data of a line chart: shared x values and one y series per name. */
export interface LineData {
  /** The x values. */
  x: Numbers;
  /** One series per legend entry, each as long as `x`; drawn in insertion order. */
  series: Record<string, Numbers>;
}

/** How a line chart looks: the options of {@linkcode lineChartPng}. */
export interface LineChartStyle extends PngOptions {
  /** The chart's title. */
  title?: string;
  /** The x axis label. */
  xTitle?: string;
  /** The y axis label. */
  yTitle?: string;
  /** `"log"` for a logarithmic y axis (values <= 0 are then left out); `"linear"` by default. */
  yScale?: "linear" | "log";
  /** Fixed y limits, like matplotlib's `plt.ylim(0, 1)`. */
  yDomain?: readonly [number, number];
  /** Names of series to draw dashed, like matplotlib's `linestyle="--"`. */
  dashed?: readonly string[];
  /** Mark each data point with a dot. */
  points?: boolean;
  /** The plot area's width in SVG units (480 by default). */
  width?: number;
  /** The plot area's height in SVG units (300 by default). */
  height?: number;
}

/** Options of {@linkcode lineChart}: the style and the file to write. */
export interface LineChartOptions extends LineChartStyle {
  /** The PNG file to write, e.g. `"out/ch01/sin_cos.png"`. */
  path: string | URL;
}

function toNumbers(values: Numbers): ArrayLike<number> {
  return values instanceof NDArray ? values.data : values;
}

/**
 * The Vega-Lite spec of a line chart, for callers that want to adjust it before rendering
 * with `renderVegaLite`.
 *
 * @example
 * ```ts
 * import { lineChartSpec } from "./line_chart.ts";
 * import assert from "node:assert/strict";
 *
 * const spec = lineChartSpec({ x: [0, 1], series: { y: [1, 2] } }, { title: "t" });
 * assert.equal(spec.title, "t");
 * ```
 *
 * @param data The x values and the named series.
 * @param options Titles, scales and styles (the `path` is not needed here).
 * @returns A Vega-Lite spec with inline data.
 * @throws {TypeError} when a series is not as long as x.
 */
export function lineChartSpec(
  data: LineData,
  options: Omit<LineChartOptions, "path"> = {},
): TopLevelSpec {
  const x = toNumbers(data.x);
  const names = Object.keys(data.series);
  if (names.length === 0) throw new TypeError("lineChart needs at least one series");
  const log = options.yScale === "log";
  const values: { x: number; y: number; series: string }[] = [];
  for (const name of names) {
    const y = toNumbers(data.series[name]);
    if (y.length !== x.length) {
      throw new TypeError(
        `lineChart: series "${name}" has ${y.length} values but x has ${x.length}; give one y per x`,
      );
    }
    for (let i = 0; i < x.length; i++) {
      // NaN, infinities (and values a log axis cannot show) would break the line's path.
      if (!Number.isFinite(x[i]) || !Number.isFinite(y[i]) || (log && y[i] <= 0)) continue;
      values.push({ x: x[i], y: y[i], series: name });
    }
  }
  const dashed = new Set(options.dashed ?? []);
  for (const name of dashed) {
    if (!names.includes(name)) {
      throw new TypeError(
        `lineChart: dashed names "${name}", which is not a series (${names.join(", ")})`,
      );
    }
  }
  // A short stroke per series, dashed like its line (a dashed circle's outline reads as a smudge).
  const legend = names.length > 1 ? { title: null, symbolType: "stroke" } : null;
  return {
    ...(options.title === undefined ? {} : { title: options.title }),
    width: options.width ?? 480,
    height: options.height ?? 300,
    data: { values },
    mark: { type: "line", strokeWidth: 2, point: options.points ?? false },
    encoding: {
      x: {
        field: "x",
        type: "quantitative",
        title: options.xTitle ?? "x",
        // Points on the first or last value would be cut in half by the axes: a margin.
        scale: { zero: false, ...(options.points ? { padding: 10 } : {}) },
      },
      y: {
        field: "y",
        type: "quantitative",
        title: options.yTitle ?? "y",
        scale: {
          // A log scale has no zero; vega-lite warns when asked to drop it.
          ...(log ? { type: "log" } : { type: "linear", zero: false }),
          ...(options.yDomain ? { domain: [...options.yDomain], clamp: true } : {}),
          ...(options.points ? { padding: 10 } : {}),
        },
      },
      color: { field: "series", type: "nominal", scale: { domain: names }, legend },
      strokeDash: {
        field: "series",
        type: "nominal",
        scale: { domain: names, range: names.map((n) => (dashed.has(n) ? [6, 4] : [1, 0])) },
        legend,
      },
    },
  };
}

/**
 * Draws a line chart to a PNG file and returns its path.
 *
 * @example The book's sin & cos (§1.6.3)
 * ```ts
 * import { lineChart } from "./line_chart.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * const x = np.arange(0, 6, { step: 0.1 });
 * const path = await lineChart(
 *   { x, series: { sin: np.sin(x), cos: np.cos(x) } },
 *   { path: `${dir}/sin_cos.png`, title: "sin & cos", dashed: ["cos"] },
 * );
 * assert.ok(path.endsWith("sin_cos.png"));
 * await Deno.remove(dir, { recursive: true });
 * ```
 *
 * @param data The x values and the named series.
 * @param options `path` and the chart's titles, scales and styles; `scale` is the PNG's pixels
 * per SVG unit (2 by default, for sharp lines).
 * @returns The path written.
 */
export async function lineChart(data: LineData, options: LineChartOptions): Promise<string> {
  return await writeFileAtomic(options.path, await lineChartPng(data, options));
}

/**
 * Draws a line chart to PNG bytes in memory (what {@linkcode lineChart} writes to a file).
 *
 * @example
 * ```ts
 * import { lineChartPng } from "./line_chart.ts";
 * import assert from "node:assert/strict";
 *
 * const png = await lineChartPng({ x: [0, 1, 2], series: { y: [0, 1, 4] } }, { title: "x²" });
 * assert.deepEqual([...png.subarray(1, 4)], [80, 78, 71]); // "PNG"
 * ```
 *
 * @param data The x values and the named series.
 * @param options The chart's titles, scales and styles; `scale` is the PNG's pixels per SVG
 * unit (2 by default, for sharp lines).
 * @returns The PNG file's bytes.
 */
export async function lineChartPng(data: LineData, options: LineChartStyle): Promise<Uint8Array> {
  return await svgToPng(await vegaLiteToSvg(lineChartSpec(data, options)), {
    scale: options.scale ?? 2,
    ...(options.background === undefined ? {} : { background: options.background }),
  });
}
