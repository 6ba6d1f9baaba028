/**
 * Chapter 5, §5.6.3: the Softmax-with-Loss layer. Run
 * `deno test chapters/05/softmax_with_loss_test.ts`.
 *
 * @module
 */

import { softmax } from "../../lib/functions/activation.ts";
import { crossEntropyError } from "../../lib/functions/loss.ts";
import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";

/**
 * Softmax followed by the cross-entropy error. Its backward pass is remarkably simple:
 * (y - t) / batchSize for one-hot labels (§5.6.3). Labels may also be class indices.
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
    // TODO: remember t, this.y = softmax(x), this.loss = crossEntropyError(this.y, t); return it.
    return todo("SoftmaxWithLoss.forward", "05", x, t, softmax, crossEntropyError);
  }

  /** ∂L/∂x = dout · (y - t) / batchSize. */
  backward(dout = 1): np.NDArray {
    // TODO: one-hot labels (t.size === y.size): (y − t) · dout / batchSize. Index labels: a copy
    // of y with 1 subtracted at each row's label, times dout / batchSize.
    return todo("SoftmaxWithLoss.backward", "05", dout, np);
  }
}
