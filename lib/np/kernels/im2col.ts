/**
 * The im2col and col2im loops of the book's §7.4.3 (`common/util.py`) on plain typed arrays.
 *
 * The API in `lib/layers/im2col.ts` checks shapes and allocates; these two functions only move
 * numbers, behind a fixed signature, so that a WebAssembly version can replace them without
 * touching the layers. Both take the source, the destination and a {@linkcode ConvGeometry}.
 *
 * Layouts (row-major, as the book's NumPy arrays):
 * - the image `x` is `[n, c, h, w]` (NCHW);
 * - `col` is `[n * outH * outW, c * filterH * filterW]`: one row per output position
 *   (n, oy, ox), one column per filter tap (c, fy, fx).
 *
 * The book fills `col` one filter offset (fy, fx) at a time, copying a strided slice of the
 * padded image; these loops fill it one row at a time instead, which writes `col` sequentially
 * and reads the image a short run at a time. Both orders produce the same array, and neither
 * builds the padded image: taps that fall in the padding read as 0 (im2col) or are dropped
 * (col2im, which is why its result is the unpadded image, as the book's final slice).
 *
 * @module
 */

import type { TypedArray } from "../ndarray.ts";

/** The sizes of one im2col/col2im call. All are positive integers except `pad` (>= 0). */
export interface ConvGeometry {
  /** Images in the batch. */
  n: number;
  /** Channels. */
  c: number;
  /** Image height (without padding). */
  h: number;
  /** Image width (without padding). */
  w: number;
  /** Filter height. */
  filterH: number;
  /** Filter width. */
  filterW: number;
  /** The step between two filter positions. */
  stride: number;
  /** Zeros added on every side of the image. */
  pad: number;
  /** Output height: `floor((h + 2·pad - filterH) / stride) + 1`. */
  outH: number;
  /** Output width: `floor((w + 2·pad - filterW) / stride) + 1`. */
  outW: number;
}

/**
 * Unrolls image patches into rows: `col[(n, oy, ox), (c, fy, fx)] =
 * x[n, c, oy·stride + fy - pad, ox·stride + fx - pad]` (0 in the padding).
 *
 * With padding, each image is first copied into a zero-bordered scratch image, so that every
 * patch lies inside it and the copying loops test no bounds (the border patches of a 3×3 filter
 * with pad 1 on 28×28 took a third of the time through per-tap tests).
 *
 * @example A 1×1×3×3 image, 2×2 filter: four patches of four pixels
 * ```ts
 * import { im2colKernel } from "./im2col.ts";
 * import assert from "node:assert/strict";
 *
 * const x = new Float64Array([1, 2, 3, 4, 5, 6, 7, 8, 9]);
 * const col = new Float64Array(16);
 * const g = { n: 1, c: 1, h: 3, w: 3, filterH: 2, filterW: 2, stride: 1, pad: 0, outH: 2, outW: 2 };
 * im2colKernel(x, col, g);
 * assert.deepEqual([...col], [1, 2, 4, 5, 2, 3, 5, 6, 4, 5, 7, 8, 5, 6, 8, 9]);
 * ```
 *
 * @param x The images, `n·c·h·w` values (NCHW).
 * @param col The destination, `n·outH·outW · c·filterH·filterW` values; fully overwritten.
 * @param g The sizes.
 */
export function im2colKernel(x: TypedArray, col: TypedArray, g: ConvGeometry): void {
  const { n, c, h, w, pad } = g;
  const plane = h * w, rows = g.outH * g.outW * c * g.filterH * g.filterW;
  if (pad === 0) {
    for (let img = 0; img < n; img++) {
      patchesToRows(x, img * c * plane, w, plane, col, img * rows, g);
    }
    return;
  }
  const pw = w + 2 * pad, pPlane = pw * (h + 2 * pad);
  const padded = scratchLike(x, c * pPlane);
  padded.fill(0, 0, c * pPlane);
  for (let img = 0; img < n; img++) {
    // The image into the scratch's interior (its border stays 0).
    for (let ch = 0, from = img * c * plane; ch < c; ch++) {
      for (let y = 0, to = ch * pPlane + pad * pw + pad; y < h; y++, to += pw) {
        for (let end = to + w, i = to; i < end;) padded[i++] = x[from++];
      }
    }
    patchesToRows(padded, 0, pw, pPlane, col, img * rows, g);
  }
}

