/**
 * Activation functions (the book's §3.2 and §3.5; `common/functions.py`).
 *
 * @module
 */

import * as np from "../np/mod.ts";

/**
 * The step function: 1 where x > 0, else 0 (§3.2.2).
 *
 * @example
 * ```ts
 * import { stepFunction } from "./activation.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(stepFunction(np.array([-1, 0, 2])).toArray(), [0, 0, 1]);
 * ```
 *
 * @param x Any array.
 * @returns An array of x's shape holding 0 and 1.
 */
export function stepFunction(x: np.NDArray): np.NDArray {
  return np.greater(x, 0);
}

/**
 * The sigmoid 1 / (1 + exp(-x)) (§3.2.4).
 *
 * @example
 * ```ts
 * import { sigmoid } from "./activation.ts";
 * import * as np from "../np/mod.ts";
 * import { assertAllClose } from "../testing/mod.ts";
 *
 * assertAllClose(sigmoid(np.array([-1, 1, 2])), [0.26894142, 0.73105858, 0.88079708], {
 *   rtol: 1e-7,
 *   atol: 1e-8,
 * });
 * ```
 *
 * @param x Any array.
 * @returns An array of x's shape with values in (0, 1).
 */
export function sigmoid(x: np.NDArray): np.NDArray {
  return np.div(1, np.add(1, np.exp(np.neg(x))));
}

/**
 * The ReLU max(0, x) (§3.2.7).
 *
 * @example
 * ```ts
 * import { relu } from "./activation.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(relu(np.array([-2, 0, 3])).toArray(), [0, 0, 3]);
 * ```
 *
 * @param x Any array.
 * @returns An array of x's shape.
 */
export function relu(x: np.NDArray): np.NDArray {
  return np.maximum(0, x);
}

/**
 * The identity, the output activation for regression (§3.4.2).
 *
 * @example
 * ```ts
 * import { identity } from "./activation.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const x = np.array([1, 2]);
 * assert.equal(identity(x), x);
 * ```
 *
 * @param x Any array.
 * @returns x itself.
 */
export function identity(x: np.NDArray): np.NDArray {
  return x;
}

/**
 * The softmax along the last axis, stable for large inputs: subtracting the maximum before
 * `exp` keeps it from overflowing (§3.5.2). A 2-D input is a batch of rows.
 *
 * @example
 * ```ts
 * import { softmax } from "./activation.ts";
 * import * as np from "../np/mod.ts";
 * import { assertAllClose } from "../testing/mod.ts";
 *
 * assertAllClose(softmax(np.array([0.3, 2.9, 4.0])), [0.01821127, 0.24519181, 0.73659691], {
 *   rtol: 1e-6,
 * });
 * ```
 *
 * @param x A vector or a batch of vectors (any rank; the last axis is normalised).
 * @returns An array of x's shape whose last-axis slices sum to 1.
 */
export function softmax(x: np.NDArray): np.NDArray {
  const shifted = np.sub(x, np.max(x, { axis: -1, keepdims: true }));
  const e = np.exp(shifted);
  return np.div(e, np.sum(e, { axis: -1, keepdims: true }));
}
