/**
 * Numerical gradients for testing backward passes (the book's §4.4 and §5.7.3).
 *
 * @module
 */

import { AssertionError } from "node:assert";
import assert from "node:assert/strict";
import { NDArray, showShape } from "../np/ndarray.ts";
import { assertAllClose } from "./all_close.ts";
import { errorPattern, relativeError, textHeatmap, writeHeatmap } from "./gradient_report.ts";
import { TESTING } from "./messages.ts";

/**
 * The gradient of a scalar function of `x` by central differences:
 * (f(x + h) - f(x - h)) / 2h for each element, changing `x` in place and restoring it.
 *
 * @example
 * ```ts
 * import { numericalGradientOf } from "./mod.ts";
 * import * as np from "../np/mod.ts";
 * import { assertAllClose } from "./mod.ts";
 *
 * const x = np.array([3, 4]);
 * const grad = numericalGradientOf(() => np.sum(np.square(x)), x);
 * assertAllClose(grad, [6, 8], { rtol: 1e-6 });
 * ```
 *
 * @param f A function that reads `x` (and anything else) and returns a number.
 * @param x The array to differentiate with respect to; left unchanged on return.
 * @param options `h`, the step (1e-4 by default, as in the book; use 1e-6 or so for float64
 * checks of backward passes).
 * @returns An array of x's shape and dtype holding ∂f/∂x.
 */
export function numericalGradientOf(
  f: () => number,
  x: NDArray,
  options: { h?: number } = {},
): NDArray {
  const h = options.h ?? 1e-4;
  const grad = x.clone();
  for (let i = 0; i < x.size; i++) {
    const original = x.data[i];
    x.data[i] = original + h;
    const plus = f();
    x.data[i] = original - h;
    const minus = f();
    x.data[i] = original;
    grad.data[i] = (plus - minus) / (2 * h);
  }
  return grad;
}

/** Options of {@linkcode assertGradientsClose}. */
export interface GradientCheckOptions {
  /** The difference step (1e-6 by default: float64 checks want a smaller h than the book's). */
  h?: number;
  /** Relative tolerance (1e-5 by default). */
  rtol?: number;
  /** Absolute tolerance (1e-7 by default). */
  atol?: number;
  /** What the gradient is, for the message and the heatmap's file: `"dW"`, `"dx"`. */
  name?: string;
  /** The failure's first line instead of "`name` differs from the numerical gradient". */
  msg?: string;
}

/**
 * Asserts that an analytic gradient matches the numerical one, the check every backward
 * pass in the workbook gets (§5.7.3, "gradient check").
 *
 * @example A backward pass for f(x) = Σ x³
 * ```ts
 * import { assertGradientsClose } from "./mod.ts";
 * import * as np from "../np/mod.ts";
 *
 * const x = np.array([[1, -2], [0.5, 3]]);
 * const f = () => np.sum(np.pow(x, 3));
 * assertGradientsClose(np.mul(3, np.square(x)), f, x);
 * ```
 *
 * @param analytic The gradient the backward pass computed (same shape as `x`).
 * @param f The scalar function whose gradient it should be.
 * @param x The input the gradient is with respect to.
 * @param options Step and tolerances.
 */
export function assertGradientsClose(
  analytic: NDArray,
  f: () => number,
  x: NDArray,
  options: GradientCheckOptions = {},
): void {
  const numeric = numericalGradientOf(f, x, { h: options.h ?? 1e-6 });
  assertGradientMatches(analytic, numeric, options);
}

/**
 * Asserts that an analytic gradient matches a numerical one already computed. On failure the
 * message says where the error concentrates (rows, columns, a transpose, the border), shows a
 * text heatmap of the relative error, and names the PNG heatmap written under `out/` when the
 * tests may write there.
 *
 * @example
 * ```ts
 * import { assertGradientMatches } from "./gradient_check.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const numeric = np.array([[1, 2, 3], [4, 5, 6]]);
 * assert.throws(
 *   () => assertGradientMatches(np.array([[1, 2, 3], [0, 0, 0]]), numeric, { name: "db" }),
 *   /db differs from the numerical gradient[\s\S]*whole rows 1/,
 * );
 * ```
 *
 * @param analytic The backward pass's gradient.
 * @param numeric The numerical gradient.
 * @param options Tolerances, the gradient's name, and optionally the failure's first line.
 */
export function assertGradientMatches(
  analytic: NDArray,
  numeric: NDArray,
  options: GradientCheckOptions = {},
): void {
  const tolerance = { rtol: options.rtol ?? 1e-5, atol: options.atol ?? 1e-7 };
  const m = TESTING();
  const name = options.name ?? m.analyticGradient;
  try {
    assertAllClose(analytic, numeric, {
      ...tolerance,
      msg: options.msg ?? m.differsFromNumerical(name, showShape(numeric.shape)),
    });
  } catch (error) {
    if (!(error instanceof AssertionError)) throw error;
    const lines = errorPattern(analytic, numeric, tolerance).map((p) => m.where(p));
    const sameShape = analytic.ndim === numeric.ndim &&
      analytic.shape.every((n, i) => n === numeric.shape[i]);
    if (sameShape && analytic.ndim >= 2) {
      const grid = relativeError(analytic, numeric, tolerance);
      const file = options.name ?? options.msg?.slice(0, 40) ?? "gradient";
      lines.push(...textHeatmap(grid, tolerance), writeHeatmap(grid, file));
    }
    if (lines.length === 0) throw error;
    throw new AssertionError({
      message: `${error.message}\n${lines.join("\n")}`,
      actual: analytic,
      expected: numeric,
    });
  }
}

/** Options of {@linkcode assertNetGradients}. */
export interface NetGradientOptions extends GradientCheckOptions {
  /** The keys `grads` must have, sorted (default: the parameters' names, sorted). */
  keys?: string[];
}

/**
 * Asserts a network's gradients (§5.7.3's gradient check for a whole network): exactly the
 * expected keys, each an array of its parameter's shape (a missing key is named, never a crash
 * on `undefined`), each equal to the numerical gradient of `loss` by that parameter.
 *
 * @example
 * ```ts
 * import { assertNetGradients } from "./gradient_check.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const params = { W: np.array([1, 2]) };
 * const loss = () => np.sum(np.square(params.W));
 * assertNetGradients({ W: np.array([2, 4]) }, params, loss);
 * assert.throws(() => assertNetGradients({}, params, loss), /gradient's keys: , expected W/);
 * ```
 *
 * @param grads The gradients the network's `gradient()` returned.
 * @param params The network's parameters, which `loss` reads.
 * @param loss The loss as a function of the parameters.
 * @param options Step, tolerances and the expected keys.
 */
export function assertNetGradients(
  grads: Record<string, unknown>,
  params: Record<string, NDArray>,
  loss: () => number,
  options: NetGradientOptions = {},
): void {
  const m = TESTING();
  const keys = Object.keys(grads).sort();
  const expected = options.keys ?? Object.keys(params).sort();
  assert.deepEqual(keys, expected, m.gradientKeys(`${keys}`, `${expected}`));
  for (const key of expected) {
    const grad = grads[key], shape = params[key].shape;
    const present = grad instanceof NDArray;
    assert.ok(present, m.gradientMissing(key, `${grad}`, `${shape}`));
    assert.deepEqual(grad.shape, shape, m.gradientShape(key, `${grad.shape}`));
  }
  for (const key of Object.keys(params)) {
    const numeric = numericalGradientOf(loss, params[key], { h: options.h ?? 1e-6 });
    assertGradientMatches(grads[key] as NDArray, numeric, {
      ...options,
      msg: m.againstNumerical(key),
    });
  }
}
