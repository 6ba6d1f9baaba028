/**
 * Chapter 7, §7.4.3: `im2col` and `col2im`, the trick that turns a convolution into one
 * matrix product. Run `deno test chapters/07/im2col_test.ts`, or one of the two with
 * `--filter im2col` or `--filter col2im`.
 *
 * 第7章 §7.4.3: 畳み込みを1回の行列積に変える工夫、`im2col` と `col2im`。
 * `deno test -A chapters/07/im2col_test.ts` で実行します。2つのうち片方だけなら `--filter im2col`
 * または `--filter col2im` を付けます。
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
 * 画像のバッチを、フィルターの位置ごとに1行の行列に展開します（§7.4.3、図7-18）。
 * これで畳み込みが1回の行列積になります。
 *
 * 行は画像ごとに並び、1枚の画像の中では出力位置の読む順（oy、次に ox）に並びます。1行には、
 * その位置でフィルターの下にある `c·filterH·filterW` 個の値が入ります。チャンネルごとに、
 * 各チャンネルのウィンドウは行ごとに並べます。ウィンドウが境界からはみ出すところでは、
 * 行にはパディングの 0 が入ります。出力サイズは本の式（式 7.1）を切り捨てたものです:
 * outH = ⌊(h + 2·pad − filterH) / stride⌋ + 1、outW も同様。
 *
 * テスト内容: 本の形状（§7.4.3）、手で展開した 3×3 の画像（ストライド 2、
 * パディング 1 の場合も）、チャンネルが横に並び画像が縦に続くこと、dtype が保たれること、
 * 固定の入力での本の NumPy の im2col との比較。
 *
 * @param x Images of shape `[n, c, h, w]`.
 *   形状 `[n, c, h, w]` の画像。
 * @param options `filterH`, `filterW`, `stride` (1) and `pad` (0).
 *   `filterH`、`filterW`、`stride`（既定値 1）、`pad`（既定値 0）。
 * @returns A matrix of shape `[n·outH·outW, c·filterH·filterW]` of x's dtype.
 *   形状 `[n·outH·outW, c·filterH·filterW]` の行列。dtype は x と同じ。
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
 * `im2col` の逆伝播（§7.4.3）: im2col の出力と同じ並びの行列 ∂L/∂col から、
 * 形状 `inputShape` の画像についての ∂L/∂x を返します。im2col はピクセルを、
 * そのピクセルを覆うウィンドウのすべての行にコピーするので、
 * ピクセルの勾配はそれらの場所の要素の和です。im2col がパディングから取った要素は、
 * どのピクセルのものでもありません。言い換えると、col2im は im2col の随伴であって、
 * 逆写像ではありません: すべての x と y について ⟨im2col(x), y⟩ = ⟨x, col2im(y)⟩。
 *
 * テスト内容: 重なり合う4つの 2×2 のウィンドウを持つ 3×3 の画像を手で、
 * 重ならないウィンドウ（パディングあり）、ランダムな形状・ストライド・パディング 100
 * 通りでの随伴の等式（lib/ の参照実装の im2col を使用）、dtype が保たれること、
 * 本の NumPy の col2im との比較。
 *
 * @param col A matrix of shape `[n·outH·outW, c·filterH·filterW]`.
 *   形状 `[n·outH·outW, c·filterH·filterW]` の行列。
 * @param options `inputShape` `[n, c, h, w]`, `filterH`, `filterW`, `stride` (1) and `pad` (0).
 *   `inputShape` `[n, c, h, w]`、`filterH`、`filterW`、`stride`（既定値 1）、`pad`（既定値 0）。
 * @returns Images of shape `inputShape` and col's dtype.
 *   形状 `inputShape` の画像。dtype は col と同じ。
 */
export function col2im(col: np.NDArray, options: Col2imOptions): np.NDArray {
  return todo("col2im", "07", col, options, np);
}
