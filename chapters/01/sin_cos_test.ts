import assert from "node:assert/strict";
import { decode } from "fast-png";
import * as np from "../../lib/np/mod.ts";
import { lineChartPng } from "../../lib/plot/mod.ts";
import { assertAllClose } from "../../lib/testing/mod.ts";
import { MISTAKES } from "../../lib/mistakes/ch01.ts";
import { mistakeNamer } from "../../lib/testing/mistakes.ts";
import { sinCos, sinCosChart } from "./sin_cos.ts";

const named = mistakeNamer("01", MISTAKES);

/** A decoded PNG: its size and its RGBA bytes. */
interface Picture {
  width: number;
  height: number;
  data: ArrayLike<number>;
  channels: number;
}

/**
 * Where two pictures of the same size differ, by region of the chart (the title at the top, the
 * y label at the left edge, the x label at the bottom, the legend at the right, the plot in
 * between): "" when they are equal.
 */
function differingPixels(mine: Picture, want: Picture): string {
  const counts = new Map<string, number>();
  const { width, height } = want;
  const channels = want.channels;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * channels;
      let same = true;
      for (let c = 0; c < channels; c++) same &&= mine.data[at + c] === want.data[at + c];
      if (same) continue;
      const region = y < 0.055 * height
        ? "the title (top)"
        : x < 0.035 * width
        ? "the y axis label (left edge)"
        : y > 0.955 * height
        ? "the x axis label (bottom)"
        : x > 0.9 * width
        ? "the legend (right)"
        : "the plot (lines and ticks)";
      counts.set(region, (counts.get(region) ?? 0) + 1);
    }
  }
  return [...counts].map(([region, n]) => `${n} pixels in ${region}`).join(", ");
}

Deno.test(
  "sinCos() gives x = arange(0, 6, 0.1) and its sin and cos (§1.6.2)",
  named({ sinCos }, ({ sinCos }) => {
    const { x, series } = sinCos();
    assert.deepEqual(x.shape, [60], "the shape of x");
    assert.deepEqual(
      Object.keys(series),
      ["sin", "cos"],
      "the names of the series, in legend order",
    );
    assertAllClose(x.slice("0:3"), [0, 0.1, 0.2], { msg: "the first three x" });
    assertAllClose(x.get(59), 5.9, { msg: "the last x" });
    // sin(0.5), cos(1.0) and sin(3.1), from a calculator.
    assertAllClose(series.sin.get(5), 0.479425538604203, { msg: "sin at x = 0.5" });
    assertAllClose(series.cos.get(10), 0.5403023058681398, { msg: "cos at x = 1.0" });
    assertAllClose(series.sin.get(31), 0.04158066243329049, { rtol: 1e-6, msg: "sin at x = 3.1" });
    assertAllClose(series.cos.get(0), 1, { msg: "cos at x = 0" });
  }),
);

Deno.test(
  "sinCos() satisfies sin² + cos² = 1 and agrees with the library's sine and cosine",
  named({ sinCos }, ({ sinCos }) => {
    const { x, series } = sinCos();
    assert.deepEqual(series.sin.shape, [60], "the shape of series.sin");
    assert.deepEqual(series.cos.shape, [60], "the shape of series.cos");
    assertAllClose(np.add(np.square(series.sin), np.square(series.cos)), np.ones([60]), {
      msg: "sin² + cos²",
    });
    assertAllClose(series.sin, np.sin(x), { msg: "series.sin against the sine of x" });
    assertAllClose(series.cos, np.cos(x), { msg: "series.cos against the cosine of x" });
  }),
);

Deno.test(
  "sinCosChart() draws the book's chart: title, axis labels, dashed cos (§1.6.3)",
  named({ sinCosChart }, async ({ sinCosChart }) => {
    const png = await sinCosChart();
    assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], "a PNG file");
    // The expected picture, drawn from the book's numbers with the options the task asks for.
    const x = np.arange(0, 6, { step: 0.1 });
    const expected = await lineChartPng({ x, series: { sin: np.sin(x), cos: np.cos(x) } }, {
      title: "sin & cos",
      xTitle: "x",
      yTitle: "y",
      dashed: ["cos"],
    });
    const mine = decode(png), want = decode(expected);
    assert.deepEqual(
      [mine.width, mine.height],
      [want.width, want.height],
      "the chart's size [width, height] (a missing title or axis label makes it smaller)",
    );
    const differ = differingPixels(mine, want);
    assert.equal(
      differ,
      "",
      `the chart differs from the expected one where it draws: ${differ}. Check the title ` +
        `"sin & cos", the axis labels "x" and "y", and dashed: ["cos"]`,
    );
  }),
);
