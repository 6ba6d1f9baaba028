/**
 * The analytic gradient of the chapter 4 two-layer network (the book's `gradient` in
 * `ch04/two_layer_net.py`, §4.5.1), apart from the network itself.
 *
 * The book shows this method in chapter 4 but explains it only in chapter 5, where the learner
 * builds it from the Affine, Sigmoid and Softmax-with-Loss layers. It lives in its own module
 * so that chapter 4's stub can delegate to it in one line without spelling out chapter 5's
 * backward passes.
 *
 * @module
 */

import { sigmoid, softmax } from "../functions/activation.ts";
import * as np from "../np/mod.ts";

/** A batch of inputs and their labels for {@linkcode twoLayerNetGradient}. */
export interface LabelledBatch {
  /** Inputs `[n, inputSize]`. */
  x: np.NDArray;
  /** Labels: one-hot `[n, outputSize]` or class indices `[n]`. */
  t: np.NDArray;
}

/**
 * The gradients of the mean cross-entropy loss of x → Affine → sigmoid → Affine → softmax
 * with respect to its parameters, by backpropagation (previewed in §4.5.1, explained in
 * §5.5–5.6): dy = (y − t) / n, then back through each layer.
 *
 * @example
 * ```ts
 * import { twoLayerNetGradient } from "./two_layer_net_ch04_gradient.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const params = {
 *   W1: np.rng(0).normal([4, 3]), b1: np.zeros([3]),
 *   W2: np.rng(1).normal([3, 2]), b2: np.zeros([2]),
 * };
 * const grads = twoLayerNetGradient(params, { x: np.ones([5, 4]), t: np.array([0, 1, 0, 0, 1]) });
 * assert.deepEqual(grads.W1.shape, [4, 3]);
 * assert.deepEqual(grads.b2.shape, [2]);
 * ```
 *
 * @param params `W1 [input, hidden]`, `b1 [hidden]`, `W2 [hidden, output]`, `b2 [output]`.
 * @param batch The inputs `x` and labels `t` (one-hot or class indices).
 * @returns ∂loss/∂param for `W1`, `b1`, `W2`, `b2`, each of its parameter's shape and dtype.
 */
export function twoLayerNetGradient(
  params: Record<string, np.NDArray>,
  batch: LabelledBatch,
): Record<string, np.NDArray> {
  const { W1, b1, W2, b2 } = params;
  const { x, t } = batch;
  const batchNum = x.shape[0];
  const z1 = sigmoid(np.add(np.dot(x, W1), b1));
  const y = softmax(np.add(np.dot(z1, W2), b2));
  // Softmax with cross-entropy has the gradient (y − t) / n (§5.6.3).
  const dy = np.div(np.sub(y, asOneHot(t, y)), batchNum);
  const da1 = np.dot(dy, W2.T);
  // The sigmoid's derivative is z · (1 − z), from its output alone (§5.5.2).
  const dz1 = np.mul(da1, np.mul(z1, np.sub(1, z1)));
  return {
    W1: np.dot(x.T, dz1),
    b1: np.sum(dz1, { axis: 0 }),
    W2: np.dot(z1.T, dy),
    b2: np.sum(dy, { axis: 0 }),
  };
}

/** One-hot labels as they are; class indices `[n]` turned into one-hot rows like y's. */
function asOneHot(t: np.NDArray, y: np.NDArray): np.NDArray {
  if (t.ndim !== 1) return t;
  const oneHot = np.zerosLike(y);
  const classes = y.shape[1];
  for (let i = 0; i < t.size; i++) oneHot.data[i * classes + t.data[i]] = 1;
  return oneHot;
}
