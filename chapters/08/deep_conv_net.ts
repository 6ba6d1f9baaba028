/**
 * Chapter 8, §8.1: DeepConvNet, the book's network for 99% and more. It uses the reference
 * layers from lib/ (chapters 5–7), so its tests need nothing else of yours;
 * `deno task train --model deep --mine` trains it with your own layers wherever you have
 * written them. Run `deno test chapters/08/deep_conv_net_test.ts`.
 *
 * 第8章 §8.1: DeepConvNet、99% 以上を出す本のネットワーク。lib/ の参照実装のレイヤ（5〜7章）
 * を使うので、テストにはあなたのほかのコードは要りません。`deno task train --model deep --mine`
 * なら、書き終えたところはあなたのレイヤで学習します。
 * `deno test -A chapters/08/deep_conv_net_test.ts` で実行します。
 *
 * @module
 */

import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";
import { Affine } from "../../lib/layers/affine.ts";
import { Convolution } from "../../lib/layers/convolution.ts";
import { Dropout } from "../../lib/layers/dropout.ts";
import type { Layer } from "../../lib/layers/layer.ts";
import { Pooling } from "../../lib/layers/pooling.ts";
import { Relu } from "../../lib/layers/relu.ts";
import { SoftmaxWithLoss } from "../../lib/layers/softmax_with_loss.ts";
import { accuracyInBatches, loadParams, saveParams } from "../../lib/nets/network.ts";
import type { AccuracyOptions, PredictOptions } from "../../lib/nets/types.ts";
import type { ConvParam, DeepConvNetOptions } from "../../lib/nets/types.ts";

/**
 * The book's six convolutions (given).
 *
 * 本の6つの畳み込み（用意済み）。
 */
export const DEEP_CONV_PARAMS: readonly ConvParam[] = [
  { filterNum: 16, filterSize: 3, pad: 1, stride: 1 },
  { filterNum: 16, filterSize: 3, pad: 1, stride: 1 },
  { filterNum: 32, filterSize: 3, pad: 1, stride: 1 },
  { filterNum: 32, filterSize: 3, pad: 2, stride: 1 },
  { filterNum: 64, filterSize: 3, pad: 1, stride: 1 },
  { filterNum: 64, filterSize: 3, pad: 1, stride: 1 },
];

/**
 * The book's deep network (§8.1.1, Figure 8-1, `ch08/deep_convnet.py`):
 *
 * conv - relu - conv - relu - pool -
 * conv - relu - conv - relu - pool -
 * conv - relu - conv - relu - pool -
 * affine - relu - dropout - affine - dropout - softmax
 *
 * with He initialisation and `params` `W1`…`W8`, `b1`…`b8` shared with the layers.
 *
 * 本の深いネットワーク（§8.1.1、図8-1、`ch08/deep_convnet.py`）。構成は上の図のとおりで、
 * Heの初期値を使い、`params` の `W1`…`W8`、`b1`…`b8` をレイヤと共有します。
 */
export class DeepConvNet {
  /**
   * The weights and biases by name: `W1`…`W8`, `b1`…`b8`.
   *
   * 名前ごとの重みとバイアス: `W1`…`W8`、`b1`…`b8`。
   */
  params: Record<string, np.NDArray> = {};
  /**
   * The layers in forward order (the book's list).
   *
   * 順伝播の順に並んだレイヤ（本のリスト）。
   */
  layers: Layer[] = [];
  /**
   * The output layer: softmax and the loss.
   *
   * 出力層: ソフトマックス関数と損失。
   */
  lastLayer: SoftmaxWithLoss = new SoftmaxWithLoss();
  /**
   * The generator of the initial weights and the dropout masks, seeded with `seed`.
   *
   * 重みの初期値と Dropout のマスクを引く乱数生成器。シードは `seed`。
   */
  rng: np.Generator;

