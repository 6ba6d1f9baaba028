/**
 * Chapter 7, §7.4.3: `im2col` and `col2im`, the trick that turns a convolution into one
 * matrix product. Run `deno test chapters/07/im2col_test.ts`, or one of the two with
 * `--filter im2col` or `--filter col2im`.
 *
 * @module
 */

import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";
import type { Col2imOptions, Im2colOptions } from "../../lib/layers/types.ts";

/**
 * Unrolls a batch of images into a matrix with one row per filter position (§7.4.3, Figure
 * 7-18), so that a convolution becomes one matrix product.
 *
 * The rows go image by image, and within an image by output position in reading order
 * (oy, then ox). A row holds the `c·filterH·filterW` values under the filter at that
 * position: channel by channel, each channel's window row by row. Where the window hangs
 * over the border, the row holds the zeros of the padding. The output size is the book's
 * (eq. 7.1), rounded down: outH = ⌊(h + 2·pad − filterH) / stride⌋ + 1, and outW alike.
 *
 * Tested: the book's shapes (§7.4.3), a 3×3 image unrolled by hand (also with stride 2 and
 * pad 1), channels side by side and images one after another, the dtype kept, and the book's
 * own NumPy im2col on fixed inputs.
 *
 * @param x Images of shape `[n, c, h, w]`.
 * @param options `filterH`, `filterW`, `stride` (1) and `pad` (0).
 * @returns A matrix of shape `[n·outH·outW, c·filterH·filterW]` of x's dtype.
 */
export function im2col(x: np.NDArray, options: Im2colOptions): np.NDArray {
  return todo("im2col", "07", x, options, np);
}

/**
 * The backward pass of `im2col` (§7.4.3): from ∂L/∂col, a matrix laid out as im2col's
 * output, it gives ∂L/∂x for images of shape `inputShape`. im2col copies a pixel into every
 * row whose window covers it, so the pixel's gradient is the sum of the entries at those
 * places; entries that im2col took from the padding belong to no pixel. In other words
 * col2im is im2col's adjoint, ⟨im2col(x), y⟩ = ⟨x, col2im(y)⟩ for every x and y, and not
 * its inverse.
 *
 * Tested: a 3×3 image of four overlapping 2×2 windows by hand, windows that do not overlap
 * (with padding), the adjoint identity on 100 random shapes, strides and pads (against the
 * reference im2col from lib/), the dtype kept, and the book's own NumPy col2im.
 *
 * @param col A matrix of shape `[n·outH·outW, c·filterH·filterW]`.
 * @param options `inputShape` `[n, c, h, w]`, `filterH`, `filterW`, `stride` (1) and `pad` (0).
 * @returns Images of shape `inputShape` and col's dtype.
 */
export function col2im(col: np.NDArray, options: Col2imOptions): np.NDArray {
  return todo("col2im", "07", col, options, np);
}
