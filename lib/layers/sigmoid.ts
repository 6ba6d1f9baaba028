/**
 * The Sigmoid layer (the book's §5.5.2; `common/layers.py`).
 *
 * @module
 */

import { sigmoid } from "../functions/activation.ts";
import * as np from "../np/mod.ts";
import type { Layer } from "./layer.ts";
import { LAYER_MESSAGES } from "./messages.ts";

/**
 * Sigmoid: out = 1 / (1 + exp(-x)). Backward uses only the output: dx = dout · out · (1 - out).
 *
 * @example
 * ```ts
 * import { Sigmoid } from "./sigmoid.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const layer = new Sigmoid();
 * assert.deepEqual(layer.forward(np.array([0])).toArray(), [0.5]);
 * assert.deepEqual(layer.backward(np.array([1])).toArray(), [0.25]);
 * ```
 */
export class Sigmoid implements Layer {
  /** The output of the last forward pass. */
  out: np.NDArray | null = null;

  /** The sigmoid of x, remembered for backward. */
  forward(x: np.NDArray): np.NDArray {
    this.out = sigmoid(x);
    return this.out;
  }

  /** dout · out · (1 - out). */
  backward(dout: np.NDArray): np.NDArray {
    if (this.out === null) throw new Error(LAYER_MESSAGES().backwardBeforeForward("Sigmoid"));
    return np.mul(np.mul(dout, np.sub(1, this.out)), this.out);
  }
}
