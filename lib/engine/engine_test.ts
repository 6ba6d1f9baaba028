// Differential tests: every engine layer and net against its answer-key twin in lib/layers and
// lib/nets, on seeded random shapes and values, forward and backward, float32 and float64.

import fc from "fast-check";
import assert from "node:assert/strict";
import { Affine as BookAffine } from "../layers/affine.ts";
import { Convolution as BookConvolution } from "../layers/convolution.ts";
import { Pooling as BookPooling } from "../layers/pooling.ts";
import { Relu as BookRelu } from "../layers/relu.ts";
import { DeepConvNet as BookDeep } from "../nets/deep_conv_net.ts";
import { FinalConvNet as BookFinal } from "../nets/final_conv_net.ts";
import { SimpleConvNet as BookSimple } from "../nets/simple_conv_net.ts";
import { convGeometries, drawValues } from "../np/kernels/test_inputs.ts";
import type { ConvGeometry } from "../np/kernels/im2col.ts";
import * as np from "../np/mod.ts";
import { assertAllClose } from "../testing/mod.ts";
import { Affine } from "./affine.ts";
import { Convolution } from "./convolution.ts";
import { DeepConvNet, FinalConvNet, SimpleConvNet } from "./nets.ts";
import { Pooling } from "./pooling.ts";
import { Relu } from "./relu.ts";
import { ReluPool } from "./relu_pool.ts";
import { Adam } from "./adam.ts";
import { Adam as BookAdam } from "../optimizers/optimizer.ts";
import { canFuseConv, ConvReluPool } from "./conv_relu_pool.ts";
import { SHIFTED_MIN_CHANNELS, shiftedConvFits, winogradFits } from "./shifted_conv.ts";

// Property tests draw their cases from a fixed seed: a run repeats exactly.
fc.configureGlobal({ seed: 20261204 });

const DTYPES: readonly np.DType[] = ["float64", "float32"];

/** Tolerances for sums taken in another order. */
function tol(dtype: np.DType) {
  return dtype === "float64" ? { rtol: 1e-10, atol: 1e-12 } : { rtol: 2e-5, atol: 2e-6 };
}

/**
 * Tolerances for sums of up to `terms` products taken in another order: in float32 each term
 * can move the sum by a rounding of its running total, so the absolute error grows with the
 * count (values here are of order 1).
 */
function sumTol(dtype: np.DType, terms: number) {
  return dtype === "float64" ? tol(dtype) : { rtol: 2e-5, atol: 1e-6 * terms };
}

/** Seeded normal values of a shape and dtype. */
function randn(seed: number, shape: number[], dtype: np.DType): np.NDArray {
  return np.rng(seed).normal(shape, { dtype });
}

/** Asserts the same values bit for bit (NaN equals NaN, -0 differs from 0), and the dtype. */
function assertSameBits(actual: np.NDArray, expected: np.NDArray, what: string) {
  assert.deepEqual(actual.shape, expected.shape, `${what}: shape`);
  assert.equal(actual.dtype, expected.dtype, `${what}: dtype`);
  for (let i = 0; i < actual.size; i++) {
    if (!Object.is(actual.data[i], expected.data[i])) {
      assert.fail(`${what}[${i}]: engine ${actual.data[i]}, answer key ${expected.data[i]}`);
    }
  }
}

Deno.test("engine Relu equals the answer key's, forward and backward, edge values included", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }),
      fc.boolean(),
      fc.nat(),
      (shape, f64, seed) => {
        const size = shape.reduce((a, b) => a * b, 1);
        const x = new np.NDArray(drawValues(size, { f64, seed, edgeShare: 0.3 }), shape);
        const dout = new np.NDArray(drawValues(size, { f64, seed: seed + 1, edgeShare: 0 }), shape);
        const engine = new Relu(), book = new BookRelu();
        assertSameBits(engine.forward(x), book.forward(x), "out");
        assertSameBits(engine.backward(dout), book.backward(dout), "dx");
      },
    ),
    { numRuns: 100 },
  );
});

