/**
 * The Softmax-with-Loss layer: softmax and cross-entropy in one (the book's §5.6.3).
 *
 * @module
 */

import { softmax } from "../functions/activation.ts";
import { crossEntropyError } from "../functions/loss.ts";
import * as np from "../np/mod.ts";
import { LAYER_MESSAGES } from "./messages.ts";

/**
 * Softmax followed by the cross-entropy error. Its backward pass is remarkably simple:
 * (y - t) / batchSize for one-hot labels (§5.6.3). Labels may also be class indices.
 *
 * @example
 * ```ts
 * import { SoftmaxWithLoss } from "./softmax_with_loss.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const layer = new SoftmaxWithLoss();
 * const loss = layer.forward(np.array([[0, 0]]), np.array([[1, 0]]));
 * assert.ok(Math.abs(loss - Math.LN2) < 1e-6);
 * assert.deepEqual(layer.backward().toArray(), [[-0.5, 0.5]]);
 * ```
 */
export class SoftmaxWithLoss {
  /** The loss of the last forward pass. */
  loss = NaN;
  /** The softmax output of the last forward pass. */
  y: np.NDArray | null = null;
  /** The labels of the last forward pass (one-hot, or indices). */
  t: np.NDArray | null = null;

  /** Softmax of the scores x, then the mean cross-entropy against the labels t. */
  forward(x: np.NDArray, t: np.NDArray): number {
    this.t = t;
    this.y = softmax(x);
    this.loss = crossEntropyError(this.y, this.t);
    return this.loss;
  }

  /** ∂L/∂x = dout · (y - t) / batchSize. */
  backward(dout = 1): np.NDArray {
    if (this.y === null || this.t === null) {
      throw new Error(LAYER_MESSAGES().backwardBeforeForward("SoftmaxWithLoss"));
    }
    const batchSize = this.y.shape[0];
    if (this.t.size === this.y.size) {
      return np.mul(np.sub(this.y, this.t), dout / batchSize);
    }
    // Index labels: subtract 1 at each sample's true class (common/layers.py).
    const dx = this.y.clone();
    const classes = this.y.shape[1];
    for (let i = 0; i < batchSize; i++) dx.data[i * classes + this.t.data[i]] -= 1;
    return np.mul(dx, dout / batchSize);
  }
}