/**
 * The rows of `col` for one image whose patches all lie inside it (no padding): the image's
 * channel planes start at `x[base]`, each `plane` values of rows of `w`.
 */
function patchesToRows(
  x: TypedArray,
  base: number,
  w: number,
  plane: number,
  col: TypedArray,
  o: number,
  g: ConvGeometry,
): void {
  const { c, filterH, filterW, stride, outH, outW } = g;
  const K = c * filterH * filterW;
  for (let oy = 0; oy < outH; oy++) {
    const rowStart = base + oy * stride * w;
    let ox = 0;
    if (stride === 1 && filterH === 3 && filterW === 3) {
      // Two neighbouring patches at a time: they share two of each row's three values, so 12
      // loads fill 18 entries (a third faster than one patch at a time).
      for (; ox + 1 < outW; ox += 2, o += K) {
        for (let ch = 0, b = rowStart + ox; ch < c; ch++, b += plane, o += 9) {
          const b1 = b + w, b2 = b1 + w, q = o + K;
          const a0 = x[b], a1 = x[b + 1], a2 = x[b + 2], a3 = x[b + 3];
          const c0 = x[b1], c1 = x[b1 + 1], c2 = x[b1 + 2], c3 = x[b1 + 3];
          const d0 = x[b2], d1 = x[b2 + 1], d2 = x[b2 + 2], d3 = x[b2 + 3];
          col[o] = a0, col[o + 1] = a1, col[o + 2] = a2;
          col[o + 3] = c0, col[o + 4] = c1, col[o + 5] = c2;
          col[o + 6] = d0, col[o + 7] = d1, col[o + 8] = d2;
          col[q] = a1, col[q + 1] = a2, col[q + 2] = a3;
          col[q + 3] = c1, col[q + 4] = c2, col[q + 5] = c3;
          col[q + 6] = d1, col[q + 7] = d2, col[q + 8] = d3;
        }
      }
    } else if (stride === 1 && filterW === 5) {
      for (; ox + 1 < outW; ox += 2, o += K) {
        for (let ch = 0, b = rowStart + ox; ch < c; ch++, b += plane) {
          for (let fy = 0, f = b; fy < filterH; fy++, f += w, o += 5) {
            const a0 = x[f], a1 = x[f + 1], a2 = x[f + 2], a3 = x[f + 3], a4 = x[f + 4];
            const a5 = x[f + 5], q = o + K;
            col[o] = a0, col[o + 1] = a1, col[o + 2] = a2, col[o + 3] = a3, col[o + 4] = a4;
            col[q] = a1, col[q + 1] = a2, col[q + 2] = a3, col[q + 3] = a4, col[q + 4] = a5;
          }
        }
      }
    }
    // One patch at a time: the other filters and strides, and the last patch of an odd row.
    for (; ox < outW; ox++) {
      for (let ch = 0, b = rowStart + ox * stride; ch < c; ch++, b += plane) {
        if (filterW === 3) {
          for (let fy = 0, f = b; fy < filterH; fy++, f += w, o += 3) {
            col[o] = x[f], col[o + 1] = x[f + 1], col[o + 2] = x[f + 2];
          }
        } else if (filterW === 5) {
          for (let fy = 0, f = b; fy < filterH; fy++, f += w, o += 5) {
            col[o] = x[f], col[o + 1] = x[f + 1], col[o + 2] = x[f + 2];
            col[o + 3] = x[f + 3], col[o + 4] = x[f + 4];
          }
        } else {
          for (let fy = 0, f = b; fy < filterH; fy++, f += w) {
            for (let fx = 0; fx < filterW; fx++) col[o++] = x[f + fx];
          }
        }
      }
    }
  }
}

