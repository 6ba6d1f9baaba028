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
 * Affine: out = x · W + b. An input of more than two axes (a batch of images) is flattened
 * to one row per sample, and `backward` returns dx in the input's own shape (§5.6.2 and the
 * tensor version in `common/layers.py`).
 */
export class Affine implements Layer {
  /** The weights, `[inputs, outputs]`. */
  W: np.NDArray;
  /** The bias, `[outputs]`. */
  b: np.NDArray;
  /** The input of the last forward pass, flattened to `[n, inputs]`. */
  x: np.NDArray | null = null;
  /** The shape of the last input, to give dx back in it. */
  originalShape: readonly number[] = [];
  /** ∂L/∂W after backward. */
  dW: np.NDArray | null = null;
  /** ∂L/∂b after backward. */
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

  /** x · W + b for a batch; x of shape `[n, …]` is seen as `[n, inputs]`. */
  forward(x: np.NDArray): np.NDArray {
    // TODO: remember this.originalShape = x.shape and this.x = x.reshape(x.shape[0], -1);
    // return np.add(np.dot(this.x, this.W), this.b) (the bias broadcasts over the rows).
    return todo("Affine.forward", "05", x, np);
  }

  /** dx = dout · Wᵀ (in the input's shape), dW = xᵀ · dout, db = Σ dout over the batch. */
  backward(dout: np.NDArray): np.NDArray {
    // TODO: equation (5.13): dx = dout · Wᵀ, reshaped to this.originalShape;
    // this.dW = xᵀ · dout; this.db = np.sum(dout, { axis: 0 }) (§5.6.2).
    return todo("Affine.backward", "05", dout);
  }
}
