/**
 * The engine's Convolution layer: the same sums as the answer key's `lib/layers/convolution.ts`
 * (§7.4.3) with each image's patches as columns, written by a kernel, no transposed copies,
 * scratch arrays reused from call to call, and a first layer that skips ∂L/∂x.
 *
 * @module
 */

import * as np from "../np/mod.ts";
import {
  col2imColumnsKernel,
  type ConvGeometry,
  im2colColumnsKernel,
} from "../np/kernels/im2col.ts";
import type { Layer } from "../layers/layer.ts";

/** Options of {@linkcode Convolution}: the book's `stride` and `pad`, and `firstLayer`. */
export interface ConvolutionOptions {
  /** The step between two filter positions (1 by default). */
  stride?: number;
  /** Zeros added on every side of the input (0 by default). */
  pad?: number;
  /**
   * The layer is the network's first, so nothing needs ∂L/∂x: `backward` skips the product
   * and col2im that compute it (a saving of the engine, not in the book) and returns an empty
   * array. False by default.
   */
  firstLayer?: boolean;
}

/**
 * A convolution of a batch of images with `FN` filters, done as matrix products on the
 * unrolled patches (§7.4.3).
 *
 * The book unrolls the patches into one row per output position, `[N·OH·OW, C·FH·FW]`,
 * multiplies by the filters, `dot(col, col_W)`, and transposes the result `[N·OH·OW, FN]`
 * to `[N, FN, OH, OW]`; its backward transposes `dout` back the other way. This layer does the
 * same sums with each image's patches as columns, `col[n]` of shape `[C·FH·FW, OH·OW]` (the
 * transpose of the book's block for that image, written directly by a kernel), so that
 * `W · col[n]` is that image's output already in NCHW, `[FN, OH·OW]`. No transposed copy is
 * made (they were a fifth of SimpleConvNet's training time). The answer key's Convolution
 * (`lib/layers/convolution.ts`) is the book's; `engine_test.ts` checks that the two agree.
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
  /** True when `backward` may skip ∂L/∂x (see {@linkcode ConvolutionOptions.firstLayer}). */
  firstLayer: boolean;
  /** The input of the last forward pass, `[N, C, H, W]`. */
  x: np.NDArray | null = null;
  /**
   * The input's patches, one column per output position, image by image: `[N, C·FH·FW, OH·OW]`
   * (the book's `col` is `[N·OH·OW, C·FH·FW]`, each image's block transposed).
   */
  col: np.NDArray | null = null;
  /**
   * The filters as a matrix, one filter per row: `[FN, C·FH·FW]`, a view of W. (The book's
   * `col_W` is its transpose, `[C·FH·FW, FN]`; the products here read it transposed in place.)
   */
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
    if (W.ndim !== 4 || b.ndim !== 1 || b.shape[0] !== W.shape[0]) {
      throw new TypeError(
        `Convolution needs W of shape [FN, C, FH, FW] and b of shape [FN], got ` +
          `[${W.shape.join(", ")}] and [${b.shape.join(", ")}]`,
      );
    }
    this.W = W;
    this.b = b;
    this.stride = options.stride ?? 1;
    this.pad = options.pad ?? 0;
    this.firstLayer = options.firstLayer ?? false;
  }

  /** The convolution of x `[N, C, H, W]`: an output of shape `[N, FN, OH, OW]`. */
  forward(x: np.NDArray): np.NDArray {
    const [FN, C, FH, FW] = this.W.shape;
    if (x.ndim !== 4 || x.shape[1] !== C) {
      throw new TypeError(
        `Convolution.forward needs x of shape [N, ${C}, H, W] for filters of shape ` +
          `[${this.W.shape.join(", ")}], got [${x.shape.join(", ")}]`,
      );
    }
    const [N, , H, W] = x.shape;
    const g = convGeometry(this, N, H, W);
    const { outH, outW } = g;

    // im2col, each image's patches as columns: [N, C·FH·FW, OH·OW]. The last forward's col
    // is overwritten when it has that shape: a fresh array of megabytes costs as much as
    // filling it (the system maps and zeroes new pages).
    const col = reuse(this.col, [N, C * FH * FW, outH * outW], x.dtype);
    im2colColumnsKernel(x.data, col.data, g);
    const colW = this.W.reshape(FN, -1);
    // The book: dot(col, col_W) + b, reshaped to [N, OH, OW, FN] and transposed to NCHW.
    // Image by image, colW · col[n] is already the [FN, OH·OW] block of NCHW.
    const out = np.matmul(colW, col);
    np.add(out, this.b.reshape(FN, 1), { out });

    this.x = x;
    this.col = col;
    this.colW = colW;
    return out.reshape(N, FN, outH, outW);
  }

  /** Stores dW and db; returns ∂L/∂x of the input's shape (empty for a first layer). */
  backward(dout: np.NDArray): np.NDArray {
    if (this.x === null || this.col === null || this.colW === null) {
      throw new Error("Convolution.backward called before forward");
    }
    const [FN, C, FH, FW] = this.W.shape;
    const [N, , H, W] = this.x.shape;
    // dout image by image, [N, FN, OH·OW]: no need for the book's dout.transpose(0, 2, 3, 1).
    const douts = dout.reshape(N, FN, -1);

    const [, K, P] = this.col.shape;
    const temp = scratch.get(this) ?? {};
    scratch.set(this, temp);

    this.db = np.sum(douts, { axis: [0, 2] });
    // The book's dot(col.T, dout), transposed to W's layout: Σₙ dout[n] · col[n]ᵀ.
    temp.dWs = reuse(temp.dWs, [N, FN, K], productDType(douts, this.col));
    np.matmul(douts, this.col, { transB: true, out: temp.dWs });
    this.dW = np.sum(temp.dWs, { axis: 0 }).reshape(FN, C, FH, FW);

    if (this.firstLayer) return np.zeros([0], { dtype: dout.dtype });
    // The book's dot(dout, col_W.T), image by image: dcol[n] = colWᵀ · dout[n].
    temp.dcol = reuse(temp.dcol, [N, K, P], productDType(this.colW, douts));
    const dcol = np.matmul(this.colW, douts, { transA: true, out: temp.dcol });
    const dx = np.zeros(this.x.shape, { dtype: dcol.dtype });
    col2imColumnsKernel(dcol.data, dx.data, convGeometry(this, N, H, W));
    return dx;
  }
}

