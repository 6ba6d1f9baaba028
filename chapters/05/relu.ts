/**
 * Chapter 5, §5.5.1: the ReLU layer. Run `deno test chapters/05/relu_test.ts`.
 *
 * @module
 */

import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";
import type { Layer } from "../../lib/layers/layer.ts";

/**
 * ReLU: out = max(0, x). Backward passes the gradient where x > 0 and blocks it elsewhere.
 */
export class Relu implements Layer {
  /** 1 where the input of the last forward pass was <= 0. */
  mask: np.NDArray | null = null;

  /** max(0, x), remembering where x <= 0. */
  forward(x: np.NDArray): np.NDArray {
    // TODO: this.mask = np.lessEqual(x, 0) (1 where x <= 0, else 0); the output is 0 where the
    // mask is 1 and x elsewhere: np.where(this.mask, 0, x) (§5.5.1).
    return todo("Relu.forward", "05", x, np);
  }

  /** dout where the input was positive, 0 elsewhere. */
  backward(dout: np.NDArray): np.NDArray {
    // TODO: the same np.where with dout in place of x.
    return todo("Relu.backward", "05", dout);
  }
}
