/**
 * The chapter 5 two-layer network, built from layers and trained with backpropagation
 * (the book's §5.7; `ch05/two_layer_net.py`).
 *
 * @module
 */

import { numericalGradient } from "../gradient/numerical.ts";
import { Affine } from "../layers/affine.ts";
import type { Layer } from "../layers/layer.ts";
import { Relu } from "../layers/relu.ts";
import { SoftmaxWithLoss } from "../layers/softmax_with_loss.ts";
import * as np from "../np/mod.ts";
import { NET_MESSAGES } from "./messages.ts";
import type { TwoLayerNetOptions } from "./types.ts";
export type { TwoLayerNetOptions } from "./types.ts";

/**
 * A two-layer network Affine1 → Relu1 → Affine2 → SoftmaxWithLoss (§5.7.2). The layers sit
 * in an ordered map, so `predict` runs them in order and `gradient` runs them backwards.
 * `params` holds `W1`, `b1`, `W2`, `b2`, the same arrays the Affine layers use, so an
 * optimizer updating `params` in place updates the layers.
 *
 * @example Backpropagation gives the loss's gradients (§5.7.2)
 * ```ts
 * import { TwoLayerNet } from "./two_layer_net.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const net = new TwoLayerNet({ inputSize: 4, hiddenSize: 3, outputSize: 2 });
 * const x = np.rng(1).random([5, 4]);
 * const t = np.array([0, 1, 0, 0, 1]);
 * assert.ok(Math.abs(net.loss(x, t) - Math.LN2) < 1e-3);
 * const grads = net.gradient(x, t);
 * assert.deepEqual(Object.keys(grads), ["W1", "b1", "W2", "b2"]);
 * assert.deepEqual([...net.layers.keys()], ["Affine1", "Relu1", "Affine2"]);
 * ```
 */
export class TwoLayerNet {
  /** The weights and biases by name: `W1`, `b1`, `W2`, `b2`. */
  params: Record<string, np.NDArray>;
  /** The layers in forward order, by name (the book's `OrderedDict`). */
  layers: Map<string, Layer>;
  /** The output layer: softmax and the loss. */
  lastLayer: SoftmaxWithLoss;

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
    this.layers = new Map<string, Layer>([
      ["Affine1", new Affine(this.params.W1, this.params.b1)],
      ["Relu1", new Relu()],
      ["Affine2", new Affine(this.params.W2, this.params.b2)],
    ]);
    this.lastLayer = new SoftmaxWithLoss();
  }

  /**
   * The class scores of a batch: every layer's forward in order (no softmax: the largest
   * score is the most probable class either way, §5.7.2).
   *
   * @param x Inputs `[n, inputSize]`.
   * @returns Scores `[n, outputSize]`.
   */
  predict(x: np.NDArray): np.NDArray {
    for (const layer of this.layers.values()) x = layer.forward(x);
    return x;
  }

  /**
   * The loss: the scores through the Softmax-with-Loss layer.
   *
   * @param x Inputs `[n, inputSize]`.
   * @param t Labels: one-hot `[n, outputSize]` or class indices `[n]`.
   * @returns The mean cross-entropy error over the batch.
   */
  loss(x: np.NDArray, t: np.NDArray): number {
    return this.lastLayer.forward(this.predict(x), t);
  }

  /**
   * The fraction of samples whose highest score is the label's class.
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
   * The gradients by numerical differentiation, to check backpropagation (§5.7.3).
   *
   * @param x Inputs `[n, inputSize]`.
   * @param t Labels: one-hot or class indices.
   * @returns ∂loss/∂param for `W1`, `b1`, `W2`, `b2`.
   */
  numericalGradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
    const lossW = () => this.loss(x, t);
    const grads: Record<string, np.NDArray> = {};
    for (const key of ["W1", "b1", "W2", "b2"]) {
      grads[key] = numericalGradient(lossW, this.params[key]);
    }
    return grads;
  }

  /**
   * The gradients by backpropagation (§5.7.2): a forward pass for the loss, then each
   * layer's backward in reverse order, then the Affine layers' dW and db.
   *
   * @param x Inputs `[n, inputSize]`.
   * @param t Labels: one-hot or class indices.
   * @returns ∂loss/∂param for `W1`, `b1`, `W2`, `b2`.
   */
  gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
    this.loss(x, t);
    let dout = this.lastLayer.backward(1);
    for (const layer of [...this.layers.values()].reverse()) dout = layer.backward(dout);
    const affine1 = this.layers.get("Affine1") as Affine;
    const affine2 = this.layers.get("Affine2") as Affine;
    return {
      W1: affine1.dW as np.NDArray,
      b1: affine1.db as np.NDArray,
      W2: affine2.dW as np.NDArray,
      b2: affine2.db as np.NDArray,
    };
  }
}
