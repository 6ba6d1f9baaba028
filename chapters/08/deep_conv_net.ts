/**
 * Chapter 8, §8.1: DeepConvNet, the book's network for 99% and more. It uses the reference
 * layers from lib/ (chapters 5–7), so its tests need nothing else of yours;
 * `deno task train --model deep --mine` trains it with your own layers wherever you have
 * written them. Run `deno test chapters/08/deep_conv_net_test.ts`.
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
import { accuracyInBatches, loadParams, saveParams } from "../../lib/nets/network.ts";
import type { AccuracyOptions, PredictOptions } from "../../lib/nets/types.ts";
import type { ConvParam, DeepConvNetOptions } from "../../lib/nets/types.ts";

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
 * The book's deep network (§8.1.1, Figure 8-1, `ch08/deep_convnet.py`):
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
  /** The generator of the initial weights and the dropout masks, seeded with `seed`. */
  rng: np.Generator;

  /**
   * Builds the network: inputDim `[1, 28, 28]` (C, H, W), convParams DEEP_CONV_PARAMS,
   * hiddenSize 50, outputSize 10, seed 0, dtype "float64" by default.
   *
   * The 20 layers of the figure, in order: each convolution has its convParam's filters,
   * stride and pad; each pooling is 2 × 2 with stride 2; the first Affine has hiddenSize
   * outputs, the second outputSize; both Dropout layers drop half the units and draw their
   * masks from `this.rng`. The weights are He-initialised (§6.2.2): normal with standard
   * deviation √(2 / n), n the number of inputs of one neuron (C·3·3 for a 3×3 convolution
   * of C channels), drawn from `this.rng` in the order W1 … W8; the biases are zero; all of
   * the given dtype.
   *
   * Tested: the 20 layers' kinds and order, the convolutions' pads and strides, the poolings'
   * windows, the dropout ratios, the parameter shapes (W1 `[16, 1, 3, 3]` … W7 `[1024, 50]`,
   * W8 `[50, 10]`), the standard deviation of W2, W6 and W7, and that the layers hold the
   * arrays of `params`.
   *
   * @param options The sizes, `seed` and `dtype`.
   */
  constructor(options: DeepConvNetOptions = {}) {
    this.rng = np.rng(options.seed ?? 0);
    todo("DeepConvNet", "08", options, Affine, Convolution, Dropout, Pooling, Relu);
  }

  /**
   * The class scores `[n, outputSize]` of a batch `[n, C, H, W]`. Not in training mode
   * unless `options.train` is true: Dropout drops units only in training. Tested: the shape,
   * the same scores twice by default, different ones in training.
   */
  predict(x: np.NDArray, options: PredictOptions = {}): np.NDArray {
    return todo("DeepConvNet.predict", "08", x, options);
  }

  /**
   * The cross-entropy loss of the batch's scores (softmax with loss, §5.6.3), in training
   * mode unless `{ train: false }` (the book's `train_flg=True`). Tested: training mode by
   * default, repeatable with the generator's state restored.
   */
  loss(x: np.NDArray, t: np.NDArray, options: PredictOptions = {}): number {
    return todo("DeepConvNet.loss", "08", x, t, options);
  }

  /** The fraction of images classified right, 100 at a time, without dropout (given). */
  accuracy(x: np.NDArray, t: np.NDArray, options: AccuracyOptions = {}): number {
    return accuracyInBatches(this, x, t, options);
  }

  /**
   * The gradient of the loss (in training mode) with respect to every parameter, by
   * backpropagation: `W1`, `b1` … `W8`, `b8`, each of its parameter's shape. Tested: all 16
   * against numerical gradients on a small network, the dropout masks held fixed.
   */
  gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
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
