/**
 * ReLU and max pooling, fused: the `Relu` - `Pooling` pairs of SimpleConvNet (§7.5) and
 * DeepConvNet (§8.1), and the `Pooling` - `Relu` pairs of FinalConvNet, in one pass each way,
 * used by `LayerNet.gradient()`.
 *
 * The two layers commute: the largest of a window of max(0, x) is max(0, largest x), and its
 * first position is the first position of the largest x when that is positive. So the fused
 * forward reads the convolution's output once and writes only the pooled output (a quarter of
 * the values for 2×2 windows) and the positions; the backward writes ∂L/∂x once, dout at the
 * window's maximum where the pooled output is positive, zero everywhere else. The values are
 * the answer key's bit for bit (`engine_test.ts`): where every value of a window is <= 0 the
 * book's pooling picks position 0 of a window of zeros and the ReLU's mask then blocks it, which
 * is the zero written here. (Inputs with NaN take the unfused path's place nowhere: training
 * batches are finite.)
 *
 * @module
 */

import * as np from "../np/mod.ts";
import type { Pooling } from "./pooling.ts";
import type { Relu } from "./relu.ts";

/** A Relu - Pooling pair that can be fused: windows that do not overlap, no padding. */
export function canFuse(relu: unknown, pool: Pooling): boolean {
  return relu !== null && pool.pad === 0 && pool.stride >= pool.poolH &&
    pool.stride >= pool.poolW;
}

/**
 * The fused pair: forward and backward of `Relu` then `Pooling`, with the pooled output, the
 * positions and ∂L/∂x in arrays reused from one batch to the next.
 *
 * @example
 * ```ts
 * import { ReluPool } from "./relu_pool.ts";
 * import { Relu } from "./relu.ts";
 * import { Pooling } from "./pooling.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const fused = new ReluPool(new Relu(), new Pooling(2, 2, { stride: 2 }));
 * const x = np.array([[[[-1, -2], [-3, -4]]], [[[1, 5], [5, -4]]]]);
 * assert.deepEqual(fused.forward(x).toArray(), [[[[0]]], [[[5]]]]);
 * const dx = fused.backward(np.array([[[[7]]], [[[9]]]]));
 * assert.deepEqual(dx.toArray(), [[[[0, 0], [0, 0]]], [[[0, 9], [0, 0]]]]);
 * ```
 */
export class ReluPool {
  /** The ReLU layer (its mask is not kept by the fused pass). */
  readonly relu: Relu;
  /** The pooling layer (its `x` and `argMax` are set by the fused forward). */
  readonly pool: Pooling;
  #out: np.NDArray | null = null;
  #argMax: Int32Array = new Int32Array(0);
  #dx: np.NDArray | null = null;
  #shape: number[] = [];

  /**
   * @param relu The ReLU layer of the pair.
   * @param pool The pooling layer after it.
   */
  constructor(relu: Relu, pool: Pooling) {
    this.relu = relu;
    this.pool = pool;
  }

  /**
   * max(0, x) pooled: `[N, C, OH, OW]` from `[N, C, H, W]`. The returned array is reused by
   * the next forward pass.
   */
  forward(x: np.NDArray): np.NDArray {
    const [n, c, h, w] = x.shape;
    const { poolH, poolW, stride } = this.pool;
    const outH = 1 + Math.floor((h - poolH) / stride), outW = 1 + Math.floor((w - poolW) / stride);
    const outShape = [n, c, outH, outW];
    if (
      this.#out === null || this.#out.dtype !== x.dtype || this.#shape.join() !== x.shape.join()
    ) {
      this.#out = np.zeros(outShape, { dtype: x.dtype });
      this.#argMax = new Int32Array(this.#out.size);
      this.#dx = np.zeros(x.shape, { dtype: x.dtype });
      this.#shape = [...x.shape];
    }
    reluPoolForwardKernel(
      x.data as Float32Array | Float64Array,
      this.#out.data as Float32Array | Float64Array,
      this.#argMax,
      n * c,
      h,
      w,
      poolH,
      poolW,
      stride,
      outH,
      outW,
    );
    this.pool.x = x;
    return this.#out;
  }

