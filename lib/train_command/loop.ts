/**
 * The training loop of `deno task train` and of the chapter 7 and 8 commands: one epoch of
 * shuffled mini-batches (gradient, then the optimizer's in-place update), and evaluation.
 *
 * Unlike the book's `common/trainer.py`, which draws every batch at random with replacement,
 * an epoch here visits a fresh permutation of the training set, so each image is seen exactly
 * once per epoch; the permutation comes from a seeded generator whose state a checkpoint saves.
 *
 * @module
 */

import { scalePixels } from "../mnist/mod.ts";
import * as np from "../np/mod.ts";
import type { Optimizer } from "../optimizers/types.ts";
import type { PredictOptions } from "../nets/network.ts";

/**
 * Images kept as MNIST's bytes, 0–255: a quarter of the memory of float32 (47 MB instead of
 * 188 MB for the training set). {@linkcode takeRows} scales the rows it takes to float32
 * 0.0–1.0, the same bits as `loadMnist`'s.
 */
export class ByteImages {
  /** The pixels, image after image. */
  readonly pixels: Uint8Array;
  /** `[n, C, H, W]` (or `[n, D]`). */
  readonly shape: number[];

  /**
   * @param pixels The bytes.
   * @param shape Their shape, samples along axis 0.
   */
  constructor(pixels: Uint8Array, shape: number[]) {
    this.pixels = pixels;
    this.shape = shape;
  }

  /** All the images as float32 0.0–1.0. */
  toFloat32(): np.NDArray {
    const out = np.zeros(this.shape, { dtype: "float32" });
    scalePixels(this.pixels, out.data);
    return out;
  }
}

/** Training images: an array, or bytes scaled as they are taken. */
export type Images = np.NDArray | ByteImages;

/** What the loop needs of a network: the book's networks from chapter 5 on all fit. */
export interface TrainableNet {
  /** The parameters by name, updated in place by the optimizer. */
  params: Record<string, np.NDArray>;
  /** The class scores of a batch. */
  predict(x: np.NDArray, options?: PredictOptions): np.NDArray;
  /** The gradients of the loss on a batch (leaves the loss and softmax in `lastLayer`). */
  gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray>;
  /** The output layer, which keeps the last forward pass's loss and softmax output. */
  lastLayer: { loss: number; y: np.NDArray | null };
}

/** What one epoch did. */
export interface EpochResult {
  /** Iterations run (fewer than planned when the loss stopped being finite). */
  iterations: number;
  /** The mean training-batch loss. */
  loss: number;
  /** The fraction of training images classified right during the epoch, in training mode. */
  batchAccuracy: number;
  /** Seconds spent in training steps. */
  seconds: number;
  /** Set when a batch's loss was NaN or infinite: the epoch stopped there. */
  diverged?: { iteration: number; loss: number };
}

/** Progress of an epoch, reported after each batch. */
export interface BatchProgress {
  /** Batches done in this epoch. */
  iteration: number;
  /** Batches in the epoch. */
  iterations: number;
  /** The mean loss so far in this epoch. */
  loss: number;
  /** The fraction classified right so far in this epoch (training mode). */
  accuracy: number;
  /** Images per second so far. */
  imagesPerSecond: number;
}

/** Options of {@linkcode trainEpoch}. */
export interface EpochOptions {
  /** Updates the parameters in place. */
  optimizer: Optimizer;
  /** Images per batch. */
  batchSize: number;
  /** Draws the epoch's permutation (and the shifts of `augment`). */
  rng: np.Generator;
  /** Shift each training image by up to this many pixels (0: no augmentation). */
  augment?: number;
  /** Called after every batch (for a progress bar). */
  onBatch?: (progress: BatchProgress) => void;
}

/**
 * Rows `indices` of x (a batch), copied into one new array: x's first axis indexes samples.
 *
 * @example
 * ```ts
 * import { takeRows } from "./loop.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const x = np.arange(6).reshape(3, 2);
 * assert.deepEqual(takeRows(x, [2, 0]).toArray(), [[4, 5], [0, 1]]);
 * ```
 *
 * @param x Samples along axis 0.
 * @param indices The rows to take, in order.
 * @returns An array of shape `[indices.length, ...x.shape.slice(1)]`.
 */
