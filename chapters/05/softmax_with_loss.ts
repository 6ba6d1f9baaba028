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
 * Softmax followed by the cross-entropy error, as one layer (§5.6.3, appendix A). The
 * functions `softmax` and `crossEntropyError` of lib are imported for you.
 *
 * For a batch of N samples with softmax output y and one-hot labels t, the book's result is
 * ∂L/∂x = (y − t) / N. Labels may also be class indices `[N]`; both kinds give the same loss
 * and the same gradient.
 *
 * Tested: the book's (0.3, 0.2, 0.5) example, the fields `loss` and `y`, the batch
 * division, index labels, `dout`, and backward against a numerical gradient.
 */
export class SoftmaxWithLoss {
  /** The loss of the last forward pass. */
  loss = NaN;
  /** The softmax output y of the last forward pass, `[N, classes]`. */
  y: np.NDArray | null = null;
  /** The labels of the last forward pass (one-hot `[N, classes]`, or indices `[N]`). */
  t: np.NDArray | null = null;

  /** The mean cross-entropy error of softmax(x) (x: scores `[N, classes]`) against t. */
  forward(x: np.NDArray, t: np.NDArray): number {
    return todo("SoftmaxWithLoss.forward", "05", x, t, softmax, crossEntropyError);
  }

  /** ∂(dout · L)/∂x for the last forward pass, `[N, classes]` (dout is 1 in a network). */
  backward(dout = 1): np.NDArray {
    return todo("SoftmaxWithLoss.backward", "05", dout, np);
  }
}
