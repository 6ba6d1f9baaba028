/**
 * Chapter 5, §5.6.3: the Softmax-with-Loss layer. Run
 * `deno test chapters/05/softmax_with_loss_test.ts`.
 *
 * 第5章 §5.6.3: Softmax-with-Lossレイヤ。`deno test -A chapters/05/softmax_with_loss_test.ts`
 * で実行します。
 *
 * @module
 */

import { softmax } from "../../lib/functions/activation.ts";
import { crossEntropyError } from "../../lib/functions/loss.ts";
import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";

/**
 * Softmax followed by the cross-entropy error, as one layer (§5.6.3, appendix A). The
 * functions `softmax` and `crossEntropyError` of lib are imported for you.
 *
 * For a batch of N samples with softmax output y and one-hot labels t, the book's result is
 * ∂L/∂x = (y − t) / N. Labels may also be class indices `[N]`; both kinds give the same loss
 * and the same gradient.
 *
 * Tested: the book's (0.3, 0.2, 0.5) example, the fields `loss` and `y`, the batch
 * division, index labels, `dout`, and backward against a numerical gradient.
 *
 * ソフトマックス関数と、それに続く交差エントロピー誤差を1つのレイヤにしたもの（§5.6.3、付録A）。
 * lib の関数 `softmax` と `crossEntropyError` は import 済みです。
 *
 * N 個のサンプルのバッチで、ソフトマックスの出力を y、one-hot のラベルを t とすると、
 * 本の結果は ∂L/∂x = (y − t) / N です。ラベルはクラスのインデックス `[N]` でもかまいません。
 * どちらの形でも損失と勾配は同じになります。
 *
 * テスト内容: 本の (0.3, 0.2, 0.5) の例、フィールド `loss` と `y`、バッチサイズでの割り算、
 * インデックスのラベル、`dout`、backward と数値微分による勾配の比較。
 */
export class SoftmaxWithLoss {
  /**
   * The loss of the last forward pass.
   *
   * 直前の順伝播の損失。
   */
  loss = NaN;
  /**
   * The softmax output y of the last forward pass, `[N, classes]`.
   *
   * 直前の順伝播のソフトマックスの出力 y、`[N, classes]`。
   */
  y: np.NDArray | null = null;
  /**
   * The labels of the last forward pass (one-hot `[N, classes]`, or indices `[N]`).
   *
   * 直前の順伝播のラベル（one-hot `[N, classes]`、またはインデックス `[N]`）。
   */
  t: np.NDArray | null = null;

  /**
   * The mean cross-entropy error of softmax(x) (x: scores `[N, classes]`) against t.
   *
   * softmax(x)（x: スコア `[N, classes]`）の t に対する交差エントロピー誤差の平均。
   */
  forward(x: np.NDArray, t: np.NDArray): number {
    return todo("SoftmaxWithLoss.forward", "05", x, t, softmax, crossEntropyError);
  }

  /**
   * ∂(dout · L)/∂x for the last forward pass, `[N, classes]` (dout is 1 in a network).
   *
   * 直前の順伝播についての ∂(dout · L)/∂x、`[N, classes]`（ネットワークの中では dout は 1）。
   */
  backward(dout = 1): np.NDArray {
    return todo("SoftmaxWithLoss.backward", "05", dout, np);
  }
}
