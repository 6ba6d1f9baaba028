/**
 * Chapter 4, §4.2: loss functions, the numbers learning tries to make small.
 *
 * Both take the network's output `y` and the labels `t`, for one sample (`[classes]`) or a
 * batch (`[n, classes]`), and return a plain number. `np` is imported for you. Run
 * `deno test chapters/04/loss_test.ts`.
 *
 * 04章、§4.2: 損失関数。学習が小さくしようとする数値です。
 *
 * どちらもネットワークの出力 `y` とラベル `t` を、1サンプル（`[classes]`）または
 * バッチ（`[n, classes]`）で受け取り、ただの数値を返します。`np` はインポート済みです。
 * `deno test -A chapters/04/loss_test.ts` で実行します。
 *
 * @module
 */

import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";

/**
 * The sum of squared errors (§4.2.1, equation 4.1): E = ½ Σₖ (yₖ − tₖ)². For a batch of n
 * samples the workbook takes the mean over the samples, E = (1/n) · ½ Σᵢ Σₖ (yᵢₖ − tᵢₖ)²;
 * a 1-D y is one sample (n = 1).
 *
 * Tested: the book's example, 0.0975 when "2" is most probable and 0.5975 when "7" is; the
 * mean of the two as a batch; 0 for a perfect answer; 0.5 for all zeros against a one-hot t;
 * random batches against the reference; the book's NumPy code on recorded batches.
 *
 * 2乗和誤差（§4.2.1、式4.1）: E = ½ Σₖ (yₖ − tₖ)²。n個のサンプルのバッチでは、ワークブックはサンプ
 * ルについて平均をとります: E = (1/n) · ½ Σᵢ Σₖ (yᵢₖ − tᵢₖ)²。1次元のyは1サンプル（n = 1）です。
 *
 * テスト内容: 本書の例、「2」が最も確率が高いときの0.0975と「7」のときの0.5975。その2つをバッチにし
 * たときの平均。完全な答えなら0。one-hotのtに対してすべて0なら0.5。ランダムなバッチでの模範解答との
 * 比較。記録されたバッチでの本書のNumPyのコード。
 *
 * @param y The network's output, one sample `[classes]` or a batch `[n, classes]`.
 *   ネットワークの出力。1件のサンプル `[classes]` またはバッチ `[n, classes]`。
 * @param t The one-hot labels, of y's shape.
 *   one-hot のラベル。y と同じ形状。
 * @returns The error (averaged over the batch).
 *   誤差（バッチの平均）。
 */
export function sumSquaredError(y: np.NDArray, t: np.NDArray): number {
  return todo("sumSquaredError", "04", y, t, np);
}

/**
 * The cross-entropy error (§4.2.2, equation 4.2; the batch version of §4.2.4), averaged over
 * a batch of n samples: E = −(1/n) Σᵢ Σₖ tᵢₖ · ln(yᵢₖ + δ) with δ = 1e-7, which keeps ln 0 =
 * −∞ away. With one-hot labels only the probability of the right class counts, so the labels
 * may also come as class indices, one per sample.
 *
 * Tested: the book's example, 0.510825457099338 (right) and 2.302584092994546 (wrong); index
 * labels for one sample and for a batch; the batch mean; a right class of probability 0
 * (the loss is −ln 1e-7, finite); one-hot and index labels giving the same loss on random
 * batches; random batches against the reference; the book's NumPy code on recorded batches.
 *
 * 交差エントロピー誤差（§4.2.2、式4.2。バッチ版は§4.2.4）。n個のサンプルのバッチで
 * 平均をとります: E = −(1/n) Σᵢ Σₖ tᵢₖ · ln(yᵢₖ + δ)、δ = 1e-7。δが ln 0 = −∞ を防ぎます。one-hotの
 * ラベルでは正解のクラスの確率だけが効くので、ラベルはサンプルごとに1つのクラスのインデックスで与え
 * てもかまいません。
 *
 * テスト内容: 本書の例、0.510825457099338（正解）と2.302584092994546（不正解）。1サンプルとバッチで
 * のインデックスのラベル。バッチの平均。正解のクラスの確率が0の場合（損失は −ln 1e-7 で有限）。ラン
 * ダムなバッチでone-hotとインデックスのラベルが同じ損失になること。ランダムなバッチでの模範解答との
 * 比較。記録されたバッチでの本書のNumPyのコード。
 *
 * @param y The network's output (probabilities), `[classes]` or `[n, classes]`.
 *   ネットワークの出力（確率）、`[classes]` または `[n, classes]`。
 * @param t One-hot labels of y's shape, or class indices `[n]` (`[1]` for one sample).
 *   y と同じ形状の one-hot のラベル、またはクラスのインデックス `[n]`（1件なら `[1]`）。
 * @returns The mean cross-entropy over the batch.
 *   バッチ平均の交差エントロピー誤差。
 */
export function crossEntropyError(y: np.NDArray, t: np.NDArray): number {
  return todo("crossEntropyError", "04", y, t);
}
