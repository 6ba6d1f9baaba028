/**
 * Chapter 4, §4.5.1: a two-layer network that learns with numerical gradients.
 *
 * x → x·W1 + b1 → sigmoid → ·W2 + b2 → softmax. The constructor and the fast `gradient` are
 * given (the book shows `gradient` in §4.5.1 but explains it in chapter 5, where you build
 * it from layers); write `predict`, `loss`, `accuracy` and `numericalGradient`.
 *
 * Imported for you: `np`, and from the reference library `sigmoid` and `softmax` (chapter 3),
 * `crossEntropyError` and `numericalGradient` (this chapter's, so that the network does not
 * wait for your `loss.ts` and `gradient.ts`). Run `deno test chapters/04/two_layer_net_test.ts`.
 *
 * 04章、§4.5.1: 数値微分による勾配で学習する2層ニューラルネットワーク。
 *
 * x → x·W1 + b1 → sigmoid → ·W2 + b2 → softmax。コンストラクターと高速な `gradient` は用意されてい
 * ます（本書は `gradient` を§4.5.1で示しますが、説明は5章で、そこでレイヤから組み立てます）。
 * `predict`、`loss`、`accuracy`、`numericalGradient` を書きます。
 *
 * インポート済みのもの: `np`、そして模範解答のライブラリから `sigmoid` と `softmax`（3章）、
 * `crossEntropyError` と `numericalGradient`（この章のもの。ネットワークが自分の `loss.ts` と
 * `gradient.ts` を待たずにすむように）。`deno test -A chapters/04/two_layer_net_test.ts` で
 * 実行します。
 *
 * @module
 */

import { sigmoid, softmax } from "../../lib/functions/activation.ts";
import { crossEntropyError } from "../../lib/functions/loss.ts";
import { numericalGradient } from "../../lib/gradient/numerical.ts";
import { todo } from "../../lib/kata/todo.ts";
import { twoLayerNetGradient } from "../../lib/nets/two_layer_net_ch04_gradient.ts";
import * as np from "../../lib/np/mod.ts";
import type { TwoLayerNetOptions } from "../../lib/nets/types.ts";

export type { TwoLayerNetOptions };

/**
 * A two-layer network x → Affine → sigmoid → Affine → softmax (§4.5.1). `params` holds
 * `W1 [input, hidden]`, `b1 [hidden]`, `W2 [hidden, output]`, `b2 [output]`; training updates
 * them in place.
 *
 * Tested: `predict` against the same network written with plain loops, and rows of
 * MNIST-sized probabilities; `loss` against the cross-entropy of the predictions, with one-hot
 * and index labels, and −ln(1/10 + 1e-7) for all-zero weights; `accuracy` with one-hot and
 * index labels; the numerical gradients against an independent numerical gradient and
 * against `gradient()`, with the parameters left as they were; the loss falling as SGD
 * trains; the book's NumPy code (`ch04/two_layer_net.py`) on recorded parameters.
 *
 * 2層ニューラルネットワーク x → Affine → sigmoid → Affine → softmax（§4.5.1）。`params` は
 * `W1 [input, hidden]`、`b1 [hidden]`、`W2 [hidden, output]`、`b2 [output]` を持ち、学習はそれらを
 * その場で更新します。
 *
 * テスト内容: `predict` を素朴なループで書いた同じネットワークと比べること、MNISTの大きさの入力で確
 * 率の行を返すこと。`loss` を予測の交差エントロピー誤差と比べること（one-hotとインデックスのラベル
 * で）、重みがすべて0なら −ln(1/10 + 1e-7) になること。one-hotとインデックスのラベルでの
 * `accuracy`。数値微分による勾配を独立した数値微分による勾配および `gradient()` と比べ、パラメータ
 * が元のままであること。SGDで学習すると損失が下がること。記録されたパラメータでの本書のNumPyのコー
 * ド（`ch04/two_layer_net.py`）。
 */
export class TwoLayerNet {
  /**
   * The weights and biases by name: `W1`, `b1`, `W2`, `b2`.
   *
   * 名前つきの重みとバイアス: `W1`、`b1`、`W2`、`b2`。
   */
  params: Record<string, np.NDArray>;

  /**
   * Draws W1 and W2 from N(0, weightInitStd²) with a seeded generator; biases start at 0.
   *
   * W1とW2をシードつきの生成器で N(0, weightInitStd²) から引きます。バイアスは0から始まります。
   */
  constructor(options: TwoLayerNetOptions) {
    const { inputSize, hiddenSize, outputSize } = options;
    for (const [name, n] of Object.entries({ inputSize, hiddenSize, outputSize })) {
      if (!Number.isInteger(n) || n <= 0) {
        throw new RangeError(`TwoLayerNet needs a positive whole ${name}, got ${n}`);
      }
    }
    const scale = options.weightInitStd ?? 0.01, dtype = options.dtype ?? "float64";
    const rng = np.rng(options.seed ?? 0);
    this.params = {
      W1: rng.normal([inputSize, hiddenSize], { scale, dtype }),
      b1: np.zeros([hiddenSize], { dtype }),
      W2: rng.normal([hiddenSize, outputSize], { scale, dtype }),
      b2: np.zeros([outputSize], { dtype }),
    };
  }

