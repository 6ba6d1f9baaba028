/**
 * Chapter 7, §7.4.3: the Convolution layer, forward and backward. The layer may use `im2col`
 * and `col2im`; this file imports the reference ones from lib/ (your own run in
 * `deno task ch07:train --mine`). Run `deno test chapters/07/convolution_test.ts`.
 *
 * 第7章 §7.4.3: Convolutionレイヤの forward と backward。レイヤは `im2col` と `col2im`
 * を使えます。このファイルは lib/ の参照実装を import しています
 * （自分のものは `deno task ch07:train --mine` で動きます）。
 * `deno test -A chapters/07/convolution_test.ts` で実行します。
 *
 * @module
 */

import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";
import { col2im, im2col } from "../../lib/layers/im2col.ts";
import type { ConvolutionOptions } from "../../lib/layers/types.ts";
import type { Layer } from "../../lib/layers/layer.ts";

/**
 * A convolution of a batch of images with `FN` filters and one bias per filter (§7.2,
 * §7.4.3). With x̃ the input with `pad` zeros added on every side and s the stride:
 *
 *   out[n, f, oy, ox] = b[f] + Σ_{c, fy, fx} W[f, c, fy, fx] · x̃[n, c, oy·s + fy, ox·s + fx]
 *
 * for an output of `OH = ⌊(H + 2·pad − FH) / stride⌋ + 1` rows (eq. 7.1), and OW alike. The
 * book computes it as one matrix product on the output of `im2col`; the fields `col` and
 * `colW` are the two matrices of that product.
 *
 * Tested: a 3×3 image and the book's example of §7.2.3 by hand, the output's shape and
 * values against the convolution written as its definition for five stride/pad pairs, every
 * gradient (dx, dW, db) against a numerical one, float32 kept float32, and the book's own
 * NumPy Convolution on fixed inputs.
 *
 * 画像のバッチと `FN` 個のフィルター、フィルターごとに1つのバイアスによる畳み込み（§7.2、
 * §7.4.3）。x̃ を入力の四方に `pad` 個の 0 を加えたもの、s をストライドとして:
 *
 *   out[n, f, oy, ox] = b[f] + Σ_{c, fy, fx} W[f, c, fy, fx] · x̃[n, c, oy·s + fy, ox·s + fx]
 *
 * 出力は `OH = ⌊(H + 2·pad − FH) / stride⌋ + 1` 行（式 7.1）、OW も同様です。
 * 本はこれを `im2col` の出力に対する1回の行列積として計算します。フィールド `col` と `colW` は、
 * その積の2つの行列です。
 *
 * テスト内容: 3×3 の画像と §7.2.3 の本の例を手で、出力の形状と値を定義どおりに
 * 書いた畳み込みと5通りのストライドとパディングの組で比較、すべての勾配（dx、dW、
 * db）と数値微分による勾配の比較、float32 が float32 のままであること、
 * 固定の入力での本の NumPy の Convolution との比較。
 */
export class Convolution implements Layer {
  /**
   * The filters, `[FN, C, FH, FW]`.
   *
   * フィルター、`[FN, C, FH, FW]`。
   */
  W: np.NDArray;
  /**
   * One bias per filter, `[FN]`.
   *
   * フィルターごとに1つのバイアス、`[FN]`。
   */
  b: np.NDArray;
  /**
   * The step between two filter positions.
   *
   * フィルターの2つの位置の間の歩幅。
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
   * im2col of that input, `[N·OH·OW, C·FH·FW]` (the book's `col`).
   *
   * その入力を im2col したもの、`[N·OH·OW, C·FH·FW]`（本の `col`）。
   */
  col: np.NDArray | null = null;
  /**
   * The filters as columns, `[C·FH·FW, FN]` (the book's `col_W`).
   *
   * フィルターを列に並べたもの、`[C·FH·FW, FN]`（本の `col_W`）。
   */
  colW: np.NDArray | null = null;
  /**
   * ∂L/∂W after backward, `[FN, C, FH, FW]`.
   *
   * backward 後の ∂L/∂W、`[FN, C, FH, FW]`。
   */
  dW: np.NDArray | null = null;
  /**
   * ∂L/∂b after backward, `[FN]`.
   *
   * backward 後の ∂L/∂b、`[FN]`。
   */
  db: np.NDArray | null = null;

  /**
   * Wraps existing parameters (the network owns them and the optimizer updates them).
   *
   * 既存のパラメータを包みます（パラメータはネットワークが持ち、オプティマイザが更新します）。
   *
   * @param W The filters, `[FN, C, FH, FW]`.
   *   フィルター、`[FN, C, FH, FW]`。
   * @param b The biases, `[FN]`.
   *   バイアス、`[FN]`。
   * @param options `stride` (1) and `pad` (0).
   *   `stride`（既定値 1）と `pad`（既定値 0）。
   */
  constructor(W: np.NDArray, b: np.NDArray, options: ConvolutionOptions = {}) {
    this.W = W;
    this.b = b;
    this.stride = options.stride ?? 1;
    this.pad = options.pad ?? 0;
  }

  /**
   * The convolution of x `[N, C, H, W]`: an output of shape `[N, FN, OH, OW]` and x's dtype.
   * Keeps what `backward` will need.
   *
   * x `[N, C, H, W]` の畳み込み: 形状 `[N, FN, OH, OW]`、x の dtype の出力。
   * `backward` が必要とするものを残します。
   */
  forward(x: np.NDArray): np.NDArray {
    return todo("Convolution.forward", "07", x, im2col, np);
  }

  /**
   * From ∂L/∂out `[N, FN, OH, OW]`: stores ∂L/∂W in `dW` (W's shape `[FN, C, FH, FW]`) and
   * ∂L/∂b in `db` (`[FN]`), and returns ∂L/∂x in the shape and dtype of the last input.
   *
   * ∂L/∂out `[N, FN, OH, OW]` から: ∂L/∂W を `dW`（W の形状 `[FN, C, FH, FW]`）に、
   * ∂L/∂b を `db`（`[FN]`）に保存し、∂L/∂x を直前の入力の形状と dtype で返します。
   */
  backward(dout: np.NDArray): np.NDArray {
    return todo("Convolution.backward", "07", dout, col2im);
  }
}
