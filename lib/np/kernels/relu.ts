/**
 * The ReLU layer's two loops (the book's §5.5.1), each one pass without a branch on the data.
 *
 * The book's forward is `mask = (x <= 0); out = x.copy(); out[mask] = 0`, its backward
 * `dout[mask] = 0`. With `np.lessEqual` and `np.where` that is two passes and a branch per
 * element, which mispredicts about every other time on activations of random sign. Here each
 * direction is one pass, and the float32 loops (the training path) decide x <= 0 from the
 * value's bits with integer arithmetic only, then keep or clear the bits with a mask (all
 * ones to keep, zero to clear), read and written through `Int32Array` views of the same
 * memory. (A float comparison turned to 0/1 with `+(v <= 0)` ran without a branch at first,
 * but V8 compiled it to one when it re-optimized the loop later in a training run: 5× slower.)
 * The float64 loops compare the floats. All give exactly the book's values, including the
 * edges: -0 and +0 become +0, NaN stays NaN (NaN <= 0 is false), -∞ becomes 0.
 *
 * @module
 */

import type { TypedArray } from "../ndarray.ts";

/** The 32-bit words of a typed array's elements (2 per float64), sharing its memory. */
function words(a: TypedArray): Int32Array {
  return new Int32Array(a.buffer, a.byteOffset, a.byteLength / 4);
}

/**
 * `mask[i] = x[i] <= 0 ? 1 : 0` and `out[i] = x[i] <= 0 ? 0 : x[i]`, in one pass.
 *
 * @example
 * ```ts
 * import { reluForwardKernel } from "./relu.ts";
 * import assert from "node:assert/strict";
 *
 * const x = new Float32Array([1.5, -2, 0, NaN]);
 * const out = new Float32Array(4), mask = new Float32Array(4);
 * reluForwardKernel(x, out, mask);
 * assert.deepEqual([...out], [1.5, 0, 0, NaN]);
 * assert.deepEqual([...mask], [0, 1, 1, 0]);
 * ```
 *
 * @param x The input.
 * @param out The output, of x's type and length; overwritten.
 * @param mask 1 where x <= 0, else 0, of x's type and length; overwritten.
 * @throws {TypeError} when the three arrays differ in type or length.
 */
export function reluForwardKernel(x: TypedArray, out: TypedArray, mask: TypedArray): void {
  sameKind("reluForwardKernel", x, out, mask);
  if (!(x instanceof Float32Array)) {
    relu64(x as Float64Array, words(x), words(out), mask as Float64Array);
    return;
  }
  // The float32 loop is written here rather than in a small helper: V8's mid-tier compiler
  // (Maglev) inlines functions of under 100 bytes of bytecode into their caller, and a loop
  // inlined there stayed in its slower code: 2× slower from about the 300th call on.
  const bits = words(x), outBits = words(out);
  for (let i = 0; i < bits.length; i++) {
    const b = bits[i], abs = b & 0x7fffffff;
    // x <= 0 from the bits alone: the sign bit is set or x is 0, and x is no NaN. No step can
    // overflow 32 bits, which would send V8 to float arithmetic.
    const negative = b >> 31; // -1 when the sign bit is set (-0 included)
    const nonZero = (abs | (0 - abs)) >> 31; // -1 unless x is ±0
    const nan = (0x7f800000 - abs) >> 31; // -1 for NaN (exponent all ones, mantissa ≠ 0)
    const le = (negative | ~nonZero) & ~nan; // -1 where x <= 0, else 0
    outBits[i] = b & ~le;
    mask[i] = le & 1;
  }
}

/**
 * `dx[i] = mask[i] !== 0 ? 0 : dout[i]`: `np.where(mask, 0, dout)`, the book's
 * `dout[mask] = 0` without changing dout.
 *
 * @example
 * ```ts
 * import { reluBackwardKernel } from "./relu.ts";
 * import assert from "node:assert/strict";
 *
 * const dx = new Float64Array(3);
 * reluBackwardKernel(new Float64Array([0, 1, 0]), new Float64Array([5, 6, -7]), dx);
 * assert.deepEqual([...dx], [5, 0, -7]);
 * ```
 *
 * @param mask The forward pass's mask (non-zero where the input was <= 0).
 * @param dout The gradient of the output.
 * @param dx The gradient of the input, of dout's type and length; overwritten.
 * @throws {TypeError} when dout and dx differ in type, or any length differs.
 */
export function reluBackwardKernel(mask: TypedArray, dout: TypedArray, dx: TypedArray): void {
  sameKind("reluBackwardKernel", dout, dx, dx);
  if (mask.length !== dout.length) {
    throw new TypeError(
      `reluBackwardKernel: the mask has ${mask.length} elements and dout ${dout.length}: ` +
        `pass the dout of the output the mask came from`,
    );
  }
  if (!(mask instanceof Float32Array && dout instanceof Float32Array)) {
    clearAny(mask, words(dout), words(dx), dout instanceof Float64Array ? 2 : 1);
    return;
  }
  // All float32 (the training path), on the bits, in this function for the reason given in
  // reluForwardKernel.
  const maskBits = words(mask), doutBits = words(dout), dxBits = words(dx);
  for (let i = 0; i < maskBits.length; i++) {
    // mask !== 0 (NaN included, -0 not) without a float comparison.
    const abs = maskBits[i] & 0x7fffffff;
    dxBits[i] = doutBits[i] & ~((abs | (0 - abs)) >> 31);
  }
}

function sameKind(name: string, a: TypedArray, b: TypedArray, c: TypedArray): void {
  if (
    a.constructor !== b.constructor || a.constructor !== c.constructor ||
    a.length !== b.length || a.length !== c.length
  ) {
    throw new TypeError(
      `${name} needs arrays of one type and length, got ${a.constructor.name}(${a.length}), ` +
        `${b.constructor.name}(${b.length}) and ${c.constructor.name}(${c.length})`,
    );
  }
}

function relu64(x: Float64Array, bits: Int32Array, out: Int32Array, mask: Float64Array): void {
  for (let i = 0, j = 0; i < x.length; i++, j += 2) {
    const m = +(x[i] <= 0);
    mask[i] = m;
    out[j] = bits[j] & (m - 1);
    out[j + 1] = bits[j + 1] & (m - 1);
  }
}

/** dx = mask ? 0 : dout for types other than float32, `size` 32-bit words per element of dout. */
function clearAny(mask: TypedArray, dout: Int32Array, dx: Int32Array, size: number): void {
  for (let i = 0, j = 0; i < mask.length; i++) {
    const keep = +(mask[i] !== 0) - 1;
    for (const end = j + size; j < end; j++) dx[j] = dout[j] & keep;
  }
}
