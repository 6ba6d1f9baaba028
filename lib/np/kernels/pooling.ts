/**
 * Max pooling straight from NCHW images (the book's §7.4.4), forward and backward.
 *
 * The book's Pooling layer runs im2col with one window per row, takes `np.max` and
 * `np.argmax` along the rows, and transposes the result to NCHW; its backward builds a zeroed
 * `dmax` of `[windows, poolH·poolW]`, writes each gradient at its window's argmax and runs
 * col2im. These loops compute the same values without the intermediate arrays: the forward
 * reads each window where it lies in the image and writes the max and its position in NCHW
 * order; the backward adds each gradient onto the pixel of its window's max.
 *
 * The rules are NumPy's, as in the book: the padding counts as zeros (the book pads the
 * image with `np.pad`), a strictly larger value wins so ties keep the first position in the
 * window (row by row), and a NaN wins and stays. The backward drops gradients whose max was in
 * the padding and adds those of overlapping windows (stride < window), as col2im does.
 *
 * {@linkcode maxPoolKernel} runs `wasm/pooling.wat` (SIMD, branch-free) for float32 without
 * padding, and the TypeScript loop {@linkcode maxPoolTs} otherwise; both give the same bits.
 *
 * @module
 */

import type { TypedArray } from "../ndarray.ts";
import { kernelConfig } from "./config.ts";
import type { ConvGeometry } from "./im2col.ts";
import { POOLING_WASM } from "./wasm/pooling_wasm.ts";

/**
 * The max and argmax of every window (TypeScript): `out[n, c, oy, ox]` is the largest value of
 * the window at (oy·stride - pad, ox·stride - pad), and `argMax[n, c, oy, ox]` its position
 * `fy·filterW + fx` in the window.
 *
 * @example 2×2 windows with stride 2 over a 4×4 image (the book's Figure 7-14)
 * ```ts
 * import { maxPoolTs } from "./pooling.ts";
 * import assert from "node:assert/strict";
 *
 * const x = new Float64Array([1, 2, 1, 0, 0, 1, 2, 3, 3, 0, 1, 2, 2, 4, 0, 1]);
 * const out = new Float64Array(4), argMax = new Float64Array(4);
 * const g = { n: 1, c: 1, h: 4, w: 4, filterH: 2, filterW: 2, stride: 2, pad: 0, outH: 2, outW: 2 };
 * maxPoolTs(x, out, argMax, g);
 * assert.deepEqual([...out], [2, 3, 4, 2]);
 * assert.deepEqual([...argMax], [1, 3, 3, 1]);
 * ```
 *
 * @param x The images, `n·c·h·w` values (NCHW).
 * @param out The maxima, `n·c·outH·outW` values (NCHW); overwritten.
 * @param argMax The positions of the maxima in their windows, as out; overwritten.
 * @param g The sizes (the window is `filterH × filterW`).
 */
export function maxPoolTs(
  x: TypedArray,
  out: TypedArray,
  argMax: TypedArray,
  g: ConvGeometry,
): void {
  const { n, c, h, w, filterH, filterW, stride, pad, outH, outW } = g;
  let o = 0;
  for (let plane = 0; plane < n * c; plane++) {
    const planeBase = plane * h * w;
    for (let oy = 0; oy < outH; oy++) {
      const y0 = oy * stride - pad;
      for (let ox = 0; ox < outW; ox++, o++) {
        const x0 = ox * stride - pad;
        let best = 0, bestAt = 0;
        for (let fy = 0, t = 0; fy < filterH; fy++) {
          const y = y0 + fy;
          for (let fx = 0; fx < filterW; fx++, t++) {
            const xx = x0 + fx;
            const v = y >= 0 && y < h && xx >= 0 && xx < w ? x[planeBase + y * w + xx] : 0;
            // The first tap starts the maximum; !(v <= best) is true for a larger value and
            // for NaN, and once best is NaN nothing replaces it.
            if (t === 0 || (!(v <= best) && best === best)) {
              best = v;
              bestAt = t;
            }
          }
        }
        out[o] = best;
        argMax[o] = bestAt;
      }
    }
  }
}

