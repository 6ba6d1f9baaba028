/**
 * The chapter 8 deep convolutional network (the book's §8.1.1; `ch08/deep_convnet.py`).
 *
 * @module
 */

import { Affine } from "../layers/affine.ts";
import { Convolution } from "../layers/convolution.ts";
import { Dropout } from "../layers/dropout.ts";
import type { Layer } from "../layers/layer.ts";
import { Pooling } from "../layers/pooling.ts";
import { Relu } from "../layers/relu.ts";
import { SoftmaxWithLoss } from "../layers/softmax_with_loss.ts";
import * as np from "../np/mod.ts";
import { NET_MESSAGES } from "./messages.ts";
import {
  accuracyInBatches,
  type AccuracyOptions,
  loadParams,
  type PredictOptions,
  saveParams,
} from "./network.ts";
import type { ConvParam, DeepConvNetOptions } from "./types.ts";
export type { DeepConvNetOptions } from "./types.ts";

/** The book's six convolutions. */
export const DEEP_CONV_PARAMS: readonly ConvParam[] = [
  { filterNum: 16, filterSize: 3, pad: 1, stride: 1 },
  { filterNum: 16, filterSize: 3, pad: 1, stride: 1 },
  { filterNum: 32, filterSize: 3, pad: 1, stride: 1 },
  { filterNum: 32, filterSize: 3, pad: 2, stride: 1 },
  { filterNum: 64, filterSize: 3, pad: 1, stride: 1 },
  { filterNum: 64, filterSize: 3, pad: 1, stride: 1 },
];

/**
 * The book's network for 99% and more (§8.1.1, Figure 8-1):
 *
 * conv - relu - conv - relu - pool -
 * conv - relu - conv - relu - pool -
 * conv - relu - conv - relu - pool -
 * affine - relu - dropout - affine - dropout - softmax
 *
 * With He initialisation (√(2/n), n the inputs of one neuron, §6.2.2), dropout 0.5 and
 * `params` `W1`…`W8`, `b1`…`b8` shared with the layers. `rng` draws the initial weights and
 * then the dropout masks; a checkpoint saves its state so that a resumed run repeats exactly.
 *
 * @example The shapes of the book's network
 * ```ts
 * import { DeepConvNet } from "./deep_conv_net.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const net = new DeepConvNet();
 * assert.equal(net.layers.length, 20);
 * assert.deepEqual(net.params.W4.shape, [32, 32, 3, 3]);
 * assert.deepEqual(net.params.W7.shape, [1024, 50]);
 * const x = np.rng(1).random([2, 1, 28, 28]);
 * assert.deepEqual(net.predict(x).shape, [2, 10]);
 * ```
 */
export class DeepConvNet {
  /** The weights and biases by name: `W1`…`W8`, `b1`…`b8`. */
  params: Record<string, np.NDArray>;
  /** The layers in forward order (the book's list). */
  layers: Layer[];
  /** The output layer: softmax and the loss. */
  lastLayer: SoftmaxWithLoss;
  /** The generator of the initial weights and the dropout masks. */
  rng: np.Generator;