export function takeRows(x: Images, indices: ArrayLike<number>): np.NDArray {
  if (x instanceof ByteImages) {
    const row = x.pixels.length / x.shape[0];
    const out = np.zeros([indices.length, ...x.shape.slice(1)], { dtype: "float32" });
    for (let i = 0; i < indices.length; i++) {
      const from = indices[i] * row;
      scalePixels(x.pixels.subarray(from, from + row), out.data, i * row);
    }
    return out;
  }
  const row = x.size / x.shape[0];
  const out = np.zeros([indices.length, ...x.shape.slice(1)], { dtype: x.dtype });
  for (let i = 0; i < indices.length; i++) {
    const from = indices[i] * row;
    out.data.set(x.data.subarray(from, from + row), i * row);
  }
  return out;
}

/**
 * The first `n` samples of x (all of them when x has fewer), as a view that shares x's data:
 * no copy.
 *
 * @example
 * ```ts
 * import { firstRows } from "./loop.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const x = np.arange(6).reshape(3, 2);
 * assert.deepEqual(firstRows(x, 2).toArray(), [[0, 1], [2, 3]]);
 * assert.equal(firstRows(x, 5), x);
 * ```
 *
 * @param x Samples along axis 0.
 * @param n How many to keep.
 * @returns An array of shape `[min(n, x.shape[0]), ...x.shape.slice(1)]`.
 */
export function firstRows<T extends Images>(x: T, n: number): T {
  if (n >= x.shape[0]) return x;
  const shape = [n, ...x.shape.slice(1)];
  if (x instanceof ByteImages) {
    return new ByteImages(x.pixels.subarray(0, n * (x.pixels.length / x.shape[0])), shape) as T;
  }
  const row = x.size / x.shape[0];
  return new np.NDArray(x.data.subarray(0, n * row), shape) as T;
}

/**
 * Data augmentation by translation (the book's §8.1.1 mentions it): shifts every image of a
 * batch `[n, C, H, W]` by a random whole number of pixels, at most `maxShift` in each direction,
 * filling the uncovered border with 0 (MNIST's background), in place. The shifts come from
 * `rng`, so a seeded run repeats exactly.
 *
 * @example A shift moves the pixels and keeps the shape
 * ```ts
 * import { shiftImages } from "./loop.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const x = np.zeros([1, 1, 5, 5]);
 * x.set([0, 0, 2, 2], 1);
 * shiftImages(x, np.rng(0), 1);
 * assert.equal(np.sum(x), 1);
 * const at = x.data.indexOf(1);
 * assert.ok(Math.abs(Math.floor(at / 5) - 2) <= 1 && Math.abs((at % 5) - 2) <= 1);
 * ```
 *
 * @param x Images `[n, C, H, W]`, changed in place.
 * @param rng Draws the shifts.
 * @param maxShift The largest shift in pixels.
 */
export function shiftImages(x: np.NDArray, rng: np.Generator, maxShift: number): void {
  const [n, c, h, w] = x.shape;
  const plane = h * w;
  const copy = x.dtype === "float32" ? new Float32Array(plane) : new Float64Array(plane);
  for (let i = 0; i < n; i++) {
    const dy = rng.integer(-maxShift, maxShift + 1), dx = rng.integer(-maxShift, maxShift + 1);
    if (dy === 0 && dx === 0) continue;
    for (let ch = 0; ch < c; ch++) {
      const base = (i * c + ch) * plane;
      copy.set(x.data.subarray(base, base + plane));
      for (let y = 0; y < h; y++) {
        const from = y - dy;
        for (let xx = 0; xx < w; xx++) {
          const fromX = xx - dx;
          x.data[base + y * w + xx] = from >= 0 && from < h && fromX >= 0 && fromX < w
            ? copy[from * w + fromX]
            : 0;
        }
      }
    }
  }
}

/** The number of rows of `y` whose largest score is at the label's index. */
function countCorrect(y: np.NDArray, t: np.NDArray): number {
  const classes = y.shape[1];
  let correct = 0;
  for (let i = 0; i < y.shape[0]; i++) {
    let best = 0;
    for (let j = 1; j < classes; j++) {
      if (y.data[i * classes + j] > y.data[i * classes + best]) best = j;
    }
    const label = t.ndim === 1 ? t.data[i] : np.argmax(t.slice(i));
    if (best === label) correct++;
  }
  return correct;
}

