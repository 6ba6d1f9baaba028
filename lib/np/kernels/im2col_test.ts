import assert from "node:assert/strict";
import fc from "fast-check";
import {
  col2imColumnsKernel,
  col2imKernel,
  type ConvGeometry,
  im2colColumnsKernel,
  im2colKernel,
} from "./im2col.ts";
import { convGeometries } from "./test_inputs.ts";

/** Random sizes of one im2col call, the filter always fitting the padded image. */
const geometries = convGeometries({ side: 7, filter: 5, pad: 2 });

/** Each image's [positions, taps] block of the book's layout, transposed to [taps, positions]. */
function rowsToColumns(rows: Float64Array, g: ConvGeometry): Float64Array {
  const positions = g.outH * g.outW, taps = g.c * g.filterH * g.filterW;
  const out = new Float64Array(rows.length);
  for (let img = 0; img < g.n; img++) {
    for (let p = 0; p < positions; p++) {
      for (let t = 0; t < taps; t++) {
        out[img * taps * positions + t * positions + p] = rows[(img * positions + p) * taps + t];
      }
    }
  }
  return out;
}

function sequence(length: number, from = 1): Float64Array {
  return Float64Array.from({ length }, (_, i) => from + i);
}

Deno.test("im2colColumnsKernel() is the book's im2col with each image's block transposed", () => {
  fc.assert(
    fc.property(geometries, (g) => {
      const x = sequence(g.n * g.c * g.h * g.w);
      const size = g.n * g.outH * g.outW * g.c * g.filterH * g.filterW;
      const rows = new Float64Array(size), columns = new Float64Array(size).fill(NaN);
      im2colKernel(x, rows, g);
      im2colColumnsKernel(x, columns, g);
      assert.deepEqual(columns, rowsToColumns(rows, g));
    }),
    { seed: 1, numRuns: 300 },
  );
});

Deno.test("col2imColumnsKernel() is the book's col2im of the transposed blocks", () => {
  fc.assert(
    fc.property(geometries, (g) => {
      const size = g.n * g.outH * g.outW * g.c * g.filterH * g.filterW;
      const rows = sequence(size, 0.5);
      const want = new Float64Array(g.n * g.c * g.h * g.w);
      const got = new Float64Array(want.length).fill(NaN);
      col2imKernel(rows, want, g);
      col2imColumnsKernel(rowsToColumns(rows, g), got, g);
      assert.deepEqual(got, want);
    }),
    { seed: 2, numRuns: 300 },
  );
});

Deno.test("im2colColumnsKernel() keeps float32 values and zero-fills a filter in the padding", () => {
  // pad 2 with a 1×1 filter on a 1×1 image: only the centre of the 5×5 output reads the pixel.
  const g = { n: 1, c: 1, h: 1, w: 1, filterH: 1, filterW: 1, stride: 1, pad: 2, outH: 5, outW: 5 };
  const col = new Float32Array(25).fill(7);
  im2colColumnsKernel(new Float32Array([0.1]), col, g);
  assert.deepEqual([...col], [...Array(12).fill(0), Math.fround(0.1), ...Array(12).fill(0)]);
  const x = new Float32Array(1);
  col2imColumnsKernel(new Float32Array(25).fill(1), x, g);
  assert.deepEqual([...x], [1]);
});
