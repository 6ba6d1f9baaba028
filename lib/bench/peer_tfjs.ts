/**
 * The peer of the benchmark: the book's SimpleConvNet trained with TensorFlow.js
 * (`@tensorflow/tfjs-core` on `@tensorflow/tfjs-backend-wasm` 4.22.0, XNNPACK with WASM SIMD),
 * and tfjs's `matMul` on the same shapes as the workbook's `gemm`.
 *
 * Same architecture, same initial weights (the book's layout converted to tfjs's NHWC), same
 * mini-batches, Adam with lr 0.001, batch 100, float32. Threads stay off: the threaded wasm
 * binary needs SharedArrayBuffer workers that tfjs does not start under Deno.
 *
 * The backward pass is written out layer by layer, as in the book: `@tensorflow/tfjs-core`
 * alone registers no gradient functions (they ship with the `@tensorflow/tfjs` bundle, and
 * the core's ESM gradient files use extensionless imports that Deno cannot load), and the wasm
 * backend has no kernel for conv2d's filter gradient (`Conv2DBackpropFilter`), which is
 * computed here as a convolution (see `conv2dFilterGrad`).
 *
 * @module
 */

import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import * as tf from "@tensorflow/tfjs-core";
import { getThreadsCount, setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { cpuSeconds, measure, type MeasureOptions, progress } from "./harness.ts";
import { flops, type GemmCase } from "./shapes.ts";
import type { GemmResult } from "./matmul.ts";
import type { BookParams, TrainRun } from "./workload.ts";

export { tf };

/** What {@linkcode initTfjs} found. */
export interface TfjsInfo {
  /** The tfjs-core version. */
  version: string;
  /** The backend in use (`"wasm"`). */
  backend: string;
  /** Whether the SIMD build of the wasm binary is loaded. */
  simd: boolean;
  /** Threads XNNPACK uses. */
  threads: number;
}

let ready: Promise<TfjsInfo> | null = null;

/**
 * Loads the wasm backend from the npm package's own folder (no download) and selects it.
 * Later calls return the same promise.
 *
 * @example
 * ```ts
 * import { initTfjs } from "./peer_tfjs.ts";
 * import assert from "node:assert/strict";
 *
 * const info = await initTfjs();
 * assert.equal(info.backend, "wasm");
 * ```
 *
 * @returns The version, backend, SIMD and thread count.
 * @throws {Error} when the wasm backend cannot start.
 */
export function initTfjs(): Promise<TfjsInfo> {
  ready ??= (async () => {
    const entry = fileURLToPath(import.meta.resolve("@tensorflow/tfjs-backend-wasm"));
    setWasmPaths(`${dirname(entry)}/`);
    if (!(await tf.setBackend("wasm"))) {
      throw new Error("TensorFlow.js could not start its wasm backend; run `deno install` first");
    }
    await tf.ready();
    return {
      version: tf.version_core,
      backend: tf.getBackend(),
      simd: Boolean(await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT")),
      threads: getThreadsCount(),
    };
  })();
  return ready;
}

/**
 * Times tfjs's `matMul` on float32 cases (tfjs has no float64); float64 cases are skipped.
 * A transposed operand is copied with `tf.transpose` inside the timing (see `matMulT`).
 *
 * @example
 * ```ts
 * import { benchTfMatMul, initTfjs } from "./peer_tfjs.ts";
 * import assert from "node:assert/strict";
 *
 * await initTfjs();
 * const [r] = benchTfMatMul(
 *   [{ label: "tiny", m: 8, n: 8, k: 8, dtype: "float32" }],
 *   { warmup: 0, repeats: 1, minSampleSeconds: 0, quiet: true },
 * );
 * assert.ok(r.gflops > 0);
 * ```
 *
 * @param cases The products; call {@linkcode initTfjs} first.
 * @param options `measure`'s options, and `quiet` to skip the progress lines.
 * @returns One result per float32 case.
 */
export function benchTfMatMul(
  cases: readonly GemmCase[],
  options: MeasureOptions & { quiet?: boolean } = {},
): GemmResult[] {
  const f32 = cases.filter((c) => c.dtype === "float32");
  return f32.map((c, i) => {
    if (!options.quiet) progress(`tfjs matMul ${i + 1}/${f32.length} ${c.label}`);
    const a = tf.randomUniform(c.transA ? [c.k, c.m] : [c.m, c.k], -1, 1, "float32", 1);
    const b = tf.randomUniform(c.transB ? [c.n, c.k] : [c.k, c.n], -1, 1, "float32", 2);
    // Transposed operands are copied first, as the peer's training does (see matMulT); the
    // wasm backend computes each op synchronously, so disposing the result is enough.
    const product = () =>
      tf.tidy(() =>
        tf.matMul(
          c.transA ? tf.transpose(a) : a,
          c.transB ? tf.transpose(b) : b,
        )
      ).dispose();
    const timing = measure(product, options);
    tf.dispose([a, b]);
    return {
      label: c.label,
      dtype: c.dtype,
      seconds: timing.median,
      gflops: flops(c) / timing.median / 1e9,
      cpuGflops: flops(c) / timing.cpuMedian / 1e9,
    };
  });
}

/**
 * The gradient of a stride-1, unpadded conv2d with respect to its filter, `[fh, fw, c, fn]`.
 * It is the book's `colᵀ · dout` (§7.4), computed as a convolution of the input (batch and
 * channels swapped) with dout as the filter — the way TensorFlow's own Conv2DBackpropFilter
 * is defined — because on the wasm backend that runs in XNNPACK, about 3× faster than
 * im2col by slicing followed by a matMul.
 */
function conv2dFilterGrad(x: tf.Tensor4D, dy: tf.Tensor4D): tf.Tensor4D {
  const xs = tf.transpose(x, [3, 1, 2, 0]) as tf.Tensor4D; // [c, h, w, n]
  const dys = tf.transpose(dy, [1, 2, 0, 3]) as tf.Tensor4D; // [oh, ow, n, fn]
  return tf.transpose(tf.conv2d(xs, dys, 1, "valid"), [1, 2, 0, 3]); // [c, fh, fw, fn] → [fh, fw, c, fn]
}

/**
 * `a · bᵀ` or `aᵀ · b` with the transpose made explicit: the wasm backend's matMul is about
 * ten times slower with its transpose flags than on a transposed copy (measured here on the
 * Affine shapes), so the peer copies, as a tuned tfjs program would.
 */
function matMulT(a: tf.Tensor2D, b: tf.Tensor2D, which: "a" | "b"): tf.Tensor2D {
  return which === "a" ? tf.matMul(tf.transpose(a), b) : tf.matMul(a, tf.transpose(b));
}

/** SimpleConvNet's parameters as tfjs variables, in tfjs's NHWC layouts. */
export interface TfSimpleConvNet {
  /** Filters `[5, 5, 1, 30]`. */
  W1: tf.Variable;
  /** `[30]`. */
  b1: tf.Variable;
  /** `[4320, 100]`, rows in NHWC flattening order. */
  W2: tf.Variable;
  /** `[100]`. */
  b2: tf.Variable;
  /** `[100, 10]`. */
  W3: tf.Variable;
  /** `[10]`. */
  b3: tf.Variable;
}

/** tfjs variables need unique names; each network gets its own suffix. */
let networks = 0;

/**
 * Makes tfjs variables from the book's parameters: the filters `[30, 1, 5, 5]` become
 * `[5, 5, 1, 30]`, and the rows of W2, which the book orders by the pooled map's
 * (channel, row, column), are reordered to tfjs's (row, column, channel) flattening, so the
 * two networks compute the same function.
 *
 * @example
 * ```ts
 * import { initTfjs, tfSimpleConvNet } from "./peer_tfjs.ts";
 * import { bookSimpleConvNetParams } from "./workload.ts";
 * import assert from "node:assert/strict";
 *
 * await initTfjs();
 * const net = tfSimpleConvNet(bookSimpleConvNetParams(1));
 * assert.deepEqual(net.W1.shape, [5, 5, 1, 30]);
 * assert.deepEqual(net.W2.shape, [4320, 100]);
 * ```
 *
 * @param params The book's parameters (`W1 [30,1,5,5]`, `W2 [4320,100]`, …).
 * @returns The tfjs variables.
 */
export function tfSimpleConvNet(params: BookParams): TfSimpleConvNet {
  const id = ++networks;
  return tf.tidy(() => {
    const t = (name: string) => tf.tensor(params[name].data, [...params[name].shape], "float32");
    const v = (name: string, value: tf.Tensor) => tf.variable(value, true, `${name}_${id}`);
    const [fn, c, fh, fw] = params.W1.shape;
    const hidden = params.W2.shape[1];
    const side = Math.round(Math.sqrt(params.W2.shape[0] / fn));
    return {
      W1: v("W1", tf.reshape(tf.transpose(t("W1"), [2, 3, 1, 0]), [fh, fw, c, fn])),
      b1: v("b1", t("b1")),
      W2: v(
        "W2",
        tf.reshape(
          tf.transpose(tf.reshape(t("W2"), [fn, side, side, hidden]), [1, 2, 0, 3]),
          [side * side * fn, hidden],
        ),
      ),
      b2: v("b2", t("b2")),
      W3: v("W3", t("W3")),
      b3: v("b3", t("b3")),
    };
  });
}

/** The activations of a forward pass that the backward pass needs. */
interface Forward {
  x: tf.Tensor4D;
  conv: tf.Tensor4D;
  pool: tf.Tensor4D;
  flat: tf.Tensor2D;
  hidden: tf.Tensor2D;
  scores: tf.Tensor2D;
}

/**
 * The forward pass to the scores: conv+bias+ReLU → max pool 2×2 → Affine+ReLU → Affine.
 * It uses tfjs's fused conv2d and matMul (bias and ReLU in the same kernel), as tfjs-layers
 * does, so the peer runs at its best.
 */
function forward(net: TfSimpleConvNet, x: tf.Tensor4D): Forward {
  const conv = tf.fused.conv2d({
    x,
    filter: net.W1 as tf.Tensor4D,
    strides: 1,
    pad: "valid",
    bias: net.b1,
    activation: "relu",
  });
  const pool = tf.maxPool(conv, 2, 2, "valid");
  const flat = tf.reshape(pool, [x.shape[0], -1]) as tf.Tensor2D;
  const hidden = tf.fused.matMul({
    a: flat,
    b: net.W2 as tf.Tensor2D,
    bias: net.b2,
    activation: "relu",
  }) as tf.Tensor2D;
  const scores = tf.fused.matMul({
    a: hidden,
    b: net.W3 as tf.Tensor2D,
    bias: net.b3,
  }) as tf.Tensor2D;
  return { x, conv, pool, flat, hidden, scores };
}

/**
 * The loss and the gradients of one mini-batch, by backpropagation written out layer by layer
 * as in the book (§5.7, §7.4): tfjs-core alone ships no gradient functions (they live in the
 * `@tensorflow/tfjs` bundle), and its wasm backend has no kernel for conv2d's filter gradient.
 */
export function lossAndGradients(
  net: TfSimpleConvNet,
  x: tf.Tensor4D,
  t: tf.Tensor2D,
): { loss: tf.Scalar; grads: Record<string, tf.Tensor> } {
  const f = forward(net, x);
  const n = x.shape[0];
  // SoftmaxWithLoss (§5.6.3): the book's cross-entropy error, and dy = (y − t) / n.
  const y = tf.softmax(f.scores);
  const loss = tf.neg(tf.mean(tf.log(tf.add(tf.sum(tf.mul(y, t), 1), 1e-7))));
  const dScores = tf.div(tf.sub(y, t), n) as tf.Tensor2D;
  // Affine 2, then ReLU (its mask is where the output is positive), then Affine 1 (§5.6.2).
  const W2 = net.W2 as tf.Tensor2D, W3 = net.W3 as tf.Tensor2D;
  const dHidden = tf.mul(matMulT(dScores, W3, "b"), tf.step(f.hidden)) as tf.Tensor2D;
  const dFlat = matMulT(dHidden, W2, "b");
  // Max pooling routes each gradient to the position of its maximum (§7.4.4).
  const dConv = tf.mul(
    tf.engine().runKernel("MaxPoolGrad", { dy: tf.reshape(dFlat, f.pool.shape), input: f.conv }, {
      filterSize: 2,
      strides: 2,
      pad: "valid",
    }) as tf.Tensor4D,
    tf.step(f.conv),
  ) as tf.Tensor4D;
  // No dx for the input images: they are not trained (autodiff would skip it too).
  const grads = {
    W1: conv2dFilterGrad(x, dConv),
    b1: tf.sum(dConv, [0, 1, 2]),
    W2: matMulT(f.flat, dHidden, "a"),
    b2: tf.sum(dHidden, 0),
    W3: matMulT(f.hidden, dScores, "a"),
    b3: tf.sum(dScores, 0),
  };
  return { loss: loss as tf.Scalar, grads };
}

/** MNIST in the layout tfjs wants. */
export interface TfData {
  /** `[n, 28, 28, 1]` float32 in [0, 1]. */
  xTrain: tf.Tensor4D;
  /** `[n]` int32 class indices. */
  tTrain: tf.Tensor1D;
  /** `[n, 28, 28, 1]`. */
  xTest: tf.Tensor4D;
  /** `[n]` int32. */
  tTest: tf.Tensor1D;
}

/**
 * Wraps MNIST images `[n, 1, 28, 28]` (or `[n, 784]`) and label indices as tfjs tensors
 * (with one channel, NCHW and NHWC have the same memory layout).
 *
 * @example
 * ```ts
 * import { initTfjs, tfData } from "./peer_tfjs.ts";
 * import assert from "node:assert/strict";
 *
 * await initTfjs();
 * const images = new Float32Array(2 * 784), labels = new Float64Array([3, 7]);
 * const d = tfData({ xTrain: images, tTrain: labels, xTest: images, tTest: labels });
 * assert.deepEqual(d.xTrain.shape, [2, 28, 28, 1]);
 * ```
 *
 * @param data The typed arrays of the four sets.
 * @returns Tensors for tfjs.
 */
export function tfData(data: {
  xTrain: Float32Array | Float64Array;
  tTrain: ArrayLike<number>;
  xTest: Float32Array | Float64Array;
  tTest: ArrayLike<number>;
}): TfData {
  const images = (x: Float32Array | Float64Array) =>
    tf.tensor4d(Float32Array.from(x), [x.length / 784, 28, 28, 1]);
  return {
    xTrain: images(data.xTrain),
    tTrain: tf.tensor1d(Int32Array.from(data.tTrain), "int32"),
    xTest: images(data.xTest),
    tTest: tf.tensor1d(Int32Array.from(data.tTest), "int32"),
  };
}

/** Options of {@linkcode trainTfSimpleConvNet}. */
export interface TfTrainOptions {
  /** The mini-batches, as indices into the training set (one per iteration). */
  batches: readonly Int32Array[];
  /** Adam's learning rate (default 0.001). */
  lr?: number;
  /** Called after each iteration with its index and loss, for progress. */
  onIteration?: (iteration: number, loss: number) => void;
}

/**
 * Trains the tfjs SimpleConvNet in place on the given mini-batches with Adam
 * (β1 0.9, β2 0.999, ε 1e-7), timing each iteration (gradient and update).
 *
 * @example
 * ```ts
 * import { initTfjs, tfData, tfSimpleConvNet, trainTfSimpleConvNet } from "./peer_tfjs.ts";
 * import { bookSimpleConvNetParams } from "./workload.ts";
 * import assert from "node:assert/strict";
 *
 * await initTfjs();
 * const images = new Float32Array(4 * 784).fill(0.5), labels = [0, 1, 2, 3];
 * const data = tfData({ xTrain: images, tTrain: labels, xTest: images, tTest: labels });
 * const net = tfSimpleConvNet(bookSimpleConvNetParams(1));
 * const run = trainTfSimpleConvNet(net, data, { batches: [Int32Array.of(0, 1, 2, 3)] });
 * assert.equal(run.losses.length, 1);
 * assert.ok(Math.abs(run.losses[0] - Math.log(10)) < 0.01);
 * ```
 *
 * @param net The variables, updated in place.
 * @param data The training set.
 * @param options The mini-batches, learning rate and a progress callback.
 * @returns Per-iteration seconds and losses.
 */
export function trainTfSimpleConvNet(
  net: TfSimpleConvNet,
  data: TfData,
  options: TfTrainOptions,
): TrainRun {
  const optimizer = tf.train.adam(options.lr ?? 0.001, 0.9, 0.999, 1e-7);
  const iterationSeconds: number[] = [], losses: number[] = [];
  const cpuStart = cpuSeconds();
  options.batches.forEach((indices, i) => {
    const start = performance.now();
    const cost = tf.tidy((): tf.Scalar => {
      const idx = tf.tensor1d(indices, "int32");
      const x = tf.gather(data.xTrain, idx) as tf.Tensor4D;
      const t = tf.oneHot(tf.gather(data.tTrain, idx), 10) as tf.Tensor2D;
      const { loss, grads } = lossAndGradients(net, x, t);
      const named: { name: string; tensor: tf.Tensor }[] = [];
      for (const [key, grad] of Object.entries(grads)) {
        named.push({ name: net[key as keyof TfSimpleConvNet].name, tensor: grad });
      }
      optimizer.applyGradients(named);
      return loss;
    });
    const loss = cost.dataSync()[0];
    cost.dispose();
    iterationSeconds.push((performance.now() - start) / 1000);
    losses.push(loss);
    options.onIteration?.(i, loss);
  });
  optimizer.dispose();
  return { iterationSeconds, losses, cpuSeconds: cpuSeconds() - cpuStart };
}

/**
 * The share of correctly classified images, predicted in batches.
 *
 * @example
 * ```ts
 * import { initTfjs, tfAccuracy, tfData, tfSimpleConvNet } from "./peer_tfjs.ts";
 * import { bookSimpleConvNetParams } from "./workload.ts";
 * import assert from "node:assert/strict";
 *
 * await initTfjs();
 * const images = new Float32Array(3 * 784), labels = [0, 1, 2];
 * const data = tfData({ xTrain: images, tTrain: labels, xTest: images, tTest: labels });
 * const acc = tfAccuracy(tfSimpleConvNet(bookSimpleConvNetParams(1)), data.xTest, data.tTest);
 * assert.ok(acc >= 0 && acc <= 1);
 * ```
 *
 * @param net The trained variables.
 * @param x Images `[n, 28, 28, 1]`.
 * @param t Labels `[n]`.
 * @param options The batch size (default 1000).
 * @returns Accuracy in [0, 1].
 */
export function tfAccuracy(
  net: TfSimpleConvNet,
  x: tf.Tensor4D,
  t: tf.Tensor1D,
  options: { batchSize?: number } = {},
): number {
  const batchSize = options.batchSize ?? 1000, n = x.shape[0];
  let correct = 0;
  for (let start = 0; start < n; start += batchSize) {
    const size = Math.min(batchSize, n - start);
    const hits = tf.tidy(() => {
      const xb = tf.slice(x, [start, 0, 0, 0], [size, 28, 28, 1]);
      const tb = tf.slice(t, [start], [size]);
      return tf.sum(tf.cast(tf.equal(tf.argMax(forward(net, xb).scores, 1), tb), "int32"));
    });
    correct += hits.dataSync()[0];
    hits.dispose();
  }
  return correct / n;
}