Deno.test("engine Affine equals the answer key's on 2-D and 4-D batches", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 6 }),
      fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
      fc.integer({ min: 1, max: 7 }),
      fc.constantFrom(...DTYPES),
      fc.nat(),
      (n, features, outputs, dtype, seed) => {
        const inputs = features.reduce((a, b) => a * b, 1);
        const W = randn(seed, [inputs, outputs], dtype), b = randn(seed + 1, [outputs], dtype);
        const x = randn(seed + 2, [n, ...features], dtype);
        const dout = randn(seed + 3, [n, outputs], dtype);
        const engine = new Affine(W, b), book = new BookAffine(W, b);
        assertAllClose(engine.forward(x), book.forward(x), { ...tol(dtype), msg: "out" });
        const dx = engine.backward(dout), bookDx = book.backward(dout);
        assert.equal(dx.dtype, dtype);
        assertAllClose(dx, bookDx, { ...tol(dtype), msg: "dx" });
        assertAllClose(engine.dW!, book.dW!, { ...tol(dtype), msg: "dW" });
        assertAllClose(engine.db!, book.db!, { ...tol(dtype), msg: "db" });
      },
    ),
    { numRuns: 60 },
  );
});

Deno.test("engine Convolution equals the answer key's: strides, pads, non-square filters", () => {
  fc.assert(
    fc.property(
      convGeometries({ side: 8, filter: 4, pad: 2 }),
      fc.integer({ min: 1, max: 4 }),
      fc.constantFrom(...DTYPES),
      fc.boolean(),
      fc.nat(),
      (g, filters, dtype, firstLayer, seed) => {
        const W = randn(seed, [filters, g.c, g.filterH, g.filterW], dtype);
        const b = randn(seed + 1, [filters], dtype);
        const x = randn(seed + 2, [g.n, g.c, g.h, g.w], dtype);
        const dout = randn(seed + 3, [g.n, filters, g.outH, g.outW], dtype);
        const options = { stride: g.stride, pad: g.pad };
        const engine = new Convolution(W, b, { ...options, firstLayer });
        const book = new BookConvolution(W, b, options);
        const out = engine.forward(x);
        assert.equal(out.dtype, dtype);
        assertAllClose(out, book.forward(x), { ...tol(dtype), msg: "out" });
        const dx = engine.backward(dout), bookDx = book.backward(dout);
        if (firstLayer) assert.equal(dx.size, 0, "a first layer returns no dx");
        else assertAllClose(dx, bookDx, { ...tol(dtype), msg: "dx" });
        assertAllClose(engine.dW!, book.dW!, { ...tol(dtype), msg: "dW" });
        assertAllClose(engine.db!, book.db!, { ...tol(dtype), msg: "db" });
        // A second pass reuses the engine's scratch arrays: still the same values.
        const x2 = randn(seed + 4, [g.n, g.c, g.h, g.w], dtype);
        assertAllClose(engine.forward(x2), book.forward(x2), { ...tol(dtype), msg: "out 2" });
        engine.backward(dout);
        book.backward(dout);
        assertAllClose(engine.dW!, book.dW!, { ...tol(dtype), msg: "dW 2" });
      },
    ),
    { numRuns: 80 },
  );
});

/**
 * The engine's stride-1 Convolution of geometry `g` (stride 1) against the answer key's, forward
 * and backward, on seeded values.
 */
function assertStrideOneConv(
  g: ConvGeometry,
  filters: number,
  dtype: np.DType,
  firstLayer: boolean,
  seed: number,
) {
  const W = randn(seed, [filters, g.c, g.filterH, g.filterW], dtype);
  const b = randn(seed + 1, [filters], dtype);
  const x = randn(seed + 2, [g.n, g.c, g.h, g.w], dtype);
  const dout = randn(seed + 3, [g.n, filters, g.outH, g.outW], dtype);
  const engine = new Convolution(W, b, { pad: g.pad, firstLayer });
  const book = new BookConvolution(W, b, { pad: g.pad });
  const taps = g.filterH * g.filterW;
  const t = sumTol(dtype, Math.max(g.c, filters) * taps + g.n * g.outH * g.outW);
  assertAllClose(engine.forward(x), book.forward(x), { ...t, msg: "out" });
  const dx = engine.backward(dout), bookDx = book.backward(dout);
  if (firstLayer) assert.equal(dx.size, 0, "a first layer returns no dx");
  else assertAllClose(dx, bookDx, { ...t, msg: "dx" });
  assertAllClose(engine.dW!, book.dW!, { ...t, msg: "dW" });
  assertAllClose(engine.db!, book.db!, { ...t, msg: "db" });
}

