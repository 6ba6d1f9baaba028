/**
 * The ReLU layer (the book's §5.5.1; `common/layers.py`).
 *
 * @module
 */

import * as np from "../np/mod.ts";
import type { Layer } from "./layer.ts";
import { LAYER_MESSAGES } from "./messages.ts";

/**
 * ReLU: out = max(0, x). Backward passes the gradient where x > 0 and blocks it elsewhere.
 *
 * @example
 * ```ts
 * import { Relu } from "./relu.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const relu = new Relu();
 * assert.deepEqual(relu.forward(np.array([[1, -0.5], [-2, 3]])).toArray(), [[1, 0], [0, 3]]);
 * assert.deepEqual(relu.backward(np.ones([2, 2])).toArray(), [[1, 0], [0, 1]]);
 * ```
 */
export class Relu implements Layer {
  /** 1 where the input of the last forward pass was <= 0. */
  mask: np.NDArray | null = null;

  /** max(0, x), remembering where x <= 0. */
  forward(x: np.NDArray): np.NDArray {
    // The book: self.mask = (x <= 0); out = x.copy(); out[self.mask] = 0
    this.mask = np.lessEqual(x, 0);
    return np.where(this.mask, 0, x);
  }

  /** dout where the input was positive, 0 elsewhere. */
  backward(dout: np.NDArray): np.NDArray {
    if (this.mask === null) throw new Error(LAYER_MESSAGES().backwardBeforeForward("Relu"));
    if (dout.size !== this.mask.size) {
      throw new TypeError(
        LAYER_MESSAGES().reluDout(this.mask.shape.join(", "), dout.shape.join(", ")),
      );
    }
    // The book: dout[self.mask] = 0 (here without changing the caller's dout).
    return np.where(this.mask, 0, dout);
  }
}
