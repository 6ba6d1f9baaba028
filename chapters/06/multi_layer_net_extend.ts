/**
 * Chapter 6, §6.3–6.4: the fully connected network with weight decay, Dropout and Batch
 * Normalization (the book's `common/multi_layer_net_extend.py`). The constructor and
 * `accuracy` are given; write `predict`, `loss` and `gradient`. Run
 * `deno test chapters/06/multi_layer_net_extend_test.ts`.
 *
 * @module
 */

import { Affine } from "../../lib/layers/affine.ts";
import { BatchNormalization } from "../../lib/layers/batch_normalization.ts";
import { Dropout } from "../../lib/layers/dropout.ts";
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
  type MultiLayerNetExtendOptions,
  type NetAccuracyOptions,
  type NetForwardOptions,
} from "../../lib/nets/multi_layer_net_common.ts";

export type { MultiLayerNetExtendOptions } from "../../lib/nets/multi_layer_net_common.ts";

/**
 * A fully connected network with optional Batch Normalization and Dropout: for each hidden
 * layer Affine → [BatchNorm] → activation → [Dropout], then Affine and Softmax-with-Loss.
 * `predict` and `loss` run in test mode unless `{ train: true }`; `gradient` trains.
 * With batch norm, `params` also holds `gamma1`, `beta1`, … for the hidden layers.
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
      throw new RangeError(`Unknown activation "${activation}": use "relu" or "sigmoid"`);
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
    // TODO: run every layer's forward in order, passing { train } (false by default) so that
    // BatchNorm and Dropout know whether this is training.
    return todo("MultiLayerNetExtend.predict", "06", x, options);
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
    // TODO: as MultiLayerNet.loss: the Softmax-with-Loss of predict(x, options) plus
    // 0.5 · λ · Σ W² over every weight matrix (§6.4.2).
    return todo("MultiLayerNetExtend.loss", "06", x, t, options);
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
    // TODO: loss(x, t, { train: true }), then backward through every layer in reverse;
    // W and b as MultiLayerNet (dW + λW), plus gamma{idx}/beta{idx} = the BatchNorm layer's
    // dgamma/dbeta for each hidden layer when useBatchnorm (§6.3.2).
    return todo("MultiLayerNetExtend.gradient", "06", x, t);
  }
}
