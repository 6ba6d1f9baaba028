/**
 * Chapter 7, §7.4.3: `im2col` and `col2im`, the trick that turns a convolution into one
 * matrix product. Run `deno test chapters/07/im2col_test.ts`.
 *
 * @module
 */

import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";
import type { Col2imOptions, Im2colOptions } from "../../lib/layers/im2col.ts";

/**
 * Unrolls every filter-sized patch of a batch of images `[n, c, h, w]` into one row of a
 * matrix `[n·outH·outW, c·filterH·filterW]` (§7.4.3), with
 * `outH = floor((h + 2·pad - filterH) / stride) + 1` (and outW alike).
 *
 * Row (n, oy, ox) holds the patch under the filter at output position (oy, ox) of image n,
 * channel by channel, each channel row by row: `col[(n, oy, ox), (c, fy, fx)] =
 * x[n, c, oy·stride + fy - pad, ox·stride + fx - pad]`, and 0 where that falls in the padding.
 *
 * @param x Images of shape `[n, c, h, w]`.
 * @param options `filterH`, `filterW`, `stride` (1) and `pad` (0).
 * @returns A matrix of shape `[n·outH·outW, c·filterH·filterW]` of x's dtype.
 */
export function im2col(x: np.NDArray, options: Im2colOptions): np.NDArray {
  // TODO: compute outH and outW, make col = np.zeros([...], { dtype: x.dtype }), then fill it:
  // loop over (n, oy, ox) for the rows and (c, fy, fx) for the columns, reading x.data.
  return todo("im2col", "07", x, options);
}

/**
 * The reverse of `im2col` for backpropagation (§7.4.3): adds each entry of `col` back onto the
 * pixel it was copied from (dropping the padding), so a pixel shared by several patches gets
 * the sum of their entries. It is im2col's adjoint, not its inverse.
 *
 * @param col A matrix of shape `[n·outH·outW, c·filterH·filterW]`.
 * @param options `inputShape` `[n, c, h, w]`, `filterH`, `filterW`, `stride` (1) and `pad` (0).
 * @returns Images of shape `inputShape` and col's dtype.
 */
export function col2im(col: np.NDArray, options: Col2imOptions): np.NDArray {
  // TODO: the same loops as im2col, with `x.data[...] += col.data[...]` instead of a copy, and
  // skipping the taps that fall in the padding.
  return todo("col2im", "07", col, options);
}