  /**
   * Builds the network: inputDim `[1, 28, 28]` (C, H, W), convParams DEEP_CONV_PARAMS,
   * hiddenSize 50, outputSize 10, seed 0, dtype "float64" by default.
   *
   * The 20 layers of the figure, in order: each convolution has its convParam's filters,
   * stride and pad; each pooling is 2 × 2 with stride 2; the first Affine has hiddenSize
   * outputs, the second outputSize; both Dropout layers drop half the units and draw their
   * masks from `this.rng`. The weights are He-initialised (§6.2.3): normal with standard
   * deviation √(2 / n), n the number of inputs of one neuron (C·3·3 for a 3×3 convolution
   * of C channels), drawn from `this.rng` in the order W1 … W8; the biases are zero; all of
   * the given dtype.
   *
   * Tested: the 20 layers' kinds and order, the convolutions' pads and strides, the poolings'
   * windows, the dropout ratios, the parameter shapes (W1 `[16, 1, 3, 3]` … W7 `[1024, 50]`,
   * W8 `[50, 10]`), the standard deviation of W2, W6 and W7, and that the layers hold the
   * arrays of `params`.
   *
   * ネットワークを組み立てます。既定値は inputDim `[1, 28, 28]`（C, H, W）、
   * convParams DEEP_CONV_PARAMS、hiddenSize 50、outputSize 10、seed 0、dtype "float64"。
   *
   * 図の 20 個のレイヤを順に: 各畳み込みは、その convParam のフィルター数、ストライド、
   * パディングを持ちます。各プーリングはストライド 2 の 2 × 2。
   * 1つ目の Affine の出力は hiddenSize 個、2つ目は outputSize 個。
   * 2つの Dropout レイヤはどちらもユニットの半分を消去し、マスクを `this.rng` から引きます。
   * 重みはHeの初期値（§6.2.3）: 標準偏差 √(2 / n) の正規分布で、
   * n は1つのニューロンへの入力の数（C チャンネルの 3×3 の畳み込みなら C·3·3）。
   * `this.rng` から W1 … W8 の順に引きます。バイアスはゼロ。すべて指定された dtype です。
   *
   * テスト内容: 20 個のレイヤの種類と順序、畳み込みのパディングとストライド、
   * プーリングのウィンドウ、Dropout の比率、パラメータの形状
   * （W1 `[16, 1, 3, 3]` … W7 `[1024, 50]`、W8 `[50, 10]`）、W2、W6、W7 の標準偏差、
   * レイヤが `params` の配列を持っていること。
   *
   * @param options The sizes, `seed` and `dtype`.
   *   ネットワークのサイズ、`seed`、`dtype`。
   */
  constructor(options: DeepConvNetOptions = {}) {
    this.rng = np.rng(options.seed ?? 0);
    todo("DeepConvNet", "08", options, Affine, Convolution, Dropout, Pooling, Relu);
  }

  /**
   * The class scores `[n, outputSize]` of a batch `[n, C, H, W]`. Not in training mode
   * unless `options.train` is true: Dropout drops units only in training. Tested: the shape,
   * the same scores twice by default, different ones in training.
   *
   * バッチ `[n, C, H, W]` のクラスごとのスコア `[n, outputSize]`。
   * `options.train` が true でない限り学習時のモードにはなりません。
   * Dropout がユニットを消去するのは学習時だけです。テスト内容: 形状、
   * 既定では2回とも同じスコアになること、学習時には異なること。
   */
  predict(x: np.NDArray, options: PredictOptions = {}): np.NDArray {
    return todo("DeepConvNet.predict", "08", x, options);
  }

  /**
   * The cross-entropy loss of the batch's scores (softmax with loss, §5.6.3), in training
   * mode unless `{ train: false }` (the book's `train_flg=True`). Tested: training mode by
   * default, repeatable with the generator's state restored.
   *
   * バッチのスコアの交差エントロピー誤差（Softmax-with-Loss、§5.6.3）。
   * `{ train: false }` でない限り学習時のモードです（本の `train_flg=True`）。
   * テスト内容: 既定で学習時のモードであること、乱数生成器の状態を戻せば同じ結果になること。
   */
  loss(x: np.NDArray, t: np.NDArray, options: PredictOptions = {}): number {
    return todo("DeepConvNet.loss", "08", x, t, options);
  }

  /**
   * The fraction of images classified right, 100 at a time, without dropout (given).
   *
   * 正しく分類された画像の割合。100 枚ずつ、Dropout なしで計算します（用意済み）。
   */
  accuracy(x: np.NDArray, t: np.NDArray, options: AccuracyOptions = {}): number {
    return accuracyInBatches(this, x, t, options);
  }

  /**
   * The gradient of the loss (in training mode) with respect to every parameter, by
   * backpropagation: `W1`, `b1` … `W8`, `b8`, each of its parameter's shape. Tested: all 16
   * against numerical gradients on a small network, the dropout masks held fixed.
   *
   * 誤差逆伝播法による、（学習時のモードでの）すべてのパラメータについての損失の勾配: `W1`、
   * `b1` … `W8`、`b8`。それぞれそのパラメータの形状です。テスト内容: 小さなネットワークで 16
   * 個すべてを数値微分による勾配と比較（Dropout のマスクは固定）。
   */
  gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
    return todo("DeepConvNet.gradient", "08", x, t);
  }

  /**
   * Saves the parameters to a safetensors file (given).
   *
   * パラメータを safetensors ファイルに保存します（用意済み）。
   */
  saveParams(path: string): string {
    return saveParams(path, this.params, "DeepConvNet");
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
