/**
 * Chapter 03, exercises 6–9: a three-layer network's forward pass (the book's §3.4.3) and
 * MNIST inference with it, one image or a batch at a time (§3.6).
 *
 * A network is the book's dictionary of parameters: `{ W1, b1, W2, b2, W3, b3 }`. Use
 * `np.dot` and `np.add` (`import * as np from "../../lib/np/mod.ts"`) and your own activation
 * functions (`import { sigmoid, softmax, identity } from "./activation.ts"`).
 *
 * @module
 */

import { todo } from "../../lib/kata/todo.ts";
import type * as np from "../../lib/np/mod.ts";
import type { Network } from "../../lib/nets/sample_weight.ts";

export type { Network } from "../../lib/nets/sample_weight.ts";

/**
 * The book's toy network of §3.4.3: two inputs, hidden layers of 3 and 2 neurons, two
 * outputs, with the book's hand-picked weights:
 *
 * ```
 * W1 = [[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]   b1 = [0.1, 0.2, 0.3]
 * W2 = [[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]] b2 = [0.1, 0.2]
 * W3 = [[0.1, 0.3], [0.2, 0.4]]             b3 = [0.1, 0.2]
 * ```
 *
 * @returns `{ W1, b1, W2, b2, W3, b3 }` made with `np.array`.
 */
export function initNetwork(): Network {
  // TODO: return { W1: np.array([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]), b1: …, … }.
  return todo("initNetwork", "03");
}

/**
 * The forward pass of §3.4.3: a1 = x·W1 + b1, z1 = sigmoid(a1), a2 = z1·W2 + b2,
 * z2 = sigmoid(a2), a3 = z2·W3 + b3, and the identity as the output activation.
 *
 * `forward(initNetwork(), np.array([1.0, 0.5]))` is `[0.31682708, 0.69627909]`.
 *
 * @param network The parameters (W1, b1, W2, b2, W3, b3).
 * @param x One input `[inputs]` or a batch `[n, inputs]` (the same code does both).
 * @returns The output, `[outputs]` or `[n, outputs]`.
 */
export function forward(network: Network, x: np.NDArray): np.NDArray {
  // TODO: three layers: np.add(np.dot(…, W), b), then the activation.
  return todo("forward", "03", network, x);
}

/**
 * The MNIST network's prediction (§3.6.2): the same three layers as {@linkcode forward},
 * with a softmax output, so each row is a probability per class.
 *
 * @param network The parameters (for MNIST: W1 `[784, 50]` … W3 `[100, 10]`).
 * @param x One image `[784]` or a batch `[n, 784]`.
 * @returns Class probabilities, `[10]` or `[n, 10]`, each row summing to 1.
 */
export function predict(network: Network, x: np.NDArray): np.NDArray {
  // TODO: like forward, but softmax at the end.
  return todo("predict", "03", network, x);
}

/** Data and batch size of {@linkcode accuracy}. */
export interface AccuracyOptions {
  /** The images, `[n, 784]`. */
  x: np.NDArray;
  /** The labels as class indices, `[n]`. */
  t: np.NDArray;
  /** Images per call of `predict` (100, as in the book's §3.6.3); 1 is the loop of §3.6.2. */
  batchSize?: number;
}

/**
 * The share of images whose most probable class is the label (§3.6.2), predicting
 * `batchSize` images at a time (§3.6.3). The last batch may be smaller than the others.
 *
 * For each batch: the rows i to i + batchSize of x (NumPy's `x[i:i+batch_size]` is
 * `x.slice("0:100")` here, with the numbers in the string), `p = np.argmax(predict(…),
 * { axis: 1 })`, then count where `p` equals the labels (`np.equal`, `np.sum`).
 *
 * @param network The parameters.
 * @param options The images `x`, their labels `t` and the `batchSize` (100 when not given).
 * @returns The fraction of correct predictions, between 0 and 1.
 */
export function accuracy(network: Network, options: AccuracyOptions): number {
  // TODO: loop over batches, count the correct predictions, divide by the number of images.
  return todo("accuracy", "03", network, options);
}
