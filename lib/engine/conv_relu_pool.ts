/**
 * A first convolution, its ReLU and a 2×2 max pooling as one step of `LayerNet.gradient()`:
 * SimpleConvNet's `Conv1 - Relu1 - Pool1` (§7.5) and FinalConvNet's `conv - pool - relu` (the
 * same values: ReLU and max pooling commute), in WebAssembly (`wasm/conv_relu_pool.wat`). Zero
 * padding is written once around the images in the module's memory.
 *
 * The answer key builds the whole `[N, FN, 24, 24]` convolution output (im2col, a product, the
 * bias), then ReLU's output and mask, then the pooled values and positions, and backward runs
 * the same arrays in reverse. Here the forward computes each pooling window's four convolution
 * values in registers and writes only the pooled output after ReLU and the winning positions,
 * which stay in WebAssembly memory for the backward; the backward adds dout times the input
 * patch of each winning position to dW (and dout to db) and skips ∂L/∂x, which a first layer
 * does not need. Only a quarter of the windows' values are ever written, and no column matrix.
 *
 * The values are the answer key's up to the order of the sums (`engine_test.ts` compares the
 * step and whole networks; the positions and which windows pass the ReLU are the same as the
 * unfused engine's wherever the two sums round alike). Each sum runs in one fixed order, so a
 * run repeats bit for bit.
 *
 * @module
 */

import * as np from "../np/mod.ts";
import type { Convolution } from "./convolution.ts";
import type { Pooling } from "./pooling.ts";
import type { Relu } from "./relu.ts";
import { CONV_RELU_POOL_WASM } from "./wasm/conv_relu_pool_wasm.ts";

interface Exports {
  memory: WebAssembly.Memory;
  forward(
    x: number,
    wt: number,
    b: number,
    out: number,
    arg: number,
    n: number,
    c: number,
    h: number,
    w: number,
    fn: number,
    fnp: number,
    fh: number,
    fw: number,
  ): void;
  backward(
    x: number,
    d: number,
    arg: number,
    dw: number,
    tmp: number,
    n: number,
    c: number,
    h: number,
    w: number,
    fn: number,
    fh: number,
    fw: number,
  ): void;
}

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null where WebAssembly SIMD (relaxed) is missing. */
function wasmModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(Uint8Array.fromBase64(CONV_RELU_POOL_WASM));
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/**
 * Whether `conv - relu - pool` (or `conv - pool - relu`, the same values) can run as one
 * {@linkcode ConvReluPool}: float32, a first layer (no ∂L/∂x), stride 1 (any zero padding),
 * 2×2 pooling with stride 2, and WebAssembly at hand.
 */
export function canFuseConv(conv: Convolution, relu: unknown, pool: Pooling): boolean {
  return relu !== null && conv.firstLayer && conv.stride === 1 &&
    conv.W.dtype === "float32" && pool.poolH === 2 && pool.poolW === 2 && pool.stride === 2 &&
    pool.pad === 0 && wasmModule() !== null;
}

const PAGE = 65536;

/**
 * The fused step. Its own WebAssembly instance holds the batch, the repacked weights, the
 * pooled output and positions, dout and dW between forward and backward.
 *
 * @example
 * ```ts
 * import { ConvReluPool } from "./conv_relu_pool.ts";
 * import { Convolution } from "./convolution.ts";
 * import { Relu } from "./relu.ts";
 * import { Pooling } from "./pooling.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const W = np.ones([1, 1, 2, 2], { dtype: "float32" }), b = np.zeros([1], { dtype: "float32" });
 * const conv = new Convolution(W, b, { firstLayer: true });
 * const step = new ConvReluPool(conv, new Relu(), new Pooling(2, 2, { stride: 2 }));
 * const x = np.array([[[[1, 0, 0], [0, 0, 0], [0, 0, -9]]]], { dtype: "float32" });
 * assert.deepEqual(step.forward(x).toArray(), [[[[1]]]]); // max(1, 0, 0, -9) after ReLU
 * step.backward(np.array([[[[2]]]], { dtype: "float32" }));
 * assert.deepEqual(conv.dW!.toArray(), [[[[2, 0], [0, 0]]]]); // the patch at (0, 0), times 2
 * assert.deepEqual(conv.db!.toArray(), [2]);
 * ```
 */
export class ConvReluPool {
  /** The convolution (its `dW`, `db` and `x` are set by the step). */
  readonly conv: Convolution;
  /** The ReLU layer of the triple (not run on its own). */
  readonly relu: Relu;
  /** The pooling layer of the triple (not run on its own). */
  readonly pool: Pooling;
  #k: Exports;
  #shape = "";
  #at = { x: 0, wt: 0, b: 0, out: 0, arg: 0, d: 0, dw: 0, tmp: 0 };
  #out: np.NDArray | null = null;
  #sizes = { n: 0, c: 0, h: 0, w: 0, fn: 0, fnp: 0, fh: 0, fw: 0, k: 0, pooled: 0 };

  /**
   * @param conv A first-layer convolution with stride 1 and no padding.
   * @param relu The ReLU after it.
   * @param pool The 2×2, stride 2 pooling after that.
   */
  constructor(conv: Convolution, relu: Relu, pool: Pooling) {
    const module = wasmModule();
    if (module === null) throw new Error("ConvReluPool needs WebAssembly SIMD");
    this.conv = conv;
    this.relu = relu;
    this.pool = pool;
    this.#k = new WebAssembly.Instance(module).exports as unknown as Exports;
  }

