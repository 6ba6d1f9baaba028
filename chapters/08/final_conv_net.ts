/**
 * Chapter 8: the final network, the one `deno task train` trains by default. Two 5×5
 * convolutions in the manner of LeNet (§7.7.1), built from your chapter 5–7 layers.
 * Run `deno test chapters/08/final_conv_net_test.ts`, then `deno task train --mine`.
 *
 * @module
 */

import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";
import { Affine } from "../../lib/layers/affine.ts";
import { Convolution } from "../../lib/layers/convolution.ts";
import { Dropout } from "../../lib/layers/dropout.ts";
import type { Layer } from "../../lib/layers/layer.ts";
import { Pooling } from "../../lib/layers/pooling.ts";
import { Relu } from "../../lib/layers/relu.ts";
import { SoftmaxWithLoss } from "../../lib/layers/softmax_with_loss.ts";
import {
  accuracyInBatches,
  type AccuracyOptions,
  loadParams,
  type PredictOptions,
  saveParams,
} from "../../lib/nets/network.ts";
import type { FinalConvNetOptions } from "../../lib/nets/final_conv_net.ts";

/**
 * conv5×5 (pad 2) - pool - relu - conv5×5 - pool - relu - affine - relu - affine - softmax
 * (with an optional dropout before the last affine). For MNIST: 28×28 → 28×28×16 → 14×14×16 →
 * 10×10×32 → 5×5×32 = 800 → 100 → 10.
 * Pooling comes before ReLU: the two commute (max of ReLUs = ReLU of the max), and ReLU then
 * works on a quarter of the values.
 */
export class FinalConvNet {
  /** The weights and biases by name: `W1`…`W4`, `b1`…`b4`. */
  params: Record<string, np.NDArray> = {};
  /** The layers in forward order. */
  layers: Layer[] = [];
  /** The output layer: softmax and the loss. */
  lastLayer: SoftmaxWithLoss = new SoftmaxWithLoss();
  /** The generator of the initial weights and the dropout masks: np.rng(seed). */
  rng: np.Generator;

  /**
   * Builds the network: inputDim `[1, 28, 28]`, filterNums `[16, 32]`, hiddenSize 100,
   * outputSize 10, dropoutRatio 0 (no Dropout layer; > 0 adds one), seed 0, dtype "float64".
   *
   * @param options The sizes, `dropoutRatio`, `seed` and `dtype`.
   */
  constructor(options: FinalConvNetOptions = {}) {
    this.rng = np.rng(options.seed ?? 0);
    // TODO: He-initialised weights (scale √(2 / inputs of one neuron)), drawn in this order
    // with this.rng.normal: W1 [f1, C, 5, 5], W2 [f2, f1, 5, 5], W3 [f2·5·5, hidden],
    // W4 [hidden, out]; zero biases. Layers: Convolution(W1, b1, { pad: 2, firstLayer: true }),
    // Pooling(2, 2, { stride: 2 }), Relu, Convolution(W2, b2), Pooling, Relu, Affine(W3, b3),
    // Relu, Dropout(ratio, { rng: this.rng }) when ratio > 0, Affine(W4, b4).
    todo("FinalConvNet", "08", options, Affine, Convolution, Dropout, Pooling, Relu);
  }

  /** The class scores of a batch: every layer's forward in order, passing `{ train }` (false). */
  predict(x: np.NDArray, options: PredictOptions = {}): np.NDArray {
    // TODO: as DeepConvNet.predict.
    return todo("FinalConvNet.predict", "08", x, options);
  }

  /** The loss, in training mode by default (`options.train ?? true`). */
  loss(x: np.NDArray, t: np.NDArray, options: PredictOptions = {}): number {
    // TODO: as DeepConvNet.loss.
    return todo("FinalConvNet.loss", "08", x, t, options);
  }

  /** The fraction of images classified right, 100 at a time, without dropout (given). */
  accuracy(x: np.NDArray, t: np.NDArray, options: AccuracyOptions = {}): number {
    return accuracyInBatches(this, x, t, options);
  }

  /**
   * The gradients by backpropagation: dW and db of the Convolution and Affine layers in order,
   * as `W1`, `b1` … `W4`, `b4`.
   */
  gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
    // TODO: as DeepConvNet.gradient; pick the layers with parameters with instanceof.
    return todo("FinalConvNet.gradient", "08", x, t);
  }

  /** Saves the parameters to a safetensors file (given). */
  saveParams(path: string): string {
    return saveParams(path, this.params, "FinalConvNet");
  }

  /** Loads parameters saved by `saveParams` into this network's arrays (given). */
  loadParams(path: string): void {
    loadParams(path, this.params);
  }
}
