/**
 * Perceptrons (the book's chapter 2): a weighted sum plus a bias, then a step; the logic
 * gates AND, NAND and OR as single perceptrons (§2.3); XOR as two layers of them (§2.5).
 *
 * The gate names are the book's, in capitals.
 *
 * @example The gates' truth tables
 * ```ts
 * import { AND, NAND, OR, XOR } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const inputs = [[0, 0], [1, 0], [0, 1], [1, 1]];
 * assert.deepEqual(inputs.map(([a, b]) => AND(a, b)), [0, 0, 0, 1]);
 * assert.deepEqual(inputs.map(([a, b]) => NAND(a, b)), [1, 1, 1, 0]);
 * assert.deepEqual(inputs.map(([a, b]) => OR(a, b)), [0, 1, 1, 1]);
 * assert.deepEqual(inputs.map(([a, b]) => XOR(a, b)), [0, 1, 1, 0]);
 * ```
 *
 * @module
 */

import * as np from "../np/mod.ts";

/** The weights and the bias of one perceptron (§2.3.2). */
export interface PerceptronWeights {
  /** One weight per input: how much each input counts. */
  w: np.ArrayLike;
  /** The bias: how easily the perceptron fires (the negated threshold θ). */
  b: number;
}

/**
 * One perceptron: 1 when the weighted sum of the inputs plus the bias is above 0, else 0
 * (§2.3.2, equation 2.2): `y = 0 if b + w1·x1 + w2·x2 <= 0, else 1`.
 *
 * @example The book's example (§2.3.2)
 * ```ts
 * import { perceptron } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * // w·x + b = 0.5·0 + 0.5·1 - 0.7 = -0.2 <= 0
 * assert.equal(perceptron([0, 1], { w: [0.5, 0.5], b: -0.7 }), 0);
 * assert.equal(perceptron([1, 1], { w: [0.5, 0.5], b: -0.7 }), 1);
 * ```
 *
 * @param x The inputs (any numbers, not only 0 and 1).
 * @param weights `w`, one weight per input, and the bias `b`.
 * @returns 0 or 1.
 * @throws {TypeError} when x and w do not have the same shape.
 */
export function perceptron(x: np.ArrayLike, weights: PerceptronWeights): 0 | 1 {
  const { w, b } = weights;
  const tmp = np.sum(np.mul(w, x)) + b;
  return tmp <= 0 ? 0 : 1;
}

/**
 * The AND gate as a perceptron with the book's weights w = (0.5, 0.5) and bias b = -0.7
 * (§2.3.3): it fires only when both inputs are 1.
 *
 * @example
 * ```ts
 * import { AND } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(AND(1, 1), 1);
 * assert.equal(AND(1, 0), 0);
 * ```
 *
 * @param x1 The first input.
 * @param x2 The second input.
 * @returns 1 when 0.5·x1 + 0.5·x2 - 0.7 > 0, else 0.
 */
export function AND(x1: number, x2: number): 0 | 1 {
  return perceptron([x1, x2], { w: [0.5, 0.5], b: -0.7 });
}

/**
 * The NAND gate (Not AND): AND's weights and bias with their signs flipped,
 * w = (-0.5, -0.5), b = 0.7 (§2.3.3).
 *
 * @example
 * ```ts
 * import { NAND } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(NAND(1, 1), 0);
 * assert.equal(NAND(0, 1), 1);
 * ```
 *
 * @param x1 The first input.
 * @param x2 The second input.
 * @returns 0 when -0.5·x1 - 0.5·x2 + 0.7 <= 0, else 1.
 */
export function NAND(x1: number, x2: number): 0 | 1 {
  return perceptron([x1, x2], { w: [-0.5, -0.5], b: 0.7 });
}

/**
 * The OR gate: AND's weights with a bias of -0.2, so one input of 1 is enough (§2.3.3).
 *
 * @example
 * ```ts
 * import { OR } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(OR(0, 1), 1);
 * assert.equal(OR(0, 0), 0);
 * ```
 *
 * @param x1 The first input.
 * @param x2 The second input.
 * @returns 1 when 0.5·x1 + 0.5·x2 - 0.2 > 0, else 0.
 */
export function OR(x1: number, x2: number): 0 | 1 {
  return perceptron([x1, x2], { w: [0.5, 0.5], b: -0.2 });
}

/**
 * The XOR gate as a two-layer perceptron (§2.5.2): no single perceptron can draw its
 * boundary with one straight line (§2.4), but NAND and OR in the first layer, fed into AND in
 * the second, can.
 *
 * @example
 * ```ts
 * import { XOR } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(XOR(1, 0), 1);
 * assert.equal(XOR(1, 1), 0);
 * ```
 *
 * @param x1 The first input.
 * @param x2 The second input.
 * @returns AND(NAND(x1, x2), OR(x1, x2)).
 */
export function XOR(x1: number, x2: number): 0 | 1 {
  const s1 = NAND(x1, x2);
  const s2 = OR(x1, x2);
  return AND(s1, s2);
}
