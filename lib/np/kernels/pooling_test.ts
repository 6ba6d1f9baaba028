import assert from "node:assert/strict";
import fc from "fast-check";
import * as np from "../mod.ts";
import { col2im, im2col } from "../../layers/im2col.ts";
import type { TypedArray } from "../ndarray.ts";
import type { ConvGeometry } from "./im2col.ts";
import { maxPoolBackwardKernel, maxPoolTs, maxPoolWasm } from "./pooling.ts";
import { convGeometries, drawValues } from "./test_inputs.ts";

// Property tests draw their cases from a fixed seed: a run repeats exactly.
fc.configureGlobal({ seed: 20261204 });

/** Random pooling sizes (windows up to 4×4, strides up to 3, padding up to 1) and a seed. */
const geometries = fc
  .tuple(convGeometries({ side: 9, filter: 4, pad: 1 }), fc.nat())
  .map(([g, seed]) => ({ ...g, seed }));

/** Seeded small integers (many ties), a share of them NaN, ±0, ±∞ or more ties. */
function draw(size: number, f64: boolean, seed: number, edgeShare: number): TypedArray {
  return drawValues(size, { f64, seed, edgeShare, ordinary: (u) => Math.round(u * 8) - 4 });
}

/** The book's Pooling.forward: im2col, one window per row, max/argmax, transposed to NCHW. */
function bookForward(x: np.NDArray, g: ConvGeometry): { out: np.NDArray; argMax: np.NDArray } {
  const window = { filterH: g.filterH, filterW: g.filterW, stride: g.stride, pad: g.pad };
  const col = im2col(x, window).reshape(-1, g.filterH * g.filterW);
  const nchw = (a: np.NDArray) => a.reshape(g.n, g.outH, g.outW, g.c).transpose(0, 3, 1, 2);
  return {
    out: nchw(np.max(col, { axis: 1 })),
    argMax: nchw(np.argmax(col, { axis: 1 })),
  };
}

function assertSameValues(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string) {
  assert.equal(actual.length, expected.length, what);
  for (let i = 0; i < actual.length; i++) {
    if (!Object.is(actual[i], expected[i])) {
      assert.fail(`${what}: element ${i} is ${actual[i]}, expected ${expected[i]}`);
    }
  }
}

Deno.test("maxPoolTs() gives the book's im2col max and argmax, in NCHW order", () => {
  fc.assert(
    fc.property(geometries, (g) => {
      const x = draw(g.n * g.c * g.h * g.w, true, g.seed, 0.2);
      const outs = g.n * g.c * g.outH * g.outW;
      const out = new Float64Array(outs), argMax = new Float64Array(outs);
      maxPoolTs(x, out, argMax, g);
      const want = bookForward(new np.NDArray(x, [g.n, g.c, g.h, g.w]), g);
      assertSameValues(out, want.out.data, "max");
      assertSameValues(argMax, want.argMax.data, "argmax");
    }),
    { seed: 1, numRuns: 300 },
  );
});

Deno.test("maxPoolKernel() in WebAssembly gives the bits of the TypeScript loop (float32)", () => {
  // No padding, outputs at least 4 wide, enough planes for 1024 outputs or more.
  const cases = fc
    .record({
      c: fc.integer({ min: 1, max: 3 }),
      h: fc.integer({ min: 4, max: 9 }),
      w: fc.integer({ min: 4, max: 20 }),
      filterH: fc.integer({ min: 1, max: 4 }),
      filterW: fc.integer({ min: 1, max: 4 }),
      stride: fc.integer({ min: 1, max: 3 }),
      seed: fc.nat(),
    })
    .map((g) => ({
      ...g,
      pad: 0,
      outH: Math.floor((g.h - g.filterH) / g.stride) + 1,
      outW: Math.floor((g.w - g.filterW) / g.stride) + 1,
    }))
    .filter((g) => g.outW >= 4)
    .map((g) => ({ ...g, n: Math.ceil(1100 / (g.c * g.outH * g.outW)) }));
  fc.assert(
    fc.property(cases, (g) => {
      const x = draw(g.n * g.c * g.h * g.w, false, g.seed, 0.3) as Float32Array;
      const outs = g.n * g.c * g.outH * g.outW;
      const ts = { out: new Float32Array(outs), argMax: new Float32Array(outs) };
      maxPoolTs(x, ts.out, ts.argMax, g);
      const wasm = { out: new Float32Array(outs).fill(7), argMax: new Float32Array(outs).fill(7) };
      assert.ok(maxPoolWasm(x, wasm.out, wasm.argMax, g), "the WebAssembly loop ran");
      assertSameValues(wasm.out, ts.out, "max");
      assertSameValues(wasm.argMax, ts.argMax, "argmax");
    }),
    { seed: 2, numRuns: 60 },
  );
});

Deno.test("maxPoolBackwardKernel() is the book's dmax and col2im", () => {
  fc.assert(
    fc.property(geometries, (g) => {
      // Integers, so sums over overlapping windows are exact in any order.
      const x = draw(g.n * g.c * g.h * g.w, true, g.seed, 0);
      const outs = g.n * g.c * g.outH * g.outW;
      const dout = Float64Array.from({ length: outs }, (_, i) => (i % 7) - 3);
      const images = new np.NDArray(x, [g.n, g.c, g.h, g.w]);
      const { argMax } = bookForward(images, g);
      const dx = new Float64Array(x.length).fill(NaN);
      maxPoolBackwardKernel(dout, argMax.data, dx, g);
      // The book: dmax[arange, arg_max] = dout.flatten() (rows in NHWC order), then col2im.
      const size = g.filterH * g.filterW;
      const toNhwc = (a: np.NDArray) =>
        a.reshape(g.n, g.c, g.outH, g.outW).transpose(0, 2, 3, 1).data;
      const flat = toNhwc(new np.NDArray(dout, [outs])), rows = toNhwc(argMax);
      const dmax = np.zeros([outs, size]);
      for (let i = 0; i < outs; i++) dmax.data[i * size + rows[i]] = flat[i];
      const want = col2im(dmax.reshape(g.n * g.outH * g.outW, -1), {
        inputShape: [g.n, g.c, g.h, g.w],
        filterH: g.filterH,
        filterW: g.filterW,
        stride: g.stride,
        pad: g.pad,
      });
      assertSameValues(dx, want.data, "dx");
    }),
    { seed: 3, numRuns: 300 },
  );
});
