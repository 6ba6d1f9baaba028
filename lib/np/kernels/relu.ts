/**
 * The ReLU layer's two loops (the book's §5.5.1), each one pass without a branch on the data.
 *
 * The book's forward is `mask = (x <= 0); out = x.copy(); out[mask] = 0`, its backward
 * `dout[mask] = 0`. With `np.lessEqual` and `np.where` that is two passes and a branch per
 * element, which mispredicts about every other time on activations of random sign. Here the
 * comparison gives 0 or 1 without a branch (`+(v <= 0)`), and the output keeps or clears the
 * value's bits with a mask (`bits & (m - 1)`: all ones to keep, zero to clear), read and written
 * through an `Int32Array` view of the same memory. That gives exactly the book's values,
 * including the edges: -0 and +0 become +0, NaN stays NaN (NaN <= 0 is false), -∞ becomes 0.
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
  if (x instanceof Float32Array) relu32(x, words(x), words(out), mask as Float32Array);
  else relu64(x as Float64Array, words(x), words(out), mask as Float64Array);
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
  if (mask instanceof Float32Array && dout instanceof Float32Array) {
    clear32(mask, words(dout), words(dx));
  } else {
    clearAny(mask, words(dout), words(dx), dout instanceof Float64Array ? 2 : 1);
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

// One function per element type, so that V8 compiles each loop for one kind of array.

function relu32(x: Float32Array, bits: Int32Array, out: Int32Array, mask: Float32Array): void {
  for (let i = 0; i < x.length; i++) {
    const m = +(x[i] <= 0);
    mask[i] = m;
    out[i] = bits[i] & (m - 1);
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

/** dx = mask ? 0 : dout, all float32 (the training path). */
function clear32(mask: Float32Array, dout: Int32Array, dx: Int32Array): void {
  for (let i = 0; i < mask.length; i++) dx[i] = dout[i] & (+(mask[i] !== 0) - 1);
}

/** The same for any other types, with `size` 32-bit words per element of dout. */
function clearAny(mask: TypedArray, dout: Int32Array, dx: Int32Array, size: number): void {
  for (let i = 0, j = 0; i < mask.length; i++) {
    const keep = +(mask[i] !== 0) - 1;
    for (const end = j + size; j < end; j++) dx[j] = dout[j] & keep;
  }
}