Deno.test("engine Convolution on shifted rows (stride 1, 8+ channels) equals the answer key's", () => {
  fc.assert(
    fc.property(
      fc.record({
        n: fc.integer({ min: 1, max: 3 }),
        c: fc.integer({ min: SHIFTED_MIN_CHANNELS, max: SHIFTED_MIN_CHANNELS + 3 }),
        h: fc.integer({ min: 1, max: 9 }),
        w: fc.integer({ min: 1, max: 9 }),
        filterH: fc.integer({ min: 1, max: 5 }),
        filterW: fc.integer({ min: 1, max: 5 }),
        pad: fc.integer({ min: 0, max: 4 }),
      }).map((g) => ({
        ...g,
        stride: 1,
        outH: g.h + 2 * g.pad - g.filterH + 1,
        outW: g.w + 2 * g.pad - g.filterW + 1,
      })).filter((g) => g.outH >= 1 && g.outW >= 1 && shiftedConvFits(g)),
      fc.integer({ min: 1, max: 10 }),
      fc.constantFrom(...DTYPES),
      fc.boolean(),
      fc.nat(),
      (g, filters, dtype, firstLayer, seed) =>
        assertStrideOneConv(g, filters, dtype, firstLayer, seed),
    ),
    { numRuns: 60 },
  );
});

Deno.test("engine Convolution on DeepConvNet's shapes: shifted rows and Winograd, split between threads", () => {
  // conv2 and conv3 on shifted rows (∂L/∂W as one product whose B columns are segments, its
  // columns split between the threads on a segment boundary), conv4 (pad 2) and conv6 with
  // Winograd's F(2×2, 3×3), with batches whose products split between threads.
  for (
    const [C, FN, side, pad] of [[16, 16, 28, 1], [16, 32, 14, 1], [32, 32, 14, 2], [64, 64, 8, 1]]
  ) {
    for (const dtype of DTYPES) {
      const W = randn(C, [FN, C, 3, 3], dtype), b = randn(2, [FN], dtype);
      const x = randn(3, [7, C, side, side], dtype);
      const out = side + 2 * pad - 2;
      const dout = randn(4, [7, FN, out, out], dtype);
      const engine = new Convolution(W, b, { pad }), book = new BookConvolution(W, b, { pad });
      const t = sumTol(dtype, Math.max(C * 9, 7 * out * out));
      assertAllClose(engine.forward(x), book.forward(x), { ...t, msg: "out" });
      assertAllClose(engine.backward(dout), book.backward(dout), { ...t, msg: "dx" });
      assertAllClose(engine.dW!, book.dW!, { ...t, msg: "dW" });
      assertAllClose(engine.db!, book.db!, { ...t, msg: "db" });
    }
  }
});

Deno.test("engine Convolution with Winograd's F(2×2, 3×3) equals the answer key's", () => {
  fc.assert(
    fc.property(
      fc.record({
        n: fc.integer({ min: 1, max: 3 }),
        c: fc.integer({ min: 32, max: 36 }),
        h: fc.integer({ min: 1, max: 5 }).map((half) => 2 * half),
        w: fc.integer({ min: 1, max: 5 }).map((half) => 2 * half),
        pad: fc.constantFrom(1, 2),
      }).map((g) => ({
        ...g,
        stride: 1,
        filterH: 3,
        filterW: 3,
        outH: g.h + 2 * g.pad - 2,
        outW: g.w + 2 * g.pad - 2,
      })),
      fc.integer({ min: 32, max: 40 }),
      fc.constantFrom(...DTYPES),
      fc.boolean(),
      fc.nat(),
      (g, filters, dtype, firstLayer, seed) => {
        fc.pre(shiftedConvFits(g) && winogradFits(g, filters, dtype === "float32"));
        assertStrideOneConv(g, filters, dtype, firstLayer, seed);
      },
    ),
    { numRuns: 30 },
  );
});

