/**
 * Chapter 03, exercises 1–5: the activation functions of a neural network (the book's §3.2 and
 * §3.5; its `common/functions.py`).
 *
 * Work on whole arrays with `np` (`import * as np from "../../lib/np/mod.ts"`), as the book
 * works with NumPy: `np.exp(x)`, `np.greater(x, 0)`, `np.maximum(0, x)`, `np.div(1, …)`,
 * `np.max(x, { axis: -1, keepdims: true })`. Every function keeps the shape of its input.
 *
 * @module
 */

import { todo } from "../../lib/kata/todo.ts";
import type * as np from "../../lib/np/mod.ts";

/**
 * The step function: 1 where x > 0, else 0 (§3.2.2–3.2.3). At exactly 0 it gives 0.
 *
 * `stepFunction([-1.0, 1.0, 2.0])` is `[0, 1, 1]`.
 *
 * @param x Any array.
 * @returns An array of x's shape holding 0 and 1.
 */
export function stepFunction(x: np.NDArray): np.NDArray {
  // TODO: compare every element with 0 (the book: np.array(x > 0, dtype=int)).
  return todo("stepFunction", "03", x);
}

/**
 * The sigmoid 1 / (1 + exp(-x)) (§3.2.4), element by element.
 *
 * `sigmoid([-1.0, 1.0, 2.0])` is `[0.26894142, 0.73105858, 0.88079708]`.
 *
 * @param x Any array.
 * @returns An array of x's shape with values between 0 and 1.
 */
export function sigmoid(x: np.NDArray): np.NDArray {
  // TODO: the formula with np.exp, np.neg (or np.mul by -1), np.add and np.div.
  return todo("sigmoid", "03", x);
}

/**
 * The ReLU (Rectified Linear Unit) max(0, x) (§3.2.7), element by element.
 *
 * `relu([-2, 0, 3])` is `[0, 0, 3]`.
 *
 * @param x Any array.
 * @returns An array of x's shape.
 */
export function relu(x: np.NDArray): np.NDArray {
  // TODO: one np function does it.
  return todo("relu", "03", x);
}

/**
 * The identity function, the output layer's activation for regression (§3.4.2): it returns its
 * input unchanged.
 *
 * @param x Any array.
 * @returns x itself.
 */
export function identity(x: np.NDArray): np.NDArray {
  // TODO: the shortest function of the book.
  return todo("identity", "03", x);
}

/**
 * The softmax exp(a_k) / Σ_i exp(a_i) along the last axis (§3.5.1), safe for large inputs:
 * subtract the maximum before `exp` so it cannot overflow (§3.5.2). A 2-D input is a batch,
 * one softmax per row (`common/functions.py`).
 *
 * `softmax([0.3, 2.9, 4.0])` is `[0.01821127, 0.24519181, 0.73659691]`, and
 * `softmax([1010, 1000, 990])` is `[9.99954600e-01, 4.53978686e-05, 2.06106005e-09]`, not NaN.
 *
 * @param x A vector or a batch of vectors (any rank; the last axis is normalised).
 * @returns An array of x's shape whose last-axis slices are positive and sum to 1.
 */
export function softmax(x: np.NDArray): np.NDArray {
  // TODO: shift by the max along axis -1 (keepdims), exp, divide by the sum along axis -1.
  return todo("softmax", "03", x);
}