/** The sizes of the im2col kernels for a batch of N images of H×W. */
function convGeometry(layer: Convolution, N: number, H: number, W: number): ConvGeometry {
  const [, C, FH, FW] = layer.W.shape;
  const { stride, pad } = layer;
  // out_h = (H + 2*pad - filter_h)//stride + 1 (§7.2.4)
  const outH = 1 + Math.floor((H + 2 * pad - FH) / stride);
  const outW = 1 + Math.floor((W + 2 * pad - FW) / stride);
  if (outH < 1 || outW < 1) {
    throw new RangeError(
      `Convolution: a ${FH}×${FW} filter does not fit a ${H}×${W} image with pad ${pad}: ` +
        `use a smaller filter or more padding`,
    );
  }
  return { n: N, c: C, h: H, w: W, filterH: FH, filterW: FW, stride, pad, outH, outW };
}

/** Arrays each layer keeps from one backward pass to the next, to write into instead of
 * allocating. */
const scratch = new WeakMap<Convolution, { dWs?: np.NDArray; dcol?: np.NDArray }>();

/** `old` if it has this shape and dtype (its values are about to be overwritten), else zeros. */
function reuse(old: np.NDArray | null | undefined, shape: number[], dtype: np.DType): np.NDArray {
  const fits = old != null && old.dtype === dtype && old.ndim === shape.length &&
    old.shape.every((n, i) => n === shape[i]);
  return fits ? old : np.zeros(shape, { dtype });
}

/** The dtype of a product, as np.matmul: float32 when both operands are. */
function productDType(a: np.NDArray, b: np.NDArray): np.DType {
  return a.dtype === "float32" && b.dtype === "float32" ? "float32" : "float64";
}
