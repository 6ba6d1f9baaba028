/**
 * The engine's networks: SimpleConvNet (§7.5), DeepConvNet (§8.1) and the final network of
 * `deno task train`, built from the engine's layers. Their parameters have the same names,
 * shapes, initial values (for a seed) and safetensors format as the answer key's networks in
 * `lib/nets/`, so a checkpoint of one loads into the other; `engine_test.ts` checks that their
 * gradients agree.
 *
 * @module
 */

import { Dropout } from "../layers/dropout.ts";
import type { Layer } from "../layers/layer.ts";
import { SoftmaxWithLoss } from "../layers/softmax_with_loss.ts";
import { accuracyInBatches, loadParams, saveParams } from "../nets/network.ts";
import type {
  AccuracyOptions,
  ConvParam,
  DeepConvNetOptions,
  FinalConvNetOptions,
  PredictOptions,
  SimpleConvNetOptions,
} from "../nets/types.ts";
import * as np from "../np/mod.ts";
import { Affine } from "./affine.ts";
import { Convolution } from "./convolution.ts";
import { Pooling } from "./pooling.ts";
import { Relu } from "./relu.ts";
import { canFuse, ReluPool } from "./relu_pool.ts";
import { canFuseConv, ConvReluPool } from "./conv_relu_pool.ts";

/** A layer with parameters: Convolution or Affine. */
type ParamLayer = Convolution | Affine;

/** One step of `gradient()`: a layer, or a fused pair. */
interface Step {
  forward(x: np.NDArray, options?: { train?: boolean }): np.NDArray;
  backward(dout: np.NDArray): np.NDArray;
}

/**
 * The layers as steps: a first convolution with its Relu and Pooling as one `ConvReluPool`
 * (float32), and each other Relu next to a fusible Pooling (either order) as one `ReluPool`.
 */
function fuseSteps(layers: Layer[]): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < layers.length; i++) {
    const layer = layers[i], next = layers[i + 1], third = layers[i + 2];
    if (
      layer instanceof Convolution && next instanceof Relu && third instanceof Pooling &&
      canFuseConv(layer, next, third)
    ) {
      steps.push(new ConvReluPool(layer, next, third));
      i += 2;
    } else if (
      layer instanceof Convolution && next instanceof Pooling && third instanceof Relu &&
      canFuseConv(layer, third, next)
    ) {
      // conv - pool - relu (FinalConvNet): the same values as conv - relu - pool.
      steps.push(new ConvReluPool(layer, third, next));
      i += 2;
    } else if (layer instanceof Relu && next instanceof Pooling && canFuse(layer, next)) {
      steps.push(new ReluPool(layer, next));
      i++;
    } else if (layer instanceof Pooling && next instanceof Relu && canFuse(next, layer)) {
      // max(0, ·) of a window's maximum is the maximum of max(0, ·): the same pair, in the
      // order of FinalConvNet.
      steps.push(new ReluPool(next, layer));
      i++;
    } else {
      steps.push(layer);
    }
  }
  return steps;
}

/**
 * A network as a list of named layers and a Softmax-with-Loss on top, with the book's
 * `predict`, `loss`, `accuracy`, `gradient` and parameter files. The layers with parameters
 * own `W1`, `b1`, `W2`, … in order.
 */
export class LayerNet {
  /** The network's class name, kept in its parameter files. */
  readonly className: string;
  /** The weights and biases by name, shared with the layers. */
  params: Record<string, np.NDArray>;
  /** The layers in forward order, by name. */
  layers: Map<string, Layer>;
  /** The output layer: softmax and the loss. */
  lastLayer: SoftmaxWithLoss = new SoftmaxWithLoss();
  /** The generator of the initial weights (and then the dropout masks). */
  rng: np.Generator;
  /** The mode of `loss` when no `train` option is given (the answer key's nets differ). */
  readonly lossTrains: boolean;
  /** The steps of `predict()` and `gradient()`: the layers, with fusible neighbours as one. */
  #steps: Step[] | null = null;

