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
 * He's √(2/n) for `"relu"`/`"he"`, Xavier's √(1/n) for `"sigmoid"`/`"xavier"`, or the number
 * given.
 *
 * Tested: both schemes under both names, and a number given as it is.
 *
 * @param weightInitStd A standard deviation, or the name of a scheme.
 * @param nodesIn The number of nodes of the previous layer (the fan-in n).
 * @returns The standard deviation.
 */
export function weightScale(weightInitStd: WeightInitStd, nodesIn: number): number {
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
 * The §6.2.2 experiment (`ch06/weight_init_activation_histogram.py`): passes x
 * (`[samples, nodes]`; the book uses 1000 × 100 standard normal numbers) through `layers`
 * layers of `nodes` units without biases. Layer k computes zₖ = f(zₖ₋₁ · Wₖ) with z₀ = x, f
 * the activation (`sigmoid` and `relu` of lib are imported for you; tanh is in `lib/np`) and
 * Wₖ `[nodes, nodes]` drawn from `options.rng`, normal with mean 0 and the standard deviation
 * of {@linkcode weightScale}. The histograms of the outputs show vanishing gradients or lost
 * expressiveness.
 *
 * Tested: the figures' findings (std 1 saturates the sigmoid, std 0.01 bunches it at 0.5,
 * Xavier keeps it spread, He keeps ReLU layers alike), tanh, the number of layers, and the
 * same output for the same generator.
 *
 * @param x The input, `[samples, nodes]`.
 * @param options `layers` (5), `activation` ("sigmoid"), `weightInitStd` (1) and `rng`.
 * @returns The output of each layer, `[samples, nodes]` each.
 */
export function layerActivations(x: np.NDArray, options: LayerActivationsOptions): np.NDArray[] {
  return todo("layerActivations", "06", x, options, relu, sigmoid, np);
}
