/**
 * Chapter 5, §5.7: the two-layer network again, now built from layers and trained with
 * backpropagation. The constructor, which puts the layers in an ordered map, is given, and so
 * are `accuracy` and `numericalGradient`, which you wrote in chapter 4. Write `predict`, `loss`
 * and `gradient`. The layers are the reference ones from `lib/`, so this exercise does not
 * wait for the others of the chapter. Run `deno test chapters/05/two_layer_net_test.ts`.
 *
 * 第5章 §5.7: 2層ニューラルネットワークをもう一度。今度はレイヤで組み立て、
 * 誤差逆伝播法で学習します。レイヤを順序付きの Map に並べるコンストラクタは用意してあり、
 * 第4章で書いた `accuracy` と `numericalGradient` も用意済みです。`predict`、`loss`、
 * `gradient` を書いてください。レイヤは `lib/` の参照実装なので、
 * この課題は章のほかの課題を待たずに取り組めます。`deno test -A chapters/05/two_layer_net_test.ts`
 * で実行します。
 *
 * @module
 */

import { numericalGradient } from "../../lib/gradient/numerical.ts";
import { Affine } from "../../lib/layers/affine.ts";
import type { Layer } from "../../lib/layers/layer.ts";
import { Relu } from "../../lib/layers/relu.ts";
import { SoftmaxWithLoss } from "../../lib/layers/softmax_with_loss.ts";
import { todo } from "../../lib/kata/todo.ts";
import * as np from "../../lib/np/mod.ts";
import type { TwoLayerNetOptions } from "../../lib/nets/types.ts";

export type { TwoLayerNetOptions };

/**
 * A two-layer network Affine1 → Relu1 → Affine2 → SoftmaxWithLoss (§5.7.2). The layers sit
 * in an ordered map (`layers`, the book's `OrderedDict`; the loss layer is `lastLayer`).
 * `params` holds `W1`, `b1`, `W2`, `b2`, the same arrays the Affine layers use, so an
 * optimizer updating `params` in place updates the layers.
 *
 * Affine1 → Relu1 → Affine2 → SoftmaxWithLoss の2層ニューラルネットワーク（§5.7.2）。
 * レイヤは順序付きの Map（`layers`、本の `OrderedDict`。損失のレイヤは `lastLayer`）
 * に入っています。`params` は `W1`、`b1`、`W2`、`b2` を持ち、
 * これらは Affine レイヤが使うのと同じ配列です。そのため、オプティマイザが `params`
 * をその場で更新すると、レイヤも更新されます。
 */
export class TwoLayerNet {
  /**
   * The weights and biases by name: `W1`, `b1`, `W2`, `b2`.
   *
   * 名前ごとの重みとバイアス: `W1`、`b1`、`W2`、`b2`。
   */
  params: Record<string, np.NDArray>;
  /**
   * The layers in forward order, by name (the book's `OrderedDict`).
   *
   * 名前付きのレイヤ、順伝播の順（本の `OrderedDict`）。
   */
  layers: Map<string, Layer>;
  /**
   * The output layer: softmax and the loss.
   *
   * 出力層: ソフトマックス関数と損失。
   */
  lastLayer: SoftmaxWithLoss;

  /**
   * Draws W1 and W2 from N(0, weightInitStd²) with a seeded generator; biases start at 0.
   *
   * シードを固定した乱数生成器で W1 と W2 を N(0, weightInitStd²) から引きます。
   * バイアスの初期値は 0 です。
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
    this.layers = new Map<string, Layer>([
      ["Affine1", new Affine(this.params.W1, this.params.b1)],
      ["Relu1", new Relu()],
      ["Affine2", new Affine(this.params.W2, this.params.b2)],
    ]);
    this.lastLayer = new SoftmaxWithLoss();
  }

  /**
   * The class scores of a batch: relu(x · W1 + b1) · W2 + b2, computed by the network's
   * layers (§5.7.2). No softmax: the largest score is the most probable class either way.
   *
   * Tested: against the same network written with plain loops, and that it sees parameters
   * updated in place.
   *
   * バッチのクラスごとのスコア: relu(x · W1 + b1) · W2 + b2。
   * ネットワークのレイヤで計算します（§5.7.2）。ソフトマックス関数は通しません。どちらにしても、
   * スコアが最大のクラスが最も確率の高いクラスです。
   *
   * テスト内容: 同じネットワークを素朴なループで書いたものとの比較、
   * その場で更新されたパラメータを使うこと。
   *
   * @param x Inputs `[n, inputSize]`.
   *   入力 `[n, inputSize]`。
   * @returns Scores `[n, outputSize]`.
   *   スコア `[n, outputSize]`。
   */
  predict(x: np.NDArray): np.NDArray {
    return todo("TwoLayerNet.predict", "05", x);
  }

