/**
 * Chapter 4, §4.2: loss functions, the numbers learning tries to make small.
 *
 * Both take the network's output `y` and the labels `t`, for one sample (`[classes]`) or a
 * batch (`[n, classes]`), and return a plain number. `np` is imported for you. Run
 * `deno test chapters/04/loss_test.ts`.
 *
 * @module
 */

import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";

/**
 * The sum of squared errors (§4.2.1, equation 4.1): E = ½ Σₖ (yₖ − tₖ)². For a batch of n
 * samples the workbook takes the mean over the samples, E = (1/n) · ½ Σᵢ Σₖ (yᵢₖ − tᵢₖ)²;
 * a 1-D y is one sample (n = 1).
 *
 * Tested: the book's example, 0.0975 when "2" is most probable and 0.5975 when "7" is; the
 * mean of the two as a batch; 0 for a perfect answer; 0.5 for all zeros against a one-hot t;
 * random batches against the reference; the book's NumPy code on recorded batches.
 *
 * @param y The network's output, one sample `[classes]` or a batch `[n, classes]`.
 * @param t The one-hot labels, of y's shape.
 * @returns The error (averaged over the batch).
 */
export function sumSquaredError(y: np.NDArray, t: np.NDArray): number {
  return todo("sumSquaredError", "04", y, t, np);
}

/**
 * The cross-entropy error (§4.2.2, equation 4.2; the batch version of §4.2.4), averaged over
 * a batch of n samples: E = −(1/n) Σᵢ Σₖ tᵢₖ · ln(yᵢₖ + δ) with δ = 1e-7, which keeps ln 0 =
 * −∞ away. With one-hot labels only the probability of the right class counts, so the labels
 * may also come as class indices, one per sample.
 *
 * Tested: the book's example, 0.510825457099338 (right) and 2.302584092994546 (wrong); index
 * labels for one sample and for a batch; the batch mean; a right class of probability 0
 * (the loss is −ln 1e-7, finite); one-hot and index labels giving the same loss on random
 * batches; random batches against the reference; the book's NumPy code on recorded batches.
 *
 * @param y The network's output (probabilities), `[classes]` or `[n, classes]`.
 * @param t One-hot labels of y's shape, or class indices `[n]` (`[1]` for one sample).
 * @returns The mean cross-entropy over the batch.
 */
export function crossEntropyError(y: np.NDArray, t: np.NDArray): number {
  return todo("crossEntropyError", "04", y, t);
}
