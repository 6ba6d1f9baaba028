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
 * The sigmoid as a layer (§5.5.2), element-wise on an array of any shape:
 * y = 1 / (1 + exp(−x)). Equation (5.12) writes its backward pass with the output alone:
 * ∂L/∂x = ∂L/∂y · y(1 − y).
 *
 * Tested: known values, the `out` field after forward, equation (5.12) on hand-sized
 * numbers, and backward against a numerical gradient.
 */
export class Sigmoid implements Layer {
  /** The output y of the last forward pass. */
  out: np.NDArray | null = null;

  /** y for an input x of any shape (the function `sigmoid` of lib is imported for you). */
  forward(x: np.NDArray): np.NDArray {
    return todo("Sigmoid.forward", "05", x, sigmoid);
  }

  /** From ∂L/∂y (the shape of the last x): ∂L/∂x, equation (5.12). */
  backward(dout: np.NDArray): np.NDArray {
    return todo("Sigmoid.backward", "05", dout);
  }
}
