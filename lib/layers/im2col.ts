/**
 * `im2col` and `col2im`: the trick that turns a convolution into one matrix product (the
 * book's §7.4.3; `common/util.py`).
 *
 * @module
 */

import * as np from "../np/mod.ts";
import type { Col2imOptions, Im2colOptions } from "./types.ts";
import { LAYER_MESSAGES } from "./messages.ts";
export type { Col2imOptions, Im2colOptions } from "./types.ts";

/** The sizes of one im2col or col2im call. */
interface Geometry {
  n: number;
  c: number;
  h: number;
  w: number;
  filterH: number;
  filterW: number;
  stride: number;
  pad: number;
  outH: number;
  outW: number;
}

/** Checks the sizes and works out the output size, as the first lines of the book's im2col. */
function geometry(shape: readonly number[], options: Im2colOptions, name: string): Geometry {
  if (shape.length !== 4) {
    throw new TypeError(LAYER_MESSAGES().im2colShape(name, shape.join(", ")));
  }
  const { filterH, filterW, stride = 1, pad = 0 } = options;
  for (
    const [key, value, min] of [
      ["filterH", filterH, 1],
      ["filterW", filterW, 1],
      ["stride", stride, 1],
      ["pad", pad, 0],
    ] as const
  ) {
    if (!Number.isInteger(value) || value < min) {
      throw new RangeError(LAYER_MESSAGES().im2colSize(name, key, min, value));
    }
  }
  const [n, c, h, w] = shape;
  // out_h = (H + 2*pad - filter_h)//stride + 1 (§7.2.4)
  const outH = Math.floor((h + 2 * pad - filterH) / stride) + 1;
  const outW = Math.floor((w + 2 * pad - filterW) / stride) + 1;
  if (outH < 1 || outW < 1) {
    throw new RangeError(LAYER_MESSAGES().filterTooBig(name, filterH, filterW, h, w, pad));
  }
  return { n, c, h, w, filterH, filterW, stride, pad, outH, outW };
}

/**
 * Unrolls every filter-sized patch of a batch of images into one row of a matrix, so that a
 * convolution becomes `np.dot(col, colW)` (§7.4.3).
 *
 * As the book: pad the images, then for each filter offset (y, x) copy the strided slice
 * `img[:, :, y:y_max:stride, x:x_max:stride]` into `col[:, :, y, x, :, :]`, and finally
 * transpose to one row per output position.
 *
 * @example The book's shapes (§7.4.3), and a hand-checked 3×3 image
 * ```ts
 * import { im2col } from "./im2col.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const x1 = np.rng(0).random([1, 3, 7, 7]);
 * assert.deepEqual(im2col(x1, { filterH: 5, filterW: 5 }).shape, [9, 75]);
 * const x2 = np.rng(0).random([10, 3, 7, 7]);
 * assert.deepEqual(im2col(x2, { filterH: 5, filterW: 5 }).shape, [90, 75]);
 *
 * const x = np.arange(1, 10).reshape(1, 1, 3, 3);
 * assert.deepEqual(im2col(x, { filterH: 2, filterW: 2 }).toArray(), [
 *   [1, 2, 4, 5],
 *   [2, 3, 5, 6],
 *   [4, 5, 7, 8],
 *   [5, 6, 8, 9],
 * ]);
 * ```
 *
 * @param inputData Images of shape `[n, c, h, w]` (the book's `input_data`).
 * @param options `filterH`, `filterW`, `stride` (1) and `pad` (0).
 * @returns A matrix of shape `[n·outH·outW, c·filterH·filterW]` of the images' dtype.
 * @throws {TypeError} when the images are not 4-D.
 * @throws {RangeError} when a size is not a valid integer or the filter does not fit.
 */
export function im2col(inputData: np.NDArray, options: Im2colOptions): np.NDArray {
  const { n, c, filterH, filterW, stride, pad, outH, outW } = geometry(
    inputData.shape,
    options,
    "im2col",
  );
  const img = np.pad(inputData, [[0, 0], [0, 0], [pad, pad], [pad, pad]]);
  const col = np.zeros([n, c, filterH, filterW, outH, outW], { dtype: inputData.dtype });
  for (let y = 0; y < filterH; y++) {
    const yMax = y + stride * outH;
    for (let x = 0; x < filterW; x++) {
      const xMax = x + stride * outW;
      // col[:, :, y, x, :, :] = img[:, :, y:y_max:stride, x:x_max:stride]
      col.assign(
        [null, null, y, x, null, null],
        img.slice(null, null, `${y}:${yMax}:${stride}`, `${x}:${xMax}:${stride}`),
      );
    }
  }
  return col.transpose(0, 4, 5, 1, 2, 3).reshape(n * outH * outW, -1);
}

/**
 * The reverse of {@linkcode im2col} for backpropagation: adds each row's entries back onto
 * the pixels they came from, so a pixel shared by several patches gets the sum (§7.4.3). It
 * is the adjoint of im2col, not its inverse: `col2im(im2col(x))` counts shared pixels more
 * than once. As the book: the same loops as im2col, adding each `col[:, :, y, x, :, :]` into
 * the strided slice of a padded image, whose padding is cut off at the end.
 *
 * @example Ones from four overlapping 2×2 patches
 * ```ts
 * import { col2im } from "./im2col.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const dx = col2im(np.ones([4, 4]), { inputShape: [1, 1, 3, 3], filterH: 2, filterW: 2 });
 * assert.deepEqual(dx.toArray(), [[[[1, 2, 1], [2, 4, 2], [1, 2, 1]]]]);
 * ```
 *
 * @param col A matrix of shape `[n·outH·outW, c·filterH·filterW]`.
 * @param options `inputShape` `[n, c, h, w]`, `filterH`, `filterW`, `stride` (1) and `pad` (0).
 * @returns Images of shape `inputShape` and col's dtype.
 * @throws {TypeError} when col's shape does not match the input shape and window.
 * @throws {RangeError} when a size is not a valid integer or the filter does not fit.
 */
export function col2im(col: np.NDArray, options: Col2imOptions): np.NDArray {
  const { n, c, h, w, filterH, filterW, stride, pad, outH, outW } = geometry(
    options.inputShape,
    options,
    "col2im",
  );
  const rows = n * outH * outW, cols = c * filterH * filterW;
  if (col.ndim !== 2 || col.shape[0] !== rows || col.shape[1] !== cols) {
    throw new TypeError(
      LAYER_MESSAGES().col2imShape(
        col.shape.join(", "),
        options.inputShape.join(", "),
        filterH,
        filterW,
        rows,
        cols,
      ),
    );
  }
  col = col.reshape(n, outH, outW, c, filterH, filterW).transpose(0, 3, 4, 5, 1, 2);
  const img = np.zeros([n, c, h + 2 * pad + stride - 1, w + 2 * pad + stride - 1], {
    dtype: col.dtype,
  });
  for (let y = 0; y < filterH; y++) {
    const yMax = y + stride * outH;
    for (let x = 0; x < filterW; x++) {
      const xMax = x + stride * outW;
      // img[:, :, y:y_max:stride, x:x_max:stride] += col[:, :, y, x, :, :]
      const window = [null, null, `${y}:${yMax}:${stride}`, `${x}:${xMax}:${stride}`];
      img.assign(window, np.add(img.slice(...window), col.slice(null, null, y, x, null, null)));
    }
  }
  return img.slice(null, null, `${pad}:${h + pad}`, `${pad}:${w + pad}`);
}
