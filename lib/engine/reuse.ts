/**
 * The arrays an engine layer hands out, kept from batch to batch.
 *
 * @module
 */

import * as np from "../np/mod.ts";

/**
 * `old` when it has this shape and dtype (the caller is about to overwrite every element), else
 * a new array of zeros.
 *
 * A layer keeps the arrays it returns and writes the next batch's values into them: a fresh
 * array of megabytes costs about as much as the layer's own work (the system maps and zeroes
 * new pages), and DeepConvNet's layers asked for 85 MB of them per step of 100 images. An array
 * a layer returns is therefore valid until the layer's next pass in the same direction.
 *
 * @example
 * ```ts
 * import { reuse } from "./reuse.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const a = reuse(null, [2, 3], "float32");
 * assert.equal(reuse(a, [2, 3], "float32"), a);
 * assert.notEqual(reuse(a, [3, 2], "float32"), a);
 * ```
 *
 * @param old The array handed out last time, if any.
 * @param shape The shape wanted.
 * @param dtype The dtype wanted.
 * @returns `old` or a new array.
 */
export function reuse(
  old: np.NDArray | null | undefined,
  shape: readonly number[],
  dtype: np.DType,
): np.NDArray {
  const fits = old != null && old.dtype === dtype && old.ndim === shape.length &&
    old.shape.every((n, i) => n === shape[i]);
  return fits ? old : np.zeros([...shape], { dtype });
}
