/**
 * The engine's ReLU layer: the answer key's `lib/layers/relu.ts` (§5.5.1) in one branch-free
 * pass per direction (`lib/np/kernels/relu.ts`), which writes the output and the mask together.
 * Same values as `np.where(np.lessEqual(x, 0), 0, x)`, -0, NaN and -∞ included (tested in
 * `engine_test.ts`).
 *
 * @module
 */

import * as np from "../np/mod.ts";
import { reluBackwardKernel, reluForwardKernel } from "../np/kernels/relu.ts";
import type { Layer } from "../layers/layer.ts";
import { reuse } from "./reuse.ts";

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
  #out: np.NDArray | null = null;
  #dx: np.NDArray | null = null;

  /**
   * max(0, x), remembering where x <= 0. The returned array is reused by the next forward
   * pass (see `reuse.ts`).
   */
  forward(x: np.NDArray): np.NDArray {
    // The answer key's np.where(np.lessEqual(x, 0), 0, x), in one pass that writes both arrays.
    this.#out = reuse(this.#out, x.shape, x.dtype);
    this.mask = reuse(this.mask, x.shape, x.dtype);
    reluForwardKernel(x.data, this.#out.data, this.mask.data);
    return this.#out;
  }

  /** dout where the input was positive, 0 elsewhere (reused by the next backward pass). */
  backward(dout: np.NDArray): np.NDArray {
    if (this.mask === null) throw new Error("Relu.backward called before forward");
    if (dout.size !== this.mask.size) {
      throw new TypeError(
        `Relu.backward needs dout of the forward output's shape [${this.mask.shape.join(", ")}], ` +
          `got [${dout.shape.join(", ")}]`,
      );
    }
    // The book: dout[mask] = 0. Here np.where(mask, 0, dout), leaving dout as it was.
    this.#dx = reuse(this.#dx, dout.shape, dout.dtype);
    reluBackwardKernel(this.mask.data, dout.data, this.#dx.data);
    return this.#dx;
  }
}
