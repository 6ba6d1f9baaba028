/**
 * The max Pooling layer (the book's §7.4.4; `common/layers.py`).
 *
 * @module
 */

import * as np from "../np/mod.ts";
import { col2im, im2col } from "./im2col.ts";
import type { Layer } from "./layer.ts";

/** Options of {@linkcode Pooling}, the book's `Pooling(pool_h, pool_w, stride=1, pad=0)`. */
export interface PoolingOptions {
  /** The step between two windows (1 by default, as in the book; networks pass 2). */
  stride?: number;
  /** Zeros added on every side of the input (0 by default). */
  pad?: number;
}

/**
 * Max pooling: the largest value of each `poolH × poolW` window, channel by channel (§7.3).
 * It uses {@linkcode im2col} with one window per row: `[N·OH·OW·C, poolH·poolW]`.
 *
 * @example 2×2 windows with stride 2 over a 4×4 image
 * ```ts
 * import { Pooling } from "./pooling.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const pool = new Pooling(2, 2, { stride: 2 });
 * const x = np.array([[[[1, 2, 0, 1], [3, 0, 2, 4], [4, 2, 3, 0], [1, 5, 1, 2]]]]);
 * assert.deepEqual(pool.forward(x).toArray(), [[[[3, 4], [5, 3]]]]);
 * const dx = pool.backward(np.array([[[[1, 2], [3, 4]]]]));
 * assert.deepEqual(dx.toArray(), [[[[0, 0, 0, 0], [1, 0, 0, 2], [0, 0, 4, 0], [0, 3, 0, 0]]]]);
 * ```
 */
export class Pooling implements Layer {
  /** Window height. */
  poolH: number;
  /** Window width. */
  poolW: number;
  /** The step between two windows. */
  stride: number;
  /** Zeros added on every side of the input. */
  pad: number;
  /** The input of the last forward pass, `[N, C, H, W]`. */
  x: np.NDArray | null = null;
  /** The position of each window's maximum inside the window, `[N·OH·OW·C]`. */
  argMax: np.NDArray | null = null;

  /**
   * A max-pooling layer with a `poolH × poolW` window.
   *
   * @param poolH Window height.
   * @param poolW Window width.
   * @param options `stride` (1) and `pad` (0).
   */
  constructor(poolH: number, poolW: number, options: PoolingOptions = {}) {
    this.poolH = poolH;
    this.poolW = poolW;
    this.stride = options.stride ?? 1;
    this.pad = options.pad ?? 0;
  }

  /** The maximum of every window of x `[N, C, H, W]`: an output of shape `[N, C, OH, OW]`. */
  forward(x: np.NDArray): np.NDArray {
    const [N, C, H, W] = x.shape;
    const outH = 1 + Math.floor((H + 2 * this.pad - this.poolH) / this.stride);
    const outW = 1 + Math.floor((W + 2 * this.pad - this.poolW) / this.stride);

    const col = im2col(x, {
      filterH: this.poolH,
      filterW: this.poolW,
      stride: this.stride,
      pad: this.pad,
    }).reshape(-1, this.poolH * this.poolW);
    const argMax = np.argmax(col, { axis: 1 });
    const out = np.max(col, { axis: 1 });

    this.x = x;
    this.argMax = argMax;
    return out.reshape(N, outH, outW, C).transpose(0, 3, 1, 2);
  }

  /** Routes each output's gradient to the position of its window's maximum. */
  backward(dout: np.NDArray): np.NDArray {
    if (this.x === null || this.argMax === null) {
      throw new Error("Pooling.backward called before forward");
    }
    const poolSize = this.poolH * this.poolW;
    // [N, C, OH, OW] → [N, OH, OW, C], the order of argMax.
    const flat = dout.transpose(0, 2, 3, 1);
    const dmax = np.zeros([flat.size, poolSize], { dtype: dout.dtype });
    // The book's dmax[np.arange(n), arg_max] = dout.flatten()
    for (let i = 0; i < flat.size; i++) {
      dmax.data[i * poolSize + this.argMax.data[i]] = flat.data[i];
    }
    const dcol = dmax.reshape(flat.size / this.x.shape[1], -1);
    return col2im(dcol, {
      inputShape: this.x.shape,
      filterH: this.poolH,
      filterW: this.poolW,
      stride: this.stride,
      pad: this.pad,
    });
  }
}
