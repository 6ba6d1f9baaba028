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
 * The samples in a random order, each input still beside its label (the book's
 * `shuffle_dataset` of `common/util.py`), the order drawn from `options.rng`.
 *
 * Tested: inputs and labels permuted alike, every sample kept once, the same order for the
 * same seed, one-hot labels.
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
 * Tested: 500 samples split 400 / 100 with no overlap and each label beside its input, a
 * shuffled validation part, and the count rounded down as the book's int().
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
 * Draws a learning rate and a weight decay uniformly on a log scale (§6.5.2–6.5.3, the book's
 * `ch06/hyperparameter_optimization.py`): λ = 10ᵘ with u uniform in [−8, −4) and lr = 10ʷ with
 * w uniform in [−6, −2), by default, drawn from `options.rng` (λ's exponent first, as the book).
 *
 * Tested: 2000 draws stay in range and their exponents are uniform, other ranges, and the same
 * draw for the same seed.
 *
 * @param options `rng`, and the ranges of the exponents.
 * @returns The learning rate and the weight decay.
 */
export function sampleHyperparameters(options: SampleHyperparametersOptions): Hyperparameters {
  return todo("sampleHyperparameters", "06", options);
}