  /**
   * Draws He-initialised weights with a seeded generator; biases start at 0.
   *
   * @param options The book's sizes by default, and `seed` and `dtype`.
   */
  constructor(options: DeepConvNetOptions = {}) {
    const [channels, inputSize] = options.inputDim ?? [1, 28, 28];
    const convParams = options.convParams ?? DEEP_CONV_PARAMS;
    const hiddenSize = options.hiddenSize ?? 50, outputSize = options.outputSize ?? 10;
    const dtype = options.dtype ?? "float64";
    if (convParams.length !== 6) {
      throw new RangeError(NET_MESSAGES().convolutionCount(convParams.length));
    }
    this.rng = np.rng(options.seed ?? 0);
    this.params = {};
    this.layers = [];

    // Three blocks of conv - relu - conv - relu - pool; each pool halves the image.
    let preChannels = channels, size = inputSize;
    convParams.forEach((p, i) => {
      // He: each neuron of this layer sees preChannels·filterSize² inputs.
      const scale = Math.sqrt(2 / (preChannels * p.filterSize * p.filterSize));
      const W = this.rng.normal([p.filterNum, preChannels, p.filterSize, p.filterSize], {
        scale,
        dtype,
      });
      const b = np.zeros([p.filterNum], { dtype });
      this.params[`W${i + 1}`] = W;
      this.params[`b${i + 1}`] = b;
      this.layers.push(new Convolution(W, b, { stride: p.stride, pad: p.pad }));
      this.layers.push(new Relu());
      size = Math.floor((size + 2 * p.pad - p.filterSize) / p.stride) + 1;
      if (i % 2 === 1) {
        this.layers.push(new Pooling(2, 2, { stride: 2 }));
        size = Math.floor(size / 2);
      }
      preChannels = p.filterNum;
    });

    // 64·4·4 = 1024 inputs for the book's sizes: 28 → 14 → 16 (pad 2) → 8 → 4.
    const flat = preChannels * size * size;
    this.params.W7 = this.rng.normal([flat, hiddenSize], { scale: Math.sqrt(2 / flat), dtype });
    this.params.b7 = np.zeros([hiddenSize], { dtype });
    this.params.W8 = this.rng.normal([hiddenSize, outputSize], {
      scale: Math.sqrt(2 / hiddenSize),
      dtype,
    });
    this.params.b8 = np.zeros([outputSize], { dtype });
    this.layers.push(
      new Affine(this.params.W7, this.params.b7),
      new Relu(),
      new Dropout(0.5, { rng: this.rng }),
      new Affine(this.params.W8, this.params.b8),
      new Dropout(0.5, { rng: this.rng }),
    );
    this.lastLayer = new SoftmaxWithLoss();
  }

  /**
   * The class scores of a batch of images: every layer's forward in order. Dropout drops
   * units only when `train` is true.
   *
   * @param x Images `[n, C, H, W]`.
   * @param options `train` (false).
   * @returns Scores `[n, outputSize]`.
   */
  predict(x: np.NDArray, options: PredictOptions = {}): np.NDArray {
    const train = options.train ?? false;
    for (const layer of this.layers) x = layer.forward(x, { train });
    return x;
  }

  /**
   * The loss: the scores through the Softmax-with-Loss layer. In training mode by default,
   * as the book's `loss`, which the gradient uses.
   *
   * @param x Images `[n, C, H, W]`.
   * @param t Labels: one-hot `[n, outputSize]` or class indices `[n]`.
   * @param options `train` (true).
   * @returns The mean cross-entropy error over the batch.
   */
  loss(x: np.NDArray, t: np.NDArray, options: PredictOptions = {}): number {
    return this.lastLayer.forward(this.predict(x, { train: options.train ?? true }), t);
  }

  /**
   * The fraction of images classified right, `batchSize` at a time, in test mode (no dropout).
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
   * The gradients by backpropagation: a training forward pass for the loss, every layer's
   * backward in reverse order, then dW and db of the layers that have parameters (the book's
   * layer indices 0, 2, 5, 7, 10, 12, 15, 18).
   *
   * @param x Images `[n, C, H, W]`.
   * @param t Labels: one-hot or class indices.
   * @returns ∂loss/∂param for `W1`…`W8` and `b1`…`b8`.
   */
  gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
    this.loss(x, t, { train: true });
    let dout = this.lastLayer.backward(1);
    for (const layer of [...this.layers].reverse()) dout = layer.backward(dout);
    const grads: Record<string, np.NDArray> = {};
    [0, 2, 5, 7, 10, 12, 15, 18].forEach((index, i) => {
      const layer = this.layers[index] as Convolution | Affine;
      grads[`W${i + 1}`] = layer.dW as np.NDArray;
      grads[`b${i + 1}`] = layer.db as np.NDArray;
    });
    return grads;
  }

  /**
   * Saves the parameters to a safetensors file.
   *
   * @param path Where to write, e.g. `out/ch08/deep_convnet_params.safetensors`.
   * @returns The path written.
   */
  saveParams(path: string): string {
    return saveParams(path, this.params, "DeepConvNet");
  }

  /**
   * Loads parameters saved by {@linkcode DeepConvNet.saveParams} into this network's arrays.
   *
   * @param path The file to read.
   */
  loadParams(path: string): void {
    loadParams(path, this.params);
  }
}