Deno.test("engine Convolution's backward in blocks of images: a batch of 12 (5 + 5 + 2)", () => {
  for (const dtype of DTYPES) {
    const W = randn(1, [3, 2, 3, 3], dtype), b = randn(2, [3], dtype);
    const x = randn(3, [12, 2, 6, 5], dtype), dout = randn(4, [12, 3, 6, 5], dtype);
    const engine = new Convolution(W, b, { pad: 1 }), book = new BookConvolution(W, b, { pad: 1 });
    assertAllClose(engine.forward(x), book.forward(x), { ...tol(dtype), msg: "out" });
    assertAllClose(engine.backward(dout), book.backward(dout), { ...tol(dtype), msg: "dx" });
    assertAllClose(engine.dW!, book.dW!, { ...tol(dtype), msg: "dW" });
    assertAllClose(engine.db!, book.db!, { ...tol(dtype), msg: "db" });
  }
});

Deno.test("engine Pooling equals the answer key's: strides, pads, non-square windows, ties", () => {
  fc.assert(
    fc.property(
      convGeometries({ side: 9, filter: 4, pad: 1 }),
      fc.constantFrom(...DTYPES),
      fc.boolean(),
      fc.nat(),
      (g, dtype, ties, seed) => {
        // Padding is only allowed up to half the window in the book's layers' use; any pad
        // works here. Small integers make ties, which both resolve to the first position.
        const size = g.n * g.c * g.h * g.w;
        const values = drawValues(size, {
          f64: dtype === "float64",
          seed,
          edgeShare: 0,
          ordinary: ties ? (u) => Math.floor(u * 4) - 2 : (u) => u - 0.5,
        });
        const x = new np.NDArray(values, [g.n, g.c, g.h, g.w]);
        const dout = randn(seed + 1, [g.n, g.c, g.outH, g.outW], dtype);
        const options = { stride: g.stride, pad: g.pad };
        const engine = new Pooling(g.filterH, g.filterW, options);
        const book = new BookPooling(g.filterH, g.filterW, options);
        assertSameBits(engine.forward(x), book.forward(x), "out");
        assertAllClose(engine.backward(dout), book.backward(dout), { ...tol(dtype), msg: "dx" });
      },
    ),
    { numRuns: 100 },
  );
});

Deno.test("engine ReluPool equals the answer key's Relu and Pooling in either order bit for bit: ties, zeros, -0", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 0, max: 2 }),
      fc.integer({ min: 2, max: 9 }),
      fc.integer({ min: 2, max: 9 }),
      fc.constantFrom(...DTYPES),
      fc.boolean(),
      fc.nat(),
      (n, c, pool, extra, h, w, dtype, ties, seed) => {
        const stride = pool + (extra === 2 ? 1 : 0), poolW = extra === 1 ? 1 : pool;
        fc.pre(h >= pool && w >= poolW);
        const outH = 1 + Math.floor((h - pool) / stride);
        const outW = 1 + Math.floor((w - poolW) / stride);
        const values = drawValues(n * c * h * w, {
          f64: dtype === "float64",
          seed,
          edgeShare: 0,
          // Small integers make ties and windows of zeros and negatives only.
          ordinary: ties ? (u) => Math.floor(u * 4) - 2 : (u) => u - 0.5,
        });
        const x = new np.NDArray(values, [n, c, h, w]);
        const doutValues = drawValues(n * c * outH * outW, {
          f64: dtype === "float64",
          seed: seed + 1,
          edgeShare: 0,
          ordinary: (u) => (u < 0.1 ? -0 : u - 0.5),
        });
        const dout = new np.NDArray(doutValues, [n, c, outH, outW]);
        const options = { stride };
        const fused = new ReluPool(new Relu(), new Pooling(pool, poolW, options));
        const bookRelu = new BookRelu(), bookPool = new BookPooling(pool, poolW, options);
        for (let round = 0; round < 2; round++) { // the second reuses the fused arrays
          assertSameBits(fused.forward(x), bookPool.forward(bookRelu.forward(x)), "out");
          assertSameBits(
            fused.backward(dout),
            bookRelu.backward(bookPool.backward(dout)),
            "dx",
          );
          // The other order, Pooling then Relu (FinalConvNet), is the same pair.
          assertSameBits(
            fused.forward(x),
            bookRelu.forward(bookPool.forward(x)),
            "out (pool, relu)",
          );
          assertSameBits(
            fused.backward(dout),
            bookPool.backward(bookRelu.backward(dout)),
            "dx (pool, relu)",
          );
        }
      },
    ),
    { numRuns: 150 },
  );
});

