/**
 * Chapter 5, §5.6.1–5.6.2: the Affine (fully connected) layer. Run
 * `deno test chapters/05/affine_test.ts`.
 *
 * @module
 */

import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";
import type { Layer } from "../../lib/layers/layer.ts";

/**
 * The Affine (fully connected) layer, §5.6.1–5.6.2: out = x · W + b.
 *
 * A batch of any shape `[N, …]` (images `[N, C, H, W]` too) is N rows of inputs, as the
 * tensor version in the book's `common/layers.py`. `backward` gives ∂L/∂x back in the shape x
 * came in, and keeps ∂L/∂W and ∂L/∂b (the shapes of W and b) in `dW` and `db` for the
 * optimizer. Equation (5.13): ∂L/∂X = ∂L/∂Y · Wᵀ and ∂L/∂W = Xᵀ · ∂L/∂Y.
 *
 * Tested: the book's batch example and dB = [5, 7, 9] (§5.6.2), every gradient against a
 * numerical one, 4-D input, and that forward reads the network's own W and b arrays.
 */
export class Affine implements Layer {
  /** The weights, `[inputs, outputs]`. */
  W: np.NDArray;
  /** The bias, `[outputs]`. */
  b: np.NDArray;
  /** The input of the last forward pass, as rows: `[N, inputs]`. */
  x: np.NDArray | null = null;
  /** The shape of the last input. */
  originalShape: readonly number[] = [];
  /** ∂L/∂W after backward, `[inputs, outputs]`. */
  dW: np.NDArray | null = null;
  /** ∂L/∂b after backward, `[outputs]`. */
  db: np.NDArray | null = null;

  /** Wraps existing parameters (the network owns them and the optimizer updates them). */
  constructor(W: np.NDArray, b: np.NDArray) {
    if (W.ndim !== 2 || b.ndim !== 1 || b.shape[0] !== W.shape[1]) {
      throw new TypeError(
        `Affine needs W of shape [inputs, outputs] and b of shape [outputs], got ` +
          `[${W.shape}] and [${b.shape}]`,
      );
    }
    this.W = W;
    this.b = b;
  }

  /** out for a batch x `[N, …]` (N times `inputs` numbers): shape `[N, outputs]`. */
  forward(x: np.NDArray): np.NDArray {
    return todo("Affine.forward", "05", x, np);
  }

  /** From ∂L/∂out `[N, outputs]`: keeps dW and db, returns dx (eq. 5.13) in x's shape. */
  backward(dout: np.NDArray): np.NDArray {
    return todo("Affine.backward", "05", dout);
  }
}
