/**
 * `assertAllClose`: NumPy's `numpy.testing.assert_allclose` for the workbook's arrays.
 *
 * @module
 */

import { AssertionError } from "node:assert";
import { asarray } from "../np/creation.ts";
import { type ArrayLike, showShape } from "../np/ndarray.ts";
import { TESTING } from "./messages.ts";

/** Tolerances of {@linkcode assertAllClose}. */
export interface AllCloseOptions {
  /** Relative tolerance (1e-7 by default, as in NumPy). */
  rtol?: number;
  /** Absolute tolerance (0 by default, as in NumPy). */
  atol?: number;
  /** Words to put before the report, to say what was compared. */
  msg?: string;
}

const SHOWN_MISMATCHES = 5;

/**
 * Asserts that two arrays have the same shape and that every element satisfies
 * `|actual - desired| <= atol + rtol * |desired|`. NaN equals NaN, and infinities must match
 * exactly, as in NumPy. The failure message gives the mismatch count, the largest absolute
 * and relative differences, and the first mismatching indices with both values.
 *
 * @example
 * ```ts
 * import { assertAllClose } from "./mod.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * assertAllClose(np.array([1, 2]), [1, 2 + 1e-9]);
 * assert.throws(() => assertAllClose([1, 2], [1, 3]), /Mismatched elements: 1 \/ 2/);
 * ```
 *
 * @param actual The array computed.
 * @param desired The array expected.
 * @param options `rtol`, `atol` and an optional `msg`.
 * @throws {AssertionError} when the shapes differ or some element is not close.
 */
export function assertAllClose(
  actual: ArrayLike,
  desired: ArrayLike,
  options: AllCloseOptions = {},
): void {
  const rtol = options.rtol ?? 1e-7, atol = options.atol ?? 0;
  const a = asarray(actual), d = asarray(desired);
  const m = TESTING();
  const header = m.notClose(rtol, atol) + (options.msg ? `\n${options.msg}` : "");
  if (a.ndim !== d.ndim || a.shape.some((n, i) => n !== d.shape[i])) {
    throw new AssertionError({
      message: `${header}\n${m.shapesMismatch(showShape(a.shape), showShape(d.shape))}`,
    });
  }
  const bad: number[] = [];
  let maxAbs = 0, maxRel = 0;
  for (let i = 0; i < a.size; i++) {
    const x = a.data[i], y = d.data[i];
    if (Number.isNaN(x) && Number.isNaN(y)) continue;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      if (x !== y) bad.push(i);
      continue;
    }
    const diff = Math.abs(x - y);
    if (diff > atol + rtol * Math.abs(y)) bad.push(i);
    maxAbs = Math.max(maxAbs, diff);
    if (y !== 0) maxRel = Math.max(maxRel, diff / Math.abs(y));
    else if (diff > 0) maxRel = Infinity;
  }
  if (bad.length === 0) return;
  const strides = a.strides;
  const where = (flat: number) => strides.map((s, axis) => Math.floor(flat / s) % a.shape[axis]);
  const shown = bad.slice(0, SHOWN_MISMATCHES).map((i) =>
    m.mismatchAt(where(i).join(", "), a.data[i], d.data[i])
  );
  const percent = (100 * bad.length / a.size).toPrecision(3);
  // NaN and infinities have no difference to measure: say where they are instead.
  const notFinite = bad.filter((i) => !Number.isFinite(a.data[i]) || !Number.isFinite(d.data[i]));
  const finiteOnly = notFinite.length > 0;
  const lines = [header, m.mismatched(bad.length, a.size, percent)];
  if (notFinite.length > 0) {
    const kinds = [...new Set(notFinite.map((i) => `${a.data[i]}`))].join(", ");
    lines.push(m.notFinite(notFinite.length, kinds, where(notFinite[0]).join(", ")));
  }
  if (notFinite.length < bad.length) {
    lines.push(m.maxAbs(finiteOnly, maxAbs), m.maxRel(finiteOnly, maxRel));
  }
  throw new AssertionError({
    message: [...lines, m.firstMismatches, ...shown].join("\n"),
    actual: a,
    expected: d,
  });
}