  /**
   * @param className The name of the answer key's twin.
   * @param params The parameters, `W1`, `b1`, … in the order of the layers that use them.
   * @param layers The layers by name, in forward order.
   * @param options `rng` and `lossTrains`.
   */
  constructor(
    className: string,
    params: Record<string, np.NDArray>,
    layers: [string, Layer][],
    options: { rng: np.Generator; lossTrains: boolean },
  ) {
    this.className = className;
    this.params = params;
    this.layers = new Map(layers);
    this.rng = options.rng;
    this.lossTrains = options.lossTrains;
  }

  /**
   * The class scores of a batch: every layer's forward in order (Dropout drops units only
   * when `train` is true), fusible neighbours as one step (`fuseSteps`).
   *
   * @param x Images `[n, C, H, W]`.
   * @param options `train` (false).
   * @returns Scores `[n, classes]`.
   */
  predict(x: np.NDArray, options: PredictOptions = {}): np.NDArray {
    const train = options.train ?? false;
    // The layers in order, with the fusible pairs and triples as one step each (fuseSteps).
    const steps = this.#steps ??= fuseSteps([...this.layers.values()]);
    for (const step of steps) x = step.forward(x, { train });
    return x;
  }

  /**
   * The mean cross-entropy loss of a batch.
   *
   * @param x Images `[n, C, H, W]`.
   * @param t Labels: one-hot or class indices.
   * @param options `train` (the twin's default).
   * @returns The loss.
   */
  loss(x: np.NDArray, t: np.NDArray, options: PredictOptions = {}): number {
    return this.lastLayer.forward(this.predict(x, { train: options.train ?? this.lossTrains }), t);
  }

  /**
   * The fraction of images classified right, `batchSize` at a time, in test mode.
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
   * reverse order, then dW and db of the layers with parameters, in order.
   *
   * @param x Images `[n, C, H, W]`.
   * @param t Labels: one-hot or class indices.
   * @returns ∂loss/∂param by name.
   */
  gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
    this.loss(x, t, { train: true });
    const steps = this.#steps as Step[];
    let dout = this.lastLayer.backward(1);
    for (let i = steps.length - 1; i >= 0; i--) dout = steps[i].backward(dout);
    const grads: Record<string, np.NDArray> = {};
    const withParams = [...this.layers.values()].filter((layer): layer is ParamLayer =>
      layer instanceof Convolution || layer instanceof Affine
    );
    withParams.forEach((layer, i) => {
      grads[`W${i + 1}`] = layer.dW as np.NDArray;
      grads[`b${i + 1}`] = layer.db as np.NDArray;
    });
    return grads;
  }

  /**
   * Saves the parameters to a safetensors file, named as the answer key's twin.
   *
   * @param path Where to write.
   * @returns The path written.
   */
  saveParams(path: string): string {
    return saveParams(path, this.params, this.className);
  }

  /**
   * Loads parameters saved by this network or its twin into this network's arrays.
   *
   * @param path The file to read.
   */
  loadParams(path: string): void {
    loadParams(path, this.params);
  }
}

/**
 * The engine's twin of `lib/nets/simple_conv_net.ts` (§7.5): conv - relu - pool - affine -
 * relu - affine - softmax; the same options, parameters and initial values for a seed.
 *
 * @example
 * ```ts
 * import { SimpleConvNet } from "./nets.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const net = new SimpleConvNet({ dtype: "float32" });
 * assert.deepEqual(net.params.W2.shape, [4320, 100]);
 * const x = np.rng(1).random([2, 1, 28, 28], { dtype: "float32" });
 * assert.ok(Math.abs(net.loss(x, np.array([3, 7])) - Math.log(10)) < 1e-3);
 * ```
 */
