/**
 * The chapter 4 two-layer network: sigmoid hidden layer, softmax output, gradients by
 * numerical differentiation (the book's §4.5.1; `ch04/two_layer_net.py`).
 *
 * @module
 */

import { sigmoid, softmax } from "../functions/activation.ts";
import { crossEntropyError } from "../functions/loss.ts";
import { numericalGradient } from "../gradient/numerical.ts";
import * as np from "../np/mod.ts";
import { NET_MESSAGES } from "./messages.ts";
import { twoLayerNetGradient } from "./two_layer_net_ch04_gradient.ts";

import type { TwoLayerNetOptions } from "./types.ts";

export type { TwoLayerNetOptions };

/**
 * A two-layer network x → Affine → sigmoid → Affine → softmax (§4.5.1). `params` holds
 * `W1 [input, hidden]`, `b1 [hidden]`, `W2 [hidden, output]`, `b2 [output]`; training updates
 * them in place.
 *
 * @example A forward pass, the loss and the gradients (§4.5.1)
 * ```ts
 * import { TwoLayerNet } from "./two_layer_net_ch04.ts";
 * import * as np from "../np/mod.ts";
import { twoLayerNetGradient } from "./two_layer_net_ch04_gradient.ts";
 * import assert from "node:assert/strict";
 *
 * const net = new TwoLayerNet({ inputSize: 4, hiddenSize: 3, outputSize: 2 });
 * const x = np.rng(1).random([5, 4]);
 * const t = np.array([[1, 0], [0, 1], [1, 0], [1, 0], [0, 1]]);
 * assert.deepEqual(net.predict(x).shape, [5, 2]);
 * assert.ok(Math.abs(net.loss(x, t) - Math.LN2) < 1e-3);
 * const grads = net.gradient(x, t);
 * assert.deepEqual(grads.W1.shape, [4, 3]);
 * ```
 */
export class TwoLayerNet {
  /** The weights and biases by name: `W1`, `b1`, `W2`, `b2`. */
  params: Record<string, np.NDArray>;

  /** Draws W1 and W2 from N(0, weightInitStd²) with a seeded generator; biases start at 0. */
  constructor(options: TwoLayerNetOptions) {
    const { inputSize, hiddenSize, outputSize } = options;
    for (const [name, n] of Object.entries({ inputSize, hiddenSize, outputSize })) {
      if (!Number.isInteger(n) || n <= 0) {
        throw new RangeError(NET_MESSAGES().positiveSize("TwoLayerNet", name, n));
      }
    }
    const scale = options.weightInitStd ?? 0.01, dtype = options.dtype ?? "float64";
    const rng = np.rng(options.seed ?? 0);
    this.params = {
      W1: rng.normal([inputSize, hiddenSize], { scale, dtype }),
      b1: np.zeros([hiddenSize], { dtype }),
      W2: rng.normal([hiddenSize, outputSize], { scale, dtype }),
      b2: np.zeros([outputSize], { dtype }),
    };
  }

  /**
   * The class probabilities of a batch: softmax(sigmoid(x·W1 + b1)·W2 + b2).
   *
   * @param x Inputs `[n, inputSize]`.
   * @returns Probabilities `[n, outputSize]`, each row summing to 1.
   */
  predict(x: np.NDArray): np.NDArray {
    const { W1, b1, W2, b2 } = this.params;
    const z1 = sigmoid(np.add(np.dot(x, W1), b1));
    return softmax(np.add(np.dot(z1, W2), b2));
  }

  /**
   * The cross-entropy error of the predictions (§4.5.1).
   *
   * @param x Inputs `[n, inputSize]`.
   * @param t Labels: one-hot `[n, outputSize]` or class indices `[n]`.
   * @returns The mean loss over the batch.
   */
  loss(x: np.NDArray, t: np.NDArray): number {
    return crossEntropyError(this.predict(x), t);
  }

  /**
   * The fraction of samples whose most probable class is the label.
   *
   * @param x Inputs `[n, inputSize]`.
   * @param t Labels: one-hot `[n, outputSize]` or class indices `[n]`.
   * @returns A number in [0, 1].
   */
  accuracy(x: np.NDArray, t: np.NDArray): number {
    const y = np.argmax(this.predict(x), { axis: 1 });
    const labels = t.ndim === 1 ? t : np.argmax(t, { axis: 1 });
    return np.sum(np.equal(y, labels)) / x.shape[0];
  }

  /**
   * The gradients of the loss by numerical differentiation of every parameter (§4.5.1):
   * slow (two forward passes per weight) but obviously right.
   *
   * @param x Inputs `[n, inputSize]`.
   * @param t Labels: one-hot or class indices.
   * @returns ∂loss/∂param for `W1`, `b1`, `W2`, `b2`, each of its parameter's shape.
   */
  numericalGradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
    // The parameters are perturbed in place, so the loss needs no argument (§4.5.1).
    const lossW = () => this.loss(x, t);
    const grads: Record<string, np.NDArray> = {};
    for (const key of ["W1", "b1", "W2", "b2"]) {
      grads[key] = numericalGradient(lossW, this.params[key]);
    }
    return grads;
  }

  /**
   * The same gradients computed analytically, as the book's fast `gradient` (a preview of
   * chapter 5's backpropagation, where the learner writes it from layers): given, from
   * `two_layer_net_ch04_gradient.ts`.
   *
   * @param x Inputs `[n, inputSize]`.
   * @param t Labels: one-hot `[n, outputSize]` or class indices `[n]`.
   * @returns ∂loss/∂param for `W1`, `b1`, `W2`, `b2`.
   */
  gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
    return twoLayerNetGradient(this.params, { x, t });
  }
}
