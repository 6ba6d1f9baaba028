/**
 * The Convolution layer (the book's §7.4.3; `common/layers.py`).
 *
 * @module
 */

import * as np from "../np/mod.ts";
import { col2im, im2col } from "./im2col.ts";
import type { Layer } from "./layer.ts";
import { LAYER_MESSAGES } from "./messages.ts";
import type { ConvolutionOptions } from "./types.ts";
export type { ConvolutionOptions } from "./types.ts";

/**
 * A convolution of a batch of images with `FN` filters, done as one matrix product on the
 * output of {@linkcode im2col} (§7.4.3): the patches, one row per output position
 * `[N·OH·OW, C·FH·FW]`, times the filters, one column per filter `[C·FH·FW, FN]`, plus the
 * bias; the result `[N·OH·OW, FN]` is reshaped and transposed to `[N, FN, OH, OW]`. The
 * backward pass runs the same steps in reverse, with {@linkcode col2im} at the end.
 *
 * @example One 2×2 filter of ones over a 3×3 image: each output is the sum of a patch
 * ```ts
 * import { Convolution } from "./convolution.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const conv = new Convolution(np.ones([1, 1, 2, 2]), np.array([0.5]));
 * const out = conv.forward(np.arange(1, 10).reshape(1, 1, 3, 3));
 * assert.deepEqual(out.toArray(), [[[[12.5, 16.5], [24.5, 28.5]]]]);
 * const dx = conv.backward(np.ones([1, 1, 2, 2]));
 * assert.deepEqual(dx.toArray(), [[[[1, 2, 1], [2, 4, 2], [1, 2, 1]]]]);
 * assert.deepEqual(conv.db?.toArray(), [4]);
 * ```
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
  /** The input of the last forward pass, `[N, C, H, W]`. */
  x: np.NDArray | null = null;
  /** The input's patches from {@linkcode im2col}, one row per output position: `[N·OH·OW, C·FH·FW]`. */
  col: np.NDArray | null = null;
  /** The filters as a matrix, one column per filter: `[C·FH·FW, FN]` (the book's `col_W`). */
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
   * @param options `stride` (1) and `pad` (0).
   */
  constructor(W: np.NDArray, b: np.NDArray, options: ConvolutionOptions = {}) {
    if (W.ndim !== 4 || b.ndim !== 1 || b.shape[0] !== W.shape[0]) {
      throw new TypeError(
        LAYER_MESSAGES().convolutionParams(W.shape.join(", "), b.shape.join(", ")),
      );
    }
    this.W = W;
    this.b = b;
    this.stride = options.stride ?? 1;
    this.pad = options.pad ?? 0;
  }

  /** The convolution of x `[N, C, H, W]`: an output of shape `[N, FN, OH, OW]`. */
  forward(x: np.NDArray): np.NDArray {
    const [FN, C, FH, FW] = this.W.shape;
    if (x.ndim !== 4 || x.shape[1] !== C) {
      throw new TypeError(
        LAYER_MESSAGES().convolutionInput(C, this.W.shape.join(", "), x.shape.join(", ")),
      );
    }
    const [N, , H, W] = x.shape;
    // out_h = 1 + (H + 2*pad - FH) // stride (§7.2.4)
    const outH = 1 + Math.floor((H + 2 * this.pad - FH) / this.stride);
    const outW = 1 + Math.floor((W + 2 * this.pad - FW) / this.stride);
    if (outH < 1 || outW < 1) {
      throw new RangeError(
        LAYER_MESSAGES().filterTooBig("Convolution", FH, FW, H, W, this.pad),
      );
    }

    const col = im2col(x, { filterH: FH, filterW: FW, stride: this.stride, pad: this.pad });
    const colW = this.W.reshape(FN, -1).T;
    let out = np.add(np.dot(col, colW), this.b);
    out = out.reshape(N, outH, outW, -1).transpose(0, 3, 1, 2);

    this.x = x;
    this.col = col;
    this.colW = colW;
    return out;
  }

  /** Stores dW and db; returns ∂L/∂x of the input's shape. */
  backward(dout: np.NDArray): np.NDArray {
    if (this.x === null || this.col === null || this.colW === null) {
      throw new Error(LAYER_MESSAGES().backwardBeforeForward("Convolution"));
    }
    const [FN, C, FH, FW] = this.W.shape;
    dout = dout.transpose(0, 2, 3, 1).reshape(-1, FN);

    this.db = np.sum(dout, { axis: 0 });
    // dot(col.T, dout) is [C·FH·FW, FN]: transposed back to one filter per row, then W's shape.
    this.dW = np.dot(this.col.T, dout).transpose(1, 0).reshape(FN, C, FH, FW);

    const dcol = np.dot(dout, this.colW.T);
    return col2im(dcol, {
      inputShape: this.x.shape,
      filterH: FH,
      filterW: FW,
      stride: this.stride,
      pad: this.pad,
    });
  }
}
