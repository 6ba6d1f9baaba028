/**
 * The Affine (fully connected) layer (the book's §5.6; `common/layers.py`).
 *
 * @module
 */

import * as np from "../np/mod.ts";
import type { Layer } from "./layer.ts";
import { LAYER_MESSAGES } from "./messages.ts";

/**
 * Affine: out = x · W + b. An input of more than two axes (a batch of images) is flattened
 * to one row per sample, and `backward` returns dx in the input's own shape (§5.6.2 and the
 * tensor version in `common/layers.py`).
 *
 * @example
 * ```ts
 * import { Affine } from "./affine.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const layer = new Affine(np.array([[1, 2], [3, 4]]), np.array([10, 20]));
 * assert.deepEqual(layer.forward(np.array([[1, 1]])).toArray(), [[14, 26]]);
 * const dx = layer.backward(np.array([[1, 0]]));
 * assert.deepEqual(dx.toArray(), [[1, 3]]);
 * assert.deepEqual(layer.dW?.toArray(), [[1, 0], [1, 0]]);
 * assert.deepEqual(layer.db?.toArray(), [1, 0]);
 * ```
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
      throw new TypeError(LAYER_MESSAGES().affineParams(W.shape, b.shape));
    }
    this.W = W;
    this.b = b;
  }

  /** x · W + b for a batch; x of shape `[n, …]` is seen as `[n, inputs]`. */
  forward(x: np.NDArray): np.NDArray {
    this.originalShape = x.shape;
    this.x = x.reshape(x.shape[0], -1);
    return np.add(np.dot(this.x, this.W), this.b);
  }

  /** dx = dout · Wᵀ (in the input's shape), dW = xᵀ · dout, db = Σ dout over the batch. */
  backward(dout: np.NDArray): np.NDArray {
    if (this.x === null) throw new Error(LAYER_MESSAGES().backwardBeforeForward("Affine"));
    const dx = np.dot(dout, this.W.T);
    this.dW = np.dot(this.x.T, dout);
    this.db = np.sum(dout, { axis: 0 });
    return dx.reshape(this.originalShape);
  }
}
