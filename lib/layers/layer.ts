/**
 * What every layer of the workbook looks like (the book's §5.4–5.6): `forward` remembers
 * what `backward` needs, and `backward` turns the gradient of the loss with respect to the
 * output into the gradient with respect to the input, storing parameter gradients on the way.
 *
 * @module
 */

import type { NDArray } from "../np/mod.ts";

/** Options of a forward pass. */
export interface ForwardOptions {
  /** Training mode: Dropout drops and BatchNormalization uses batch statistics (§6.3–6.4). */
  train?: boolean;
}

/** A layer of a network. */
export interface Layer {
  /** Computes the output and keeps what the backward pass needs. */
  forward(x: NDArray, options?: ForwardOptions): NDArray;
  /** Given ∂L/∂out, returns ∂L/∂x (and stores the gradients of any parameters). */
  backward(dout: NDArray): NDArray;
}
