/**
 * Chapter 7, §7.5: SimpleConvNet, the book's first CNN. It uses the reference layers from
 * lib/ (Convolution, Pooling, Relu, Affine, SoftmaxWithLoss), so its tests need nothing else
 * of yours; `deno task ch07:train --mine` trains it with your own layers wherever you have
 * written them. Run `deno test chapters/07/simple_conv_net_test.ts`.
 *
 * 第7章 §7.5: 本で最初の CNN、SimpleConvNet。lib/ の参照実装のレイヤ（Convolution、Pooling、
 * Relu、Affine、SoftmaxWithLoss）を使うので、テストにはあなたのほかのコードは要りません。
 * `deno task ch07:train --mine` なら、書き終えたところはあなたのレイヤで学習します。
 * `deno test -A chapters/07/simple_conv_net_test.ts` で実行します。
 *
 * @module
 */

import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";
import { Affine } from "../../lib/layers/affine.ts";
import { Convolution } from "../../lib/layers/convolution.ts";
import type { Layer } from "../../lib/layers/layer.ts";
import { Pooling } from "../../lib/layers/pooling.ts";
import { Relu } from "../../lib/layers/relu.ts";
import { SoftmaxWithLoss } from "../../lib/layers/softmax_with_loss.ts";
import { accuracyInBatches, loadParams, saveParams } from "../../lib/nets/network.ts";
import type { AccuracyOptions, PredictOptions } from "../../lib/nets/types.ts";
import type { SimpleConvNetOptions } from "../../lib/nets/types.ts";

/**
 * conv - relu - pool - affine - relu - affine - softmax (§7.5, the book's `SimpleConvNet`).
 * `params` holds `W1`, `b1` (the filters), `W2`, `b2`, `W3`, `b3`: the same arrays the
 * layers use, so that an optimizer updating `params` in place trains the layers.
 *
 * conv - relu - pool - affine - relu - affine - softmax（§7.5、本の `SimpleConvNet`）。
 * `params` は `W1`、`b1`（フィルター）、`W2`、`b2`、`W3`、`b3` を持ちます。
 * これらはレイヤが使うのと同じ配列なので、オプティマイザが `params` をその場で更新すると、
 * レイヤが学習されます。
 */
export class SimpleConvNet {
  /**
   * The weights and biases by name: `W1`, `b1`, `W2`, `b2`, `W3`, `b3`.
   *
   * 名前ごとの重みとバイアス: `W1`、`b1`、`W2`、`b2`、`W3`、`b3`。
   */
  params: Record<string, np.NDArray> = {};
  /**
   * The layers in forward order, by name (the book's `OrderedDict`).
   *
   * 名前付きのレイヤ、順伝播の順（本の `OrderedDict`）。
   */
  layers: Map<string, Layer> = new Map();
  /**
   * The output layer: softmax and the loss.
   *
   * 出力層: ソフトマックス関数と損失。
   */
  lastLayer: SoftmaxWithLoss = new SoftmaxWithLoss();

