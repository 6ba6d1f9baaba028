/**
 * Validation data and random hyperparameter search (the book's §6.5; `common/util.py`
 * `shuffle_dataset` and `ch06/hyperparameter_optimization.py`).
 *
 * @module
 */

import * as np from "../../np/mod.ts";
import { showShape } from "../../np/ndarray.ts";

/** Options of {@linkcode shuffleDataset}. */
export interface ShuffleOptions {
  /** The generator of the permutation. */
  rng: np.Generator;
}

/**
 * The samples in a random order, each input still beside its label (`shuffle_dataset`).
 *
 * @example
 * ```ts
 * import { shuffleDataset } from "./hyperparameter_search.ts";
 * import * as np from "../../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const x = np.array([[0, 0], [1, 1], [2, 2]]), t = np.array([0, 1, 2]);
 * const [xs, ts] = shuffleDataset(x, t, { rng: np.rng(0) });
 * for (let i = 0; i < 3; i++) assert.equal(xs.get(i, 0), ts.get(i));
 * ```
 *
 * @param x Inputs, one sample per row of axis 0.
 * @param t Labels, one per sample (indices or one-hot rows).
 * @param options `rng`.
 * @returns `[x, t]` permuted alike.
 */
export function shuffleDataset(
  x: np.NDArray,
  t: np.NDArray,
  options: ShuffleOptions,
): [np.NDArray, np.NDArray] {
  if (x.shape[0] !== t.shape[0]) {
    throw new TypeError(
      `shuffleDataset needs one label per sample, got x of shape ${showShape(x.shape)} and ` +
        `t of shape ${showShape(t.shape)}`,
    );
  }
  const permutation = options.rng.permutation(x.shape[0]);
  return [np.take(x, permutation, { axis: 0 }), np.take(t, permutation, { axis: 0 })];
}

/** Options of {@linkcode splitValidation}. */
export interface SplitOptions {
  /** The share of the samples held out for validation (0.2, as the book). */
  validationRate?: number;
  /** The generator of the shuffle. */
  rng: np.Generator;
}

/** Training and validation data. */
export interface ValidationSplit {
  /** Training inputs. */
  xTrain: np.NDArray;
  /** Training labels. */
  tTrain: np.NDArray;
  /** Validation inputs. */
  xVal: np.NDArray;
  /** Validation labels. */
  tVal: np.NDArray;
}

/**
 * Shuffles the training data and holds out its first `validationRate` share (rounded down)
 * as validation data, for tuning hyperparameters without looking at the test data (§6.5.1).
 *
 * @example
 * ```ts
 * import { splitValidation } from "./hyperparameter_search.ts";
 * import * as np from "../../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const x = np.rng(0).random([500, 3]), t = np.zeros([500]);
 * const { xTrain, xVal } = splitValidation(x, t, { rng: np.rng(1) });
 * assert.deepEqual([xTrain.shape[0], xVal.shape[0]], [400, 100]);
 * ```
 *
 * @param x Training inputs, one sample per row of axis 0.
 * @param t Training labels.
 * @param options `validationRate` (0.2) and `rng`.
 * @returns The training and validation parts.
 */
export function splitValidation(
  x: np.NDArray,
  t: np.NDArray,
  options: SplitOptions,
): ValidationSplit {
  const rate = options.validationRate ?? 0.2;
  if (!(rate >= 0 && rate < 1)) {
    throw new RangeError(`splitValidation needs a validationRate in [0, 1), got ${rate}`);
  }
  const [xs, ts] = shuffleDataset(x, t, { rng: options.rng });
  const validationNum = Math.floor(x.shape[0] * rate);
  return {
    xVal: xs.slice(`:${validationNum}`),
    tVal: ts.slice(`:${validationNum}`),
    xTrain: xs.slice(`${validationNum}:`),
    tTrain: ts.slice(`${validationNum}:`),
  };
}

/** Options of {@linkcode sampleHyperparameters}. */
export interface SampleHyperparametersOptions {
  /** The generator. */
  rng: np.Generator;
  /** The range of log10 of the learning rate ([-6, -2], as the book). */
  lrRange?: readonly [number, number];
  /** The range of log10 of the weight decay λ ([-8, -4], as the book). */
  weightDecayRange?: readonly [number, number];
}

/** One trial's hyperparameters. */
export interface Hyperparameters {
  /** The learning rate. */
  lr: number;
  /** The weight decay λ. */
  weightDecay: number;
}

/**
 * Draws a learning rate and a weight decay uniformly on a log scale (§6.5.2–6.5.3): the book's
 * `weight_decay = 10 ** np.random.uniform(-8, -4)` and then `lr = 10 ** np.random.uniform(-6, -2)`.
 *
 * @example
 * ```ts
 * import { sampleHyperparameters } from "./hyperparameter_search.ts";
 * import * as np from "../../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const { lr, weightDecay } = sampleHyperparameters({ rng: np.rng(0) });
 * assert.ok(lr >= 1e-6 && lr < 1e-2 && weightDecay >= 1e-8 && weightDecay < 1e-4);
 * ```
 *
 * @param options `rng`, and the ranges of the exponents.
 * @returns The learning rate and the weight decay.
 */
export function sampleHyperparameters(options: SampleHyperparametersOptions): Hyperparameters {
  const [wdLow, wdHigh] = options.weightDecayRange ?? [-8, -4];
  const [lrLow, lrHigh] = options.lrRange ?? [-6, -2];
  const weightDecay = 10 ** options.rng.uniform([1], { low: wdLow, high: wdHigh }).item();
  const lr = 10 ** options.rng.uniform([1], { low: lrLow, high: lrHigh }).item();
  return { lr, weightDecay };
}