export class SimpleConvNet extends LayerNet {
  /** @param options The book's sizes by default, and `seed` and `dtype`. */
  constructor(options: SimpleConvNetOptions = {}) {
    const [channels, inputSize] = options.inputDim ?? [1, 28, 28];
    const { filterNum = 30, filterSize = 5, pad = 0, stride = 1 } = options.convParam ?? {};
    const hiddenSize = options.hiddenSize ?? 100, outputSize = options.outputSize ?? 10;
    const scale = options.weightInitStd ?? 0.01, dtype = options.dtype ?? "float64";
    const convOutputSize = Math.floor((inputSize - filterSize + 2 * pad) / stride) + 1;
    const poolOutputSize = filterNum * Math.floor(convOutputSize / 2) ** 2;
    const rng = np.rng(options.seed ?? 0);
    const p = {
      W1: rng.normal([filterNum, channels, filterSize, filterSize], { scale, dtype }),
      b1: np.zeros([filterNum], { dtype }),
      W2: rng.normal([poolOutputSize, hiddenSize], { scale, dtype }),
      b2: np.zeros([hiddenSize], { dtype }),
      W3: rng.normal([hiddenSize, outputSize], { scale, dtype }),
      b3: np.zeros([outputSize], { dtype }),
    };
    super("SimpleConvNet", p, [
      ["Conv1", new Convolution(p.W1, p.b1, { stride, pad, firstLayer: true })],
      ["Relu1", new Relu()],
      ["Pool1", new Pooling(2, 2, { stride: 2 })],
      ["Affine1", new Affine(p.W2, p.b2)],
      ["Relu2", new Relu()],
      ["Affine2", new Affine(p.W3, p.b3)],
    ], { rng, lossTrains: false });
  }
}

/** The book's six convolutions of DeepConvNet (§8.1.1). */
const DEEP_CONV_PARAMS: readonly ConvParam[] = [
  { filterNum: 16, filterSize: 3, pad: 1, stride: 1 },
  { filterNum: 16, filterSize: 3, pad: 1, stride: 1 },
  { filterNum: 32, filterSize: 3, pad: 1, stride: 1 },
  { filterNum: 32, filterSize: 3, pad: 2, stride: 1 },
  { filterNum: 64, filterSize: 3, pad: 1, stride: 1 },
  { filterNum: 64, filterSize: 3, pad: 1, stride: 1 },
];

/**
 * The engine's twin of `lib/nets/deep_conv_net.ts` (§8.1.1): three blocks of conv - relu -
 * conv - relu - pool, then affine - relu - dropout - affine - dropout - softmax, He-initialised;
 * the same parameters, initial values and dropout masks for a seed.
 *
 * @example
 * ```ts
 * import { DeepConvNet } from "./nets.ts";
 * import assert from "node:assert/strict";
 *
 * const net = new DeepConvNet({ dtype: "float32" });
 * assert.equal(net.layers.size, 20);
 * assert.deepEqual(net.params.W7.shape, [1024, 50]);
 * ```
 */
export class DeepConvNet extends LayerNet {
  /** @param options The book's sizes by default, and `seed` and `dtype`. */
  constructor(options: DeepConvNetOptions = {}) {
    const [channels, inputSize] = options.inputDim ?? [1, 28, 28];
    const convParams = options.convParams ?? DEEP_CONV_PARAMS;
    const hiddenSize = options.hiddenSize ?? 50, outputSize = options.outputSize ?? 10;
    const dtype = options.dtype ?? "float64";
    if (convParams.length !== 6) {
      throw new RangeError(`DeepConvNet needs six convolutions, got ${convParams.length}`);
    }
    const rng = np.rng(options.seed ?? 0);
    const params: Record<string, np.NDArray> = {};
    const layers: Layer[] = [];
    let preChannels = channels, size = inputSize;
    convParams.forEach((c, i) => {
      const scale = Math.sqrt(2 / (preChannels * c.filterSize * c.filterSize));
      const W = rng.normal([c.filterNum, preChannels, c.filterSize, c.filterSize], {
        scale,
        dtype,
      });
      const b = np.zeros([c.filterNum], { dtype });
      params[`W${i + 1}`] = W;
      params[`b${i + 1}`] = b;
      layers.push(
        new Convolution(W, b, { stride: c.stride, pad: c.pad, firstLayer: i === 0 }),
        new Relu(),
      );
      size = Math.floor((size + 2 * c.pad - c.filterSize) / c.stride) + 1;
      if (i % 2 === 1) {
        layers.push(new Pooling(2, 2, { stride: 2 }));
        size = Math.floor(size / 2);
      }
      preChannels = c.filterNum;
    });
    const flat = preChannels * size * size;
    params.W7 = rng.normal([flat, hiddenSize], { scale: Math.sqrt(2 / flat), dtype });
    params.b7 = np.zeros([hiddenSize], { dtype });
    params.W8 = rng.normal([hiddenSize, outputSize], { scale: Math.sqrt(2 / hiddenSize), dtype });
    params.b8 = np.zeros([outputSize], { dtype });
    layers.push(
      new Affine(params.W7, params.b7),
      new Relu(),
      new Dropout(0.5, { rng }),
      new Affine(params.W8, params.b8),
      new Dropout(0.5, { rng }),
    );
    super("DeepConvNet", params, named(layers), { rng, lossTrains: true });
  }
}

