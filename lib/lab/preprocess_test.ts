import assert from "node:assert/strict";
import { centreOfMass, preprocess } from "./static/preprocess.js";

/** A canvas of `w × h` with the given rectangles of ink. */
function canvas(w: number, h: number, rects: [number, number, number, number][]): Float32Array {
  const ink = new Float32Array(w * h);
  for (const [x0, y0, rw, rh] of rects) {
    for (let y = y0; y < y0 + rh; y++) for (let x = x0; x < x0 + rw; x++) ink[y * w + x] = 1;
  }
  return ink;
}

/** The bounding box of the non-zero pixels of a 28×28 image: [x0, y0, x1, y1]. */
function bbox(image: Float32Array): number[] {
  let x0 = 28, y0 = 28, x1 = -1, y1 = -1;
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      if (image[y * 28 + x] > 0) {
        x0 = Math.min(x0, x), x1 = Math.max(x1, x), y0 = Math.min(y0, y), y1 = Math.max(y1, y);
      }
    }
  }
  return [x0, y0, x1, y1];
}

Deno.test("preprocess() returns null for an empty drawing", () => {
  assert.equal(preprocess(new Float32Array(100), 10, 10), null);
});

Deno.test("preprocess() fits a tall stroke into 20 rows, keeps its aspect ratio, and centres its mass", () => {
  // A vertical bar 200 px tall and 20 px wide, far in a corner of a 280 × 280 canvas.
  const image = preprocess(canvas(280, 280, [[10, 5, 20, 200]]), 280, 280)!;
  const [x0, y0, x1, y1] = bbox(image);
  assert.equal(
    y1 - y0 + 1,
    20,
    `height of the digit in the 28×28 image (box ${x0},${y0}-${x1},${y1})`,
  );
  assert.equal(x1 - x0 + 1, 2, "width: 20 px of 200 scaled to 20 rows is 2 columns");
  const [cx, cy] = centreOfMass(image);
  assert.ok(Math.abs(cx - 14) <= 0.5 && Math.abs(cy - 14) <= 0.5, `centre of mass ${cx}, ${cy}`);
  assert.equal(Math.max(...image), 1, "the darkest pixel is 1");
});

Deno.test("preprocess() fits a wide shape by its width and grey-levels partial pixels", () => {
  const image = preprocess(canvas(100, 100, [[0, 40, 100, 15]]), 100, 100)!;
  const [x0, y0, x1, y1] = bbox(image);
  assert.equal(x1 - x0 + 1, 20, "width 100 → 20");
  assert.equal(y1 - y0 + 1, 3, "height 15 → 3 rows");
  assert.ok(image.every((v) => v >= 0 && v <= 1), "values in [0, 1]");
});

Deno.test("preprocess() puts an off-centre mass on the centre: an L shape", () => {
  const image = preprocess(canvas(200, 200, [[20, 20, 20, 160], [20, 160, 160, 20]]), 200, 200)!;
  const [cx, cy] = centreOfMass(image);
  assert.ok(Math.abs(cx - 14) <= 0.5 && Math.abs(cy - 14) <= 0.5, `centre of mass ${cx}, ${cy}`);
});
