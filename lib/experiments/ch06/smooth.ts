/**
 * The book's `smooth_curve` (`common/util.py`): a Kaiser-window moving average that makes
 * noisy per-iteration losses readable (figures 6-9 and 6-15).
 *
 * @module
 */

/** The modified Bessel function of the first kind, order 0, by its power series. */
function besselI0(x: number): number {
  let sum = 1, term = 1;
  for (let k = 1; k < 50; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return sum;
}

/**
 * NumPy's `np.kaiser(m, beta)`: w[n] = I0(β √(1 − (2n/(m−1) − 1)²)) / I0(β).
 *
 * @example
 * ```ts
 * import { kaiser } from "./smooth.ts";
 * import assert from "node:assert/strict";
 *
 * const w = kaiser(11, 2);
 * assert.equal(w[5], 1);
 * assert.ok(Math.abs(w[0] - 0.4386762798370488) < 1e-12); // np.kaiser(11, 2)[0]
 * ```
 *
 * @param m The window length.
 * @param beta The shape parameter β.
 * @returns The window's m weights.
 */
export function kaiser(m: number, beta: number): number[] {
  if (m === 1) return [1];
  return Array.from({ length: m }, (_, n) => {
    const r = (2 * n) / (m - 1) - 1;
    return besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / besselI0(beta);
  });
}

/**
 * The book's `smooth_curve(x)`: the values mirrored 10 deep at both ends, convolved with a
 * normalized Kaiser window of length 11 (β = 2), the same length as the input.
 *
 * @example
 * ```ts
 * import { smoothCurve } from "./smooth.ts";
 * import assert from "node:assert/strict";
 *
 * const flat = smoothCurve(Array(20).fill(3));
 * assert.ok(flat.every((v) => Math.abs(v - 3) < 1e-12));
 * assert.equal(flat.length, 20);
 * ```
 *
 * @param x The values (at least 11, as the book's code needs).
 * @returns The smoothed values, one per input value.
 */
export function smoothCurve(x: readonly number[]): number[] {
  const windowLen = 11;
  if (x.length < windowLen) {
    throw new RangeError(`smoothCurve needs at least ${windowLen} values, got ${x.length}`);
  }
  // s = np.r_[x[window_len-1:0:-1], x, x[-1:-window_len:-1]]
  const s = [
    ...x.slice(1, windowLen).reverse(),
    ...x,
    ...x.slice(x.length - windowLen + 1).reverse(),
  ];
  const w = kaiser(windowLen, 2);
  const total = w.reduce((p, q) => p + q, 0);
  const y: number[] = [];
  // np.convolve(w / w.sum(), s, mode="valid"); the window is symmetric, so no flip is needed.
  for (let i = 0; i + windowLen <= s.length; i++) {
    let acc = 0;
    for (let j = 0; j < windowLen; j++) acc += w[j] * s[i + j];
    y.push(acc / total);
  }
  return y.slice(5, y.length - 5);
}
