/**
 * Initial weights (the book's §6.2): the scale of the random normal weights, from a fixed
 * standard deviation or from the layer's fan-in (Xavier for sigmoid and tanh, He for ReLU), and
 * the §6.2.2 experiment that shows why the scale matters.
 *
 * @module
 */

import { relu, sigmoid } from "../functions/activation.ts";
import * as np from "../np/mod.ts";

/**
 * How to scale the initial weights, as the book's `weight_init_std`: a standard deviation, or
 * `"relu"`/`"he"` for He's √(2/n), or `"sigmoid"`/`"xavier"` for Xavier's √(1/n), where n is
 * the number of nodes of the previous layer.
 */
export type WeightInitStd = "relu" | "he" | "sigmoid" | "xavier" | number;

/** An activation of the §6.2.2 experiment. */
export type HistogramActivation = "sigmoid" | "relu" | "tanh";

/**
 * The standard deviation of a layer's initial weights (§6.2.2–6.2.3, `MultiLayerNet.__init_weight`):
 * √(2/n) for `"relu"`/`"he"`, √(1/n) for `"sigmoid"`/`"xavier"`, or the number given.
 *
 * @example
 * ```ts
 * import { weightScale } from "./weight_init.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(weightScale("he", 50), 0.2);
 * assert.equal(weightScale("xavier", 100), 0.1);
 * assert.equal(weightScale(0.01, 100), 0.01);
 * ```
 *
 * @param weightInitStd A standard deviation, or the name of a scheme.
 * @param nodesIn The number of nodes of the previous layer (the fan-in n).
 * @returns The standard deviation.
 */
export function weightScale(weightInitStd: WeightInitStd, nodesIn: number): number {
  if (!Number.isInteger(nodesIn) || nodesIn <= 0) {
    throw new RangeError(`weightScale needs a positive number of input nodes, got ${nodesIn}`);
  }
  if (typeof weightInitStd === "number") {
    if (!(weightInitStd >= 0)) {
      throw new RangeError(`A weight standard deviation must be >= 0, got ${weightInitStd}`);
    }
    return weightInitStd;
  }
  switch (String(weightInitStd).toLowerCase()) {
    case "relu":
    case "he":
      return Math.sqrt(2.0 / nodesIn);
    case "sigmoid":
    case "xavier":
      return Math.sqrt(1.0 / nodesIn);
  }
  throw new RangeError(
    `Unknown weight initialisation ${JSON.stringify(weightInitStd)}: use a number, ` +
      `"relu", "he", "sigmoid" or "xavier"`,
  );
}

/** Options of {@linkcode layerActivations}. */
export interface LayerActivationsOptions {
  /** The number of layers (5, as the book). */
  layers?: number;
  /** The activation of every layer (sigmoid, as the book's first runs). */
  activation?: HistogramActivation;
  /** The scale of the weights (1, as the book's first run). */
  weightInitStd?: WeightInitStd;
  /** The generator of the weights. */
  rng: np.Generator;
}

/**
 * The §6.2.2 experiment: passes x (`[samples, nodes]`, the book uses 1000 × 100 standard
 * normal numbers) through `layers` layers of `nodes` units without biases, each z = f(a · W)
 * with W normal of standard deviation {@linkcode weightScale}, and returns every layer's
 * output, whose histograms show vanishing gradients or lost expressiveness.
 *
 * @example With std 1, sigmoid outputs crowd at 0 and 1 (figure 6-10)
 * ```ts
 * import { layerActivations } from "./weight_init.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const x = np.rng(0).standardNormal([200, 100]);
 * const out = layerActivations(x, { weightInitStd: 1, rng: np.rng(1) });
 * assert.equal(out.length, 5);
 * const last = out[4].data;
 * const extreme = last.filter((v) => v < 0.1 || v > 0.9).length / last.length;
 * assert.ok(extreme > 0.7);
 * ```
 *
 * @param x The input, `[samples, nodes]`.
 * @param options `layers` (5), `activation` ("sigmoid"), `weightInitStd` (1) and `rng`.
 * @returns The output of each layer, `[samples, nodes]` each.
 */
export function layerActivations(x: np.NDArray, options: LayerActivationsOptions): np.NDArray[] {
  const layers = options.layers ?? 5;
  const activation = options.activation ?? "sigmoid";
  const nodes = x.shape[1];
  const scale = weightScale(options.weightInitStd ?? 1, nodes);
  const f = { sigmoid, relu, tanh: (a: np.NDArray) => np.tanh(a) }[activation];
  if (f === undefined) {
    throw new RangeError(
      `Unknown activation ${JSON.stringify(activation)}: use "sigmoid", "relu" or "tanh"`,
    );
  }
  const activations: np.NDArray[] = [];
  for (let i = 0; i < layers; i++) {
    if (i !== 0) x = activations[i - 1];
    const w = options.rng.normal([nodes, nodes], { scale });
    const a = np.dot(x, w);
    activations.push(f(a));
  }
  return activations;
}