  /**
   * The class probabilities of a batch (§3.4.3, §4.5.1):
   * y = softmax(sigmoid(x·W1 + b1)·W2 + b2).
   *
   * バッチのクラスごとの確率（§3.4.3、§4.5.1）: y = softmax(sigmoid(x·W1 + b1)·W2 + b2)。
   *
   * @param x Inputs `[n, inputSize]`.
   *   入力 `[n, inputSize]`。
   * @returns Probabilities `[n, outputSize]`, each row summing to 1, of the parameters' dtype.
   *   確率 `[n, outputSize]`。各行の和は 1 で、dtype はパラメータと同じ。
   */
  predict(x: np.NDArray): np.NDArray {
    return todo("TwoLayerNet.predict", "04", x, sigmoid, softmax);
  }

  /**
   * The cross-entropy error of the network's predictions for x against the labels t
   * (§4.5.1), averaged over the batch.
   *
   * xに対するネットワークの予測とラベルtとの交差エントロピー誤差（§4.5.1）。
   * バッチで平均をとります。
   *
   * @param x Inputs `[n, inputSize]`.
   *   入力 `[n, inputSize]`。
   * @param t Labels: one-hot `[n, outputSize]` or class indices `[n]`.
   *   ラベル: one-hot `[n, outputSize]` またはクラスのインデックス `[n]`。
   * @returns The mean loss over the batch.
   *   バッチ平均の損失。
   */
  loss(x: np.NDArray, t: np.NDArray): number {
    return todo("TwoLayerNet.loss", "04", x, t, crossEntropyError);
  }

  /**
   * The fraction of samples whose most probable class is their label (§4.5.1).
   *
   * 最も確率の高いクラスがラベルと一致するサンプルの割合（§4.5.1）。
   *
   * @param x Inputs `[n, inputSize]`.
   *   入力 `[n, inputSize]`。
   * @param t Labels: one-hot `[n, outputSize]` or class indices `[n]`.
   *   ラベル: one-hot `[n, outputSize]` またはクラスのインデックス `[n]`。
   * @returns A number in [0, 1].
   *   [0, 1] の範囲の数。
   */
  accuracy(x: np.NDArray, t: np.NDArray): number {
    return todo("TwoLayerNet.accuracy", "04", x, t);
  }

  /**
   * The gradients of the loss by numerical differentiation of every parameter (§4.5.1):
   * ∂L/∂W1, ∂L/∂b1, ∂L/∂W2, ∂L/∂b2, with L the loss of the batch (x, t). Slow (two forward
   * passes per weight) but obviously right. The parameters must be as they were afterwards.
   *
   * すべてのパラメータを数値微分して求める損失関数の勾配（§4.5.1）: ∂L/∂W1、∂L/∂b1、∂L/∂W2、
   * ∂L/∂b2。Lはバッチ (x, t) の損失です。遅い（重み1つにつき順方向の計算が2回）けれど、正しいことが
   * 明らかです。終わった後、パラメータは元のままでなければなりません。
   *
   * @param x Inputs `[n, inputSize]`.
   *   入力 `[n, inputSize]`。
   * @param t Labels: one-hot or class indices.
   *   ラベル: one-hot またはクラスのインデックス。
   * @returns ∂loss/∂param for `W1`, `b1`, `W2`, `b2`, each of its parameter's shape.
   *   `W1`、`b1`、`W2`、`b2` それぞれの ∂loss/∂param。形状はそれぞれのパラメータと同じ。
   */
  numericalGradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
    return todo("TwoLayerNet.numericalGradient", "04", x, t, numericalGradient);
  }

  /**
   * The same gradients computed analytically, as the book's fast `gradient` (backpropagation,
   * which you write in chapter 5). Given.
   *
   * 同じ勾配を解析的に求めたもの。本書の高速な `gradient`（誤差逆伝播法。5章で書きます）と
   * 同じです。用意済みです。
   *
   * @param x Inputs `[n, inputSize]`.
   *   入力 `[n, inputSize]`。
   * @param t Labels: one-hot `[n, outputSize]` or class indices `[n]`.
   *   ラベル: one-hot `[n, outputSize]` またはクラスのインデックス `[n]`。
   * @returns ∂loss/∂param for `W1`, `b1`, `W2`, `b2`.
   *   `W1`、`b1`、`W2`、`b2` それぞれの ∂loss/∂param。
   */
  gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
    return twoLayerNetGradient(this.params, { x, t });
  }
}
