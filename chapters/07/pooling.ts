/**
 * Chapter 7, §7.4.4: the max Pooling layer, forward and backward. The layer may use `im2col`
 * and `col2im`; this file imports the reference ones from lib/ (your own run in
 * `deno task ch07:train --mine`). Run `deno test chapters/07/pooling_test.ts`.
 *
 * @module
 */

import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";
import { col2im, im2col } from "../../lib/layers/im2col.ts";
import type { PoolingOptions } from "../../lib/layers/types.ts";
import type { Layer } from "../../lib/layers/layer.ts";

/**
 * Max pooling (§7.3, §7.4.4): the largest value of each `poolH × poolW` window, channel by
 * channel. With x̃ the input with `pad` zeros added on every side and s the stride:
 *
 *   out[n, c, oy, ox] = max_{fy < poolH, fx < poolW} x̃[n, c, oy·s + fy, ox·s + fx]
 *
 * for an output of `OH = ⌊(H + 2·pad − poolH) / stride⌋ + 1` rows and
 * `OW = ⌊(W + 2·pad − poolW) / stride⌋ + 1` columns. Backward: ∂out/∂x̃ is 1 at the position
 * of its window's maximum (the first one, if several are equal) and 0 elsewhere.
 *
 * Tested: the book's example of §7.3 and a backward pass by hand, the output against the
 * maximum written as its definition (square and non-square windows and images), dx against
 * the numerical gradient with and without padding, float32 kept float32, and the book's own
 * NumPy Pooling on fixed inputs.
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
   * The position `fy·poolW + fx` of each window's maximum inside its window, one per window in
   * the order (n, oy, ox, c): flat, `[N·OH·OW·C]` (the book's `arg_max`).
   */
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

  /**
   * The maximum of every window of x `[N, C, H, W]`: an output of shape `[N, C, OH, OW]` and
   * x's dtype. Keeps what `backward` will need.
   */
  forward(x: np.NDArray): np.NDArray {
    return todo("Pooling.forward", "07", x, im2col, np);
  }

  /**
   * From ∂L/∂out `[N, C, OH, OW]`: returns ∂L/∂x in the shape and dtype of the last input,
   * each output's gradient at the pixel that held its window's maximum (a pixel that is the
   * maximum of several windows gets the sum), 0 elsewhere.
   */
  backward(dout: np.NDArray): np.NDArray {
    return todo("Pooling.backward", "07", dout, col2im);
  }
}