/**
 * The adjoint of {@linkcode im2colKernel}: adds every entry of `col` back onto the pixel it was
 * copied from, dropping the taps that fell in the padding. A pixel shared by several patches
 * receives the sum of their entries, which is what backpropagation through im2col needs.
 *
 * With padding, each image is accumulated in a zero-bordered scratch image (no bounds tests),
 * whose interior is then copied out. For stride 1 and 3×3 or 5×5 filters, two neighbouring
 * patches are added at a time, their shared taps summed before being added to the image.
 *
 * @example Adding four 2×2 patches back onto a 3×3 image
 * ```ts
 * import { col2imKernel } from "./im2col.ts";
 * import assert from "node:assert/strict";
 *
 * const col = new Float64Array(16).fill(1);
 * const x = new Float64Array(9);
 * const g = { n: 1, c: 1, h: 3, w: 3, filterH: 2, filterW: 2, stride: 1, pad: 0, outH: 2, outW: 2 };
 * col2imKernel(col, x, g);
 * assert.deepEqual([...x], [1, 2, 1, 2, 4, 2, 1, 2, 1]);
 * ```
 *
 * @param col The rows, `n·outH·outW · c·filterH·filterW` values.
 * @param x The destination images, `n·c·h·w` values (NCHW); overwritten (not accumulated).
 * @param g The sizes.
 */
export function col2imKernel(col: TypedArray, x: TypedArray, g: ConvGeometry): void {
  const { n, c, h, w, pad } = g;
  const plane = h * w, rows = g.outH * g.outW * c * g.filterH * g.filterW;
  if (pad === 0) {
    x.fill(0, 0, n * c * plane);
    for (let img = 0; img < n; img++) {
      rowsToPatches(col, img * rows, x, img * c * plane, w, plane, g);
    }
    return;
  }
  const pw = w + 2 * pad, pPlane = pw * (h + 2 * pad);
  const padded = scratchLike(x, c * pPlane);
  for (let img = 0; img < n; img++) {
    padded.fill(0, 0, c * pPlane);
    rowsToPatches(col, img * rows, padded, 0, pw, pPlane, g);
    // The scratch's interior is the image; its border (the padding's taps) is dropped.
    for (let ch = 0, to = img * c * plane; ch < c; ch++) {
      for (let y = 0, from = ch * pPlane + pad * pw + pad; y < h; y++, from += pw) {
        for (let end = from + w, i = from; i < end;) x[to++] = padded[i++];
      }
    }
  }
}

/**
 * Adds the rows of `col` from `col[o]` (one image's) onto the image at `x[base]` (channel
 * planes of `plane` values, rows of `w`), every patch lying inside it.
 */
function rowsToPatches(
  col: TypedArray,
  o: number,
  x: TypedArray,
  base: number,
  w: number,
  plane: number,
  g: ConvGeometry,
): void {
  const { c, filterH, filterW, stride, outH, outW } = g;
  const K = c * filterH * filterW;
  for (let oy = 0; oy < outH; oy++) {
    const rowStart = base + oy * stride * w;
    let ox = 0;
    if (stride === 1 && filterH === 3 && filterW === 3) {
      // Two neighbouring patches at a time: 8 read-modify-writes of the image for 18 entries.
      for (; ox + 1 < outW; ox += 2, o += K) {
        for (let ch = 0, b = rowStart + ox; ch < c; ch++, b += plane, o += 9) {
          const q = o + K;
          for (let fy = 0, f = b, r = 0; fy < 3; fy++, f += w, r += 3) {
            x[f] += col[o + r];
            x[f + 1] += col[o + r + 1] + col[q + r];
            x[f + 2] += col[o + r + 2] + col[q + r + 1];
            x[f + 3] += col[q + r + 2];
          }
        }
      }
    } else if (stride === 1 && filterW === 5) {
      for (; ox + 1 < outW; ox += 2, o += K) {
        for (let ch = 0, b = rowStart + ox; ch < c; ch++, b += plane) {
          for (let fy = 0, f = b; fy < filterH; fy++, f += w, o += 5) {
            const q = o + K;
            x[f] += col[o];
            x[f + 1] += col[o + 1] + col[q];
            x[f + 2] += col[o + 2] + col[q + 1];
            x[f + 3] += col[o + 3] + col[q + 2];
            x[f + 4] += col[o + 4] + col[q + 3];
            x[f + 5] += col[q + 4];
          }
        }
      }
    }
    for (; ox < outW; ox++) {
      for (let ch = 0, b = rowStart + ox * stride; ch < c; ch++, b += plane) {
        if (filterW === 3) {
          for (let fy = 0, f = b; fy < filterH; fy++, f += w, o += 3) {
            x[f] += col[o], x[f + 1] += col[o + 1], x[f + 2] += col[o + 2];
          }
        } else if (filterW === 5) {
          for (let fy = 0, f = b; fy < filterH; fy++, f += w, o += 5) {
            x[f] += col[o], x[f + 1] += col[o + 1], x[f + 2] += col[o + 2];
            x[f + 3] += col[o + 3], x[f + 4] += col[o + 4];
          }
        } else {
          for (let fy = 0, f = b; fy < filterH; fy++, f += w) {
            for (let fx = 0; fx < filterW; fx++) x[f + fx] += col[o++];
          }
        }
      }
    }
  }
}

