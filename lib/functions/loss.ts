/**
 * Loss functions (the book's §4.2; `common/functions.py`).
 *
 * @module
 */

import * as np from "../np/mod.ts";
import { FUNCTION_MESSAGES } from "./messages.ts";

/** The book's delta, added inside the log so that log(0) never happens (§4.2.2). */
const DELTA = 1e-7;

/** Shapes y and t as a batch: a single sample becomes a batch of one (§4.2.4). */
function asBatch(y: np.NDArray, t: np.NDArray): [np.NDArray, np.NDArray] {
  if (y.ndim === 1) return [y.reshape(1, y.size), t.reshape(1, t.size)];
  return [y, t];
}

/**
 * The sum of squared errors 0.5 · Σ (y - t)² (§4.2.1). For a batch, the mean over samples.
 *
 * @example The book's example
 * ```ts
 * import { sumSquaredError } from "./loss.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const t = np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
 * const y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]);
 * assert.ok(Math.abs(sumSquaredError(y, t) - 0.0975) < 1e-12);
 * ```
 *
 * @param y The network's output, one sample `[classes]` or a batch `[n, classes]`.
 * @param t The one-hot labels, of y's shape.
 * @returns The error (averaged over the batch).
 */
export function sumSquaredError(y: np.NDArray, t: np.NDArray): number {
  const [yb, tb] = asBatch(y, t);
  return 0.5 * np.sum(np.square(np.sub(yb, tb))) / yb.shape[0];
}

/**
 * The cross-entropy error -Σ t · log(y + 1e-7), averaged over a batch (§4.2.2–4.2.4).
 * Labels may be one-hot (t has y's shape) or class indices (one per sample).
 *
 * @example The book's two examples
 * ```ts
 * import { crossEntropyError } from "./loss.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const t = np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
 * const y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]);
 * assert.ok(Math.abs(crossEntropyError(y, t) - 0.510825457099338) < 1e-12);
 * assert.ok(Math.abs(crossEntropyError(y, np.array([2])) - 0.510825457099338) < 1e-12);
 * ```
 *
 * @param y The network's output (probabilities), `[classes]` or `[n, classes]`.
 * @param t One-hot labels of y's shape, or class indices `[n]`.
 * @returns The mean cross-entropy over the batch.
 */
export function crossEntropyError(y: np.NDArray, t: np.NDArray): number {
  let [yb, tb] = asBatch(y, t);
  // One-hot labels become indices, so both forms take the same path (§4.2.4).
  if (tb.size === yb.size) tb = np.argmax(tb, { axis: 1 });
  const batchSize = yb.shape[0];
  if (tb.size !== batchSize) {
    throw new TypeError(FUNCTION_MESSAGES().labels(t.shape, y.shape, batchSize));
  }
  const classes = yb.shape[1];
  let total = 0;
  for (let i = 0; i < batchSize; i++) {
    total += Math.log(yb.data[i * classes + tb.data[i]] + DELTA);
  }
  return -total / batchSize;
}
