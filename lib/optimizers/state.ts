/**
 * The starting state of the optimizers that remember something per parameter.
 *
 * @module
 */

import * as np from "../np/mod.ts";
import type { Params } from "./types.ts";

/**
 * A zero array of each parameter's shape and dtype, under the same keys: the initial `v`, `h`
 * or `m` of an optimizer (the book's `np.zeros_like(val)` loop).
 *
 * @example
 * ```ts
 * import { zerosLikeEach } from "./state.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const v = zerosLikeEach({ W: np.ones([2, 3]), b: np.ones([3]) });
 * assert.deepEqual(v.W.shape, [2, 3]);
 * assert.equal(np.sum(v.b), 0);
 * ```
 *
 * @param params The parameters.
 * @returns New zero arrays, one per parameter.
 */
export function zerosLikeEach(params: Params): Params {
  const out: Params = {};
  for (const [key, val] of Object.entries(params)) out[key] = np.zerosLike(val);
  return out;
}