/**
 * {@linkcode maxPoolTs} in WebAssembly SIMD where it applies (float32, no padding, outputs at
 * least 4 wide, enough of them to pay for copying the images in), else in TypeScript. Same
 * arguments, same results.
 *
 * @example
 * ```ts
 * import { maxPoolKernel } from "./pooling.ts";
 * import assert from "node:assert/strict";
 *
 * const x = Float32Array.from({ length: 2 * 8 * 8 }, (_, i) => (i * 37) % 11);
 * const out = new Float32Array(2 * 4 * 4), argMax = new Float32Array(2 * 4 * 4);
 * const g = { n: 1, c: 2, h: 8, w: 8, filterH: 2, filterW: 2, stride: 2, pad: 0, outH: 4, outW: 4 };
 * maxPoolKernel(x, out, argMax, g);
 * assert.equal(out[0], Math.max(x[0], x[1], x[8], x[9]));
 * ```
 *
 * @param x The images, `n·c·h·w` values (NCHW).
 * @param out The maxima, `n·c·outH·outW` values (NCHW); overwritten.
 * @param argMax The positions of the maxima in their windows, as out; overwritten.
 * @param g The sizes.
 */
export function maxPoolKernel(
  x: TypedArray,
  out: TypedArray,
  argMax: TypedArray,
  g: ConvGeometry,
): void {
  if (!maxPoolWasm(x, out, argMax, g)) maxPoolTs(x, out, argMax, g);
}

/**
 * The backward pass of max pooling: `dx` gets zeros, then each `dout[n, c, oy, ox]` added onto
 * the pixel where its window's max was (`argMax`, from the forward pass). A max that lay in the
 * padding sends its gradient nowhere.
 *
 * @example The book's worked example: each gradient goes to its window's max
 * ```ts
 * import { maxPoolBackwardKernel } from "./pooling.ts";
 * import assert from "node:assert/strict";
 *
 * const dx = new Float64Array(16);
 * const g = { n: 1, c: 1, h: 4, w: 4, filterH: 2, filterW: 2, stride: 2, pad: 0, outH: 2, outW: 2 };
 * maxPoolBackwardKernel(new Float64Array([1, 2, 3, 4]), new Float64Array([2, 3, 3, 0]), dx, g);
 * assert.deepEqual([...dx], [0, 0, 0, 0, 1, 0, 0, 2, 0, 0, 4, 0, 0, 3, 0, 0]);
 * ```
 *
 * @param dout The gradients of the outputs, `n·c·outH·outW` values (NCHW).
 * @param argMax The positions written by the forward pass.
 * @param dx The gradients of the images, `n·c·h·w` values; overwritten.
 * @param g The sizes.
 */
export function maxPoolBackwardKernel(
  dout: TypedArray,
  argMax: TypedArray,
  dx: TypedArray,
  g: ConvGeometry,
): void {
  const { n, c, h, w, filterH, filterW, stride, pad, outH, outW } = g;
  dx.fill(0);
  // Where each window position t = fy·filterW + fx lies: rows fy and columns fx as integers
  // (argMax holds floats; integer indices keep V8 on its fast typed-array path).
  const taps = filterH * filterW;
  const tapY = new Int32Array(taps), tapX = new Int32Array(taps), tapAt = new Int32Array(taps);
  for (let t = 0; t < taps; t++) {
    tapY[t] = Math.floor(t / filterW);
    tapX[t] = t % filterW;
    tapAt[t] = tapY[t] * w + tapX[t];
  }
  let o = 0;
  for (let plane = 0; plane < n * c; plane++) {
    const planeBase = plane * h * w;
    for (let oy = 0; oy < outH; oy++) {
      const y0 = oy * stride - pad;
      if (pad === 0) {
        // Every window lies inside the image: no bounds to test.
        for (let ox = 0, at = planeBase + y0 * w; ox < outW; ox++, o++, at += stride) {
          dx[at + tapAt[argMax[o] | 0]] += dout[o];
        }
        continue;
      }
      for (let ox = 0; ox < outW; ox++, o++) {
        const t = argMax[o] | 0;
        const y = y0 + tapY[t], xx = ox * stride - pad + tapX[t];
        if (y >= 0 && y < h && xx >= 0 && xx < w) dx[planeBase + y * w + xx] += dout[o];
      }
    }
  }
}