/**
 * Whether a 2×2 window (stride 2) of a convolution's output `[N, F, H, W]` has its two largest
 * values within 1e-5 of the output's scale (the larger positive: a window that passes ReLU), or
 * its largest that close to 0 (ReLU's edge).
 */
function nearTie(y: np.NDArray): boolean {
  const [n, f, h, w] = y.shape, d = y.data;
  const eps = 1e-5 * (np.max(np.abs(y)) as number);
  for (let plane = 0; plane < n * f; plane++) {
    for (let py = 0; py + 1 < h; py += 2) {
      for (let px = 0; px + 1 < w; px += 2) {
        const at = plane * h * w + py * w + px;
        const v = [d[at], d[at + 1], d[at + w], d[at + w + 1]].sort((a, b) => b - a);
        // Two candidates for the maximum, or a maximum at ReLU's edge.
        if ((v[0] > 0 && v[0] - v[1] <= eps) || Math.abs(v[0]) <= eps) return true;
      }
    }
  }
  return false;
}

Deno.test("engine ConvReluPool equals the answer key's first Convolution, Relu and Pooling", () => {
  fc.assert(
    fc.property(
      fc.record({
        n: fc.integer({ min: 1, max: 3 }),
        c: fc.integer({ min: 1, max: 3 }),
        fn: fc.integer({ min: 1, max: 40 }),
        fh: fc.integer({ min: 1, max: 5 }),
        fw: fc.integer({ min: 1, max: 5 }),
        extraH: fc.integer({ min: 0, max: 8 }),
        extraW: fc.integer({ min: 0, max: 8 }),
        pad: fc.integer({ min: 0, max: 2 }),
        poolFirst: fc.boolean(),
        seed: fc.nat(),
      }),
      ({ n, c, fn, fh, fw, extraH, extraW, pad, poolFirst, seed }) => {
        const h = Math.max(1, fh + 1 + extraH - 2 * pad),
          w = Math.max(1, fw + 1 + extraW - 2 * pad);
        const oh = h + 2 * pad - fh + 1, ow = w + 2 * pad - fw + 1;
        fc.pre(oh >= 2 && ow >= 2);
        const dtype = "float32";
        const W = randn(seed, [fn, c, fh, fw], dtype), b = randn(seed + 1, [fn], dtype);
        const x = randn(seed + 2, [n, c, h, w], dtype);
        const ph = Math.floor(oh / 2), pw = Math.floor(ow / 2);
        const dout = randn(seed + 3, [n, fn, ph, pw], dtype);
        const conv = new Convolution(W, b, { firstLayer: true, pad });
        const pool = new Pooling(2, 2, { stride: 2 });
        assert.ok(canFuseConv(conv, new Relu(), pool));
        const fused = new ConvReluPool(conv, new Relu(), pool);
        const bookConv = new BookConvolution(W, b, { pad }), bookRelu = new BookRelu();
        const bookPool = new BookPooling(2, 2, { stride: 2 });
        // Float32 sums in another order than the answer key's: an entry that cancels to near
        // zero keeps an error of the order of its terms, so atol follows the array's scale.
        const { rtol, atol } = tol(dtype);
        const close = (actual: np.NDArray, expected: np.NDArray, msg: string, rtolTimes = 1) => {
          const scale = np.max(np.abs(expected)) as number;
          assertAllClose(actual, expected, {
            rtol: rtol * rtolTimes,
            atol: Math.max(atol, 1e-5 * scale),
            msg,
          });
        };
        // A pooling window whose two largest positive values are within rounding of each other
        // may pick either in float32 (the sums' order differs): no answer to compare there.
        fc.pre(!nearTie(bookConv.forward(x)));
        for (let round = 0; round < 2; round++) { // the second reuses the module's memory
          const out = fused.forward(x);
          const convOut = bookConv.forward(x);
          const bookOut = poolFirst
            ? bookRelu.forward(bookPool.forward(convOut))
            : bookPool.forward(bookRelu.forward(convOut));
          close(out, bookOut, "out");
          assert.equal(fused.backward(dout).size, 0);
          bookConv.backward(
            poolFirst
              ? bookPool.backward(bookRelu.backward(dout))
              : bookRelu.backward(bookPool.backward(dout)),
          );
          close(conv.dW!, bookConv.dW!, "dW", 10);
          close(conv.db!, bookConv.db!, "db", 10);
        }
      },
    ),
    { numRuns: 150 },
  );
});

