/**
 * Chapter 7, §7.5: SimpleConvNet, the book's first CNN. It uses the reference layers from
 * lib/ (Convolution, Pooling, Relu, Affine, SoftmaxWithLoss), so its tests need nothing else
 * of yours; `deno task ch07:train --mine` trains it with your own layers wherever you have
 * written them. Run `deno test chapters/07/simple_conv_net_test.ts`.
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
import { accuracyInBatches, loadParams, saveParams } from "../../lib/nets/network.ts";
import type { AccuracyOptions, PredictOptions } from "../../lib/nets/types.ts";
import type { SimpleConvNetOptions } from "../../lib/nets/types.ts";

/**
 * conv - relu - pool - affine - relu - affine - softmax (§7.5, the book's `SimpleConvNet`).
 * `params` holds `W1`, `b1` (the filters), `W2`, `b2`, `W3`, `b3`: the same arrays the
 * layers use, so that an optimizer updating `params` in place trains the layers.
 */
export class SimpleConvNet {
  /** The weights and biases by name: `W1`, `b1`, `W2`, `b2`, `W3`, `b3`. */
  params: Record<string, np.NDArray> = {};
  /** The layers in forward order, by name (the book's `OrderedDict`). */
  layers: Map<string, Layer> = new Map();
  /** The output layer: softmax and the loss. */
  lastLayer: SoftmaxWithLoss = new SoftmaxWithLoss();

  /**
   * Builds the network with the book's defaults: inputDim `[1, 28, 28]` (C, H, W), convParam
   * `{ filterNum: 30, filterSize: 5, pad: 0, stride: 1 }` (missing keys default), hiddenSize
   * 100, outputSize 10, weightInitStd 0.01, seed 0, dtype "float64".
   *
   * The layers, by name in this order: "Conv1" (filterNum filters of filterSize × filterSize,
   * the convParam's stride and pad), "Relu1", "Pool1" (2 × 2 max pooling with stride 2),
   * "Affine1" (hiddenSize outputs), "Relu2", "Affine2" (outputSize outputs). The parameters:
   * W1 `[filterNum, C, filterSize, filterSize]`, W2 `[filterNum·P·P, hiddenSize]` with P the
   * pooled image size, W3 `[hiddenSize, outputSize]`, all drawn from a normal distribution of
   * standard deviation weightInitStd (a generator seeded with `seed`, in the order W1, W2,
   * W3), and zero biases, all of the given dtype.
   *
   * Tested: the book's shapes (W1 `[30, 1, 5, 5]`, W2 `[4320, 100]`, W3 `[100, 10]`), the
   * layers' names, kinds and order, that they hold the arrays of `params`, the pooling
   * window, the weights' standard deviation, other sizes and float32.
   *
   * @param options The sizes, `seed` and `dtype`.
   */
  constructor(options: SimpleConvNetOptions = {}) {
    todo("SimpleConvNet", "07", options, np, Affine, Convolution, Pooling, Relu);
  }

  /**
   * The class scores `[n, outputSize]` (before softmax) of a batch `[n, C, H, W]`. `options`
   * goes to every layer's forward. Tested: the shape, finite values.
   */
  predict(x: np.NDArray, options: PredictOptions = {}): np.NDArray {
    return todo("SimpleConvNet.predict", "07", x, options);
  }

  /**
   * The cross-entropy loss of the batch's scores (softmax with loss, §5.6.3); `t` holds the
   * labels, one-hot or indices. Tested: near log 10 with the book's small initial weights.
   */
  loss(x: np.NDArray, t: np.NDArray, options: PredictOptions = {}): number {
    return todo("SimpleConvNet.loss", "07", x, t, options);
  }

  /** The fraction of images classified right, 100 at a time (given). */
  accuracy(x: np.NDArray, t: np.NDArray, options: AccuracyOptions = {}): number {
    return accuracyInBatches(this, x, t, options);
  }

  /**
   * The gradient of the loss with respect to every parameter, by backpropagation (§5.7.2,
   * §7.5): `W1`, `b1`, `W2`, `b2`, `W3`, `b3`, each of its parameter's shape. Tested: all six
   * against numerical gradients on 6×6 images, and 50 gradient-descent steps that drive a
   * small problem's loss down to a third.
   */
  gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
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