/** Scratch images of the padded kernels, one per element type, grown as needed. */
let scratch32 = new Float32Array(0), scratch64 = new Float64Array(0);

/** A scratch array of `x`'s element type with at least `size` values (contents unspecified). */
function scratchLike(x: TypedArray, size: number): TypedArray {
  if (x instanceof Float32Array) {
    if (scratch32.length < size) scratch32 = new Float32Array(size);
    return scratch32;
  }
  if (scratch64.length < size) scratch64 = new Float64Array(size);
  return scratch64;
}

/**
 * im2col with the patches as columns, image by image: `col[n, (c, fy, fx), (oy, ox)] =
 * x[n, c, oy·stride + fy - pad, ox·stride + fx - pad]` (0 in the padding), a
 * `[n, c·filterH·filterW, outH·outW]` array. Each image's block is the transpose of its rows
 * in {@linkcode im2colKernel}'s matrix.
 *
 * The convolution layer uses this layout because `W · col[n]` is then directly that image's
 * output in NCHW (`[FN, outH·outW]`), with no transposed copy. It is also quicker to fill:
 * one row of `col` per filter tap is a shifted copy of the image, read and written in runs of
 * `outW` (for stride 1, contiguous runs of the image row).
 *
 * @example A 1×1×3×3 image, 2×2 filter: row (fy, fx) holds that tap of the four patches
 * ```ts
 * import { im2colColumnsKernel } from "./im2col.ts";
 * import assert from "node:assert/strict";
 *
 * const x = new Float64Array([1, 2, 3, 4, 5, 6, 7, 8, 9]);
 * const col = new Float64Array(16);
 * const g = { n: 1, c: 1, h: 3, w: 3, filterH: 2, filterW: 2, stride: 1, pad: 0, outH: 2, outW: 2 };
 * im2colColumnsKernel(x, col, g);
 * assert.deepEqual([...col], [1, 2, 4, 5, 2, 3, 5, 6, 4, 5, 7, 8, 5, 6, 8, 9]);
 * ```
 *
 * @param x The images, `n·c·h·w` values (NCHW).
 * @param col The destination, `n · c·filterH·filterW · outH·outW` values; fully overwritten.
 * @param g The sizes.
 */
export function im2colColumnsKernel(x: TypedArray, col: TypedArray, g: ConvGeometry): void {
  const { n, c, h, w, filterH, filterW, stride, pad, outH, outW } = g;
  const plane = h * w;
  let o = 0;
  if (stride === 1 && pad === 0) {
    // Every tap of every patch is in the image: each row of col is outH runs of outW copied
    // from consecutive image rows (a third faster on runs of 10-24 than the general loop).
    for (let planeBase = 0; planeBase < n * c * plane; planeBase += plane) {
      for (let fy = 0; fy < filterH; fy++) {
        for (let fx = 0; fx < filterW; fx++) {
          for (let oy = 0, from = planeBase + fy * w + fx; oy < outH; oy++, from += w) {
            for (let i = from, end = o + outW; o < end;) col[o++] = x[i++];
          }
        }
      }
    }
    return;
  }
  for (let img = 0; img < n; img++) {
    for (let ch = 0; ch < c; ch++) {
      const planeBase = (img * c + ch) * plane;
      for (let fy = 0; fy < filterH; fy++) {
        for (let fx = 0; fx < filterW; fx++) {
          // The outputs whose tap (fy, fx) falls inside the image columns: oxStart ≤ ox < oxEnd.
          const [oxStart, oxEnd] = insideRange(fx - pad, stride, w, outW);
          for (let oy = 0; oy < outH; oy++) {
            const y = oy * stride + fy - pad;
            if (y < 0 || y >= h) {
              col.fill(0, o, o + outW);
              o += outW;
              continue;
            }
            const row = planeBase + y * w + fx - pad;
            let ox = 0;
            for (; ox < oxStart; ox++) col[o++] = 0;
            if (stride === 1) {
              for (let from = row + ox; ox < oxEnd; ox++) col[o++] = x[from++];
            } else {
              for (let from = row + ox * stride; ox < oxEnd; ox++, from += stride) {
                col[o++] = x[from];
              }
            }
            for (; ox < outW; ox++) col[o++] = 0;
          }
        }
      }
    }
  }
}

