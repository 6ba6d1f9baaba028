/**
 * The engine's Convolution layer: the same sums as the answer key's `lib/layers/convolution.ts`
 * (§7.4.3), computed where the matrix product lives. With the WebAssembly kernels (the
 * default) the patches, the filters and the products stay in WebAssembly memory
 * ({@linkcode ConvArena}) from forward to backward: a stride-1 layer of 8 or more channels
 * reads its patches straight from a channels-last copy of the images (`shifted_conv.ts`: no
 * im2col, no col2im), any other in the book's layout (`col` `[N·OH·OW, C·FH·FW]`), with
 * ∂L/∂col going to col2im a few images at a time; without them
 * (`ZEROKARA_KERNELS=ts`) each image's patches are columns of an `np` array, written by a
 * kernel, with scratch arrays reused from call to call. A first layer skips ∂L/∂x either way.
 *
 * @module
 */

import * as np from "../np/mod.ts";
import {
  col2imColumnsKernel,
  col2imKernel,
  type ConvGeometry,
  im2colColumnsKernel,
  im2colKernel,
} from "../np/kernels/im2col.ts";
import { kernelConfig } from "../np/kernels/matmul.ts";
import type { Layer } from "../layers/layer.ts";
import { ConvArena } from "./conv_arena.ts";
import { reuse } from "./reuse.ts";
import { shiftedBackward, shiftedConvFits, shiftedForward } from "./shifted_conv.ts";

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
 * to `[N, FN, OH, OW]`; its backward transposes `dout` back the other way. With the
 * WebAssembly kernels this layer does the same in WebAssembly memory, where the products run
 * on the arrays in place (one product per batch, split between the threads) and the
 * transposes happen on the way in and out, bias and db included. With the TypeScript kernels
 * it keeps each image's patches as columns, `col[n]` of shape `[C·FH·FW, OH·OW]`, so that
 * `W · col[n]` is that image's output already in NCHW. The answer key's Convolution
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
    const arena = this.#arenaFor(x.dtype);
    if (arena !== null) return this.#forwardInArena(arena, x, g);
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
    if (this.x !== null && this.#arena !== null && this.#arena.dtype === this.x.dtype) {
      return this.#backwardInArena(this.#arena.arena, this.x, dout);
    }
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
  #out: np.NDArray | null = null;
  #dx: np.NDArray | null = null;
  /** The WebAssembly arena of the layer's arrays, made on the first forward (null: none). */
  #arena: { arena: ConvArena; dtype: np.DType } | null = null;

  #arenaFor(dtype: np.DType): ConvArena | null {
    if (kernelConfig.backend !== "wasm" || (dtype !== "float32" && dtype !== "float64")) {
      return null;
    }
    if (this.#arena?.dtype !== dtype) {
      const arena = ConvArena.create(dtype);
      this.#arena = arena === null ? null : { arena, dtype };
    }
    return this.#arena?.arena ?? null;
  }

  /**
   * The forward pass in the arena, in the book's layout: the patches as rows, `col`
   * `[N·OH·OW, C·FH·FW]`, and out = col · Wᵀ, `[N·OH·OW, FN]`, transposed to NCHW with the
   * bias added on the way.
   */
  #forwardInArena(arena: ConvArena, x: np.NDArray, g: ConvGeometry): np.NDArray {
    const [FN] = this.W.shape;
    this.x = x;
    this.col = null;
    this.colW = this.W.reshape(FN, -1);
    // The output is reused by the next forward pass, ∂L/∂x by the next backward (reuse.ts).
    const out = this.#out = reuse(this.#out, [g.n, FN, g.outH, g.outW], x.dtype);
    if (shiftedConvFits(g)) {
      shiftedForward(arena, x.data, this.W.data, this.b.data, g, out.data);
      return out;
    }
    const K = this.W.size / FN, P = g.outH * g.outW, rows = g.n * P;
    const colAt = arena.region("col", rows * K);
    const wAt = arena.region("W", FN * K);
    const outAt = arena.region("out", rows * FN);
    im2colKernel(x.data, arena.view(colAt, rows * K), g);
    arena.view(wAt, FN * K).set(this.W.data);
    // op(B)[k][f] = W[f][k]: Wᵀ read in place through its strides.
    const patches = { at: colAt, rowStride: K, colStride: 1 };
    arena.gemm(rows, FN, K, patches, { at: wAt, rowStride: 1, colStride: K }, outAt, FN);
    const product = arena.view(outAt, rows * FN);
    const o = out.data, bias = this.b.data;
    for (let img = 0; img < g.n; img++) {
      for (let f = 0; f < FN; f++) {
        const b = bias[f];
        for (let p = 0, to = (img * FN + f) * P, from = img * P * FN + f; p < P; p++, from += FN) {
          o[to++] = product[from] + b;
        }
      }
    }
    return out;
  }

  /**
   * The backward pass in the arena: dout to rows `[N·OH·OW, FN]` (summing db on the way),
   * dW = doutᵀ · col, then ∂L/∂col = dout · W and col2im, a few images at a time.
   */
  #backwardInArena(arena: ConvArena, x: np.NDArray, dout: np.NDArray): np.NDArray {
    const [FN, C, FH, FW] = this.W.shape;
    const [N, , H, W] = x.shape;
    const g = convGeometry(this, N, H, W);
    const K = C * FH * FW, P = g.outH * g.outW, rows = N * P;
    if (dout.size !== rows * FN) {
      throw new TypeError(
        `Convolution.backward needs dout of shape [${N}, ${FN}, ${g.outH}, ${g.outW}], got ` +
          `[${dout.shape.join(", ")}]`,
      );
    }
    if (shiftedConvFits(g)) {
      const grads = {
        dW: np.zeros([FN, C, FH, FW], { dtype: this.W.dtype }),
        db: np.zeros([FN], { dtype: this.b.dtype }),
      };
      const dx = this.firstLayer ? null : this.#dx = reuse(this.#dx, x.shape, x.dtype);
      shiftedBackward(
        arena,
        dout.data,
        this.W.data,
        g,
        { dW: grads.dW.data, db: grads.db.data },
        dx?.data ?? null,
      );
      this.dW = grads.dW;
      this.db = grads.db;
      return dx ?? np.zeros([0], { dtype: dout.dtype });
    }
    const colAt = arena.region("col", rows * K);
    const wAt = arena.region("W", FN * K);
    const doutAt = arena.region("dout", rows * FN);
    const dWAt = arena.region("dW", FN * K);

    const d = dout.data, doutRows = arena.view(doutAt, rows * FN);
    const db = np.zeros([FN], { dtype: this.b.dtype });
    for (let img = 0; img < N; img++) {
      for (let f = 0; f < FN; f++) {
        let sum = 0;
        for (let p = 0, from = (img * FN + f) * P, to = img * P * FN + f; p < P; p++, to += FN) {
          const v = d[from++];
          doutRows[to] = v;
          sum += v;
        }
        db.data[f] += sum;
      }
    }
    this.db = db;
    // dW [FN, K] = doutᵀ · col: op(A)[f][r] = dout[r][f].
    const patches = { at: colAt, rowStride: K, colStride: 1 };
    arena.gemm(FN, K, rows, { at: doutAt, rowStride: 1, colStride: FN }, patches, dWAt, K);
    const dW = np.zeros([FN, C, FH, FW], { dtype: this.W.dtype });
    dW.data.set(arena.view(dWAt, FN * K));
    this.dW = dW;
    if (this.firstLayer) return np.zeros([0], { dtype: dout.dtype });

    // ∂L/∂col [N·OH·OW, K] = dout · W, a few images at a time, each block added back onto
    // the images by col2im while it is still in the cache (a tenth faster than the whole
    // batch's ∂L/∂col through memory).
    arena.view(wAt, FN * K).set(this.W.data);
    const filters = { at: wAt, rowStride: K, colStride: 1 };
    const images = Math.min(N, DCOL_IMAGES), plane = x.size / N;
    const dcolAt = arena.region("dcol", images * P * K);
    const dx = this.#dx = reuse(this.#dx, x.shape, x.dtype);
    for (let first = 0; first < N; first += images) {
      const n = Math.min(images, N - first);
      const douts = { at: doutAt + first * P * FN * arena.size, rowStride: FN, colStride: 1 };
      arena.gemm(n * P, K, FN, douts, filters, dcolAt, K);
      const block = dx.data.subarray(first * plane, (first + n) * plane);
      col2imKernel(arena.view(dcolAt, n * P * K), block, { ...g, n });
    }
    return dx;
  }
}

/** Images per block of ∂L/∂col in the arena's backward pass (a block of a few hundred KB). */
const DCOL_IMAGES = 5;

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

/** The dtype of a product, as np.matmul: float32 when both operands are. */
function productDType(a: np.NDArray, b: np.NDArray): np.DType {
  return a.dtype === "float32" && b.dtype === "float32" ? "float32" : "float64";
}