  /**
   * Builds the network with the book's defaults: inputDim `[1, 28, 28]` (C, H, W), convParam
   * `{ filterNum: 30, filterSize: 5, pad: 0, stride: 1 }` (missing keys default), hiddenSize
   * 100, outputSize 10, weightInitStd 0.01, seed 0, dtype "float64".
   *
   * The layers, by name in this order: "Conv1" (filterNum filters of filterSize × filterSize,
   * the convParam's stride and pad), "Relu1", "Pool1" (2 × 2 max pooling with stride 2),
   * "Affine1" (hiddenSize outputs), "Relu2", "Affine2" (outputSize outputs). The parameters:
   * W1 `[filterNum, C, filterSize, filterSize]`, W2 `[filterNum·P·P, hiddenSize]` with P the
   * pooled image size, W3 `[hiddenSize, outputSize]`, all drawn from a normal distribution of
   * standard deviation weightInitStd (a generator seeded with `seed`, in the order W1, W2,
   * W3), and zero biases, all of the given dtype.
   *
   * Tested: the book's shapes (W1 `[30, 1, 5, 5]`, W2 `[4320, 100]`, W3 `[100, 10]`), the
   * layers' names, kinds and order, that they hold the arrays of `params`, the pooling
   * window, the weights' standard deviation, other sizes and float32.
   *
   * 本の既定値でネットワークを組み立てます: inputDim `[1, 28, 28]`（C, H, W）、
   * convParam `{ filterNum: 30, filterSize: 5, pad: 0, stride: 1 }`（ないキーは既定値）、
   * hiddenSize 100、outputSize 10、weightInitStd 0.01、seed 0、dtype "float64"。
   *
   * レイヤは、名前ごとにこの順で: "Conv1"（filterSize × filterSize のフィルターが filterNum 個、
   * convParam のストライドとパディング）、"Relu1"、"Pool1"（ストライド 2 の 2 × 2 の Max
   * プーリング）、"Affine1"（出力 hiddenSize 個）、"Relu2"、"Affine2"（出力 outputSize 個）。
   * パラメータ: W1 `[filterNum, C, filterSize, filterSize]`、P をプーリング後の画像サイズとして
   * W2 `[filterNum·P·P, hiddenSize]`、W3 `[hiddenSize, outputSize]`。
   * どれも標準偏差 weightInitStd の正規分布から（`seed` をシードとする乱数生成器で、W1、W2、
   * W3 の順に）引き、バイアスはゼロ。すべて指定された dtype です。
   *
   * テスト内容: 本の形状（W1 `[30, 1, 5, 5]`、W2 `[4320, 100]`、W3 `[100, 10]`）、
   * レイヤの名前・種類・順序、レイヤが `params` の配列を持っていること、プーリングのウィンドウ、
   * 重みの標準偏差、ほかのサイズと float32。
   *
   * @param options The sizes, `seed` and `dtype`.
   *   ネットワークのサイズ、`seed`、`dtype`。
   */
  constructor(options: SimpleConvNetOptions = {}) {
    todo("SimpleConvNet", "07", options, np, Affine, Convolution, Pooling, Relu);
  }

  /**
   * The class scores `[n, outputSize]` (before softmax) of a batch `[n, C, H, W]`. `options`
   * goes to every layer's forward. Tested: the shape, finite values.
   *
   * バッチ `[n, C, H, W]` のクラスごとのスコア `[n, outputSize]`（ソフトマックス関数の前）。
   * `options` は各レイヤの forward に渡します。テスト内容: 形状、値が有限であること。
   */
  predict(x: np.NDArray, options: PredictOptions = {}): np.NDArray {
    return todo("SimpleConvNet.predict", "07", x, options);
  }

  /**
   * The cross-entropy loss of the batch's scores (softmax with loss, §5.6.3); `t` holds the
   * labels, one-hot or indices. Tested: near log 10 with the book's small initial weights.
   *
   * バッチのスコアの交差エントロピー誤差（Softmax-with-Loss、§5.6.3）。`t` はラベルで、
   * one-hot またはインデックス。テスト内容: 本の小さな重みの初期値で log 10 に近いこと。
   */
  loss(x: np.NDArray, t: np.NDArray, options: PredictOptions = {}): number {
    return todo("SimpleConvNet.loss", "07", x, t, options);
  }

  /**
   * The fraction of images classified right, 100 at a time (given).
   *
   * 正しく分類された画像の割合。100 枚ずつ計算します（用意済み）。
   */
  accuracy(x: np.NDArray, t: np.NDArray, options: AccuracyOptions = {}): number {
    return accuracyInBatches(this, x, t, options);
  }

  /**
   * The gradient of the loss with respect to every parameter, by backpropagation (§5.7.2,
   * §7.5): `W1`, `b1`, `W2`, `b2`, `W3`, `b3`, each of its parameter's shape. Tested: all six
   * against numerical gradients on 6×6 images, and 50 gradient-descent steps that drive a
   * small problem's loss down to a third.
   *
   * 誤差逆伝播法による、すべてのパラメータについての損失の勾配（§5.7.2、§7.5）: `W1`、`b1`、
   * `W2`、`b2`、`W3`、`b3`。それぞれそのパラメータの形状です。
   * テスト内容: 6×6 の画像で6つすべてを数値微分による勾配と比較、
   * 勾配降下法の 50 ステップで小さな問題の損失が3分の1まで下がること。
   */
  gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
    return todo("SimpleConvNet.gradient", "07", x, t);
  }

  /**
   * Saves the parameters to a safetensors file (given).
   *
   * パラメータを safetensors ファイルに保存します（用意済み）。
   */
  saveParams(path: string): string {
    return saveParams(path, this.params, "SimpleConvNet");
  }

  /**
   * Loads parameters saved by `saveParams` into this network's arrays (given).
   *
   * `saveParams` で保存したパラメータを、このネットワークの配列に読み込みます（用意済み）。
   */
  loadParams(path: string): void {
    loadParams(path, this.params);
  }
}
