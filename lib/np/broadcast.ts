/**
 * NumPy's broadcasting rule (NumPy user guide, "Broadcasting"; the book's §1.5.5).
 *
 * @module
 */

import { NP_MESSAGES } from "./messages.ts";
import { type Shape, showShape } from "./ndarray.ts";

/**
 * The shape two arrays broadcast to: align the shapes at their last axes; along each axis
 * the sizes must be equal or one of them 1 (a missing axis counts as 1).
 *
 * @example
 * ```ts
 * import { broadcastShapes } from "./broadcast.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(broadcastShapes([2, 3], [3]), [2, 3]);
 * assert.deepEqual(broadcastShapes([4, 1], [1, 5]), [4, 5]);
 * assert.throws(() => broadcastShapes([2, 3], [4]), TypeError);
 * ```
 *
 * @param a The first shape.
 * @param b The second shape.
 * @returns The broadcast shape.
 * @throws {TypeError} "operands could not be broadcast together with shapes [2, 3] and [4]".
 */
export function broadcastShapes(a: Shape, b: Shape): number[] {
  const ndim = Math.max(a.length, b.length);
  const out = new Array<number>(ndim);
  for (let i = 1; i <= ndim; i++) {
    const m = i <= a.length ? a[a.length - i] : 1;
    const n = i <= b.length ? b[b.length - i] : 1;
    if (m !== n && m !== 1 && n !== 1) {
      throw new TypeError(NP_MESSAGES().notBroadcast(showShape(a), showShape(b), m, n, i));
    }
    out[ndim - i] = m === 1 ? n : m;
  }
  return out;
}
