/**
 * Chapter 5, §5.5.2: the Sigmoid layer. Run `deno test chapters/05/sigmoid_test.ts`.
 *
 * @module
 */

import { sigmoid } from "../../lib/functions/activation.ts";
import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";
import type { Layer } from "../../lib/layers/layer.ts";

/**
 * Sigmoid: out = 1 / (1 + exp(-x)). Backward uses only the output: dx = dout · out · (1 - out).
 */
export class Sigmoid implements Layer {
  /** The output of the last forward pass. */
  out: np.NDArray | null = null;

  /** The sigmoid of x, remembered for backward. */
  forward(x: np.NDArray): np.NDArray {
    // TODO: this.out = sigmoid(x); return it.
    return todo("Sigmoid.forward", "05", x, sigmoid);
  }

  /** dout · out · (1 - out). */
  backward(dout: np.NDArray): np.NDArray {
    // TODO: equation (5.12): dout · y · (1 − y) with y = this.out (np.mul, np.sub).
    return todo("Sigmoid.backward", "05", dout, np);
  }
}
