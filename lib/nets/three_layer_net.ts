/**
 * The book's three-layer network, forward only (chapter 3): the toy 2-3-2-2 network of §3.4.3
 * and the MNIST inference of §3.6 (784 → 50 → 100 → 10, sigmoid, softmax), one image at a time
 * or in batches.
 *
 * @example Batched MNIST inference with the shipped weights (§3.6.3)
 * ```ts
 * import { accuracy } from "./three_layer_net.ts";
 * import { loadSampleWeight } from "./sample_weight.ts";
 * import { loadMnist } from "../mnist/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const { xTest, tTest } = loadMnist();
 * const { network } = loadSampleWeight();
 * assert.ok(accuracy(network, { x: xTest, t: tTest, batchSize: 100 }) >= 0.92);
 * ```
 *
 * @module
 */

import { identity, sigmoid, softmax } from "../functions/activation.ts";
import * as np from "../np/mod.ts";
import { NET_MESSAGES } from "./messages.ts";
import type { Network } from "./sample_weight.ts";

export type { Network } from "./sample_weight.ts";

/**
 * The book's toy network of §3.4.3: two inputs, hidden layers of 3 and 2 neurons, two outputs,
 * with the book's hand-picked weights.
 *
 * @example
 * ```ts
 * import { initNetwork } from "./three_layer_net.ts";
 * import assert from "node:assert/strict";
 *
 * const network = initNetwork();
 * assert.deepEqual(network.W1.toArray(), [[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]);
 * assert.deepEqual(network.b3.toArray(), [0.1, 0.2]);
 * ```
 *
 * @returns W1 `[2, 3]`, b1 `[3]`, W2 `[3, 2]`, b2 `[2]`, W3 `[2, 2]`, b3 `[2]` (float64).
 */
export function initNetwork(): Network {
  return {
    W1: np.array([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]),
    b1: np.array([0.1, 0.2, 0.3]),
    W2: np.array([[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]]),
    b2: np.array([0.1, 0.2]),
    W3: np.array([[0.1, 0.3], [0.2, 0.4]]),
    b3: np.array([0.1, 0.2]),
  };
}

/**
 * The forward pass of §3.4.3: two sigmoid layers, then an identity output layer (the book's
 * choice for the toy network, a regression-style output).
 *
 * @example The book's result (§3.4.3)
 * ```ts
 * import { forward, initNetwork } from "./three_layer_net.ts";
 * import * as np from "../np/mod.ts";
 * import { assertAllClose } from "../testing/mod.ts";
 *
 * const y = forward(initNetwork(), np.array([1.0, 0.5]));
 * assertAllClose(y, [0.31682708, 0.69627909], { rtol: 1e-7 });
 * ```
 *
 * @param network The parameters (W1, b1, W2, b2, W3, b3).
 * @param x One input `[inputs]` or a batch `[n, inputs]`.
 * @returns The output, `[outputs]` or `[n, outputs]`.
 */
export function forward(network: Network, x: np.NDArray): np.NDArray {
  const { W1, W2, W3, b1, b2, b3 } = network;
  const a1 = np.add(np.dot(x, W1), b1);
  const z1 = sigmoid(a1);
  const a2 = np.add(np.dot(z1, W2), b2);
  const z2 = sigmoid(a2);
  const a3 = np.add(np.dot(z2, W3), b3);
  return identity(a3);
}

/**
 * The MNIST network's prediction (§3.6.2): the same three layers with a softmax output, so
 * each row is a probability per class.
 *
 * @example
 * ```ts
 * import { predict } from "./three_layer_net.ts";
 * import { loadSampleWeight } from "./sample_weight.ts";
 * import { loadMnist } from "../mnist/mod.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const { xTest } = loadMnist();
 * const y = predict(loadSampleWeight().network, xTest.slice("0:3"));
 * assert.deepEqual(y.shape, [3, 10]);
 * assert.deepEqual(np.argmax(y, { axis: 1 }).toArray(), [7, 2, 1]);
 * ```
 *
 * @param network The parameters.
 * @param x One image `[784]` or a batch `[n, 784]`.
 * @returns Class probabilities, `[10]` or `[n, 10]`, each row summing to 1.
 */
export function predict(network: Network, x: np.NDArray): np.NDArray {
  const { W1, W2, W3, b1, b2, b3 } = network;
  const a1 = np.add(np.dot(x, W1), b1);
  const z1 = sigmoid(a1);
  const a2 = np.add(np.dot(z1, W2), b2);
  const z2 = sigmoid(a2);
  const a3 = np.add(np.dot(z2, W3), b3);
  return softmax(a3);
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
 * The share of images whose most probable class (`argmax`) is the label, predicting
 * `batchSize` images at a time (§3.6.2–3.6.3). The last batch may be smaller.
 *
 * @example
 * ```ts
 * import { accuracy, initNetwork } from "./three_layer_net.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * // The toy network favours class 1 for these inputs.
 * const x = np.array([[1.0, 0.5], [0.0, 0.0], [2.0, 1.0]]);
 * assert.equal(accuracy(initNetwork(), { x, t: np.array([1, 1, 0]), batchSize: 2 }), 2 / 3);
 * ```
 *
 * @param network The parameters.
 * @param options The images `x`, their labels `t` and the `batchSize` (100).
 * @returns The fraction of correct predictions, between 0 and 1.
 * @throws {TypeError} when x and t do not hold the same number of samples.
 * @throws {RangeError} when batchSize is not a positive integer.
 */
export function accuracy(network: Network, options: AccuracyOptions): number {
  const { x, t, batchSize = 100 } = options;
  const n = x.shape[0];
  if (t.ndim !== 1 || t.shape[0] !== n) {
    throw new TypeError(NET_MESSAGES().accuracyLabels(x.shape, t.shape));
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(NET_MESSAGES().batchSize(batchSize));
  }
  let accuracyCnt = 0;
  for (let i = 0; i < n; i += batchSize) {
    const xBatch = x.slice(`${i}:${i + batchSize}`);
    const yBatch = predict(network, xBatch);
    const p = np.argmax(yBatch, { axis: 1 });
    const tBatch = t.slice(`${i}:${i + batchSize}`);
    accuracyCnt += np.sum(np.equal(p, tBatch));
  }
  return accuracyCnt / n;
}
