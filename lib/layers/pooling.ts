/**
 * The max Pooling layer (the book's §7.4.4; `common/layers.py`).
 *
 * @module
 */

import * as np from "../np/mod.ts";
import { col2im, im2col } from "./im2col.ts";
import type { Layer } from "./layer.ts";
import { LAYER_MESSAGES } from "./messages.ts";
import type { PoolingOptions } from "./types.ts";
export type { PoolingOptions } from "./types.ts";

/**
 * Max pooling: the largest value of each `poolH × poolW` window, channel by channel (§7.3).
 *
 * As the book: {@linkcode im2col} unrolls the windows, one window of one channel per row
 * (`[N·OH·OW·C, poolH·poolW]`); the max and argmax of each row give the output, reshaped and
 * transposed to `[N, C, OH, OW]`. The backward pass puts each gradient at its row's argmax in
 * a zeroed array of the same shape and adds it back onto the image with {@linkcode col2im}.
 * The padding counts as zeros, and a tie goes to the first position, as NumPy's argmax.
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
 * assert.deepEqual(pool.argMax?.toArray(), [2, 3, 3, 0]);
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
  /**
   * The position `fy·poolW + fx` of each window's maximum inside its window, one per row of
   * the unrolled windows: flat `[N·OH·OW·C]`, in the order (n, oy, ox, c) (the book's
   * `arg_max`).
   */
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
    if (x.ndim !== 4) {
      throw new TypeError(LAYER_MESSAGES().poolingInput(x.shape.join(", ")));
    }
    const [N, C, H, W] = x.shape;
    // out_h = 1 + (H + 2*pad - pool_h) // stride, as for a convolution (§7.2.4)
    const outH = 1 + Math.floor((H + 2 * this.pad - this.poolH) / this.stride);
    const outW = 1 + Math.floor((W + 2 * this.pad - this.poolW) / this.stride);
    if (outH < 1 || outW < 1) {
      throw new RangeError(
        LAYER_MESSAGES().windowTooBig(this.poolH, this.poolW, H, W, this.pad),
      );
    }

    const options = { filterH: this.poolH, filterW: this.poolW, stride: this.stride };
    let col = im2col(x, { ...options, pad: this.pad });
    col = col.reshape(-1, this.poolH * this.poolW);

    const argMax = np.argmax(col, { axis: 1 });
    let out = np.max(col, { axis: 1 });
    out = out.reshape(N, outH, outW, C).transpose(0, 3, 1, 2);

    this.x = x;
    this.argMax = argMax;
    return out;
  }

  /** Routes each output's gradient to the position of its window's maximum. */
  backward(dout: np.NDArray): np.NDArray {
    if (this.x === null || this.argMax === null) {
      throw new Error(LAYER_MESSAGES().backwardBeforeForward("Pooling"));
    }
    if (dout.size !== this.argMax.size) {
      const [N, C, H, W] = this.x.shape;
      throw new TypeError(
        LAYER_MESSAGES().poolingDout(
          this.argMax.size,
          [N, C, H, W].join(", "),
          dout.shape.join(", "),
        ),
      );
    }
    dout = dout.transpose(0, 2, 3, 1);

    const poolSize = this.poolH * this.poolW;
    // dmax[arange(arg_max.size), arg_max.flatten()] = dout.flatten()
    const dmax = np.zeros([dout.size, poolSize], { dtype: dout.dtype });
    const flat = dout.flatten();
    for (let i = 0; i < this.argMax.size; i++) {
      dmax.set([i, this.argMax.get(i)], flat.get(i));
    }

    // One row per window of one channel, [N·OH·OW, C·poolH·poolW], as im2col made them.
    const dcol = dmax.reshape(dout.shape[0] * dout.shape[1] * dout.shape[2], -1);
    return col2im(dcol, {
      inputShape: this.x.shape,
      filterH: this.poolH,
      filterW: this.poolW,
      stride: this.stride,
      pad: this.pad,
    });
  }
}
