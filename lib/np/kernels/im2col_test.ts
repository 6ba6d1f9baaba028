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
import type { TypedArray } from "../ndarray.ts";

// Property tests draw their cases from a fixed seed: a run repeats exactly.
fc.configureGlobal({ seed: 20261204 });

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

/** The book's definition of im2col, one entry at a time (0 in the padding). */
function referenceIm2col(x: ArrayLike<number>, g: ConvGeometry): number[] {
  const out: number[] = [];
  for (let img = 0; img < g.n; img++) {
    for (let oy = 0; oy < g.outH; oy++) {
      for (let ox = 0; ox < g.outW; ox++) {
        for (let ch = 0; ch < g.c; ch++) {
          for (let fy = 0; fy < g.filterH; fy++) {
            for (let fx = 0; fx < g.filterW; fx++) {
              const y = oy * g.stride + fy - g.pad, xx = ox * g.stride + fx - g.pad;
              const inside = y >= 0 && y < g.h && xx >= 0 && xx < g.w;
              out.push(inside ? x[((img * g.c + ch) * g.h + y) * g.w + xx] : 0);
            }
          }
        }
      }
    }
  }
  return out;
}

/** The adjoint of referenceIm2col: each entry added onto its pixel, in float64. */
function referenceCol2im(col: ArrayLike<number>, g: ConvGeometry): number[] {
  const x = new Array<number>(g.n * g.c * g.h * g.w).fill(0);
  let o = 0;
  for (let img = 0; img < g.n; img++) {
    for (let oy = 0; oy < g.outH; oy++) {
      for (let ox = 0; ox < g.outW; ox++) {
        for (let ch = 0; ch < g.c; ch++) {
          for (let fy = 0; fy < g.filterH; fy++) {
            for (let fx = 0; fx < g.filterW; fx++, o++) {
              const y = oy * g.stride + fy - g.pad, xx = ox * g.stride + fx - g.pad;
              if (y >= 0 && y < g.h && xx >= 0 && xx < g.w) {
                x[((img * g.c + ch) * g.h + y) * g.w + xx] += col[o];
              }
            }
          }
        }
      }
    }
  }
  return x;
}

/** Random sizes up to 9×9 images and 5×5 filters, with pads up to 3 and strides up to 3. */
const wideGeometries = convGeometries({ side: 9, filter: 5, pad: 3 });

for (const f64 of [true, false]) {
  const name = f64 ? "float64" : "float32";
  const make = (length: number): TypedArray =>
    f64 ? new Float64Array(length) : new Float32Array(length);
  const from = (length: number, f: (i: number) => number): TypedArray =>
    make(length).map((_, i) => f(i));
  Deno.test(`im2colKernel() and col2imKernel() match the book's definition (${name})`, () => {
    fc.assert(
      fc.property(wideGeometries, fc.boolean(), (g, padView) => {
        const size = g.n * g.outH * g.outW * g.c * g.filterH * g.filterW;
        // Integers (and halves) add exactly in float32 too, whatever the order of the sums.
        const x = from(g.n * g.c * g.h * g.w, (i) => (i % 17) - 8);
        // A view inside a larger buffer, as the engine's views of WebAssembly memory.
        const at = padView ? 3 : 0;
        const col = make(size + 2 * at).fill(NaN).subarray(at, at + size);
        im2colKernel(x, col, g);
        assert.deepEqual([...col], referenceIm2col(x, g));
        const rows = from(size, (i) => ((i * 7) % 13) - 6 + 0.5);
        const back = make(x.length + 2 * at).fill(NaN).subarray(at, at + x.length);
        col2imKernel(rows, back, g);
        assert.deepEqual([...back], referenceCol2im(rows, g));
      }),
      { seed: 3, numRuns: 500 },
    );
  });
}

Deno.test("col2imKernel() leaves the values around its destination view alone", () => {
  const g = { n: 1, c: 2, h: 4, w: 5, filterH: 3, filterW: 3, stride: 1, pad: 1, outH: 4, outW: 5 };
  for (const pad of [0, 1]) {
    const geometry = { ...g, pad, outH: 4 + 2 * pad - 2, outW: 5 + 2 * pad - 2 };
    const buffer = new Float32Array(44).fill(9);
    const size = geometry.outH * geometry.outW * 18;
    col2imKernel(new Float32Array(size).fill(1), buffer.subarray(2, 42), geometry);
    assert.deepEqual([buffer[0], buffer[1], buffer[42], buffer[43]], [9, 9, 9, 9]);
  }
});
