/**
 * The fully connected network of any depth, with weight decay (the book's §6.2 and §6.4.2;
 * `common/multi_layer_net.py`).
 *
 * @module
 */

import { Affine } from "../layers/affine.ts";
import type { Layer } from "../layers/layer.ts";
import { Relu } from "../layers/relu.ts";
import { Sigmoid } from "../layers/sigmoid.ts";
import { SoftmaxWithLoss } from "../layers/softmax_with_loss.ts";
import * as np from "../np/mod.ts";
import { NET_MESSAGES } from "./messages.ts";
import {
  accuracyByBatches,
  checkSizes,
  initParams,
  type MultiLayerNetOptions,
  type NetAccuracyOptions,
  type NetForwardOptions,
} from "./multi_layer_net_common.ts";

export type { MultiLayerNetOptions } from "./multi_layer_net_common.ts";

/**
 * A fully connected network: (Affine → activation) for each hidden layer, then Affine and
 * Softmax-with-Loss (§6.2.4, §6.4.1). With `weightDecayLambda` λ > 0, the loss adds the L2
 * penalty ½λΣ‖W‖² over every weight matrix and each weight's gradient adds λW (§6.4.2).
 *
 * @example
 * ```ts
 * import { MultiLayerNet } from "./multi_layer_net.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const net = new MultiLayerNet({ inputSize: 4, hiddenSizeList: [5, 5], outputSize: 3 });
 * assert.deepEqual([...net.layers.keys()], [
 *   "Affine1", "Activation_function1", "Affine2", "Activation_function2", "Affine3",
 * ]);
 * const x = np.rng(1).random([2, 4]), t = np.array([0, 2]);
 * const grads = net.gradient(x, t);
 * assert.deepEqual(grads.W3.shape, [5, 3]);
 * ```
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
      throw new RangeError(NET_MESSAGES().unknownActivation(activation));
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
   * The loss: the cross-entropy of the scores plus the weight decay ½λΣ‖W‖² (§6.4.2).
   *
   * @param x Inputs `[n, inputSize]`.
   * @param t Labels: one-hot `[n, outputSize]` or class indices `[n]`.
   * @param options `train` (passed to predict).
   * @returns The loss.
   */
  loss(x: np.NDArray, t: np.NDArray, options: NetForwardOptions = {}): number {
    const y = this.predict(x, options);
    let weightDecay = 0;
    for (let idx = 1; idx <= this.hiddenLayerNum + 1; idx++) {
      const W = this.params[`W${idx}`];
      weightDecay += 0.5 * this.weightDecayLambda * np.sum(np.square(W));
    }
    return this.lastLayer.forward(y, t) + weightDecay;
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
   * The gradients by backpropagation: a forward pass for the loss, each layer's backward in
   * reverse order, then each Affine's dW + λW and db (§6.4.2).
   *
   * @param x Inputs `[n, inputSize]`.
   * @param t Labels: one-hot or class indices.
   * @returns ∂loss/∂param for every parameter.
   */
  gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
    this.loss(x, t);
    let dout = this.lastLayer.backward(1);
    for (const layer of [...this.layers.values()].reverse()) dout = layer.backward(dout);
    const grads: Record<string, np.NDArray> = {};
    for (let idx = 1; idx <= this.hiddenLayerNum + 1; idx++) {
      const affine = this.layers.get(`Affine${idx}`) as Affine;
      grads[`W${idx}`] = np.add(affine.dW!, np.mul(affine.W, this.weightDecayLambda));
      grads[`b${idx}`] = affine.db!;
    }
    return grads;
  }
}