  /** ∂L/∂x `[N, C, H, W]`: dout at each window's maximum where it was positive, else 0. */
  backward(dout: np.NDArray): np.NDArray {
    if (this.#out === null || this.#dx === null) {
      throw new Error("ReluPool.backward called before forward");
    }
    if (dout.size !== this.#out.size) {
      throw new TypeError(
        `ReluPool.backward needs dout of shape [${this.#out.shape.join(", ")}], got [${
          dout.shape.join(", ")
        }]`,
      );
    }
    const [n, c, h, w] = this.#shape;
    const [, , outH, outW] = this.#out.shape;
    const dx = this.#dx.dtype === dout.dtype ? this.#dx : np.zeros(this.#shape, {
      dtype: dout.dtype,
    });
    reluPoolBackwardKernel(
      dout.data as Float32Array | Float64Array,
      this.#out.data as Float32Array | Float64Array,
      this.#argMax,
      dx.data as Float32Array | Float64Array,
      n * c,
      h,
      w,
      this.pool.poolW,
      this.pool.stride,
      outH,
      outW,
    );
    return dx;
  }
}

/**
 * Max of each window with its first position (row-major offset in the image), then max(0, ·).
 * One function with its loops inside (V8's mid tier inlines small helpers and slows the loops:
 * `lib/np/kernels/README.md`).
 */
export function reluPoolForwardKernel(
  x: Float32Array | Float64Array,
  out: Float32Array | Float64Array,
  argMax: Int32Array,
  planes: number,
  h: number,
  w: number,
  poolH: number,
  poolW: number,
  stride: number,
  outH: number,
  outW: number,
): void {
  let o = 0;
  const plane = h * w;
  if (poolH === 2 && poolW === 2 && stride === 2) {
    // Without branches: which value of a window is largest is as good as random, and the
    // mispredicted branches made this loop 2.4× slower. The window goes into a scratch array
    // and comparisons (0 or 1) pick from it: the first largest in row-major order (a, b, then
    // c, d, as `v > m` in the general loop below), or the scratch's +0 when it is <= 0.
    const s = windowScratch;
    for (let p = 0; p < planes; p++) {
      const base = p * plane;
      for (let oy = 0; oy < outH; oy++) {
        let r0 = base + 2 * oy * w;
        for (let ox = 0; ox < outW; ox++, o++, r0 += 2) {
          const r1 = r0 + w;
          const a = x[r0], b = x[r0 + 1], c = x[r1], d = x[r1 + 1];
          s[0] = a;
          s[1] = b;
          s[2] = c;
          s[3] = d;
          const top = +(b > a), bottom = 2 + +(d > c);
          const at = top + +(s[bottom] > s[top]) * (bottom - top);
          const positive = +(s[at] > 0);
          out[o] = s[at * positive + 4 * (1 - positive)];
          argMax[o] = (r0 + (at & 1) + (at >> 1) * w + 1) * positive - 1;
        }
      }
    }
    return;
  }
  for (let p = 0; p < planes; p++) {
    const base = p * plane;
    for (let oy = 0; oy < outH; oy++) {
      for (let ox = 0; ox < outW; ox++, o++) {
        const start = base + oy * stride * w + ox * stride;
        let m = x[start], at = start;
        for (let fy = 0; fy < poolH; fy++) {
          const row = start + fy * w;
          for (let fx = 0; fx < poolW; fx++) {
            const v = x[row + fx];
            if (v > m) {
              m = v;
              at = row + fx;
            }
          }
        }
        if (m > 0) {
          out[o] = m;
          argMax[o] = at;
        } else {
          out[o] = 0;
          argMax[o] = -1;
        }
      }
    }
  }
}

/** A 2×2 window, then +0 (float64 holds float32 values exactly, -0 included). */
const windowScratch = new Float64Array(5);

/**
 * ∂L/∂x of the fused pair: every value written (no zeroing beforehand), dout at the recorded
 * position of each window whose pooled output is positive.
 */
export function reluPoolBackwardKernel(
  dout: Float32Array | Float64Array,
  _out: Float32Array | Float64Array,
  argMax: Int32Array,
  dx: Float32Array | Float64Array,
  planes: number,
  h: number,
  w: number,
  _poolW: number,
  _stride: number,
  outH: number,
  outW: number,
): void {
  // Windows do not overlap (canFuse), so a plain fill and one write per window suffice.
  dx.fill(0, 0, planes * h * w);
  const windows = planes * outH * outW;
  for (let o = 0; o < windows; o++) {
    const at = argMax[o];
    // 0 + dout, as the book's col2im adds into zeros: a -0 gradient becomes +0 there too.
    if (at >= 0) dx[at] = 0 + dout[o];
  }
}
