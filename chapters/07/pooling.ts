/**
 * Chapter 7, §7.4.4: the max Pooling layer, forward and backward, on top of your `im2col`.
 * Run `deno test chapters/07/pooling_test.ts`.
 *
 * @module
 */

import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";
import { col2im, im2col } from "../../lib/layers/im2col.ts";
import type { PoolingOptions } from "../../lib/layers/pooling.ts";
import type { Layer } from "../../lib/layers/layer.ts";

/**
 * Max pooling: the largest value of each `poolH × poolW` window, channel by channel (§7.3,
 * §7.4.4).
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
   * @param options `stride` (1, as in the book; networks pass 2) and `pad` (0).
   */
  constructor(poolH: number, poolW: number, options: PoolingOptions = {}) {
    this.poolH = poolH;
    this.poolW = poolW;
    this.stride = options.stride ?? 1;
    this.pad = options.pad ?? 0;
  }

  /** The maximum of every window of x `[N, C, H, W]`: an output of shape `[N, C, OH, OW]`. */
  forward(x: np.NDArray): np.NDArray {
    // TODO: col = im2col(x, …).reshape(-1, poolH·poolW): one window per row, rows ordered
    // (n, oy, ox, c). Keep argMax = np.argmax(col, { axis: 1 }); out = np.max(col, { axis: 1 })
    // reshaped to [N, OH, OW, C] and transposed to [N, C, OH, OW].
    return todo("Pooling.forward", "07", x, im2col, np);
  }

  /** Routes each output's gradient to the position of its window's maximum. */
  backward(dout: np.NDArray): np.NDArray {
    // TODO: dout → [N, OH, OW, C]; dmax = zeros [dout.size, poolH·poolW] with dout's values at
    // argMax; dx = col2im(dmax reshaped to [N·OH·OW, C·poolH·poolW], …).
    return todo("Pooling.backward", "07", dout, col2im);
  }
}
