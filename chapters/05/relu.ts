/**
 * Chapter 5, §5.5.1: the ReLU layer. Run `deno test chapters/05/relu_test.ts`.
 *
 * @module
 */

import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";
import type { Layer } from "../../lib/layers/layer.ts";

/**
 * ReLU as a layer (§5.5.1), element-wise on an array of any shape:
 * y = x where x > 0 and y = 0 where x ≤ 0; equation (5.8): ∂y/∂x = 1 where x > 0, 0 where
 * x ≤ 0 (at exactly 0 too, as the book's mask).
 *
 * Tested: the example of §5.5.1, the `mask` field, exact zeros in x, backward against a
 * numerical gradient, a 4-D input, and that forward leaves its input unchanged.
 */
export class Relu implements Layer {
  /** 1 where the input of the last forward pass was ≤ 0, 0 elsewhere (x's shape). */
  mask: np.NDArray | null = null;

  /** y for an input x of any shape: an array of x's shape (x itself stays unchanged). */
  forward(x: np.NDArray): np.NDArray {
    return todo("Relu.forward", "05", x);
  }

  /** From ∂L/∂y (the shape of the last x): ∂L/∂x. */
  backward(dout: np.NDArray): np.NDArray {
    return todo("Relu.backward", "05", dout);
  }
}
