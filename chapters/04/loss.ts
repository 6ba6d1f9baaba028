/**
 * Chapter 4, §4.2: loss functions, the numbers learning tries to make small.
 *
 * Both take the network's output `y` and the labels `t`, for one sample (`[classes]`) or a
 * batch (`[n, classes]`), and return a plain number. Run `deno test chapters/04/loss_test.ts`.
 *
 * @module
 */

import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";

/**
 * The sum of squared errors 0.5 · Σ (y − t)² (§4.2.1). For a batch, the mean over samples
 * (the sum over everything divided by n).
 *
 * @param y The network's output, one sample `[classes]` or a batch `[n, classes]`.
 * @param t The one-hot labels, of y's shape.
 * @returns The error (averaged over the batch).
 */
export function sumSquaredError(y: np.NDArray, t: np.NDArray): number {
  // TODO: 0.5 * np.sum(np.square(np.sub(y, t))), divided by the batch size (1 for a 1-D y).
  return todo("sumSquaredError", "04", y, t, np);
}

/**
 * The cross-entropy error −Σ t · log(y + 1e-7), averaged over a batch (§4.2.2–4.2.4).
 * Labels may be one-hot (t has y's shape) or class indices (one per sample); the tiny
 * 1e-7 keeps log(0) = −∞ away.
 *
 * @param y The network's output (probabilities), `[classes]` or `[n, classes]`.
 * @param t One-hot labels of y's shape, or class indices `[n]` (a single index for one sample).
 * @returns The mean cross-entropy over the batch.
 */
export function crossEntropyError(y: np.NDArray, t: np.NDArray): number {
  // TODO: see a 1-D y as a batch of one (reshape to [1, size]); turn one-hot labels into
  // indices with np.argmax(t, { axis: 1 }); then −Σ log(y[i, t[i]] + 1e-7) / batchSize.
  return todo("crossEntropyError", "04", y, t);
}
