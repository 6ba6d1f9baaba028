/**
 * Chapter 8: the final network, the one `deno task train` trains by default: two 5×5
 * convolutions in the manner of LeNet (§7.7.1). It uses the reference layers from lib/
 * (chapters 5–7), so its tests need nothing else of yours; `deno task train --mine` trains it
 * with your own code wherever you have written it. Run
 * `deno test chapters/08/final_conv_net_test.ts`.
 *
 * 第8章: 最終的なネットワーク。`deno task train` が既定で学習するもので、
 * LeNet 風の 5×5 の畳み込み2つからなります（§7.7.1）。lib/ の参照実装のレイヤ（5〜7章）
 * を使うので、テストにはあなたのほかのコードは要りません。`deno task train --mine` なら、
 * 書き終えたところはあなたのコードで学習します。`deno test -A chapters/08/final_conv_net_test.ts`
 * で実行します。
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
import type { FinalConvNetOptions } from "../../lib/nets/types.ts";

/**
 * conv5×5 (pad 2) - pool - relu - conv5×5 - pool - relu - affine - relu - affine - softmax
 * (with an optional dropout before the last affine). For MNIST: 28×28 → 28×28×16 → 14×14×16 →
 * 10×10×32 → 5×5×32 = 800 → 100 → 10.
 * Pooling comes before ReLU: the two commute (max of ReLUs = ReLU of the max), and ReLU then
 * works on a quarter of the values.
 *
 * conv5×5（pad 2）- pool - relu - conv5×5 - pool - relu - affine - relu - affine - softmax
 * （最後の affine の前に Dropout を置くこともできる）。MNIST では:
 * 28×28 → 28×28×16 → 14×14×16 → 10×10×32 → 5×5×32 = 800 → 100 → 10。
 * プーリングを ReLU の前に置きます。両者は交換可能で（ReLU の max = max の ReLU）、
 * こうすると ReLU が扱う値は4分の1になります。
 */
export class FinalConvNet {
  /**
   * The weights and biases by name: `W1`…`W4`, `b1`…`b4`.
   *
   * 名前ごとの重みとバイアス: `W1`…`W4`、`b1`…`b4`。
   */
  params: Record<string, np.NDArray> = {};
  /**
   * The layers in forward order.
   *
   * 順伝播の順に並んだレイヤ。
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
   * Builds the network: inputDim `[1, 28, 28]` (C, H, W), filterNums `[16, 32]`, hiddenSize
   * 100, outputSize 10, dropoutRatio 0 (no Dropout layer; above 0 adds one), seed 0, dtype
   * "float64".
   *
   * The layers in order: a Convolution of filterNums[0] 5×5 filters with pad 2 and stride 1,
   * Pooling 2 × 2 with stride 2, Relu, a Convolution of filterNums[1] 5×5 filters (no pad),
   * Pooling, Relu, an Affine of hiddenSize outputs, Relu, a Dropout of dropoutRatio drawing
   * its masks from `this.rng` (only when dropoutRatio is above 0), an Affine of outputSize
   * outputs. The weights are He-initialised (§6.2.3): normal with standard deviation √(2 / n),
   * n the number of inputs of one neuron, drawn from `this.rng` in the order W1 … W4; the
   * biases are zero; all of the given dtype.
   *
   * Tested: the layers' kinds and order, pads, strides and pooling windows, the Dropout
   * layer when asked, MNIST's parameter shapes (W2 `[32, 16, 5, 5]`, W3 `[800, 100]`), the
   * standard deviation of W2 and W3, float32, and that the layers hold the arrays of
   * `params`.
   *
   * ネットワークを組み立てます。既定値は inputDim `[1, 28, 28]`（C, H, W）、
   * filterNums `[16, 32]`、hiddenSize 100、outputSize 10、dropoutRatio 0（Dropout レイヤなし。
   * 0 より大きければ1つ加える）、seed 0、dtype "float64"。
   *
   * レイヤを順に: パディング 2、ストライド 1 の 5×5 のフィルター filterNums[0] 個の Convolution、
   * ストライド 2 の 2 × 2 の Pooling、Relu、5×5 のフィルター filterNums[1] 個の Convolution
   * （パディングなし）、Pooling、Relu、出力 hiddenSize 個の Affine、Relu、
   * マスクを `this.rng` から引く比率 dropoutRatio の Dropout（dropoutRatio が 0
   * より大きいときだけ）、出力 outputSize 個の Affine。重みはHeの初期値（§6.2.3）: 標準偏差
   * √(2 / n) の正規分布で、n は1つのニューロンへの入力の数。
   * `this.rng` から W1 … W4 の順に引きます。バイアスはゼロ。すべて指定された dtype です。
   *
   * テスト内容: レイヤの種類と順序、パディング、ストライド、プーリングのウィンドウ、
   * 指定したときの Dropout レイヤ、MNIST でのパラメータの形状（W2 `[32, 16, 5, 5]`、
   * W3 `[800, 100]`）、W2 と W3 の標準偏差、float32、レイヤが `params` の配列を持っていること。
   *
   * @param options The sizes, `dropoutRatio`, `seed` and `dtype`.
   *   ネットワークのサイズ、`dropoutRatio`、`seed`、`dtype`。
   */
  constructor(options: FinalConvNetOptions = {}) {
    this.rng = np.rng(options.seed ?? 0);
    todo("FinalConvNet", "08", options, Affine, Convolution, Dropout, Pooling, Relu);
  }

  /**
   * The class scores `[n, outputSize]` of a batch `[n, C, H, W]`. Not in training mode
   * unless `options.train` is true: Dropout drops units only in training. Tested: the shape,
   * the same scores by default and with `{ train: false }`, different ones in training.
   *
   * バッチ `[n, C, H, W]` のクラスごとのスコア `[n, outputSize]`。
   * `options.train` が true でない限り学習時のモードにはなりません。
   * Dropout がユニットを消去するのは学習時だけです。テスト内容: 形状、
   * 既定のときと `{ train: false }` のときに同じスコアになること、学習時には異なること。
   */
  predict(x: np.NDArray, options: PredictOptions = {}): np.NDArray {
    return todo("FinalConvNet.predict", "08", x, options);
  }

  /**
   * The cross-entropy loss of the batch's scores (softmax with loss, §5.6.3), in training
   * mode unless `{ train: false }`, as DeepConvNet's.
   *
   * バッチのスコアの交差エントロピー誤差（Softmax-with-Loss、§5.6.3）。DeepConvNet と同じく、
   * `{ train: false }` でない限り学習時のモードです。
   */
  loss(x: np.NDArray, t: np.NDArray, options: PredictOptions = {}): number {
    return todo("FinalConvNet.loss", "08", x, t, options);
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
   * backpropagation: `W1`, `b1` … `W4`, `b4`, each of its parameter's shape. Tested: all 8
   * against numerical gradients on a small network with dropout, the masks held fixed.
   *
   * 誤差逆伝播法による、（学習時のモードでの）すべてのパラメータについての損失の勾配: `W1`、
   * `b1` … `W4`、`b4`。それぞれそのパラメータの形状です。テスト内容: Dropout
   * 付きの小さなネットワークで8個すべてを数値微分による勾配と比較（マスクは固定）。
   */
  gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
    return todo("FinalConvNet.gradient", "08", x, t);
  }

  /**
   * Saves the parameters to a safetensors file (given).
   *
   * パラメータを safetensors ファイルに保存します（用意済み）。
   */
  saveParams(path: string): string {
    return saveParams(path, this.params, "FinalConvNet");
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
