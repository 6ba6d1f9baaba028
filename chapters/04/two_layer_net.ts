/**
 * Chapter 4, §4.5.1: a two-layer network that learns with numerical gradients.
 *
 * x → x·W1 + b1 → sigmoid → ·W2 + b2 → softmax. The constructor and the fast `gradient`
 * are given (the book explains `gradient` in chapter 5, where you write it with layers);
 * write `predict`, `loss`, `accuracy` and `numericalGradient`. Run
 * `deno test chapters/04/two_layer_net_test.ts`.
 *
 * @module
 */

import { sigmoid, softmax } from "../../lib/functions/activation.ts";
import { crossEntropyError } from "../../lib/functions/loss.ts";
import { numericalGradient } from "../../lib/gradient/numerical.ts";
import { todo } from "../../lib/kata/todo.ts";
import * as np from "../../lib/np/mod.ts";
import type { TwoLayerNetOptions } from "../../lib/nets/two_layer_net_ch04.ts";

export type { TwoLayerNetOptions };

/**
 * A two-layer network x → Affine → sigmoid → Affine → softmax (§4.5.1). `params` holds
 * `W1 [input, hidden]`, `b1 [hidden]`, `W2 [hidden, output]`, `b2 [output]`; training updates
 * them in place.
 */
export class TwoLayerNet {
  /** The weights and biases by name: `W1`, `b1`, `W2`, `b2`. */
  params: Record<string, np.NDArray>;

  /** Draws W1 and W2 from N(0, weightInitStd²) with a seeded generator; biases start at 0. */
  constructor(options: TwoLayerNetOptions) {
    const { inputSize, hiddenSize, outputSize } = options;
    for (const [name, n] of Object.entries({ inputSize, hiddenSize, outputSize })) {
      if (!Number.isInteger(n) || n <= 0) {
        throw new RangeError(`TwoLayerNet needs a positive whole ${name}, got ${n}`);
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
    // TODO: const { W1, b1, W2, b2 } = this.params; two np.dot/np.add steps, sigmoid between,
    // softmax at the end (§3.4.3, §4.5.1).
    return todo("TwoLayerNet.predict", "04", x, sigmoid, softmax);
  }

  /**
   * The cross-entropy error of the predictions (§4.5.1).
   *
   * @param x Inputs `[n, inputSize]`.
   * @param t Labels: one-hot `[n, outputSize]` or class indices `[n]`.
   * @returns The mean loss over the batch.
   */
  loss(x: np.NDArray, t: np.NDArray): number {
    // TODO: crossEntropyError of predict(x) and t.
    return todo("TwoLayerNet.loss", "04", x, t, crossEntropyError);
  }

  /**
   * The fraction of samples whose most probable class is the label.
   *
   * @param x Inputs `[n, inputSize]`.
   * @param t Labels: one-hot `[n, outputSize]` or class indices `[n]`.
   * @returns A number in [0, 1].
   */
  accuracy(x: np.NDArray, t: np.NDArray): number {
    // TODO: argmax of predict(x) along axis 1; labels: t itself if 1-D, else argmax along axis 1;
    // count the equal ones (np.equal, np.sum) and divide by the batch size.
    return todo("TwoLayerNet.accuracy", "04", x, t);
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
    // TODO: const lossW = () => this.loss(x, t); then for each key of W1, b1, W2, b2:
    // grads[key] = numericalGradient(lossW, this.params[key]) (it perturbs the parameter in place).
    return todo("TwoLayerNet.numericalGradient", "04", x, t, numericalGradient);
  }

  /**
   * The same gradients computed analytically, as the book's fast `gradient` (a preview of
   * chapter 5's backpropagation): dy = (y − t) / n, then back through each layer. Given.
   *
   * @param x Inputs `[n, inputSize]`.
   * @param t Labels: one-hot `[n, outputSize]` or class indices `[n]`.
   * @returns ∂loss/∂param for `W1`, `b1`, `W2`, `b2`.
   */
  gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
    const { W1, b1, W2, b2 } = this.params;
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
}

/** One-hot labels as they are; class indices `[n]` turned into one-hot rows like y's. */
function asOneHot(t: np.NDArray, y: np.NDArray): np.NDArray {
  if (t.ndim !== 1) return t;
  const oneHot = np.zerosLike(y);
  const classes = y.shape[1];
  for (let i = 0; i < t.size; i++) oneHot.data[i * classes + t.data[i]] = 1;
  return oneHot;
}
