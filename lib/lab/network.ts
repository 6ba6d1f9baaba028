/**
 * The lab's view of a network: every layer's output for one image, the first layer's filters
 * and a saliency map by the layers' own backward passes (§5.6–5.7), for the engine's networks
 * (layers in a `Map`) and the answer key's or the learner's (layers in an array) alike.
 *
 * @module
 */

import type { Layer } from "../layers/layer.ts";
import * as np from "../np/mod.ts";
import { softmax } from "../functions/activation.ts";

/** What the lab needs of a network: its layers and parameters. */
export interface InspectableNet {
  /** The weights and biases by name (`W1` is the first convolution's filters). */
  params: Record<string, np.NDArray>;
  /** The layers in forward order: an array (answer key) or a map by name (engine). */
  layers: Layer[] | Map<string, Layer>;
}

/** A layer with its display name. */
export interface NamedLayer {
  /** `Conv1`, `Pool1`, `Relu1`, `Affine1`, … (numbered per kind). */
  name: string;
  /** The layer. */
  layer: Layer;
}

/**
 * The layers in forward order with names numbered per kind, as the engine names them.
 *
 * @example
 * ```ts
 * import { namedLayers } from "./network.ts";
 * import { FinalConvNet } from "../nets/final_conv_net.ts";
 * import assert from "node:assert/strict";
 *
 * const names = namedLayers(new FinalConvNet()).map((l) => l.name);
 * assert.deepEqual(names.slice(0, 4), ["Conv1", "Pool1", "Relu1", "Conv2"]);
 * ```
 *
 * @param net The network.
 * @returns The layers with names.
 */
export function namedLayers(net: InspectableNet): NamedLayer[] {
  if (net.layers instanceof Map) {
    return [...net.layers.entries()].map(([name, layer]) => ({ name, layer }));
  }
  const counts = new Map<string, number>();
  return net.layers.map((layer) => {
    const kind = layer.constructor.name.replace("Convolution", "Conv").replace("Pooling", "Pool");
    const n = (counts.get(kind) ?? 0) + 1;
    counts.set(kind, n);
    return { name: `${kind}${n}`, layer };
  });
}

/** One layer's output for one image. */
export interface LayerOutput {
  /** The layer's name. */
  name: string;
  /** The output's shape without the batch axis: `[16, 28, 28]` or `[100]`. */
  shape: number[];
  /** The values, row-major. */
  data: Float32Array;
}

/** What the network makes of one image. */
export interface Inspection {
  /** The class scores (before softmax). */
  scores: number[];
  /** The softmax of the scores. */
  probabilities: number[];
  /** The class with the highest score. */
  predicted: number;
  /** Every layer's output, in order. */
  layers: LayerOutput[];
  /** ∂score[predicted]/∂pixel, `[28 · 28]`, by the layers' backward passes (if asked). */
  saliency?: Float32Array;
}

/** A `[1, 1, 28, 28]` array of a 28×28 image (float32 as the trained networks, or float64). */
export function imageArray(pixels: ArrayLike<number>, dtype: np.DType = "float32"): np.NDArray {
  if (pixels.length !== 784) {
    throw new RangeError(`An image has 784 pixels (28 × 28), got ${pixels.length}`);
  }
  const data = dtype === "float64" ? Float64Array.from(pixels) : Float32Array.from(pixels);
  return new np.NDArray(data, [1, 1, 28, 28]);
}

/**
 * Runs one image through every layer, keeping each output, and with `saliency` runs the
 * backward passes from the winning class's score (not the loss) back to the pixels: the
 * saliency map of Simonyan et al. (2013), made of the chapters' own `backward` methods.
 *
 * @example
 * ```ts
 * import { inspect } from "./network.ts";
 * import { FinalConvNet } from "../nets/final_conv_net.ts";
 * import assert from "node:assert/strict";
 *
 * const net = new FinalConvNet({ dtype: "float32" });
 * const result = inspect(net, new Float32Array(784).fill(0.5), { saliency: true });
 * assert.equal(result.probabilities.length, 10);
 * assert.deepEqual(result.layers[0].shape, [16, 28, 28]);
 * assert.equal(result.saliency?.length, 784);
 * ```
 *
 * @param net The network.
 * @param pixels The image, 784 values in [0, 1].
 * @param options `saliency` (false) and the image's `dtype` (`"float32"`, as the trained networks).
 * @returns The scores, probabilities, outputs and maybe the saliency.
 */
