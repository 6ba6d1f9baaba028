/**
 * The chapter 7 convolutional network (the book's §7.5; `ch07/simple_convnet.py`).
 *
 * @module
 */

import { Affine } from "../layers/affine.ts";
import { Convolution } from "../layers/convolution.ts";
import type { Layer } from "../layers/layer.ts";
import { Pooling } from "../layers/pooling.ts";
import { Relu } from "../layers/relu.ts";
import { SoftmaxWithLoss } from "../layers/softmax_with_loss.ts";
import * as np from "../np/mod.ts";
import {
  accuracyInBatches,
  type AccuracyOptions,
  loadParams,
  type PredictOptions,
  saveParams,
} from "./network.ts";
import type { SimpleConvNetOptions } from "./types.ts";
export type { ConvParam, SimpleConvNetOptions } from "./types.ts";

/**
 * conv - relu - pool - affine - relu - affine - softmax (§7.5). `params` holds
 * `W1`, `b1` (the filters), `W2`, `b2`, `W3`, `b3`: the same arrays the layers use, so an
 * optimizer updating `params` in place updates the layers.
 *
 * @example The shapes of the book's network
 * ```ts
 * import { SimpleConvNet } from "./simple_conv_net.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const net = new SimpleConvNet();
 * assert.deepEqual(net.params.W1.shape, [30, 1, 5, 5]);
 * assert.deepEqual(net.params.W2.shape, [4320, 100]);
 * assert.deepEqual([...net.layers.keys()], ["Conv1", "Relu1", "Pool1", "Affine1", "Relu2", "Affine2"]);
 * const x = np.rng(1).random([2, 1, 28, 28]);
 * assert.deepEqual(net.predict(x).shape, [2, 10]);
 * assert.ok(Math.abs(net.loss(x, np.array([3, 7])) - Math.log(10)) < 1e-3);
 * ```
 */
export class SimpleConvNet {
  /** The weights and biases by name: `W1`, `b1`, `W2`, `b2`, `W3`, `b3`. */
  params: Record<string, np.NDArray>;
  /** The layers in forward order, by name (the book's `OrderedDict`). */
  layers: Map<string, Layer>;
  /** The output layer: softmax and the loss. */
  lastLayer: SoftmaxWithLoss;

  /**
   * Draws the weights from N(0, weightInitStd²) with a seeded generator; biases start at 0.
   *
   * @param options The book's sizes by default, and `seed` and `dtype`.
   */
  constructor(options: SimpleConvNetOptions = {}) {
    const [channels, inputSize] = options.inputDim ?? [1, 28, 28];
    const { filterNum = 30, filterSize = 5, pad = 0, stride = 1 } = options.convParam ?? {};
    const hiddenSize = options.hiddenSize ?? 100, outputSize = options.outputSize ?? 10;
    const scale = options.weightInitStd ?? 0.01, dtype = options.dtype ?? "float64";
    // (28 - 5 + 0) / 1 + 1 = 24; the 2×2 pooling halves it to 12: 30·12·12 = 4320 inputs.
    const convOutputSize = Math.floor((inputSize - filterSize + 2 * pad) / stride) + 1;
    const poolOutputSize = filterNum * Math.floor(convOutputSize / 2) ** 2;

    const rng = np.rng(options.seed ?? 0);
    this.params = {
      W1: rng.normal([filterNum, channels, filterSize, filterSize], { scale, dtype }),
      b1: np.zeros([filterNum], { dtype }),
      W2: rng.normal([poolOutputSize, hiddenSize], { scale, dtype }),
      b2: np.zeros([hiddenSize], { dtype }),
      W3: rng.normal([hiddenSize, outputSize], { scale, dtype }),
      b3: np.zeros([outputSize], { dtype }),
    };
    this.layers = new Map<string, Layer>([
      ["Conv1", new Convolution(this.params.W1, this.params.b1, { stride, pad })],
      ["Relu1", new Relu()],
      ["Pool1", new Pooling(2, 2, { stride: 2 })],
      ["Affine1", new Affine(this.params.W2, this.params.b2)],
      ["Relu2", new Relu()],
      ["Affine2", new Affine(this.params.W3, this.params.b3)],
    ]);
    this.lastLayer = new SoftmaxWithLoss();
  }

  /**
   * The class scores of a batch of images: every layer's forward in order.
   *
   * @param x Images `[n, C, H, W]`.
   * @param options `train` (false), passed to every layer.
   * @returns Scores `[n, outputSize]`.
   */
  predict(x: np.NDArray, options: PredictOptions = {}): np.NDArray {
    for (const layer of this.layers.values()) x = layer.forward(x, options);
    return x;
  }

  /**
   * The loss: the scores through the Softmax-with-Loss layer.
   *
   * @param x Images `[n, C, H, W]`.
   * @param t Labels: one-hot `[n, outputSize]` or class indices `[n]`.
   * @param options `train` (false).
   * @returns The mean cross-entropy error over the batch.
   */
  loss(x: np.NDArray, t: np.NDArray, options: PredictOptions = {}): number {
    return this.lastLayer.forward(this.predict(x, options), t);
  }

  /**
   * The fraction of images whose highest score is the label's class, computed `batchSize`
   * images at a time in test mode (the book's loop, which here also counts a last partial
   * batch).
   *
   * @param x Images `[n, C, H, W]`.
   * @param t Labels: one-hot or class indices.
   * @param options `batchSize` (100).
   * @returns A number in [0, 1].
   */
  accuracy(x: np.NDArray, t: np.NDArray, options: AccuracyOptions = {}): number {
    return accuracyInBatches(this, x, t, options);
  }

  /**
   * The gradients by backpropagation (§7.5): a forward pass for the loss, then each layer's
   * backward in reverse order, then the parameter gradients of Conv1, Affine1 and Affine2.
   *
   * @param x Images `[n, C, H, W]`.
   * @param t Labels: one-hot or class indices.
   * @returns ∂loss/∂param for `W1`, `b1`, `W2`, `b2`, `W3`, `b3`.
   */
  gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
    this.loss(x, t, { train: true });
    let dout = this.lastLayer.backward(1);
    for (const layer of [...this.layers.values()].reverse()) dout = layer.backward(dout);
    const conv1 = this.layers.get("Conv1") as Convolution;
    const affine1 = this.layers.get("Affine1") as Affine;
    const affine2 = this.layers.get("Affine2") as Affine;
    return {
      W1: conv1.dW as np.NDArray,
      b1: conv1.db as np.NDArray,
      W2: affine1.dW as np.NDArray,
      b2: affine1.db as np.NDArray,
      W3: affine2.dW as np.NDArray,
      b3: affine2.db as np.NDArray,
    };
  }

  /**
   * Saves the parameters to a safetensors file (the book's `save_params`, which pickles).
   *
   * @param path Where to write, e.g. `out/ch07/params.safetensors`.
   * @returns The path written.
   */
  saveParams(path: string): string {
    return saveParams(path, this.params, "SimpleConvNet");
  }

  /**
   * Loads parameters saved by {@linkcode SimpleConvNet.saveParams} into this network's arrays
   * (in place, so the layers see them), converting the dtype if needed.
   *
   * @param path The file to read.
   * @throws {TypeError} when a parameter is missing or has another shape.
   */
  loadParams(path: string): void {
    loadParams(path, this.params);
  }
}
