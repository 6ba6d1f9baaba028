import assert from "node:assert/strict";
import { decode } from "fast-png";
import * as np from "../../lib/np/mod.ts";
import { lineChartPng } from "../../lib/plot/mod.ts";
import { assertAllClose, say } from "../../lib/testing/mod.ts";
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
        ? say("the title (top)", "タイトル（上端）")
        : x < 0.035 * width
        ? say("the y axis label (left edge)", "y 軸のラベル（左端）")
        : y > 0.955 * height
        ? say("the x axis label (bottom)", "x 軸のラベル（下端）")
        : x > 0.9 * width
        ? say("the legend (right)", "凡例（右側）")
        : say("the plot (lines and ticks)", "プロット（線と目盛り）");
      counts.set(region, (counts.get(region) ?? 0) + 1);
    }
  }
  return [...counts].map(([region, n]) =>
    say(`${n} pixels in ${region}`, `${region}に ${n} ピクセル`)
  ).join(say(", ", "、"));
}

Deno.test(
  "sinCos() gives x = arange(0, 6, 0.1) and its sin and cos (§1.6.2)",
  named({ sinCos }, ({ sinCos }) => {
    const { x, series } = sinCos();
    assert.deepEqual(x.shape, [60], say("the shape of x", "x の形状"));
    assert.deepEqual(
      Object.keys(series),
      ["sin", "cos"],
      say("the names of the series, in legend order", "系列の名前（凡例の順）"),
    );
    assertAllClose(x.slice("0:3"), [0, 0.1, 0.2], {
      msg: say("the first three x", "最初の 3 つの x"),
    });
    assertAllClose(x.get(59), 5.9, { msg: say("the last x", "最後の x") });
    // sin(0.5), cos(1.0) and sin(3.1), from a calculator.
    assertAllClose(series.sin.get(5), 0.479425538604203, {
      msg: say("sin at x = 0.5", "x = 0.5 での sin"),
    });
    assertAllClose(series.cos.get(10), 0.5403023058681398, {
      msg: say("cos at x = 1.0", "x = 1.0 での cos"),
    });
    assertAllClose(series.sin.get(31), 0.04158066243329049, {
      rtol: 1e-6,
      msg: say("sin at x = 3.1", "x = 3.1 での sin"),
    });
    assertAllClose(series.cos.get(0), 1, { msg: say("cos at x = 0", "x = 0 での cos") });
  }),
);

Deno.test(
  "sinCos() satisfies sin² + cos² = 1 and agrees with the library's sine and cosine",
  named({ sinCos }, ({ sinCos }) => {
    const { x, series } = sinCos();
    assert.deepEqual(series.sin.shape, [60], say("the shape of series.sin", "series.sin の形状"));
    assert.deepEqual(series.cos.shape, [60], say("the shape of series.cos", "series.cos の形状"));
    assertAllClose(np.add(np.square(series.sin), np.square(series.cos)), np.ones([60]), {
      msg: say("sin² + cos²", "sin² + cos² の値"),
    });
    assertAllClose(series.sin, np.sin(x), {
      msg: say("series.sin against the sine of x", "series.sin と x の正弦の比較"),
    });
    assertAllClose(series.cos, np.cos(x), {
      msg: say("series.cos against the cosine of x", "series.cos と x の余弦の比較"),
    });
  }),
);

Deno.test(
  "sinCosChart() draws the book's chart: title, axis labels, dashed cos (§1.6.3)",
  named({ sinCosChart }, async ({ sinCosChart }) => {
    const png = await sinCosChart();
    assert.deepEqual(
      [...png.subarray(0, 8)],
      [137, 80, 78, 71, 13, 10, 26, 10],
      say("a PNG file", "PNG ファイルの先頭"),
    );
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
      say(
        "the chart's size [width, height] (a missing title or axis label makes it smaller)",
        "グラフのサイズ [width, height]（タイトルや軸ラベルがないと小さくなります）",
      ),
    );
    const differ = differingPixels(mine, want);
    assert.equal(
      differ,
      "",
      say(
        `the chart differs from the expected one where it draws: ${differ}. Check the title ` +
          `"sin & cos", the axis labels "x" and "y", and dashed: ["cos"]`,
        `期待したグラフと違うピクセル: ${differ}。タイトル "sin & cos"、` +
          `軸ラベル "x" と "y"、dashed: ["cos"] を確かめてください`,
      ),
    );
  }),
);
