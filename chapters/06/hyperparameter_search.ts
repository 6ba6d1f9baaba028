/**
 * Chapter 6, §6.5: validation data and random hyperparameter search. Run
 * `deno test chapters/06/hyperparameter_search_test.ts`, then
 * `deno task ch06:hyperparameters --mine` to search with your code.
 *
 * @module
 */

import * as np from "../../lib/np/mod.ts";
import { showShape } from "../../lib/np/ndarray.ts";
import { todo } from "../../lib/kata/todo.ts";

/** Options of {@linkcode shuffleDataset}. */
export interface ShuffleOptions {
  /** The generator of the permutation. */
  rng: np.Generator;
}

/**
 * The samples in a random order, each input still beside its label (`shuffle_dataset`).
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
  // TODO: one permutation = options.rng.permutation(n), applied to x and t with np.take
  // along axis 0, so each input stays beside its label (common/util.py shuffle_dataset).
  return todo("shuffleDataset", "06", x, t, options, np, showShape);
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
  // TODO: shuffle, then validationNum = floor(n · validationRate) (0.2 by default): the first
  // validationNum samples are the validation data, the rest the training data (§6.5.1).
  return todo("splitValidation", "06", x, t, options);
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
 * @param options `rng`, and the ranges of the exponents.
 * @returns The learning rate and the weight decay.
 */
export function sampleHyperparameters(options: SampleHyperparametersOptions): Hyperparameters {
  // TODO: weightDecay = 10 ** uniform(-8, -4), then lr = 10 ** uniform(-6, -2), drawn with
  // options.rng.uniform in that order (§6.5.3).
  return todo("sampleHyperparameters", "06", options);
}