/** Below this many outputs the TypeScript loop costs less than copying into the module. */
const MIN_OUTPUTS = 1024;
const PAGE = 65536;

interface Exports {
  memory: WebAssembly.Memory;
  maxpool32(
    x: number,
    planes: number,
    h: number,
    w: number,
    ph: number,
    pw: number,
    stride: number,
    outH: number,
    outW: number,
    out: number,
    arg: number,
  ): void;
}

let kernels: Exports | null | undefined;

/** The module, instantiated on first use; null where WebAssembly SIMD is missing. */
function instance(): Exports | null {
  if (kernels === undefined) {
    try {
      const module = new WebAssembly.Module(Uint8Array.fromBase64(POOLING_WASM));
      kernels = new WebAssembly.Instance(module).exports as unknown as Exports;
    } catch {
      kernels = null;
    }
  }
  return kernels;
}

/**
 * {@linkcode maxPoolTs} in WebAssembly (`maxpool32` of `wasm/pooling.wat`), for float32 images
 * without padding whose outputs are at least 4 wide.
 *
 * @example
 * ```ts
 * import { maxPoolWasm } from "./pooling.ts";
 * import assert from "node:assert/strict";
 *
 * const x = Float32Array.from({ length: 64 * 8 * 8 }, (_, i) => (i * 37) % 11);
 * const out = new Float32Array(64 * 4 * 4), argMax = new Float32Array(64 * 4 * 4);
 * const g = { n: 1, c: 64, h: 8, w: 8, filterH: 2, filterW: 2, stride: 2, pad: 0, outH: 4, outW: 4 };
 * assert.ok(maxPoolWasm(x, out, argMax, g));
 * assert.equal(out[5], Math.max(x[18], x[19], x[26], x[27]));
 * ```
 *
 * @param x The images, `n·c·h·w` values (NCHW).
 * @param out The maxima, `n·c·outH·outW` values (NCHW); overwritten.
 * @param argMax The positions of the maxima in their windows, as out; overwritten.
 * @param g The sizes.
 * @returns false, having done nothing, where it does not apply (another dtype, padding, fewer
 * than 1024 outputs, the TypeScript backend, no WebAssembly SIMD).
 */
export function maxPoolWasm(
  x: TypedArray,
  out: TypedArray,
  argMax: TypedArray,
  g: ConvGeometry,
): boolean {
  const float32 = x instanceof Float32Array && out instanceof Float32Array &&
    argMax instanceof Float32Array;
  if (kernelConfig.backend !== "wasm" || !float32 || g.pad !== 0 || g.outW < 4) return false;
  if (out.length < MIN_OUTPUTS) return false;
  const k = instance();
  if (k === null) return false;
  // The images, 16 bytes of slack for the last stride-2 load, the maxima, their positions.
  const outAt = Math.ceil((x.length * 4 + 16) / 16) * 16;
  const argAt = outAt + Math.ceil((out.length * 4) / 16) * 16;
  const end = argAt + out.length * 4;
  const have = k.memory.buffer.byteLength;
  if (end > have) {
    try {
      k.memory.grow(Math.ceil((end - have) / PAGE));
    } catch {
      return false; // past what the module can address, or refused: the TypeScript loop
    }
  }
  const buffer = k.memory.buffer;
  new Float32Array(buffer, 0, x.length).set(x);
  const { n, c, h, w, filterH, filterW, stride, outH, outW } = g;
  k.maxpool32(0, n * c, h, w, filterH, filterW, stride, outH, outW, outAt, argAt);
  out.set(new Float32Array(buffer, outAt, out.length));
  argMax.set(new Float32Array(buffer, argAt, out.length));
  return true;
}
