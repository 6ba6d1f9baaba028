/**
 * Chapter 6, §6.4.2: a fully connected network of any depth with weight decay (the book's
 * `common/multi_layer_net.py`). The constructor, `predict` and `accuracy` are given; write
 * `loss` and `gradient`. The layers are the reference ones from `lib/`, so this exercise does
 * not wait for chapter 05. Run `deno test chapters/06/multi_layer_net_test.ts`.
 *
 * @module
 */

import { Affine } from "../../lib/layers/affine.ts";
import type { Layer } from "../../lib/layers/layer.ts";
import { Relu } from "../../lib/layers/relu.ts";
import { Sigmoid } from "../../lib/layers/sigmoid.ts";
import { SoftmaxWithLoss } from "../../lib/layers/softmax_with_loss.ts";
import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";
import {
  accuracyByBatches,
  checkSizes,
  initParams,
} from "../../lib/nets/multi_layer_net_common.ts";
import type {
  MultiLayerNetOptions,
  NetAccuracyOptions,
  NetForwardOptions,
} from "../../lib/nets/types.ts";

export type { MultiLayerNetOptions } from "../../lib/nets/types.ts";

/**
 * A fully connected network: (Affine → activation) for each hidden layer, then Affine and
 * Softmax-with-Loss (§6.2.4, §6.4.1). With `weightDecayLambda` λ > 0, the loss adds the L2
 * penalty ½λ‖W‖² of every weight matrix W1 … W(hiddenLayerNum + 1), ‖W‖² being the sum of W's
 * squared entries; biases carry no penalty (§6.4.2).
 */
export class MultiLayerNet {
  /** Inputs per sample. */
  inputSize: number;
  /** Classes. */
  outputSize: number;
  /** The neurons of each hidden layer. */
  hiddenSizeList: number[];
  /** The number of hidden layers. */
  hiddenLayerNum: number;
  /** λ of the L2 weight decay. */
  weightDecayLambda: number;
  /** The weights and biases by name: `W1`, `b1`, …, shared with the Affine layers. */
  params: Record<string, np.NDArray>;
  /** The layers in forward order, by name (the book's `OrderedDict`). */
  layers: Map<string, Layer>;
  /** The output layer: softmax and the loss. */
  lastLayer: SoftmaxWithLoss;

  /** Builds the layers on weights drawn as {@linkcode initParams}. */
  constructor(options: MultiLayerNetOptions) {
    checkSizes("MultiLayerNet", options);
    this.inputSize = options.inputSize;
    this.outputSize = options.outputSize;
    this.hiddenSizeList = [...options.hiddenSizeList];
    this.hiddenLayerNum = this.hiddenSizeList.length;
    this.weightDecayLambda = options.weightDecayLambda ?? 0;
    this.params = initParams([this.inputSize, ...this.hiddenSizeList, this.outputSize], options);
    const activation = options.activation ?? "relu";
    const activationLayer = { sigmoid: Sigmoid, relu: Relu }[activation];
    if (activationLayer === undefined) {
      throw new RangeError(`Unknown activation "${activation}": use "relu" or "sigmoid"`);
    }
    this.layers = new Map<string, Layer>();
    for (let idx = 1; idx <= this.hiddenLayerNum; idx++) {
      this.layers.set(`Affine${idx}`, new Affine(this.params[`W${idx}`], this.params[`b${idx}`]));
      this.layers.set(`Activation_function${idx}`, new activationLayer());
    }
    const idx = this.hiddenLayerNum + 1;
    this.layers.set(`Affine${idx}`, new Affine(this.params[`W${idx}`], this.params[`b${idx}`]));
    this.lastLayer = new SoftmaxWithLoss();
  }

  /**
   * The class scores of a batch: every layer's forward in order.
   *
   * @param x Inputs `[n, inputSize]`.
   * @param options `train` (ignored: this network has no Dropout or BatchNormalization).
   * @returns Scores `[n, outputSize]`.
   */
  predict(x: np.NDArray, options: NetForwardOptions = {}): np.NDArray {
    for (const layer of this.layers.values()) x = layer.forward(x, options);
    return x;
  }

  /**
   * The loss: the cross-entropy error of the scores, as the network's last layer computes it,
   * plus the weight decay Σ ½λ‖W‖² over the weight matrices (§6.4.2).
   *
   * Tested: against the cross-entropy of softmax(predict(x)) computed apart, without and with
   * weight decay.
   *
   * @param x Inputs `[n, inputSize]`.
   * @param t Labels: one-hot `[n, outputSize]` or class indices `[n]`.
   * @param options `train` (passed to predict).
   * @returns The loss.
   */
  loss(x: np.NDArray, t: np.NDArray, options: NetForwardOptions = {}): number {
    return todo("MultiLayerNet.loss", "06", x, t, options);
  }

  /**
   * The fraction of samples whose highest score is the label's class (test mode).
   *
   * @param x Inputs `[n, inputSize]`.
   * @param t Labels: one-hot or class indices.
   * @param options `batchSize`: samples per forward pass (all by default).
   * @returns A number in [0, 1].
   */
  accuracy(x: np.NDArray, t: np.NDArray, options: NetAccuracyOptions = {}): number {
    return accuracyByBatches(this, x, t, options);
  }

  /**
   * The gradients of `loss` by backpropagation through the layers (§5.7, §6.4.2). The weight
   * decay adds ∂(½λ‖W‖²)/∂W = λW to each weight's gradient.
   *
   * Tested: every parameter against a numerical gradient (ReLU with He weights, sigmoid with
   * Xavier weights and one-hot labels), λW added to the weights only, and SGD steps with it
   * lowering the loss.
   *
   * @param x Inputs `[n, inputSize]`.
   * @param t Labels: one-hot or class indices.
   * @returns ∂loss/∂param for every parameter, by the same names and of the same shapes.
   */
  gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
    return todo("MultiLayerNet.gradient", "06", x, t);
  }
}