/**
 * The engine's twin of `lib/nets/final_conv_net.ts`: conv5×5 (pad 2) - pool - relu - conv5×5 -
 * pool - relu - affine - relu - affine - softmax (with an optional dropout before the last
 * affine), He-initialised; the same parameters and initial values for a seed.
 *
 * @example
 * ```ts
 * import { FinalConvNet } from "./nets.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const net = new FinalConvNet({ dtype: "float32" });
 * assert.deepEqual(net.params.W3.shape, [800, 100]);
 * const x = np.rng(1).random([2, 1, 28, 28], { dtype: "float32" });
 * assert.deepEqual(net.predict(x).shape, [2, 10]);
 * ```
 */
export class FinalConvNet extends LayerNet {
  /** @param options Sizes, `dropoutRatio`, `seed` and `dtype` (the answer key's defaults). */
  constructor(options: FinalConvNetOptions = {}) {
    const [channels, inputSize] = options.inputDim ?? [1, 28, 28];
    const [filters1, filters2] = options.filterNums ?? [16, 32];
    const hiddenSize = options.hiddenSize ?? 100, outputSize = options.outputSize ?? 10;
    const dropoutRatio = options.dropoutRatio ?? 0;
    const dtype = options.dtype ?? "float64";
    const rng = np.rng(options.seed ?? 0);
    const he = (shape: number[], inputs: number) =>
      rng.normal(shape, { scale: Math.sqrt(2 / inputs), dtype });
    const size = Math.floor((Math.floor(inputSize / 2) - 4) / 2);
    const flat = filters2 * size * size;
    const p = {
      W1: he([filters1, channels, 5, 5], channels * 25),
      b1: np.zeros([filters1], { dtype }),
      W2: he([filters2, filters1, 5, 5], filters1 * 25),
      b2: np.zeros([filters2], { dtype }),
      W3: he([flat, hiddenSize], flat),
      b3: np.zeros([hiddenSize], { dtype }),
      W4: he([hiddenSize, outputSize], hiddenSize),
      b4: np.zeros([outputSize], { dtype }),
    };
    super(
      "FinalConvNet",
      p,
      named([
        new Convolution(p.W1, p.b1, { pad: 2, firstLayer: true }),
        new Pooling(2, 2, { stride: 2 }),
        new Relu(),
        new Convolution(p.W2, p.b2),
        new Pooling(2, 2, { stride: 2 }),
        new Relu(),
        new Affine(p.W3, p.b3),
        new Relu(),
        ...(dropoutRatio > 0 ? [new Dropout(dropoutRatio, { rng })] : []),
        new Affine(p.W4, p.b4),
      ]),
      { rng, lossTrains: true },
    );
  }
}

/** Names layers by their class, numbered per class: Conv1, Relu1, Pool1, Conv2, … */
function named(layers: Layer[]): [string, Layer][] {
  const counts = new Map<string, number>();
  return layers.map((layer) => {
    const kind = layer.constructor.name.replace("Convolution", "Conv").replace("Pooling", "Pool");
    const n = (counts.get(kind) ?? 0) + 1;
    counts.set(kind, n);
    return [`${kind}${n}`, layer];
  });
}