Deno.test("engine SimpleConvNet float32 runs its first layers fused and repeats bit for bit", () => {
  const x = np.rng(5).random([6, 1, 28, 28], { dtype: "float32" }),
    t = np.array([1, 2, 3, 4, 5, 6]);
  const a = new SimpleConvNet({ dtype: "float32", seed: 3 });
  const b = new SimpleConvNet({ dtype: "float32", seed: 3 });
  const ga = a.gradient(x, t), gb = b.gradient(x, t);
  for (const name of Object.keys(ga)) assertSameBits(ga[name], gb[name], name);
  const book = new BookSimple({ dtype: "float32", seed: 3 });
  assertSameGradients(new SimpleConvNet({ dtype: "float32", seed: 3 }), book, x, t, "float32");
  // gradient() ran the fused step: Conv1 never built its column matrix.
  assert.equal((a.layers.get("Conv1") as Convolution).col, null);
  // FinalConvNet's conv (pad 2) - pool - relu too, and its gradients stay the answer key's.
  const final = new FinalConvNet({ dtype: "float32", seed: 3 });
  assertSameGradients(final, new BookFinal({ dtype: "float32", seed: 3 }), x, t, "float32");
  assert.equal((final.layers.values().next().value as Convolution).col, null);
});

Deno.test("engine Adam gives the answer key's Adam bits, float32 in WebAssembly and float64", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 37 }), { minLength: 1, maxLength: 4 }),
      fc.constantFrom(...DTYPES),
      fc.nat(),
      (sizes, dtype, seed) => {
        const make = () =>
          Object.fromEntries(sizes.map((n, i) => [`W${i}`, randn(seed + i, [n], dtype)]));
        const mine = make(), book = make();
        const engine = new Adam({ lr: 0.01 }), reference = new BookAdam({ lr: 0.01 });
        for (let step = 0; step < 4; step++) {
          const grads = Object.fromEntries(
            sizes.map((n, i) => [`W${i}`, randn(seed + 100 * step + i, [n], dtype)]),
          );
          engine.update(mine, grads);
          reference.update(book, grads);
          for (const key of Object.keys(book)) assertSameBits(mine[key], book[key], key);
        }
      },
    ),
    { numRuns: 60 },
  );
});

/** Two nets' gradients on one batch, and their loss and predictions. */
function assertSameGradients(
  engine: { params: Record<string, np.NDArray>; gradient: typeof BookSimple.prototype.gradient },
  book: { params: Record<string, np.NDArray>; gradient: typeof BookSimple.prototype.gradient },
  x: np.NDArray,
  t: np.NDArray,
  dtype: np.DType,
) {
  assert.deepEqual(Object.keys(engine.params), Object.keys(book.params));
  for (const [name, p] of Object.entries(book.params)) {
    assertSameBits(engine.params[name], p, `initial ${name}`);
  }
  const g = engine.gradient(x, t), bookG = book.gradient(x, t);
  assert.deepEqual(Object.keys(g), Object.keys(bookG));
  const { rtol, atol } = tol(dtype);
  for (const name of Object.keys(bookG)) {
    assertAllClose(g[name], bookG[name], { rtol: rtol * 10, atol, msg: `gradient ${name}` });
  }
}

