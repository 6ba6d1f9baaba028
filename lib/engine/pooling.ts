/**
 * The engine's max Pooling layer: the answer key's `lib/layers/pooling.ts` (§7.4.4) without
 * im2col, col2im or transposes: two kernels read and write the images in place.
 *
 * @module
 */

import * as np from "../np/mod.ts";
import type { ConvGeometry } from "../np/kernels/im2col.ts";
import { maxPoolBackwardKernel, maxPoolKernel } from "../np/kernels/pooling.ts";
import type { Layer } from "../layers/layer.ts";
import { reuse } from "./reuse.ts";

/** Options of {@linkcode Pooling}, the book's `Pooling(pool_h, pool_w, stride=1, pad=0)`. */
export interface PoolingOptions {
  /** The step between two windows (1 by default, as in the book; networks pass 2). */
  stride?: number;
  /** Zeros added on every side of the input (0 by default). */
  pad?: number;
}

/**
 * Max pooling: the largest value of each `poolH × poolW` window, channel by channel (§7.3).
 *
 * The book runs im2col with one window per row (`[N·OH·OW·C, poolH·poolW]`), takes the max
 * and argmax of each row and transposes the result to NCHW; backward fills a zeroed
 * `[windows, poolH·poolW]` array and runs col2im. This layer computes the same values with
 * two loops over the images as they are (`lib/np/kernels/pooling.ts`): the forward reads each
 * window in place, the backward adds each gradient onto the pixel of its window's max. The
 * padding counts as zeros and ties go to the first position, as in the book.
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
  /**
   * The position `fy·poolW + fx` of each window's maximum inside the window, `[N, C, OH, OW]`
   * (the book keeps the same positions flat in the order of its rows, (n, oy, ox, c)).
   */
  argMax: np.NDArray | null = null;
  #out: np.NDArray | null = null;
  #dx: np.NDArray | null = null;

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
      throw new TypeError(
        `Pooling.forward needs x of shape [N, C, H, W], got [${x.shape.join(", ")}]`,
      );
    }
    const g = poolGeometry(this, x.shape);
    // The output is reused by the next forward pass (see reuse.ts).
    this.#out = reuse(this.#out, [g.n, g.c, g.outH, g.outW], x.dtype);
    this.argMax = reuse(this.argMax, this.#out.shape, x.dtype);
    maxPoolKernel(x.data, this.#out.data, this.argMax.data, g);
    this.x = x;
    return this.#out;
  }

  /** Routes each output's gradient to the position of its window's maximum. */
  backward(dout: np.NDArray): np.NDArray {
    if (this.x === null || this.argMax === null) {
      throw new Error("Pooling.backward called before forward");
    }
    if (dout.size !== this.argMax.size) {
      throw new TypeError(
        `Pooling.backward needs dout of shape [${this.argMax.shape.join(", ")}], the ` +
          `forward output's, got [${dout.shape.join(", ")}]`,
      );
    }
    this.#dx = reuse(this.#dx, this.x.shape, dout.dtype);
    maxPoolBackwardKernel(
      dout.data,
      this.argMax.data,
      this.#dx.data,
      poolGeometry(this, this.x.shape),
    );
    return this.#dx;
  }
}

/** The sizes of the pooling loops for images of `shape`. */
function poolGeometry(layer: Pooling, shape: readonly number[]): ConvGeometry {
  const [n, c, h, w] = shape;
  const { poolH, poolW, stride, pad } = layer;
  const outH = 1 + Math.floor((h + 2 * pad - poolH) / stride);
  const outW = 1 + Math.floor((w + 2 * pad - poolW) / stride);
  if (outH < 1 || outW < 1) {
    throw new RangeError(
      `Pooling: a ${poolH}×${poolW} window does not fit a ${h}×${w} image with pad ${pad}: ` +
        `use a smaller window or more padding`,
    );
  }
  return { n, c, h, w, filterH: poolH, filterW: poolW, stride, pad, outH, outW };
}