export function inspect(
  net: InspectableNet,
  pixels: ArrayLike<number>,
  options: { saliency?: boolean; dtype?: np.DType } = {},
): Inspection {
  const layers = namedLayers(net);
  let x = imageArray(pixels, options.dtype);
  const outputs: LayerOutput[] = [];
  for (const { name, layer } of layers) {
    x = layer.forward(x, { train: false });
    // Copies: the engine's layers reuse their output arrays from call to call.
    outputs.push({ name, shape: x.shape.slice(1), data: Float32Array.from(x.data) });
  }
  const scores = [...x.data];
  const probabilities = [...softmax(np.array([scores])).data];
  let predicted = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i] > scores[predicted]) predicted = i;
  const result: Inspection = { scores, probabilities, predicted, layers: outputs };
  if (options.saliency) result.saliency = saliency(layers, predicted, scores.length, x.dtype);
  return result;
}

/** The backward passes from a one-hot gradient on the output, after a forward pass. */
function saliency(
  layers: NamedLayer[],
  predicted: number,
  classes: number,
  dtype: np.DType,
): Float32Array {
  const dout0 = np.zeros([1, classes], { dtype });
  dout0.data[predicted] = 1;
  // The engine's first convolution skips ∂L/∂x when training; here that is what we want.
  const first = layers[0].layer as { firstLayer?: boolean };
  const skipped = first.firstLayer;
  if (skipped) first.firstLayer = false;
  try {
    let dout = dout0;
    for (const { layer } of [...layers].reverse()) {
      // Dropout at test time scales by (1 − ratio), and so does its gradient; its own
      // backward needs the mask of a training pass (DeepConvNet has Dropout layers).
      const dropout = layer as { dropoutRatio?: number };
      dout = layer.constructor.name === "Dropout" && typeof dropout.dropoutRatio === "number"
        ? np.mul(dout, 1 - dropout.dropoutRatio)
        : layer.backward(dout);
    }
    return Float32Array.from(dout.data);
  } finally {
    if (skipped) first.firstLayer = true;
  }
}

/**
 * The predicted class of every image, `batch` at a time, yielding to the event loop between
 * batches so the lab's server keeps answering.
 *
 * @param net The network (`predict` in test mode).
 * @param x Images `[n, 1, 28, 28]`.
 * @param options `batch` (200), `onProgress`, and `pause`: milliseconds to wait before the next
 *   batch (asked again after the wait; 0 to go on).
 * @returns The classes.
 */
export async function predictAll(
  net: { predict(x: np.NDArray, options?: { train?: boolean }): np.NDArray },
  x: np.NDArray,
  options: {
    batch?: number;
    onProgress?: (done: number) => void;
    pause?: () => number;
  } = {},
): Promise<Int32Array> {
  const batch = options.batch ?? 200;
  const n = x.shape[0], row = x.size / n;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i += batch) {
    // Let interactive work go first: wait while `pause` asks for milliseconds.
    for (let wait = options.pause?.() ?? 0; wait > 0; wait = options.pause?.() ?? 0) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const m = Math.min(batch, n - i);
    const part = new np.NDArray(x.data.subarray(i * row, (i + m) * row), [m, ...x.shape.slice(1)]);
    const y = net.predict(part, { train: false });
    const classes = y.shape[1];
    for (let r = 0; r < m; r++) {
      let best = 0;
      for (let j = 1; j < classes; j++) {
        if (y.data[r * classes + j] > y.data[r * classes + best]) best = j;
      }
      out[i + r] = best;
    }
    options.onProgress?.(i + m);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return out;
}
