/**
 * Chapter 7, §7.5: SimpleConvNet, the book's first CNN, built from your Convolution and
 * Pooling layers and chapter 5's Relu, Affine and SoftmaxWithLoss.
 * Run `deno test chapters/07/simple_conv_net_test.ts`, then train it with
 * `deno task ch07:train --mine`.
 *
 * @module
 */

import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";
import { Affine } from "../../lib/layers/affine.ts";
import { Convolution } from "../../lib/layers/convolution.ts";
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
import type { SimpleConvNetOptions } from "../../lib/nets/simple_conv_net.ts";

/**
 * conv - relu - pool - affine - relu - affine - softmax (§7.5). `params` holds
 * `W1`, `b1` (the filters), `W2`, `b2`, `W3`, `b3`: the same arrays the layers use.
 */
export class SimpleConvNet {
  /** The weights and biases by name: `W1`, `b1`, `W2`, `b2`, `W3`, `b3`. */
  params: Record<string, np.NDArray> = {};
  /** The layers in forward order, by name (the book's `OrderedDict`). */
  layers: Map<string, Layer> = new Map();
  /** The output layer: softmax and the loss. */
  lastLayer: SoftmaxWithLoss = new SoftmaxWithLoss();

  /**
   * Builds the network with the book's defaults: inputDim `[1, 28, 28]`, convParam
   * `{ filterNum: 30, filterSize: 5, pad: 0, stride: 1 }` (missing keys default), hiddenSize
   * 100, outputSize 10, weightInitStd 0.01, seed 0, dtype "float64".
   *
   * @param options The sizes, `seed` and `dtype`.
   */
  constructor(options: SimpleConvNetOptions = {}) {
    // TODO (§7.5): work out the sizes, e.g. convOutputSize = (28 - 5 + 2·0) / 1 + 1 = 24 and
    // poolOutputSize = filterNum · (24 / 2)² = 4320. Draw the weights with
    // np.rng(seed).normal(shape, { scale: weightInitStd, dtype }), biases np.zeros(…), then
    // the layers: Conv1 (with { stride, pad, firstLayer: true }), Relu1, Pool1 (2×2, stride 2),
    // Affine1, Relu2, Affine2.
    todo("SimpleConvNet", "07", options, np, Affine, Convolution, Pooling, Relu);
  }

  /** The class scores of a batch `[n, C, H, W]`: every layer's forward in order. */
  predict(x: np.NDArray, options: PredictOptions = {}): np.NDArray {
    // TODO: as TwoLayerNet.predict in chapter 5, passing options to every layer.
    return todo("SimpleConvNet.predict", "07", x, options);
  }

  /** The loss: the scores through the Softmax-with-Loss layer. */
  loss(x: np.NDArray, t: np.NDArray, options: PredictOptions = {}): number {
    // TODO: this.lastLayer.forward(this.predict(x, options), t).
    return todo("SimpleConvNet.loss", "07", x, t, options);
  }

  /** The fraction of images classified right, 100 at a time (given). */
  accuracy(x: np.NDArray, t: np.NDArray, options: AccuracyOptions = {}): number {
    return accuracyInBatches(this, x, t, options);
  }

  /**
   * The gradients by backpropagation: the loss (with `{ train: true }`), lastLayer.backward(1),
   * each layer's backward in reverse order, then dW and db of Conv1, Affine1 and Affine2 as
   * `W1`, `b1`, `W2`, `b2`, `W3`, `b3`.
   */
  gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
    // TODO: as TwoLayerNet.gradient in chapter 5, with three layers that have parameters.
    return todo("SimpleConvNet.gradient", "07", x, t);
  }

  /** Saves the parameters to a safetensors file (given). */
  saveParams(path: string): string {
    return saveParams(path, this.params, "SimpleConvNet");
  }

  /** Loads parameters saved by `saveParams` into this network's arrays (given). */
  loadParams(path: string): void {
    loadParams(path, this.params);
  }
}
