import assert from "node:assert/strict";
import { decode } from "fast-png";
import * as np from "../np/mod.ts";
import { lineChart, lineChartSpec } from "./line_chart.ts";
import { renderVegaLite } from "./vega_lite.ts";

const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

function sinCos() {
  const x = np.arange(0, 6, { step: 0.1 });
  return { x, series: { sin: np.sin(x), cos: np.cos(x) } };
}

Deno.test("lineChart() renders a PNG with its size and drawn text", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const options = { xTitle: "x", yTitle: "y", dashed: ["cos"], scale: 1 };
    const path = await lineChart(sinCos(), {
      ...options,
      path: `${dir}/a.png`,
      title: "sin & cos",
    });
    const bytes = await Deno.readFile(path);
    assert.deepEqual([...bytes.subarray(0, 8)], PNG_SIGNATURE);
    const image = decode(bytes);
    // The plot area is 480×300; axes, titles and the legend add to it.
    assert.ok(image.width > 480 && image.width < 700, `width ${image.width}`);
    assert.ok(image.height > 300 && image.height < 450, `height ${image.height}`);
    // The same chart with an empty title differs: the title's text was drawn.
    const blank = await lineChart(sinCos(), { ...options, path: `${dir}/b.png`, title: " " });
    const other = decode(await Deno.readFile(blank));
    assert.deepEqual([other.width, other.height], [image.width, image.height]);
    assert.notDeepEqual(image.data, other.data);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("lineChart() draws at twice the size by default", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const one = decode(
      await Deno.readFile(await lineChart(sinCos(), { path: `${dir}/1.png`, scale: 1 })),
    );
    const two = decode(await Deno.readFile(await lineChart(sinCos(), { path: `${dir}/2.png` })));
    assert.deepEqual([two.width, two.height], [one.width * 2, one.height * 2]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("lineChartSpec() keeps the series order, dashes and skips non-finite values", () => {
  const spec = lineChartSpec(
    { x: [1, 2, 3], series: { b: [1, NaN, 3], a: [0.5, -1, 2] } },
    { dashed: ["a"], yScale: "log" },
  ) as unknown as {
    data: { values: { x: number; y: number; series: string }[] };
    encoding: { strokeDash: { scale: { domain: string[]; range: number[][] } } };
  };
  // NaN and, on a log axis, the negative value are left out.
  assert.deepEqual(spec.data.values.map((v) => `${v.series}${v.x}`), ["b1", "b3", "a1", "a3"]);
  assert.deepEqual(spec.encoding.strokeDash.scale.domain, ["b", "a"]);
  assert.deepEqual(spec.encoding.strokeDash.scale.range, [[1, 0], [6, 4]]);
});

Deno.test("lineChart() rejects series of the wrong length and unknown dashed names", () => {
  assert.throws(
    () => lineChartSpec({ x: [1, 2, 3], series: { loss: [1, 2] } }),
    (e: Error) =>
      e instanceof TypeError && /series "loss" has 2 values but x has 3/.test(e.message),
  );
  assert.throws(
    () => lineChartSpec({ x: [1], series: { a: [1] } }, { dashed: ["b"] }),
    (e: Error) => e instanceof TypeError && /"b", which is not a series \(a\)/.test(e.message),
  );
  assert.throws(() => lineChartSpec({ x: [1], series: {} }), TypeError);
});

Deno.test("renderVegaLite() rejects a spec vega-lite cannot compile", async () => {
  await assert.rejects(
    // deno-lint-ignore no-explicit-any
    () => renderVegaLite({ mark: "nonsense" } as any, "/tmp/never.png"),
    TypeError,
  );
});