  /**
   * The loss: the mean cross-entropy error of softmax(scores) against t, as the network's
   * last layer computes it (§5.7.2).
   *
   * Tested: against a loss computed by hand, with one-hot and index labels, and −log(0.1) for
   * all-zero weights.
   *
   * 損失: ネットワークの最後のレイヤが計算する、softmax(スコア) の t
   * に対する交差エントロピー誤差の平均（§5.7.2）。
   *
   * テスト内容: 手で計算した損失との比較、one-hot とインデックスのラベル、
   * 重みがすべて 0 のときの −log(0.1)。
   *
   * @param x Inputs `[n, inputSize]`.
   *   入力 `[n, inputSize]`。
   * @param t Labels: one-hot `[n, outputSize]` or class indices `[n]`.
   *   ラベル: one-hot `[n, outputSize]` またはクラスのインデックス `[n]`。
   * @returns The mean cross-entropy error over the batch.
   *   バッチ平均の交差エントロピー誤差。
   */
  loss(x: np.NDArray, t: np.NDArray): number {
    return todo("TwoLayerNet.loss", "05", x, t);
  }

  /**
   * The fraction of samples whose highest score is the label's class. Given (as chapter 4).
   *
   * スコアが最大のクラスがラベルのクラスと一致するサンプルの割合。用意済み（第4章と同じ）。
   *
   * @param x Inputs `[n, inputSize]`.
   *   入力 `[n, inputSize]`。
   * @param t Labels: one-hot `[n, outputSize]` or class indices `[n]`.
   *   ラベル: one-hot `[n, outputSize]` またはクラスのインデックス `[n]`。
   * @returns A number in [0, 1].
   *   [0, 1] の範囲の数。
   */
  accuracy(x: np.NDArray, t: np.NDArray): number {
    const y = np.argmax(this.predict(x), { axis: 1 });
    const labels = t.ndim === 1 ? t : np.argmax(t, { axis: 1 });
    return np.sum(np.equal(y, labels)) / x.shape[0];
  }

  /**
   * The gradients by numerical differentiation, to check backpropagation (§5.7.3). Given
   * (as chapter 4).
   *
   * 誤差逆伝播法を確かめるための、数値微分による勾配（§5.7.3）。用意済み（第4章と同じ）。
   *
   * @param x Inputs `[n, inputSize]`.
   *   入力 `[n, inputSize]`。
   * @param t Labels: one-hot or class indices.
   *   ラベル: one-hot またはクラスのインデックス。
   * @returns ∂loss/∂param for `W1`, `b1`, `W2`, `b2`.
   *   `W1`、`b1`、`W2`、`b2` それぞれの ∂loss/∂param。
   */
  numericalGradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
    const lossW = () => this.loss(x, t);
    const grads: Record<string, np.NDArray> = {};
    for (const key of ["W1", "b1", "W2", "b2"]) {
      grads[key] = numericalGradient(lossW, this.params[key]);
    }
    return grads;
  }

  /**
   * The gradients of the loss by backpropagation (§5.7.2), through the layers' `backward`.
   *
   * Tested: the gradient check against `numericalGradient` (§5.7.3), one-hot and index labels
   * alike, the book's own code, and that 50 SGD steps halve the loss on an easy problem.
   *
   * 誤差逆伝播法による損失の勾配（§5.7.2）。各レイヤの `backward` を通して求めます。
   *
   * テスト内容: `numericalGradient` との勾配確認（§5.7.3）、
   * one-hot とインデックスのラベルで同じであること、本のコードとの比較、
   * 簡単な問題で SGD を50ステップ回すと損失が半分になること。
   *
   * @param x Inputs `[n, inputSize]`.
   *   入力 `[n, inputSize]`。
   * @param t Labels: one-hot or class indices.
   *   ラベル: one-hot またはクラスのインデックス。
   * @returns ∂loss/∂param for `W1`, `b1`, `W2`, `b2`, each of its parameter's shape.
   *   `W1`、`b1`、`W2`、`b2` それぞれの ∂loss/∂param。形状はそれぞれのパラメータと同じ。
   */
  gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
    return todo("TwoLayerNet.gradient", "05", x, t, Affine);
  }
}
