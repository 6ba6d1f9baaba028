/**
 * Chapter 7, §7.4.4: the max Pooling layer, forward and backward. The layer may use `im2col`
 * and `col2im`; this file imports the reference ones from lib/ (your own run in
 * `deno task ch07:train --mine`). Run `deno test chapters/07/pooling_test.ts`.
 *
 * 第7章 §7.4.4: Max プーリングのレイヤの forward と backward。
 * レイヤは `im2col` と `col2im` を使えます。このファイルは lib/ の参照実装を import しています
 * （自分のものは `deno task ch07:train --mine` で動きます）。
 * `deno test -A chapters/07/pooling_test.ts` で実行します。
 *
 * @module
 */

import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";
import { col2im, im2col } from "../../lib/layers/im2col.ts";
import type { PoolingOptions } from "../../lib/layers/types.ts";
import type { Layer } from "../../lib/layers/layer.ts";

/**
 * Max pooling (§7.3, §7.4.4): the largest value of each `poolH × poolW` window, channel by
 * channel. With x̃ the input with `pad` zeros added on every side and s the stride:
 *
 *   out[n, c, oy, ox] = max_{fy < poolH, fx < poolW} x̃[n, c, oy·s + fy, ox·s + fx]
 *
 * for an output of `OH = ⌊(H + 2·pad − poolH) / stride⌋ + 1` rows and
 * `OW = ⌊(W + 2·pad − poolW) / stride⌋ + 1` columns. Backward: ∂out/∂x̃ is 1 at the position
 * of its window's maximum (the first one, if several are equal) and 0 elsewhere.
 *
 * Tested: the book's example of §7.3 and a backward pass by hand, the output against the
 * maximum written as its definition (square and non-square windows and images), dx against
 * the numerical gradient with and without padding, float32 kept float32, and the book's own
 * NumPy Pooling on fixed inputs.
 *
 * Max プーリング（§7.3、§7.4.4）: チャンネルごとに、各 `poolH × poolW` のウィンドウの最大値。
 * x̃ を入力の四方に `pad` 個の 0 を加えたもの、s をストライドとして:
 *
 *   out[n, c, oy, ox] = max_{fy < poolH, fx < poolW} x̃[n, c, oy·s + fy, ox·s + fx]
 *
 * 出力は `OH = ⌊(H + 2·pad − poolH) / stride⌋ + 1` 行、`OW = ⌊(W + 2·pad − poolW) / stride⌋ + 1`
 * 列です。backward: ∂out/∂x̃ はそのウィンドウの最大値の位置（等しい値が複数あれば最初のもの）
 * で 1、それ以外で 0 です。
 *
 * テスト内容: §7.3 の本の例と手で計算した backward、出力を定義どおりに書いた最大値と比較
 * （正方形と正方形でないウィンドウと画像）、パディングありとなしでの dx
 * と数値微分による勾配の比較、float32 が float32 のままであること、
 * 固定の入力での本の NumPy の Pooling との比較。
 */
export class Pooling implements Layer {
  /**
   * Window height.
   *
   * ウィンドウの高さ。
   */
  poolH: number;
  /**
   * Window width.
   *
   * ウィンドウの幅。
   */
  poolW: number;
  /**
   * The step between two windows.
   *
   * 2つのウィンドウの間の歩幅。
   */
  stride: number;
  /**
   * Zeros added on every side of the input.
   *
   * 入力の四方に加える 0 の数。
   */
  pad: number;
  /**
   * The input of the last forward pass, `[N, C, H, W]`.
   *
   * 直前の順伝播の入力、`[N, C, H, W]`。
   */
  x: np.NDArray | null = null;
  /**
   * The position `fy·poolW + fx` of each window's maximum inside its window, one per window in
   * the order (n, oy, ox, c): flat, `[N·OH·OW·C]` (the book's `arg_max`).
   *
   * 各ウィンドウの最大値の、ウィンドウ内での位置 `fy·poolW + fx`。ウィンドウごとに1つ、
   * (n, oy, ox, c) の順に平らに並べたもの、`[N·OH·OW·C]`（本の `arg_max`）。
   */
  argMax: np.NDArray | null = null;

  /**
   * A max-pooling layer with a `poolH × poolW` window.
   *
   * `poolH × poolW` のウィンドウを持つ Max プーリングのレイヤ。
   *
   * @param poolH Window height.
   *   ウィンドウの高さ。
   * @param poolW Window width.
   *   ウィンドウの幅。
   * @param options `stride` (1, as in the book; networks pass 2) and `pad` (0).
   *   `stride`（既定値は本と同じく 1。ネットワークでは 2 を渡す）と `pad`（既定値 0）。
   */
  constructor(poolH: number, poolW: number, options: PoolingOptions = {}) {
    this.poolH = poolH;
    this.poolW = poolW;
    this.stride = options.stride ?? 1;
    this.pad = options.pad ?? 0;
  }

  /**
   * The maximum of every window of x `[N, C, H, W]`: an output of shape `[N, C, OH, OW]` and
   * x's dtype. Keeps what `backward` will need.
   *
   * x `[N, C, H, W]` のすべてのウィンドウの最大値: 形状 `[N, C, OH, OW]`、x の dtype の出力。
   * `backward` が必要とするものを残します。
   */
  forward(x: np.NDArray): np.NDArray {
    return todo("Pooling.forward", "07", x, im2col, np);
  }

  /**
   * From ∂L/∂out `[N, C, OH, OW]`: returns ∂L/∂x in the shape and dtype of the last input,
   * each output's gradient at the pixel that held its window's maximum (a pixel that is the
   * maximum of several windows gets the sum), 0 elsewhere.
   *
   * ∂L/∂out `[N, C, OH, OW]` から: ∂L/∂x を直前の入力の形状と dtype で返します。各出力の勾配は、
   * そのウィンドウの最大値を持っていたピクセルに置き（複数のウィンドウの最大値であるピクセルには
   * 和が入ります）、それ以外は 0 です。
   */
  backward(dout: np.NDArray): np.NDArray {
    return todo("Pooling.backward", "07", dout, col2im);
  }
}
