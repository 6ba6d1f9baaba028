/**
 * The fixture recorded by `tools/book/ch04_05.py` (the book's NumPy code run on fixed
 * inputs), with its arrays turned into NDArrays for the tests.
 *
 * @module
 */

import * as np from "../../../lib/np/mod.ts";
import fixture from "./book_ch05.json" with { type: "json" };

/** An array as the fixture stores it. */
export interface Tensor {
  shape: number[];
  data: number[];
}

/** The fixture as recorded. */
export const book = fixture;

/** A fixture tensor as a float64 NDArray (a fresh copy each call). */
export function toArray(t: Tensor): np.NDArray {
  return new np.NDArray(Float64Array.from(t.data), t.shape);
}

/** Every tensor of a record, as NDArrays. */
export function toArrays(record: Record<string, Tensor>): Record<string, np.NDArray> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, toArray(v)]));
}
