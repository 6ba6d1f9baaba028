/**
 * Chapter 03, exercises 6–9: a three-layer network's forward pass (the book's §3.4.3) and
 * MNIST inference with it, one image or a batch at a time (§3.6).
 *
 * A network is the book's dictionary of parameters: `{ W1, b1, W2, b2, W3, b3 }`. `np` is
 * imported for you, and so are the activation functions, from the reference in `lib/` (so
 * these tests need only this file's exercises); `deno task ch03:predict --mine` runs the
 * network on your own activations too.
 *
 * 03章の演習6〜9: 3層ネットワークの順方向の計算（本書の§3.4.3）と、それを使った画像1枚ずつまたは
 * バッチでのMNISTの推論（§3.6）。
 *
 * ネットワークは本書のパラメータの辞書 `{ W1, b1, W2, b2, W3, b3 }` です。`np` はインポート済みで、
 * 活性化関数も `lib/` の模範解答からインポート済みです（そのため、このテストに必要なのはこのファイ
 * ルの演習だけです）。`deno task ch03:predict --mine` なら、ネットワークを自分の活性化関数でも動か
 * します。
 *
 * @module
 */

import { todo } from "../../lib/kata/todo.ts";
import * as np from "../../lib/np/mod.ts";
import type { Network } from "../../lib/nets/types.ts";
import { identity, sigmoid, softmax } from "../../lib/functions/activation.ts";

export type { Network } from "../../lib/nets/types.ts";

/**
 * The book's toy network of §3.4.3: two inputs, hidden layers of 3 and 2 neurons, two
 * outputs, with the book's hand-picked float64 weights and biases:
 * W1 = [[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]], b1 = [0.1, 0.2, 0.3];
 * W2 = [[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]], b2 = [0.1, 0.2];
 * W3 = [[0.1, 0.3], [0.2, 0.4]], b3 = [0.1, 0.2].
 *
 * Tested: all six arrays, values and shapes (W1 [2, 3], b1 [3], W2 [3, 2], b2 [2],
 * W3 [2, 2], b3 [2]).
 *
 * §3.4.3の本書の小さなネットワーク: 入力2つ、3個と2個のニューロンの隠れ層、出力2つ。重みとバイアス
 * は本書が手で選んだfloat64の値: W1 = [[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]、b1 = [0.1, 0.2, 0.3]。
 * W2 = [[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]]、b2 = [0.1, 0.2]。W3 = [[0.1, 0.3], [0.2, 0.4]]、
 * b3 = [0.1, 0.2]。
 *
 * テスト内容: 6つの配列すべての値と形状（W1 [2, 3]、b1 [3]、W2 [3, 2]、b2 [2]、W3 [2, 2]、
 * b3 [2]）。
 *
 * @returns `{ W1, b1, W2, b2, W3, b3 }`, each a new array.
 *   `{ W1, b1, W2, b2, W3, b3 }`。どれも新しい配列。
 */
export function initNetwork(): Network {
  return todo("initNetwork", "03", np);
}

/**
 * The forward pass of §3.4.2–3.4.3, with h the sigmoid and σ the identity:
 * a1 = x·W1 + b1, z1 = h(a1); a2 = z1·W2 + b2, z2 = h(a2); a3 = z2·W3 + b3, y = σ(a3).
 *
 * Example: the toy network of {@linkcode initNetwork} maps [1.0, 0.5] to
 * [0.31682708, 0.69627909].
 *
 * Tested: that example (the test builds the toy network itself); a batch of 6 gives the same
 * rows as one input at a time; with identity weights after the first layer, the output is
 * h(h(x·W1 + b1)) (two sigmoids, no output activation); the book's NumPy code on recorded
 * inputs.
 *
 * §3.4.2〜3.4.3の順方向の計算。hはシグモイド関数、σは恒等関数: a1 = x·W1 + b1、z1 = h(a1)。
 * a2 = z1·W2 + b2、z2 = h(a2)。a3 = z2·W3 + b3、y = σ(a3)。
 *
 * 例: {@linkcode initNetwork} の小さなネットワークは [1.0, 0.5] を [0.31682708, 0.69627909] に写し
 * ます。
 *
 * テスト内容: その例（テストは小さなネットワークを自分で作ります）。6つの入力のバッチが、1つずつ入
 * 力したときと同じ行になること。第1層より後の重みを単位行列にすると、出力が h(h(x·W1 + b1)) になる
 * こと（シグモイド関数が2回、出力の活性化関数なし）。記録された入力での本書のNumPyのコード。
 *
 * @param network The parameters (W1, b1, W2, b2, W3, b3).
 *   パラメータ（W1、b1、W2、b2、W3、b3）。
 * @param x One input `[inputs]` or a batch `[n, inputs]` (the same code does both).
 *   1つの入力 `[inputs]` またはバッチ `[n, inputs]`（同じコードで両方を扱う）。
 * @returns The output, `[outputs]` or `[n, outputs]`.
 *   出力、`[outputs]` または `[n, outputs]`。
 */
