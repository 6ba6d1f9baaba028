/**
 * Weight initialisation (the book's §6.2): {@linkcode weightScale} and the §6.2.2
 * experiment {@linkcode layerActivations}.
 *
 * @example
 * ```ts
 * import { weightScale } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(weightScale("relu", 2), 1);
 * ```
 *
 * @module
 */

export {
  type HistogramActivation,
  layerActivations,
  type LayerActivationsOptions,
  type WeightInitStd,
  weightScale,
} from "./weight_init.ts";
