/**
 * Chapter 6, §6.2: the scale of the initial weights (Xavier, He) and the activation-histogram
 * experiment of §6.2.2. Run `deno test chapters/06/weight_init_test.ts`, then
 * `deno task ch06:init-histograms --mine` to see your histograms.
 *
 * @module
 */

import { relu, sigmoid } from "../../lib/functions/activation.ts";
import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";

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
 * @param weightInitStd A standard deviation, or the name of a scheme.
 * @param nodesIn The number of nodes of the previous layer (the fan-in n).
 * @returns The standard deviation.
 */
export function weightScale(weightInitStd: WeightInitStd, nodesIn: number): number {
  // TODO: a number is the answer itself; "relu"/"he" give √(2/n), "sigmoid"/"xavier" √(1/n).
  return todo("weightScale", "06", weightInitStd, nodesIn);
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
 * @param x The input, `[samples, nodes]`.
 * @param options `layers` (5), `activation` ("sigmoid"), `weightInitStd` (1) and `rng`.
 * @returns The output of each layer, `[samples, nodes]` each.
 */
export function layerActivations(x: np.NDArray, options: LayerActivationsOptions): np.NDArray[] {
  // TODO: for each layer, draw W = options.rng.normal([nodes, nodes], { scale }), compute
  // a = x · W and z = f(a) (sigmoid, relu or np.tanh), keep z and feed it to the next layer.
  return todo("layerActivations", "06", x, options, relu, sigmoid, np);
}
