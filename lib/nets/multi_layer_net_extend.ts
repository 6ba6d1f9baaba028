/**
 * The fully connected network with weight decay, Dropout and Batch Normalization (the book's
 * §6.3–6.4; `common/multi_layer_net_extend.py`).
 *
 * @module
 */

import { Affine } from "../layers/affine.ts";
import { BatchNormalization } from "../layers/batch_normalization.ts";
import { Dropout } from "../layers/dropout.ts";
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
  type MultiLayerNetExtendOptions,
  type NetAccuracyOptions,
  type NetForwardOptions,
} from "./multi_layer_net_common.ts";

export type { MultiLayerNetExtendOptions } from "./multi_layer_net_common.ts";

/**
 * A fully connected network with optional Batch Normalization and Dropout: for each hidden
 * layer Affine → [BatchNorm] → activation → [Dropout], then Affine and Softmax-with-Loss.
 * `predict` and `loss` run in test mode unless `{ train: true }`; `gradient` trains.
 * With batch norm, `params` also holds `gamma1`, `beta1`, … for the hidden layers.
 *
 * @example
 * ```ts
 * import { MultiLayerNetExtend } from "./multi_layer_net_extend.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const net = new MultiLayerNetExtend({
 *   inputSize: 4, hiddenSizeList: [5], outputSize: 3, useBatchnorm: true, useDropout: true,
 * });
 * assert.deepEqual([...net.layers.keys()], [
 *   "Affine1", "BatchNorm1", "Activation_function1", "Dropout1", "Affine2",
 * ]);
 * const grads = net.gradient(np.rng(1).random([6, 4]), np.array([0, 1, 2, 0, 1, 2]));
 * assert.deepEqual(Object.keys(grads), ["W1", "b1", "gamma1", "beta1", "W2", "b2"]);
 * ```
 */
export class MultiLayerNetExtend {
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
  /** Whether each hidden layer ends with Dropout. */
  useDropout: boolean;
  /** The Dropout ratio. */
  dropoutRatio: number;
  /** Whether each hidden Affine is followed by BatchNormalization. */
  useBatchnorm: boolean;
  /** The generator of the Dropout masks (after drawing the weights from the same seed). */
  rng: np.Generator;
  /** The parameters by name: `W1`, `b1`, … and, with batch norm, `gamma1`, `beta1`, …. */
  params: Record<string, np.NDArray>;
  /** The layers in forward order, by name (the book's `OrderedDict`). */
  layers: Map<string, Layer>;
  /** The output layer: softmax and the loss. */
  lastLayer: SoftmaxWithLoss;

  /** Builds the layers on weights drawn as `initParams`; γ starts at 1 and β at 0. */
  constructor(options: MultiLayerNetExtendOptions) {
    checkSizes("MultiLayerNetExtend", options);
    this.inputSize = options.inputSize;
    this.outputSize = options.outputSize;
    this.hiddenSizeList = [...options.hiddenSizeList];
    this.hiddenLayerNum = this.hiddenSizeList.length;
    this.weightDecayLambda = options.weightDecayLambda ?? 0;
    this.useDropout = options.useDropout ?? false;
    this.dropoutRatio = options.dropoutRatio ?? 0.5;
    this.useBatchnorm = options.useBatchnorm ?? false;
    const dtype = options.dtype ?? "float64";
    this.params = initParams([this.inputSize, ...this.hiddenSizeList, this.outputSize], options);
    // A generator of its own for the masks, seeded apart from the weights' one.
    this.rng = np.rng((options.seed ?? 0) + 1);
    const activation = options.activation ?? "relu";
    const activationLayer = { sigmoid: Sigmoid, relu: Relu }[activation];
    if (activationLayer === undefined) {
      throw new RangeError(NET_MESSAGES().unknownActivation(activation));
    }
    this.layers = new Map<string, Layer>();
    for (let idx = 1; idx <= this.hiddenLayerNum; idx++) {
      this.layers.set(`Affine${idx}`, new Affine(this.params[`W${idx}`], this.params[`b${idx}`]));
      if (this.useBatchnorm) {
        const size = this.hiddenSizeList[idx - 1];
        this.params[`gamma${idx}`] = np.ones([size], { dtype });
        this.params[`beta${idx}`] = np.zeros([size], { dtype });
        this.layers.set(
          `BatchNorm${idx}`,
          new BatchNormalization(this.params[`gamma${idx}`], this.params[`beta${idx}`]),
        );
      }
      this.layers.set(`Activation_function${idx}`, new activationLayer());
      if (this.useDropout) {
        this.layers.set(`Dropout${idx}`, new Dropout(this.dropoutRatio, { rng: this.rng }));
      }
    }
    const idx = this.hiddenLayerNum + 1;
    this.layers.set(`Affine${idx}`, new Affine(this.params[`W${idx}`], this.params[`b${idx}`]));
    this.lastLayer = new SoftmaxWithLoss();
  }

  /**
   * The class scores of a batch: every layer's forward in order, telling BatchNorm and
   * Dropout whether this is training.
   *
   * @param x Inputs `[n, inputSize]`.
   * @param options `train` (false): training mode for BatchNorm and Dropout.
   * @returns Scores `[n, outputSize]`.
   */
  predict(x: np.NDArray, options: NetForwardOptions = {}): np.NDArray {
    const train = options.train ?? false;
    for (const layer of this.layers.values()) x = layer.forward(x, { train });
    return x;
  }

  /**
   * The loss: the cross-entropy of the scores plus the weight decay ½λΣ‖W‖² (§6.4.2).
   *
   * @param x Inputs `[n, inputSize]`.
   * @param t Labels: one-hot `[n, outputSize]` or class indices `[n]`.
   * @param options `train` (false), passed to predict.
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
   * The gradients by backpropagation, in training mode: each Affine's dW + λW and db and,
   * with batch norm, each BatchNorm's dγ and dβ.
   *
   * @param x Inputs `[n, inputSize]`.
   * @param t Labels: one-hot or class indices.
   * @returns ∂loss/∂param for every parameter.
   */
  gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
    this.loss(x, t, { train: true });
    let dout = this.lastLayer.backward(1);
    for (const layer of [...this.layers.values()].reverse()) dout = layer.backward(dout);
    const grads: Record<string, np.NDArray> = {};
    for (let idx = 1; idx <= this.hiddenLayerNum + 1; idx++) {
      const affine = this.layers.get(`Affine${idx}`) as Affine;
      grads[`W${idx}`] = np.add(affine.dW!, np.mul(this.params[`W${idx}`], this.weightDecayLambda));
      grads[`b${idx}`] = affine.db!;
      if (this.useBatchnorm && idx !== this.hiddenLayerNum + 1) {
        const batchNorm = this.layers.get(`BatchNorm${idx}`) as BatchNormalization;
        grads[`gamma${idx}`] = batchNorm.dgamma!;
        grads[`beta${idx}`] = batchNorm.dbeta!;
      }
    }
    return grads;
  }
}
