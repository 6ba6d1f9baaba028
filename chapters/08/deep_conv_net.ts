/**
 * Chapter 8, §8.1: DeepConvNet, the book's network for 99% and more, built from your chapter
 * 5–7 layers. Run `deno test chapters/08/deep_conv_net_test.ts`.
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
import type { DeepConvNetOptions } from "../../lib/nets/deep_conv_net.ts";
import type { ConvParam } from "../../lib/nets/simple_conv_net.ts";

/** The book's six convolutions (given). */
export const DEEP_CONV_PARAMS: readonly ConvParam[] = [
  { filterNum: 16, filterSize: 3, pad: 1, stride: 1 },
  { filterNum: 16, filterSize: 3, pad: 1, stride: 1 },
  { filterNum: 32, filterSize: 3, pad: 1, stride: 1 },
  { filterNum: 32, filterSize: 3, pad: 2, stride: 1 },
  { filterNum: 64, filterSize: 3, pad: 1, stride: 1 },
  { filterNum: 64, filterSize: 3, pad: 1, stride: 1 },
];

/**
 * The book's deep network (§8.1.1, Figure 8-1):
 *
 * conv - relu - conv - relu - pool -
 * conv - relu - conv - relu - pool -
 * conv - relu - conv - relu - pool -
 * affine - relu - dropout - affine - dropout - softmax
 *
 * with He initialisation and `params` `W1`…`W8`, `b1`…`b8` shared with the layers.
 */
export class DeepConvNet {
  /** The weights and biases by name: `W1`…`W8`, `b1`…`b8`. */
  params: Record<string, np.NDArray> = {};
  /** The layers in forward order (the book's list). */
  layers: Layer[] = [];
  /** The output layer: softmax and the loss. */
  lastLayer: SoftmaxWithLoss = new SoftmaxWithLoss();
  /** The generator of the initial weights and the dropout masks: np.rng(seed). */
  rng: np.Generator;

  /**
   * Builds the network: inputDim `[1, 28, 28]`, convParams DEEP_CONV_PARAMS, hiddenSize 50,
   * outputSize 10, seed 0, dtype "float64" by default.
   *
   * @param options The sizes, `seed` and `dtype`.
   */
  constructor(options: DeepConvNetOptions = {}) {
    this.rng = np.rng(options.seed ?? 0);
    // TODO (§8.1.1): for each of the six convolutions, W{i} = this.rng.normal(
    // [filterNum, preChannels, size, size], { scale: √(2 / (preChannels·size²)), dtype }) (He,
    // §6.2.2) and b{i} = zeros; push Convolution (firstLayer for the first), Relu, and after
    // every second one a 2×2 Pooling with stride 2. Track the image size (28 → 14 → 16 → 8 → 4)
    // for W7 [64·4·4, 50]; then Affine, Relu, Dropout(0.5, { rng: this.rng }), Affine, Dropout.
    todo("DeepConvNet", "08", options, Affine, Convolution, Dropout, Pooling, Relu);
  }

  /** The class scores of a batch: every layer's forward in order, passing `{ train }` (false). */
  predict(x: np.NDArray, options: PredictOptions = {}): np.NDArray {
    // TODO: as SimpleConvNet.predict, with train = options.train ?? false.
    return todo("DeepConvNet.predict", "08", x, options);
  }

  /** The loss, in training mode by default (`options.train ?? true`), as the book's. */
  loss(x: np.NDArray, t: np.NDArray, options: PredictOptions = {}): number {
    // TODO: the scores of predict(x, { train }) through lastLayer.forward.
    return todo("DeepConvNet.loss", "08", x, t, options);
  }

  /** The fraction of images classified right, 100 at a time, without dropout (given). */
  accuracy(x: np.NDArray, t: np.NDArray, options: AccuracyOptions = {}): number {
    return accuracyInBatches(this, x, t, options);
  }

  /**
   * The gradients by backpropagation: the loss in training mode, lastLayer.backward(1), every
   * layer's backward in reverse order, then dW and db of the layers at the book's indices 0,
   * 2, 5, 7, 10, 12, 15, 18 as `W1`, `b1` … `W8`, `b8`.
   */
  gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
    // TODO: as SimpleConvNet.gradient, with eight layers that have parameters.
    return todo("DeepConvNet.gradient", "08", x, t);
  }

  /** Saves the parameters to a safetensors file (given). */
  saveParams(path: string): string {
    return saveParams(path, this.params, "DeepConvNet");
  }

  /** Loads parameters saved by `saveParams` into this network's arrays (given). */
  loadParams(path: string): void {
    loadParams(path, this.params);
  }
}
