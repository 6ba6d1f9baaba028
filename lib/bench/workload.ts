/**
 * The training workload every contestant of `deno task bench` runs: the book's
 * `train_convnet.py` setup (§7.5) — SimpleConvNet, mini-batches of 100 drawn with
 * replacement, Adam with lr 0.001, float32, 600 iterations (one epoch of 60,000 images).
 *
 * The contestants share the initial weights and the mini-batch indices made here, so their
 * losses can be compared step by step and the timings measure the same arithmetic.
 *
 * @module
 */

import type { NDArray } from "../np/ndarray.ts";
import { zeros } from "../np/creation.ts";
import { rng } from "../np/random.ts";

/** Parameters by the book's names (`W1`, `b1`, …). */
export type BookParams = Record<string, NDArray>;

/** The result of a timed training run. */
export interface TrainRun {
  /** Seconds per iteration, in order. */
  iterationSeconds: number[];
  /** The loss of each iteration (before its update). */
  losses: number[];
  /** Process CPU time (user + system, all threads) over the whole run, in seconds. */
  cpuSeconds: number;
}

/** The book's `train_convnet.py` settings. */
export const TRAIN_CONVNET = {
  /** Images per mini-batch. */
  batchSize: 100,
  /** Iterations in one epoch: 60,000 / 100. */
  iterationsPerEpoch: 600,
  /** Adam's learning rate. */
  lr: 0.001,
  /** SimpleConvNet's `weight_init_std`. */
  weightInitStd: 0.01,
} as const;

/** How the bench draws SimpleConvNet's initial weights. */
export type InitScheme = "book" | "he";

/** The choices of {@linkcode InitScheme}, for the command line. */
export const INIT_SCHEMES: readonly InitScheme[] = ["he", "book"];

/**
 * SimpleConvNet's initial parameters, W1 `[30, 1, 5, 5]`, W2 `[4320, 100]`, W3 `[100, 10]`,
 * float32, biases zero. `"book"` draws the weights as the book's `train_convnet.py` does,
 * `0.01 · randn` (§7.5); `"he"` draws them with He's standard deviation √(2 / fan-in) (§6.2.3),
 * the initialisation the workbook teaches for ReLU networks, which learns faster in the first
 * epoch (97.8% against 96.7% test accuracy).
 *
 * @example
 * ```ts
 * import { bookSimpleConvNetParams } from "./workload.ts";
 * import assert from "node:assert/strict";
 *
 * const p = bookSimpleConvNetParams(1);
 * assert.deepEqual(p.W1.shape, [30, 1, 5, 5]);
 * assert.deepEqual(p.W2.shape, [4320, 100]);
 * assert.equal(p.b3.dtype, "float32");
 * ```
 *
 * @param seed The seed of the weights.
 * @param options `init`: `"book"` (the default) or `"he"`.
 * @returns Fresh parameters.
 */
export function bookSimpleConvNetParams(
  seed: number,
  options: { init?: InitScheme } = {},
): BookParams {
  const r = rng(seed), dtype = "float32" as const;
  const std = (fanIn: number) =>
    options.init === "he" ? Math.sqrt(2 / fanIn) : TRAIN_CONVNET.weightInitStd;
  return {
    W1: r.normal([30, 1, 5, 5], { scale: std(1 * 5 * 5), dtype }),
    b1: zeros([30], { dtype }),
    W2: r.normal([30 * 12 * 12, 100], { scale: std(30 * 12 * 12), dtype }),
    b2: zeros([100], { dtype }),
    W3: r.normal([100, 10], { scale: std(100), dtype }),
    b3: zeros([10], { dtype }),
  };
}

/**
 * The mini-batches of a run: `iterations` arrays of `batchSize` indices drawn with
 * replacement from `0 .. trainSize-1`, like the book's `np.random.choice(train_size, batch_size)`.
 *
 * @example
 * ```ts
 * import { batchSchedule } from "./workload.ts";
 * import assert from "node:assert/strict";
 *
 * const batches = batchSchedule(7, { iterations: 3, trainSize: 60000 });
 * assert.equal(batches.length, 3);
 * assert.equal(batches[0].length, 100);
 * assert.deepEqual(batches, batchSchedule(7, { iterations: 3, trainSize: 60000 }));
 * ```
 *
 * @param seed The seed of the draw.
 * @param options How many batches, of how many images (default 100), from how many.
 * @returns One index array per iteration.
 */
export function batchSchedule(
  seed: number,
  options: { iterations: number; trainSize: number; batchSize?: number },
): Int32Array[] {
  const r = rng(seed), size = options.batchSize ?? TRAIN_CONVNET.batchSize;
  return Array.from(
    { length: options.iterations },
    () => Int32Array.from(r.choice(options.trainSize, size).data),
  );
}
