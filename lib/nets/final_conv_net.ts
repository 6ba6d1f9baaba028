/**
 * The final network of the workbook, the one `deno task train` trains by default (chapter 8):
 * two 5×5 convolutions in the manner of LeNet (LeCun et al. 1998, the book's §7.7.1), built
 * from the chapters' own layers.
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
import {
  accuracyInBatches,
  type AccuracyOptions,
  loadParams,
  type PredictOptions,
  saveParams,
} from "./network.ts";
import type { FinalConvNetOptions } from "./types.ts";
export type { FinalConvNetOptions } from "./types.ts";

/**
 * conv5×5 (pad 2) - pool - relu - conv5×5 - pool - relu - affine - relu - affine - softmax
 * (with an optional dropout before the last affine). For MNIST: 28×28 → 28×28×16 → 14×14×16 →
 * 10×10×32 → 5×5×32 = 800 → 100 → 10.
 *
 * Max pooling and ReLU commute (both keep the order of values: the maximum of the ReLUs is the
 * ReLU of the maximum, and the gradients agree too), so pooling first gives the same network
 * with ReLU working on a quarter of the values.
 *
 * He initialisation (√(2/n), §6.2.2); `params` `W1`…`W4`, `b1`…`b4` are shared with the
 * layers. `rng` draws the initial weights (and then the dropout masks, if any).
 *
 * @example The shapes for MNIST
 * ```ts
 * import { FinalConvNet } from "./final_conv_net.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const net = new FinalConvNet();
 * assert.deepEqual(net.params.W2.shape, [32, 16, 5, 5]);
 * assert.deepEqual(net.params.W3.shape, [800, 100]);
 * assert.deepEqual(net.predict(np.rng(1).random([2, 1, 28, 28])).shape, [2, 10]);
 * ```
 */
export class FinalConvNet {
  /** The weights and biases by name: `W1`…`W4`, `b1`…`b4`. */
  params: Record<string, np.NDArray>;
  /** The layers in forward order. */
  layers: Layer[];
  /** The output layer: softmax and the loss. */
  lastLayer: SoftmaxWithLoss;
  /** The generator of the initial weights and the dropout masks. */
  rng: np.Generator;

  /**
   * Draws He-initialised weights with a seeded generator; biases start at 0.
   *
   * @param options Sizes (defaults above), `dropoutRatio`, `seed` and `dtype`.
   */
  constructor(options: FinalConvNetOptions = {}) {
    const [channels, inputSize] = options.inputDim ?? [1, 28, 28];
    const [filters1, filters2] = options.filterNums ?? [16, 32];
    const hiddenSize = options.hiddenSize ?? 100, outputSize = options.outputSize ?? 10;
    const dropoutRatio = options.dropoutRatio ?? 0;
    const dtype = options.dtype ?? "float64";
    this.rng = np.rng(options.seed ?? 0);
    const he = (shape: number[], inputs: number) =>
      this.rng.normal(shape, { scale: Math.sqrt(2 / inputs), dtype });

    // 28 (pad 2 keeps it) → pool 14 → 5×5 without pad 10 → pool 5.
    const size = Math.floor((Math.floor(inputSize / 2) - 4) / 2);
    const flat = filters2 * size * size;
    this.params = {
      W1: he([filters1, channels, 5, 5], channels * 25),
      b1: np.zeros([filters1], { dtype }),
      W2: he([filters2, filters1, 5, 5], filters1 * 25),
      b2: np.zeros([filters2], { dtype }),
      W3: he([flat, hiddenSize], flat),
      b3: np.zeros([hiddenSize], { dtype }),
      W4: he([hiddenSize, outputSize], hiddenSize),
      b4: np.zeros([outputSize], { dtype }),
    };
    const p = this.params;
    this.layers = [
      new Convolution(p.W1, p.b1, { pad: 2 }),
      new Pooling(2, 2, { stride: 2 }),
      new Relu(),
      new Convolution(p.W2, p.b2),
      new Pooling(2, 2, { stride: 2 }),
      new Relu(),
      new Affine(p.W3, p.b3),
      new Relu(),
      ...(dropoutRatio > 0 ? [new Dropout(dropoutRatio, { rng: this.rng })] : []),
      new Affine(p.W4, p.b4),
    ];
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
   * The loss: the scores through the Softmax-with-Loss layer, in training mode by default.
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
   * The gradients by backpropagation: a training forward pass, every layer's backward in
   * reverse order, then dW and db of the Convolution and Affine layers, in order.
   *
   * @param x Images `[n, C, H, W]`.
   * @param t Labels: one-hot or class indices.
   * @returns ∂loss/∂param for `W1`…`W4` and `b1`…`b4`.
   */
  gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
    this.loss(x, t, { train: true });
    let dout = this.lastLayer.backward(1);
    for (const layer of [...this.layers].reverse()) dout = layer.backward(dout);
    const grads: Record<string, np.NDArray> = {};
    const withParams = this.layers.filter((layer): layer is Convolution | Affine =>
      layer instanceof Convolution || layer instanceof Affine
    );
    withParams.forEach((layer, i) => {
      grads[`W${i + 1}`] = layer.dW as np.NDArray;
      grads[`b${i + 1}`] = layer.db as np.NDArray;
    });
    return grads;
  }

  /**
   * Saves the parameters to a safetensors file.
   *
   * @param path Where to write.
   * @returns The path written.
   */
  saveParams(path: string): string {
    return saveParams(path, this.params, "FinalConvNet");
  }

  /**
   * Loads parameters saved by {@linkcode FinalConvNet.saveParams} into this network's arrays.
   *
   * @param path The file to read.
   */
  loadParams(path: string): void {
    loadParams(path, this.params);
  }
}
