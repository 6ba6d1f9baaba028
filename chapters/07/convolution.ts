/**
 * Chapter 7, §7.4.3: the Convolution layer, forward and backward, on top of your `im2col`.
 * Run `deno test chapters/07/convolution_test.ts`.
 *
 * @module
 */

import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";
import { col2im, im2col } from "../../lib/layers/im2col.ts";
import type { ConvolutionOptions } from "../../lib/layers/convolution.ts";
import type { Layer } from "../../lib/layers/layer.ts";

/**
 * A convolution of a batch of images with `FN` filters, done as one matrix product on the
 * output of `im2col` (§7.4.3).
 */
export class Convolution implements Layer {
  /** The filters, `[FN, C, FH, FW]`. */
  W: np.NDArray;
  /** One bias per filter, `[FN]`. */
  b: np.NDArray;
  /** The step between two filter positions. */
  stride: number;
  /** Zeros added on every side of the input. */
  pad: number;
  /** True when `backward` may skip ∂L/∂x: nothing needs the gradient of the network's input. */
  firstLayer: boolean;
  /** The input of the last forward pass, `[N, C, H, W]`. */
  x: np.NDArray | null = null;
  /** im2col of that input, `[N·OH·OW, C·FH·FW]`. */
  col: np.NDArray | null = null;
  /** The filters as columns, `[C·FH·FW, FN]`. */
  colW: np.NDArray | null = null;
  /** ∂L/∂W after backward, `[FN, C, FH, FW]`. */
  dW: np.NDArray | null = null;
  /** ∂L/∂b after backward, `[FN]`. */
  db: np.NDArray | null = null;

  /**
   * Wraps existing parameters (the network owns them and the optimizer updates them).
   *
   * @param W The filters, `[FN, C, FH, FW]`.
   * @param b The biases, `[FN]`.
   * @param options `stride` (1), `pad` (0) and `firstLayer` (false).
   */
  constructor(W: np.NDArray, b: np.NDArray, options: ConvolutionOptions = {}) {
    this.W = W;
    this.b = b;
    this.stride = options.stride ?? 1;
    this.pad = options.pad ?? 0;
    this.firstLayer = options.firstLayer ?? false;
  }

  /** The convolution of x `[N, C, H, W]`: an output of shape `[N, FN, OH, OW]`. */
  forward(x: np.NDArray): np.NDArray {
    // TODO: col = im2col(x, …); colW = W.reshape(FN, -1).T; out = np.dot(col, colW) + b,
    // reshaped to [N, OH, OW, FN] and transposed to [N, FN, OH, OW]. Keep x, col and colW.
    return todo("Convolution.forward", "07", x, im2col);
  }

  /**
   * Stores dW `[FN, C, FH, FW]` and db `[FN]`, and returns ∂L/∂x of the input's shape. When
   * `firstLayer` is true it may skip ∂L/∂x and return an empty array (`np.zeros([0])`).
   */
  backward(dout: np.NDArray): np.NDArray {
    // TODO: dout → [N·OH·OW, FN] (transpose(0, 2, 3, 1)); db = its column sums;
    // dW = dot(col.T, dout) reshaped back to W's shape; dx = col2im(dot(dout, colW.T), …).
    return todo("Convolution.backward", "07", dout, col2im);
  }
}