/**
 * The adjoint of {@linkcode im2colColumnsKernel}: adds every entry of `col`
 * (`[n, c·filterH·filterW, outH·outW]`) back onto the pixel it was copied from, dropping the
 * taps that fell in the padding.
 *
 * @example Adding four 2×2 patches back onto a 3×3 image
 * ```ts
 * import { col2imColumnsKernel } from "./im2col.ts";
 * import assert from "node:assert/strict";
 *
 * const col = new Float64Array(16).fill(1);
 * const x = new Float64Array(9);
 * const g = { n: 1, c: 1, h: 3, w: 3, filterH: 2, filterW: 2, stride: 1, pad: 0, outH: 2, outW: 2 };
 * col2imColumnsKernel(col, x, g);
 * assert.deepEqual([...x], [1, 2, 1, 2, 4, 2, 1, 2, 1]);
 * ```
 *
 * @param col The patches, `n · c·filterH·filterW · outH·outW` values.
 * @param x The destination images, `n·c·h·w` values (NCHW); overwritten (not accumulated).
 * @param g The sizes.
 */
export function col2imColumnsKernel(col: TypedArray, x: TypedArray, g: ConvGeometry): void {
  const { n, c, h, w, filterH, filterW, stride, pad, outH, outW } = g;
  const plane = h * w;
  x.fill(0);
  let o = 0;
  if (stride === 1 && pad === 0) {
    // No tap in the padding: whole runs, as in im2colColumnsKernel.
    for (let planeBase = 0; planeBase < n * c * plane; planeBase += plane) {
      for (let fy = 0; fy < filterH; fy++) {
        for (let fx = 0; fx < filterW; fx++) {
          for (let oy = 0, to = planeBase + fy * w + fx; oy < outH; oy++, to += w) {
            for (let i = to, end = o + outW; o < end;) x[i++] += col[o++];
          }
        }
      }
    }
    return;
  }
  for (let img = 0; img < n; img++) {
    for (let ch = 0; ch < c; ch++) {
      const planeBase = (img * c + ch) * plane;
      for (let fy = 0; fy < filterH; fy++) {
        for (let fx = 0; fx < filterW; fx++) {
          const [oxStart, oxEnd] = insideRange(fx - pad, stride, w, outW);
          for (let oy = 0; oy < outH; oy++, o += outW) {
            const y = oy * stride + fy - pad;
            if (y < 0 || y >= h) continue;
            const row = planeBase + y * w + fx - pad;
            if (stride === 1) {
              for (let ox = oxStart, to = row + ox; ox < oxEnd; ox++) x[to++] += col[o + ox];
            } else {
              for (let ox = oxStart, to = row + ox * stride; ox < oxEnd; ox++, to += stride) {
                x[to] += col[o + ox];
              }
            }
          }
        }
      }
    }
  }
}

/**
 * The outputs ox in [start, end) whose column `ox·stride + offset` lies inside an image of
 * width `w` (offset = fx - pad can be negative).
 */
function insideRange(offset: number, stride: number, w: number, outW: number): [number, number] {
  const start = offset < 0 ? Math.ceil(-offset / stride) : 0;
  const end = Math.min(outW, Math.max(start, Math.ceil((w - offset) / stride)));
  return [Math.min(start, outW), end];
}
