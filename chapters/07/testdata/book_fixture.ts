/**
 * The fixture recorded by `tools/book/ch07.py` (the book's im2col, col2im, Convolution and
 * Pooling run in NumPy on fixed inputs), with its arrays turned into NDArrays for the tests.
 *
 * @module
 */

import * as np from "../../../lib/np/mod.ts";
import fixture from "./book_ch07.json" with { type: "json" };

/** An array as the fixture stores it. */
export interface Tensor {
  shape: number[];
  data: number[];
}

/** The fixture as recorded. */
export const book = fixture;

/** A fixture tensor as a float64 NDArray (a fresh copy each call). */
export function arrayOf(t: Tensor): np.NDArray {
  return new np.NDArray(Float64Array.from(t.data), t.shape);
}
