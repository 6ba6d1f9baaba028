/**
 * The optimizers of the book's §6.1: `SGD`, `Momentum`, `Nesterov`, `AdaGrad`, `RMSprop`
 * and `Adam`, each with `update(params, grads)` that changes the parameters in place.
 *
 * @example A training step
 * ```ts
 * import { Adam } from "./mod.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const params = { W: np.array([[1, 2]]), b: np.array([0]) };
 * const grads = { W: np.array([[0.5, -0.5]]), b: np.array([1]) };
 * const optimizer = new Adam({ lr: 0.01 });
 * optimizer.update(params, grads);
 * assert.ok(params.W.get(0, 0) < 1 && params.W.get(0, 1) > 2 && params.b.get(0) < 0);
 * assert.equal(optimizer.iter, 1);
 * ```
 *
 * @module
 */

export { AdaGrad, Adam, Momentum, Nesterov, RMSprop, SGD } from "./optimizer.ts";
export type {
  AdaGradOptions,
  AdamOptions,
  MomentumOptions,
  Optimizer,
  Params,
  RMSpropOptions,
  SGDOptions,
} from "./types.ts";
export { checkParamsAndGrads } from "./check.ts";