for (const dtype of DTYPES) {
  Deno.test(`engine SimpleConvNet has the answer key's parameters and gradients (${dtype})`, () => {
    const options = { seed: 3, dtype, weightInitStd: 0.1 };
    const x = randn(5, [3, 1, 28, 28], dtype), t = np.array([1, 7, 3]);
    const engine = new SimpleConvNet(options), book = new BookSimple(options);
    assertSameGradients(engine, book, x, t, dtype);
    assertAllClose(engine.predict(x), book.predict(x), tol(dtype));
    assert.equal(engine.loss(x, t).toFixed(5), book.loss(x, t).toFixed(5));
  });

  Deno.test(`engine FinalConvNet has the answer key's parameters and gradients (${dtype})`, () => {
    for (const dropoutRatio of [0, 0.3]) {
      const options = { seed: 4, dtype, dropoutRatio };
      const x = randn(6, [3, 1, 28, 28], dtype), t = np.array([0, 9, 2]);
      assertSameGradients(new FinalConvNet(options), new BookFinal(options), x, t, dtype);
    }
  });

  Deno.test(`engine DeepConvNet has the answer key's parameters and gradients (${dtype})`, () => {
    const options = { seed: 5, dtype };
    const x = randn(7, [2, 1, 28, 28], dtype), t = np.array([4, 8]);
    const engine = new DeepConvNet(options), book = new BookDeep(options);
    assertSameGradients(engine, book, x, t, dtype);
    // The same dropout masks were drawn: the generators are in the same state.
    assert.deepEqual(engine.rng.getState(), book.rng.getState());
  });
}

Deno.test("engine nets save files that the answer key's nets load, and back", () => {
  const dir = Deno.makeTempDirSync();
  const engine = new FinalConvNet({ seed: 1, dtype: "float32" });
  const book = new BookFinal({ seed: 2, dtype: "float32" });
  book.loadParams(engine.saveParams(`${dir}/engine.safetensors`));
  const x = randn(1, [2, 1, 28, 28], "float32");
  assertAllClose(book.predict(x), engine.predict(x), tol("float32"));
  const simple = new SimpleConvNet({ seed: 9 });
  simple.loadParams(new BookSimple({ seed: 8 }).saveParams(`${dir}/book.safetensors`));
  assertSameBits(simple.params.W1, new BookSimple({ seed: 8 }).params.W1, "W1");
  Deno.removeSync(dir, { recursive: true });
});

Deno.test("engine Convolution.backward() of a first layer returns an empty array", () => {
  const conv = new Convolution(np.ones([2, 1, 3, 3]), np.zeros([2]), { firstLayer: true });
  const out = conv.forward(np.ones([1, 1, 4, 4]));
  assert.equal(conv.backward(np.onesLike(out)).size, 0);
  assert.deepEqual(conv.db?.toArray(), [4, 4]);
});

Deno.test("engine Adam hands out and takes back m and v as the answer key's (checkpoints)", () => {
  const rng = np.rng(11);
  const shape = { W: [3, 4], b: [4] };
  const params = () => ({
    W: np.rng(1).normal(shape.W, { dtype: "float32" }),
    b: np.rng(2).normal(shape.b, { dtype: "float32" }),
  });
  const grads = Array.from({ length: 4 }, () => ({
    W: rng.normal(shape.W, { dtype: "float32" }),
    b: rng.normal(shape.b, { dtype: "float32" }),
  }));
  // Two updates, its state saved, then two more: against a fresh engine Adam that resumes from
  // that state, and against the answer key's Adam all along.
  const a = params(), b = params(), c = params();
  const engine = new Adam({ lr: 0.01 }), book = new BookAdam({ lr: 0.01 });
  assert.equal(engine.m, null, "no m before the first update");
  for (const g of grads.slice(0, 2)) {
    engine.update(a, g);
    book.update(c, g);
  }
  for (const field of ["m", "v"] as const) {
    for (const key of ["W", "b"]) {
      assert.deepEqual(
        [...engine[field]![key].data],
        [...book[field]![key].data],
        `${field}.${key}`,
      );
      assert.deepEqual(engine[field]![key].shape, shape[key as "W" | "b"]);
    }
  }
  const resumed = new Adam({ lr: 0.01 });
  resumed.m = engine.m;
  resumed.v = engine.v;
  resumed.iter = engine.iter;
  for (const key of ["W", "b"] as const) b[key].data.set(a[key].data);
  for (const g of grads.slice(2)) {
    engine.update(a, g);
    resumed.update(b, g);
    book.update(c, g);
  }
  for (const key of ["W", "b"] as const) {
    assert.deepEqual([...b[key].data], [...a[key].data], `resumed ${key}`);
    assert.deepEqual([...a[key].data], [...c[key].data], `answer key ${key}`);
  }
});
