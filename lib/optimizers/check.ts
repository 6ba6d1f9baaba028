/**
 * The check every optimizer of the reference makes before a step: each parameter has a
 * gradient of its shape. A mismatch would otherwise broadcast silently or write garbage.
 *
 * @module
 */

import { showShape } from "../np/ndarray.ts";
import { OPTIMIZER_MESSAGES } from "./messages.ts";
import type { Params } from "./types.ts";

/**
 * Throws a `TypeError` when `grads` lacks a parameter's gradient or has one of another shape.
 *
 * @example
 * ```ts
 * import { checkParamsAndGrads } from "./check.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const params = { W: np.zeros([2, 2]) };
 * checkParamsAndGrads(params, { W: np.ones([2, 2]) }, "SGD");
 * assert.throws(() => checkParamsAndGrads(params, {}, "SGD"), /no gradient for parameter "W"/);
 * ```
 *
 * @param params The parameters about to be updated.
 * @param grads Their gradients.
 * @param name The optimizer's name, for the message.
 */
export function checkParamsAndGrads(params: Params, grads: Params, name: string): void {
  for (const [key, param] of Object.entries(params)) {
    const grad = grads[key];
    if (grad === undefined) {
      throw new TypeError(
        OPTIMIZER_MESSAGES().noGradient(name, key, Object.keys(grads).join(", ")),
      );
    }
    if (grad.size !== param.size || grad.shape.some((n, i) => n !== param.shape[i])) {
      throw new TypeError(
        OPTIMIZER_MESSAGES().gradientShape(
          name,
          key,
          showShape(grad.shape),
          showShape(param.shape),
        ),
      );
    }
  }
}