export function forward(network: Network, x: np.NDArray): np.NDArray {
  return todo("forward", "03", network, x, sigmoid, identity);
}

/**
 * The MNIST network's prediction (§3.6.2): the same three layers as {@linkcode forward},
 * with the softmax as the output activation, so each row holds one probability per class.
 *
 * Tested: shapes and rows summing to 1 on a random network, one image giving the same as the
 * first row of a batch, the softmax of the reference forward pass, the first 8 MNIST test
 * images read right with the shipped weights, and the book's NumPy code.
 *
 * MNISTのネットワークの予測（§3.6.2）: {@linkcode forward} と同じ3層で、出力の活性化関数が
 * ソフトマックス関数なので、各行はクラスごとに1つの確率をもちます。
 *
 * テスト内容: ランダムなネットワークでの形状と各行の和が1であること、画像1枚がバッチの最初の行と同
 * じになること、模範解答の順方向の計算のソフトマックスになること、同梱の重みで最初の8枚のMNISTテス
 * ト画像を正しく読むこと、本書のNumPyのコード。
 *
 * @param network The parameters (for MNIST: W1 `[784, 50]`, W2 `[50, 100]`, W3 `[100, 10]`
 * and their biases).
 *   パラメータ（MNIST では W1 `[784, 50]`、W2 `[50, 100]`、W3 `[100, 10]` とそれぞれのバイアス）。
 * @param x One image `[784]` or a batch `[n, 784]`.
 *   1枚の画像 `[784]` またはバッチ `[n, 784]`。
 * @returns Class probabilities, `[10]` or `[n, 10]`, each row summing to 1.
 *   クラスごとの確率、`[10]` または `[n, 10]`。各行の和は 1。
 */
export function predict(network: Network, x: np.NDArray): np.NDArray {
  return todo("predict", "03", network, x, softmax);
}

/**
 * Data and batch size of {@linkcode accuracy}.
 *
 * {@linkcode accuracy} のデータとバッチサイズ。
 */
export interface AccuracyOptions {
  /**
   * The images, `[n, 784]`.
   *
   * 画像、`[n, 784]`。
   */
  x: np.NDArray;
  /**
   * The labels as class indices, `[n]`.
   *
   * クラスのインデックスで表したラベル、`[n]`。
   */
  t: np.NDArray;
  /**
   * Images per call of `predict` (100, as in the book's §3.6.3); 1 is the loop of §3.6.2.
   *
   * `predict` 1回あたりの画像の枚数（本書の§3.6.3と同じく100）。1なら§3.6.2のループです。
   */
  batchSize?: number;
}

/**
 * The share of images whose most probable class (under {@linkcode predict}) is their label
 * (§3.6.2), predicting `batchSize` images at a time (§3.6.3). The last batch may be smaller
 * than the others.
 *
 * Tested: a toy case with batch sizes 2, 100 and 1; the same accuracy on the first 300 MNIST
 * test images for batch sizes 1, 7, 100, 299, 300 and 5000; at least 0.92 on all 10,000 with
 * the shipped weights (0.9659, as the book's NumPy code computes it).
 *
 * 最も確率の高いクラス（{@linkcode predict} による）がラベルと一致する画像の割合（§3.6.2）。
 * `batchSize` 枚ずつ予測します（§3.6.3）。最後のバッチはほかより小さくてもかまいません。
 *
 * テスト内容: バッチサイズ2、100、1での小さな例。MNISTの300枚の画像で、バッチサイズ1、7、100、299、
 * 300、5000のどれでも同じ認識精度になること。同梱の重みで10,000枚すべてのテスト画像に対して0.92以上
 * （本書のNumPyのコードで計算すると0.9659）。
 *
 * @param network The parameters.
 *   パラメータ。
 * @param options The images `x`, their labels `t` and the `batchSize` (100 when not given).
 *   画像 `x`、そのラベル `t`、`batchSize`（指定がなければ 100）。
 * @returns The fraction of correct predictions, between 0 and 1.
 *   正しく予測できた割合（0 以上 1 以下）。
 */
export function accuracy(network: Network, options: AccuracyOptions): number {
  return todo("accuracy", "03", network, options);
}
