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
  const { n, c, h, w, filterH, filterW, stride, pad, outH, outW } = g;
  const plane = h * w;
  let o = 0;
  for (let img = 0; img < n; img++) {
    const imageBase = img * c * plane;
    for (let oy = 0; oy < outH; oy++) {
      const y0 = oy * stride - pad;
      // Rows of this patch that lie inside the image; the rest are padding.
      const fyStart = y0 < 0 ? -y0 : 0;
      const fyEnd = Math.min(filterH, h - y0);
      for (let ox = 0; ox < outW; ox++) {
        const x0 = ox * stride - pad;
        const fxStart = x0 < 0 ? -x0 : 0;
        const fxEnd = Math.min(filterW, w - x0);
        const inside = fyStart === 0 && fyEnd === filterH && fxStart === 0 && fxEnd === filterW;
        for (let ch = 0; ch < c; ch++) {
          const base = imageBase + ch * plane + y0 * w + x0;
          if (inside) {
            // The common case: the whole patch is in the image, no bounds to test. The usual
            // filter widths get unrolled rows, which V8 runs up to twice as fast as a loop of 2–5.
            if (filterW === 2) {
              for (let fy = 0, from = base; fy < filterH; fy++, from += w, o += 2) {
                col[o] = x[from];
                col[o + 1] = x[from + 1];
              }
            } else if (filterW === 3) {
              for (let fy = 0, from = base; fy < filterH; fy++, from += w, o += 3) {
                col[o] = x[from];
                col[o + 1] = x[from + 1];
                col[o + 2] = x[from + 2];
              }
            } else if (filterW === 5) {
              for (let fy = 0, from = base; fy < filterH; fy++, from += w, o += 5) {
                col[o] = x[from];
                col[o + 1] = x[from + 1];
                col[o + 2] = x[from + 2];
                col[o + 3] = x[from + 3];
                col[o + 4] = x[from + 4];
              }
            } else {
              for (let fy = 0; fy < filterH; fy++) {
                const from = base + fy * w;
                for (let fx = 0; fx < filterW; fx++) col[o++] = x[from + fx];
              }
            }
            continue;
          }
          for (let fy = 0; fy < filterH; fy++) {
            if (fy < fyStart || fy >= fyEnd) {
              for (let fx = 0; fx < filterW; fx++) col[o++] = 0;
              continue;
            }
            const from = base + fy * w;
            for (let fx = 0; fx < filterW; fx++) {
              col[o++] = fx >= fxStart && fx < fxEnd ? x[from + fx] : 0;
            }
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
  const { n, c, h, w, filterH, filterW, stride, pad, outH, outW } = g;
  const plane = h * w;
  x.fill(0);
  let o = 0;
  for (let img = 0; img < n; img++) {
    const imageBase = img * c * plane;
    for (let oy = 0; oy < outH; oy++) {
      const y0 = oy * stride - pad;
      const fyStart = y0 < 0 ? -y0 : 0;
      const fyEnd = Math.min(filterH, h - y0);
      for (let ox = 0; ox < outW; ox++) {
        const x0 = ox * stride - pad;
        const fxStart = x0 < 0 ? -x0 : 0;
        const fxEnd = Math.min(filterW, w - x0);
        const inside = fyStart === 0 && fyEnd === filterH && fxStart === 0 && fxEnd === filterW;
        for (let ch = 0; ch < c; ch++) {
          const base = imageBase + ch * plane + y0 * w + x0;
          if (inside) {
            if (filterW === 2) {
              for (let fy = 0, to = base; fy < filterH; fy++, to += w, o += 2) {
                x[to] += col[o];
                x[to + 1] += col[o + 1];
              }
            } else if (filterW === 3) {
              for (let fy = 0, to = base; fy < filterH; fy++, to += w, o += 3) {
                x[to] += col[o];
                x[to + 1] += col[o + 1];
                x[to + 2] += col[o + 2];
              }
            } else if (filterW === 5) {
              for (let fy = 0, to = base; fy < filterH; fy++, to += w, o += 5) {
                x[to] += col[o];
                x[to + 1] += col[o + 1];
                x[to + 2] += col[o + 2];
                x[to + 3] += col[o + 3];
                x[to + 4] += col[o + 4];
              }
            } else {
              for (let fy = 0; fy < filterH; fy++) {
                const to = base + fy * w;
                for (let fx = 0; fx < filterW; fx++) x[to + fx] += col[o++];
              }
            }
            continue;
          }
          for (let fy = 0; fy < filterH; fy++) {
            if (fy < fyStart || fy >= fyEnd) {
              o += filterW;
              continue;
            }
            const to = base + fy * w;
            for (let fx = 0; fx < filterW; fx++, o++) {
              if (fx >= fxStart && fx < fxEnd) x[to + fx] += col[o];
            }
          }
        }
      }
    }
  }
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