/**
 * Trains for one epoch: a fresh permutation of the training set, `floor(n / batchSize)`
 * batches (the last incomplete batch is left out), each a gradient and an update. It stops
 * early, with `diverged` set, at the first batch whose loss is NaN or infinite, before that
 * batch's update.
 *
 * @example One epoch on random data
 * ```ts
 * import { trainEpoch } from "./loop.ts";
 * import { SimpleConvNet } from "../nets/simple_conv_net.ts";
 * import { Adam } from "../optimizers/mod.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const net = new SimpleConvNet({ inputDim: [1, 8, 8], convParam: { filterNum: 2, filterSize: 3 } });
 * const x = np.rng(0).random([20, 1, 8, 8]);
 * const t = np.array(Array.from({ length: 20 }, (_, i) => i % 10));
 * const result = trainEpoch(net, x, t, { optimizer: new Adam(), batchSize: 5, rng: np.rng(1) });
 * assert.equal(result.iterations, 4);
 * assert.ok(Number.isFinite(result.loss));
 * ```
 *
 * @param net The network (its parameters change in place).
 * @param x Training images, samples along axis 0.
 * @param t Training labels: class indices or one-hot.
 * @param options The optimizer, the batch size, the generator and a progress callback.
 * @returns The epoch's loss, accuracy and time.
 */
export function trainEpoch(
  net: TrainableNet,
  x: Images,
  t: np.NDArray,
  options: EpochOptions,
): EpochResult {
  const { optimizer, batchSize, rng } = options;
  const n = x.shape[0];
  const iterations = Math.floor(n / batchSize);
  const order = rng.permutation(n).data;
  const start = performance.now();
  let lossSum = 0, correct = 0, done = 0;
  for (let i = 0; i < iterations; i++) {
    const indices = order.subarray(i * batchSize, (i + 1) * batchSize);
    const xBatch = takeRows(x, indices), tBatch = takeRows(t, indices);
    if (options.augment) shiftImages(xBatch, rng, options.augment);
    const grads = net.gradient(xBatch, tBatch);
    const loss = net.lastLayer.loss;
    if (!Number.isFinite(loss)) {
      return {
        iterations: done,
        loss: done > 0 ? lossSum / done : NaN,
        batchAccuracy: done > 0 ? correct / (done * batchSize) : NaN,
        seconds: (performance.now() - start) / 1000,
        diverged: { iteration: i + 1, loss },
      };
    }
    optimizer.update(net.params, grads);
    lossSum += loss;
    if (net.lastLayer.y !== null) correct += countCorrect(net.lastLayer.y, tBatch);
    done++;
    const seconds = (performance.now() - start) / 1000;
    options.onBatch?.({
      iteration: done,
      iterations,
      loss: lossSum / done,
      accuracy: correct / (done * batchSize),
      imagesPerSecond: (done * batchSize) / seconds,
    });
  }
  return {
    iterations: done,
    loss: lossSum / Math.max(done, 1),
    batchAccuracy: correct / Math.max(done * batchSize, 1),
    seconds: (performance.now() - start) / 1000,
  };
}

/**
 * The predicted class of every sample, `batchSize` at a time in test mode.
 *
 * @example
 * ```ts
 * import { predictClasses } from "./loop.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const net = { predict: (x: np.NDArray) => x };
 * assert.deepEqual([...predictClasses(net, np.array([[1, 3], [5, 2]]))], [1, 0]);
 * ```
 *
 * @param net The network.
 * @param x Samples along axis 0.
 * @param options `batchSize` (100: larger batches are no faster, and im2col of a deep network
 * grows large).
 * @returns One class index per sample.
 */
export function predictClasses(
  net: Pick<TrainableNet, "predict">,
  x: np.NDArray,
  options: { batchSize?: number } = {},
): Int32Array {
  const batchSize = options.batchSize ?? 100;
  const out = new Int32Array(x.shape[0]);
  for (let i = 0; i < x.shape[0]; i += batchSize) {
    const y = net.predict(x.slice(`${i}:${i + batchSize}`), { train: false });
    const classes = y.shape[1];
    for (let r = 0; r < y.shape[0]; r++) {
      let best = 0;
      for (let j = 1; j < classes; j++) {
        if (y.data[r * classes + j] > y.data[r * classes + best]) best = j;
      }
      out[i + r] = best;
    }
  }
  return out;
}

/**
 * The fraction of predictions equal to the labels.
 *
 * @example
 * ```ts
 * import { accuracyOf } from "./loop.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(accuracyOf(Int32Array.from([1, 0, 2]), np.array([1, 1, 2])), 2 / 3);
 * ```
 *
 * @param predicted Class indices.
 * @param t Labels: class indices or one-hot.
 * @returns A number in [0, 1].
 */
export function accuracyOf(predicted: Int32Array, t: np.NDArray): number {
  const labels = t.ndim === 1 ? t : np.argmax(t, { axis: 1 });
  let correct = 0;
  for (let i = 0; i < predicted.length; i++) if (predicted[i] === labels.data[i]) correct++;
  return correct / predicted.length;
}