  /** Lays out the memory for a batch of this shape (once per shape). */
  #layout(x: np.NDArray): void {
    const key = x.shape.join();
    if (key === this.#shape) return;
    const pad = this.conv.pad;
    const [n, c] = x.shape, h = x.shape[2] + 2 * pad, w = x.shape[3] + 2 * pad;
    const [fn, , fh, fw] = this.conv.W.shape;
    const fnp = Math.ceil(fn / 16) * 16, k = c * fh * fw;
    const ph = Math.floor((h - fh + 1) / 2), pw = Math.floor((w - fw + 1) / 2);
    const pooled = n * fn * ph * pw;
    let at = 0;
    const take = (floats: number) => {
      const start = at;
      at += Math.ceil((floats * 4 + 64) / 64) * 64;
      return start;
    };
    this.#at = {
      wt: take(k * fnp),
      b: take(fnp),
      x: take(n * c * h * w),
      out: take(pooled),
      arg: take(pooled),
      d: take(pooled),
      dw: take(fn * (k + 1)),
      tmp: take(fn * (k + 1)),
    };
    const memory = this.#k.memory, need = Math.ceil(at / PAGE) - memory.buffer.byteLength / PAGE;
    if (need > 0) memory.grow(need);
    // The padding's zeros are written once: each batch overwrites only the images' insides.
    new Float32Array(memory.buffer).fill(0, this.#at.x / 4, this.#at.x / 4 + n * c * h * w);
    this.#sizes = { n, c, h, w, fn, fnp, fh, fw, k, pooled };
    this.#out = np.zeros([n, fn, ph, pw], { dtype: "float32" });
    this.#shape = key;
  }

  /** max(0, conv(x) + b) pooled, `[N, FN, OH/2, OW/2]`; the array is reused by the next call. */
  forward(x: np.NDArray): np.NDArray {
    const [fn, c] = this.conv.W.shape;
    if (x.ndim !== 4 || x.shape[1] !== c) {
      throw new TypeError(
        `ConvReluPool.forward needs x of shape [N, ${c}, H, W], got [${x.shape.join(", ")}]`,
      );
    }
    this.#layout(x);
    const { n, h, w, fnp, fh, fw, k, pooled } = this.#sizes, at = this.#at;
    const heap = new Float32Array(this.#k.memory.buffer), pad = this.conv.pad;
    if (pad === 0) {
      heap.set(x.data as Float32Array, at.x / 4);
    } else {
      // Each row of each image into the middle of its padded row.
      const src = x.data as Float32Array, rows = x.shape[0] * c * x.shape[2], sw = x.shape[3];
      for (let r = 0; r < rows; r++) {
        const plane = Math.floor(r / x.shape[2]), y = r - plane * x.shape[2];
        heap.set(src.subarray(r * sw, r * sw + sw), at.x / 4 + (plane * h + y + pad) * w + pad);
      }
    }
    // The weights as [K][FNp]: row k holds tap k of every filter (zeros past FN).
    const W = this.conv.W.data as Float32Array, wt = at.wt / 4;
    heap.fill(0, wt, wt + k * fnp);
    for (let f = 0; f < fn; f++) {
      for (let j = 0; j < k; j++) heap[wt + j * fnp + f] = W[f * k + j];
    }
    heap.fill(0, at.b / 4, at.b / 4 + fnp);
    heap.set(this.conv.b.data as Float32Array, at.b / 4);
    this.#k.forward(at.x, at.wt, at.b, at.out, at.arg, n, c, h, w, fn, fnp, fh, fw);
    const out = this.#out as np.NDArray;
    (out.data as Float32Array).set(heap.subarray(at.out / 4, at.out / 4 + pooled));
    this.conv.x = x;
    return out;
  }

  /** Sets the convolution's dW and db; returns an empty array (a first layer has no ∂L/∂x). */
  backward(dout: np.NDArray): np.NDArray {
    if (this.#out === null) throw new Error("ConvReluPool.backward called before forward");
    if (dout.size !== this.#out.size) {
      throw new TypeError(
        `ConvReluPool.backward needs dout of shape [${this.#out.shape.join(", ")}], got [${
          dout.shape.join(", ")
        }]`,
      );
    }
    const { n, c, h, w, fn, fh, fw, k } = this.#sizes, at = this.#at;
    const heap = new Float32Array(this.#k.memory.buffer);
    heap.set(
      dout.dtype === "float32" ? dout.data as Float32Array : Float32Array.from(dout.data),
      at.d / 4,
    );
    this.#k.backward(at.x, at.d, at.arg, at.dw, at.tmp, n, c, h, w, fn, fh, fw);
    const dW = np.zeros(this.conv.W.shape, { dtype: "float32" });
    const db = np.zeros([fn], { dtype: "float32" });
    const rows = heap.subarray(at.dw / 4, at.dw / 4 + fn * (k + 1));
    for (let f = 0; f < fn; f++) {
      (dW.data as Float32Array).set(rows.subarray(f * (k + 1), f * (k + 1) + k), f * k);
      db.data[f] = rows[f * (k + 1) + k];
    }
    this.conv.dW = dW;
    this.conv.db = db;
    return np.zeros([0], { dtype: "float32" });
  }
}
