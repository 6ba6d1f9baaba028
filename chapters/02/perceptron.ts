/**
 * Chapter 02: perceptrons (the book's §2.3–2.5). One perceptron, the gates AND, NAND and OR
 * made of one perceptron each, and XOR made of two layers of them.
 *
 * The book writes `np.sum(w * x) + b`; here that is `np.sum(np.mul(w, x)) + b` with
 * `import * as np from "../../lib/np/mod.ts"`. The gate names are the book's, in capitals.
 *
 * @module
 */

import { todo } from "../../lib/kata/todo.ts";
import type * as np from "../../lib/np/mod.ts";

/** The weights and the bias of one perceptron (§2.3.2). */
export interface PerceptronWeights {
  /** One weight per input: how much each input counts. */
  w: np.ArrayLike;
  /** The bias: how easily the perceptron fires (the negated threshold θ). */
  b: number;
}

/**
 * One perceptron: 1 when the weighted sum of the inputs plus the bias is above 0, else 0
 * (§2.3.2, equation 2.2): `y = 0 if b + w1·x1 + w2·x2 <= 0, else 1`. Exactly 0 gives 0.
 *
 * `perceptron([0, 1], { w: [0.5, 0.5], b: -0.7 })` is 0 (the sum is -0.2).
 *
 * @param x The inputs (any numbers, not only 0 and 1).
 * @param weights `w`, one weight per input, and the bias `b`.
 * @returns 0 or 1.
 */
export function perceptron(x: np.ArrayLike, weights: PerceptronWeights): 0 | 1 {
  // TODO: tmp = Σ w·x + b; return 0 when tmp <= 0, else 1.
  return todo("perceptron", "02", x, weights);
}

/**
 * The AND gate as a perceptron with the book's weights w = (0.5, 0.5) and bias b = -0.7
 * (§2.3.3): it fires only when both inputs are 1.
 *
 * @param x1 The first input.
 * @param x2 The second input.
 * @returns 1 when 0.5·x1 + 0.5·x2 - 0.7 > 0, else 0.
 */
export function AND(x1: number, x2: number): 0 | 1 {
  // TODO: one perceptron with the book's weights and bias.
  return todo("AND", "02", x1, x2);
}

/**
 * The NAND gate (Not AND): AND's weights and bias with their signs flipped,
 * w = (-0.5, -0.5), b = 0.7 (§2.3.3).
 *
 * @param x1 The first input.
 * @param x2 The second input.
 * @returns 0 when -0.5·x1 - 0.5·x2 + 0.7 <= 0, else 1.
 */
export function NAND(x1: number, x2: number): 0 | 1 {
  // TODO: the same perceptron as AND, other weights.
  return todo("NAND", "02", x1, x2);
}

/**
 * The OR gate: AND's weights with a bias of -0.2, so one input of 1 is enough (§2.3.3).
 *
 * @param x1 The first input.
 * @param x2 The second input.
 * @returns 1 when 0.5·x1 + 0.5·x2 - 0.2 > 0, else 0.
 */
export function OR(x1: number, x2: number): 0 | 1 {
  // TODO: the same perceptron as AND, another bias.
  return todo("OR", "02", x1, x2);
}

/**
 * The XOR gate as a two-layer perceptron (§2.5.2): no single perceptron can draw its
 * boundary with one straight line (§2.4), but NAND and OR in the first layer, fed into AND in
 * the second, can. Build it from your gates, not from `!==`: the tests feed it real numbers.
 *
 * @param x1 The first input.
 * @param x2 The second input.
 * @returns AND(NAND(x1, x2), OR(x1, x2)).
 */
export function XOR(x1: number, x2: number): 0 | 1 {
  // TODO: s1 = NAND(x1, x2), s2 = OR(x1, x2), then AND(s1, s2).
  return todo("XOR", "02", x1, x2);
}
