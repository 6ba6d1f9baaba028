import assert from "node:assert/strict";
import { decode } from "fast-png";
import * as np from "../../lib/np/mod.ts";
import { lineChartPng } from "../../lib/plot/mod.ts";
import { assertAllClose } from "../../lib/testing/mod.ts";
import { sinCos, sinCosChart } from "./sin_cos.ts";

Deno.test("sinCos() gives x = arange(0, 6, 0.1) and its sin and cos (§1.6.2)", () => {
  const { x, series } = sinCos();
  assert.deepEqual(x.shape, [60], "the shape of x");
  assert.deepEqual(Object.keys(series), ["sin", "cos"], "the names of the series, in legend order");
  assertAllClose(x.slice("0:3"), [0, 0.1, 0.2], { msg: "the first three x" });
  assertAllClose(x.get(59), 5.9, { msg: "the last x" });
  // sin(0.5), cos(1.0) and sin(3.1), from a calculator.
  assertAllClose(series.sin.get(5), 0.479425538604203, { msg: "sin at x = 0.5" });
  assertAllClose(series.cos.get(10), 0.5403023058681398, { msg: "cos at x = 1.0" });
  assertAllClose(series.sin.get(31), 0.04158066243329049, { rtol: 1e-6, msg: "sin at x = 3.1" });
  assertAllClose(series.cos.get(0), 1, { msg: "cos at x = 0" });
});

Deno.test("sinCos() satisfies sin² + cos² = 1 and agrees with the library's sine and cosine", () => {
  const { x, series } = sinCos();
  assert.deepEqual(series.sin.shape, [60], "the shape of series.sin");
  assert.deepEqual(series.cos.shape, [60], "the shape of series.cos");
  assertAllClose(np.add(np.square(series.sin), np.square(series.cos)), np.ones([60]), {
    msg: "sin² + cos²",
  });
  assertAllClose(series.sin, np.sin(x), { msg: "series.sin against the sine of x" });
  assertAllClose(series.cos, np.cos(x), { msg: "series.cos against the cosine of x" });
});

Deno.test("sinCosChart() draws the book's chart: title, axis labels, dashed cos (§1.6.3)", async () => {
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
  assert.deepEqual([mine.width, mine.height], [want.width, want.height], "the chart's size");
  assert.ok(
    mine.data.every((v, i) => v === want.data[i]),
    `the chart differs from the expected one: check the title "sin & cos", the axis ` +
      `labels "x" and "y", and dashed: ["cos"]`,
  );
});
