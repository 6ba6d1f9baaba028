/**
 * Chapter 4, §4.3–4.4: numerical differentiation, gradients and gradient descent.
 *
 * Run `deno test chapters/04/gradient_test.ts`.
 *
 * @module
 */

import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";
import type {
  GradientDescentOptions,
  GradientDescentResult,
  NumericalOptions,
} from "../../lib/gradient/numerical.ts";

export type { GradientDescentOptions, GradientDescentResult, NumericalOptions };

/**
 * The derivative of a function of one number by the central difference
 * (f(x + h) − f(x − h)) / 2h, with h = 1e-4 unless `options.h` says otherwise (§4.3.1).
 *
 * @param f A function of one number.
 * @param x Where to take the derivative.
 * @param options The step `h` (1e-4).
 * @returns An approximation of f′(x).
 */
export function numericalDiff(
  f: (x: number) => number,
  x: number,
  options: NumericalOptions = {},
): number {
  // TODO: const h = options.h ?? 1e-4; return the central difference.
  return todo("numericalDiff", "04", f, x, options);
}

/**
 * The gradient of a scalar function of an array of any shape, one central difference per
 * element (§4.4). Perturb each element of `x` in place (`x.data[i]`), call `f(x)`, and put
 * the element back, so that `f` may read `x` itself.
 *
 * @param f A function from an array to a number.
 * @param x The point; changed during the call, left as it was on return.
 * @param options The step `h` (1e-4).
 * @returns An array of x's shape and dtype holding ∂f/∂x (start from `np.zerosLike(x)`).
 */
export function numericalGradient(
  f: (x: np.NDArray) => number,
  x: np.NDArray,
  options: NumericalOptions = {},
): np.NDArray {
  // TODO: for each i: remember x.data[i]; f at +h; f at −h; restore; grad.data[i] = (…) / 2h.
  return todo("numericalGradient", "04", f, x, options, np);
}

/**
 * Gradient descent with numerical gradients: x ← x − lr · ∇f(x), `stepNum` times (§4.4.1).
 * Work on a copy of `initX` (`initX.clone()`) and record the point before each step.
 *
 * @param f The function to minimise.
 * @param initX The starting point (not changed).
 * @param options The learning rate `lr` (0.01) and the number of steps `stepNum` (100).
 * @returns `{ x, history }`: the final point, and the point before each step (`stepNum` copies).
 */
export function gradientDescent(
  f: (x: np.NDArray) => number,
  initX: np.NDArray,
  options: GradientDescentOptions = {},
): GradientDescentResult {
  // TODO: x = initX.clone(); repeat stepNum times: history.push(x.clone()), then
  // x −= lr · numericalGradient(f, x) (np.sub with { out: x } updates in place).
  return todo("gradientDescent", "04", f, initX, options);
}
