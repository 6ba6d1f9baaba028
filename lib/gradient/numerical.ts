/**
 * Numerical differentiation and gradient descent (the book's §4.3–4.4; `common/gradient.py`
 * and `ch04/gradient_method.py`).
 *
 * @module
 */

import * as np from "../np/mod.ts";
import { GRADIENT_MESSAGES } from "./messages.ts";
import type { GradientDescentOptions, GradientDescentResult, NumericalOptions } from "./types.ts";
export type { GradientDescentOptions, GradientDescentResult, NumericalOptions } from "./types.ts";

/**
 * The derivative of a function of one number by the central difference
 * (f(x + h) − f(x − h)) / 2h (§4.3.1). A step much smaller than the book's 1e-4 loses
 * digits to rounding; the central difference keeps the truncation error small.
 *
 * @example The book's function 0.01x² + 0.1x at x = 5 (§4.3.2)
 * ```ts
 * import { numericalDiff } from "./numerical.ts";
 * import assert from "node:assert/strict";
 *
 * const f = (x: number) => 0.01 * x ** 2 + 0.1 * x;
 * assert.equal(numericalDiff(f, 5), 0.1999999999990898);
 * ```
 *
 * @param f A function of one number.
 * @param x Where to take the derivative.
 * @param options The step `h`.
 * @returns An approximation of f′(x).
 */
export function numericalDiff(
  f: (x: number) => number,
  x: number,
  options: NumericalOptions = {},
): number {
  const h = checkStep(options.h ?? 1e-4);
  return (f(x + h) - f(x - h)) / (2 * h);
}

/**
 * The gradient of a scalar function of an array of any shape, one central difference per
 * element (§4.4). Each element of `x` is perturbed in place and restored, so `f` may read
 * `x` itself (which is how a network's loss sees its weights change, §4.4.2).
 *
 * @example Σx² at (3, 4) (§4.4)
 * ```ts
 * import { numericalGradient } from "./numerical.ts";
 * import * as np from "../np/mod.ts";
 * import { assertAllClose } from "../testing/mod.ts";
 *
 * const f = (x: np.NDArray) => np.sum(np.square(x));
 * assertAllClose(numericalGradient(f, np.array([3, 4])), [6, 8], { rtol: 1e-9 });
 * ```
 *
 * @param f A function from an array to a number.
 * @param x The point; changed during the call, left as it was on return.
 * @param options The step `h`.
 * @returns An array of x's shape and dtype holding ∂f/∂x.
 */
export function numericalGradient(
  f: (x: np.NDArray) => number,
  x: np.NDArray,
  options: NumericalOptions = {},
): np.NDArray {
  const h = checkStep(options.h ?? 1e-4);
  const grad = np.zerosLike(x);
  for (let i = 0; i < x.size; i++) {
    const original = x.data[i];
    x.data[i] = original + h;
    const plus = f(x);
    x.data[i] = original - h;
    const minus = f(x);
    // Restore before the next element: f must see only one perturbed element at a time.
    x.data[i] = original;
    grad.data[i] = (plus - minus) / (2 * h);
  }
  return grad;
}

/**
 * Gradient descent with numerical gradients: x ← x − η ∇f(x), `stepNum` times (§4.4.1).
 * Unlike the book's version, the starting point is copied, not updated in place.
 *
 * @example The minimum of x0² + x1² from (−3, 4) (§4.4.1)
 * ```ts
 * import { gradientDescent } from "./numerical.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const f = (x: np.NDArray) => np.sum(np.square(x));
 * const { x, history } = gradientDescent(f, np.array([-3, 4]), { lr: 0.1, stepNum: 100 });
 * assert.ok(Math.abs(x.get(0)) < 1e-9 && Math.abs(x.get(1)) < 1e-9);
 * assert.equal(history.length, 100);
 * assert.deepEqual(history[0].toArray(), [-3, 4]);
 * ```
 *
 * @param f The function to minimise.
 * @param initX The starting point (not changed).
 * @param options The learning rate `lr` and the number of steps `stepNum`.
 * @returns The final point and the point before each step.
 */
export function gradientDescent(
  f: (x: np.NDArray) => number,
  initX: np.NDArray,
  options: GradientDescentOptions = {},
): GradientDescentResult {
  const lr = options.lr ?? 0.01, stepNum = options.stepNum ?? 100;
  if (!Number.isFinite(lr)) {
    throw new RangeError(GRADIENT_MESSAGES().learningRate(lr));
  }
  if (!Number.isInteger(stepNum) || stepNum < 0) {
    throw new RangeError(GRADIENT_MESSAGES().steps(stepNum));
  }
  let x = initX.clone();
  const history: np.NDArray[] = [];
  for (let i = 0; i < stepNum; i++) {
    history.push(x.clone());
    const grad = numericalGradient(f, x);
    // The book: x -= lr * grad
    x = np.sub(x, np.mul(lr, grad));
  }
  return { x, history };
}

function checkStep(h: number): number {
  if (!(h > 0) || !Number.isFinite(h)) {
    throw new RangeError(GRADIENT_MESSAGES().step(h));
  }
  return h;
}
