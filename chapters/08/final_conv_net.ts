/**
 * Chapter 8: the final network, the one `deno task train` trains by default: two 5×5
 * convolutions in the manner of LeNet (§7.7.1). It uses the reference layers from lib/
 * (chapters 5–7), so its tests need nothing else of yours; `deno task train --mine` trains it
 * with your own code wherever you have written it. Run
 * `deno test chapters/08/final_conv_net_test.ts`.
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
import type { FinalConvNetOptions } from "../../lib/nets/types.ts";

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
  /** The generator of the initial weights and the dropout masks, seeded with `seed`. */
  rng: np.Generator;

  /**
   * Builds the network: inputDim `[1, 28, 28]` (C, H, W), filterNums `[16, 32]`, hiddenSize
   * 100, outputSize 10, dropoutRatio 0 (no Dropout layer; above 0 adds one), seed 0, dtype
   * "float64".
   *
   * The layers in order: a Convolution of filterNums[0] 5×5 filters with pad 2 and stride 1,
   * Pooling 2 × 2 with stride 2, Relu, a Convolution of filterNums[1] 5×5 filters (no pad),
   * Pooling, Relu, an Affine of hiddenSize outputs, Relu, a Dropout of dropoutRatio drawing
   * its masks from `this.rng` (only when dropoutRatio is above 0), an Affine of outputSize
   * outputs. The weights are He-initialised (§6.2.2): normal with standard deviation √(2 / n),
   * n the number of inputs of one neuron, drawn from `this.rng` in the order W1 … W4; the
   * biases are zero; all of the given dtype.
   *
   * Tested: the layers' kinds and order, pads, strides and pooling windows, the Dropout
   * layer when asked, MNIST's parameter shapes (W2 `[32, 16, 5, 5]`, W3 `[800, 100]`), the
   * standard deviation of W2 and W3, float32, and that the layers hold the arrays of
   * `params`.
   *
   * @param options The sizes, `dropoutRatio`, `seed` and `dtype`.
   */
  constructor(options: FinalConvNetOptions = {}) {
    this.rng = np.rng(options.seed ?? 0);
    todo("FinalConvNet", "08", options, Affine, Convolution, Dropout, Pooling, Relu);
  }

  /**
   * The class scores `[n, outputSize]` of a batch `[n, C, H, W]`. Not in training mode
   * unless `options.train` is true: Dropout drops units only in training. Tested: the shape,
   * the same scores by default and with `{ train: false }`, different ones in training.
   */
  predict(x: np.NDArray, options: PredictOptions = {}): np.NDArray {
    return todo("FinalConvNet.predict", "08", x, options);
  }

  /**
   * The cross-entropy loss of the batch's scores (softmax with loss, §5.6.3), in training
   * mode unless `{ train: false }`, as DeepConvNet's.
   */
  loss(x: np.NDArray, t: np.NDArray, options: PredictOptions = {}): number {
    return todo("FinalConvNet.loss", "08", x, t, options);
  }

  /** The fraction of images classified right, 100 at a time, without dropout (given). */
  accuracy(x: np.NDArray, t: np.NDArray, options: AccuracyOptions = {}): number {
    return accuracyInBatches(this, x, t, options);
  }

  /**
   * The gradient of the loss (in training mode) with respect to every parameter, by
   * backpropagation: `W1`, `b1` … `W4`, `b4`, each of its parameter's shape. Tested: all 8
   * against numerical gradients on a small network with dropout, the masks held fixed.
   */
  gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
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
