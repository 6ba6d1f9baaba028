import assert from "node:assert/strict";
import { decode } from "fast-png";
import * as np from "../np/mod.ts";
import { assertGradientMatches } from "./gradient_check.ts";
import { errorPattern, heatmapPng, relativeError, textHeatmap } from "./gradient_report.ts";

const TOL = { rtol: 1e-5, atol: 1e-7 };

Deno.test("errorPattern() points at whole columns, a reversed shape and the border", () => {
  const expected = np.rng(0).normal([4, 3]);
  const column = expected.clone();
  for (let r = 0; r < 4; r++) column.data[r * 3 + 1] += 1;
  assert.match(errorPattern(column, expected, TOL).join("\n"), /whole columns 1 \(of 3\)/);
  assert.match(
    errorPattern(expected.T.clone(), expected, TOL).join("\n"),
    /shape \[3, 4\] is the reverse of \[4, 3\]/,
  );
  const image = np.rng(1).normal([1, 1, 5, 5]);
  const border = image.clone();
  border.data[0] += 1;
  border.data[24] += 1;
  assert.match(errorPattern(border, image, TOL).join("\n"), /only on the border/);
});

Deno.test("errorPattern() says where NaN appears", () => {
  const expected = np.array([[1, 2], [3, 4]]);
  const lines = errorPattern(np.array([[1, NaN], [3, 4]]), expected, TOL);
  assert.match(lines.join("\n"), /not finite: NaN at \[0, 1\]/);
});

Deno.test("textHeatmap() darkens the wrong cells; heatmapPng() writes a PNG of the grid", () => {
  const expected = np.ones([2, 3]);
  const actual = np.array([[1, 1, 5], [1, 1, 1]]);
  const grid = relativeError(actual, expected, TOL);
  const [title, first, second] = textHeatmap(grid, TOL);
  assert.match(title, /2×3/);
  assert.equal(first, "  |  @|");
  assert.equal(second, "  |   |");
  const png = decode(heatmapPng(grid, 4));
  assert.deepEqual([png.width, png.height], [12, 8]);
});

Deno.test("assertGradientMatches() names the gradient and adds the pattern to the message", () => {
  const numeric = np.array([[1, 2], [3, 4]]);
  assert.throws(
    () => assertGradientMatches(numeric.T.clone(), numeric, { name: "dW" }),
    /dW differs from the numerical gradient[\s\S]*transpose of the expected gradient/,
  );
  assertGradientMatches(numeric.clone(), numeric, { name: "dW" });
});
