/**
 * `np`: the NumPy-style core of the workbook. Import it the way the book imports NumPy:
 *
 * ```ts
 * import * as np from "../../lib/np/mod.ts";
 * ```
 *
 * @example The book's first steps (§1.5)
 * ```ts
 * import * as np from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const x = np.array([1.0, 2.0, 3.0]);
 * const y = np.array([2.0, 4.0, 6.0]);
 * assert.deepEqual(np.add(x, y).toArray(), [3, 6, 9]);
 * assert.deepEqual(np.div(x, 2.0).toArray(), [0.5, 1, 1.5]);
 * const A = np.array([[1, 2], [3, 4]]);
 * assert.deepEqual(np.mul(A, np.array([10, 20])).toArray(), [[10, 40], [30, 80]]);
 * ```
 *
 * @module
 */

export {
  type ArrayLike,
  type DType,
  NDArray,
  type NestedArray,
  type Shape,
  type TypedArray,
} from "./ndarray.ts";
export type { SliceSpec } from "./slicing.ts";
export { broadcastShapes } from "./broadcast.ts";
export * from "./creation.ts";
export * from "./elementwise.ts";
export * from "./reduce.ts";
export * from "./linalg.ts";
export * from "./manipulation.ts";
export { Generator, type GeneratorState, rng, type SampleOptions } from "./random.ts";
