/**
 * Chapter 6, §6.3–6.4: the fully connected network with weight decay, Dropout and Batch
 * Normalization (the book's `common/multi_layer_net_extend.py`). The constructor and
 * `accuracy` are given; write `predict`, `loss` and `gradient`. The layers (BatchNormalization
 * and Dropout included) are the reference ones from `lib/`, so this exercise does not wait for
 * the others. Run `deno test chapters/06/multi_layer_net_extend_test.ts`.
 *
 * 第6章 §6.3–6.4: Weight decay、Dropout、Batch Normalization 付きの全結合ネットワーク
 * （本の `common/multi_layer_net_extend.py`）。コンストラクタと `accuracy` は用意してあります。
 * `predict`、`loss`、`gradient` を書いてください。レイヤ（BatchNormalization と Dropout を含む）
 * は `lib/` の参照実装なので、この課題はほかの課題を待たずに取り組めます。
 * `deno test -A chapters/06/multi_layer_net_extend_test.ts` で実行します。
 *
 * @module
 */

import { Affine } from "../../lib/layers/affine.ts";
import { BatchNormalization } from "../../lib/layers/batch_normalization.ts";
import { Dropout } from "../../lib/layers/dropout.ts";
import type { Layer } from "../../lib/layers/layer.ts";
import { Relu } from "../../lib/layers/relu.ts";
import { Sigmoid } from "../../lib/layers/sigmoid.ts";
import { SoftmaxWithLoss } from "../../lib/layers/softmax_with_loss.ts";
import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";
import {
  accuracyByBatches,
  checkSizes,
  initParams,
} from "../../lib/nets/multi_layer_net_common.ts";
import type {
  MultiLayerNetExtendOptions,
  NetAccuracyOptions,
  NetForwardOptions,
} from "../../lib/nets/types.ts";

export type { MultiLayerNetExtendOptions } from "../../lib/nets/types.ts";

/**
 * A fully connected network with optional Batch Normalization and Dropout: for each hidden
 * layer Affine → [BatchNorm] → activation → [Dropout], then Affine and Softmax-with-Loss.
 * `predict` and `loss` run in test mode unless `{ train: true }`; `gradient` trains.
 * With batch norm, `params` also holds `gamma1`, `beta1`, … for the hidden layers.
 *
 * Batch Normalization と Dropout を選んで使える全結合ネットワーク: 隠れ層ごとに
 * Affine → [BatchNorm] → 活性化関数 → [Dropout]、最後に Affine と Softmax-with-Loss。
 * `predict` と `loss` は `{ train: true }` でない限りテスト時のモードで動き、
 * `gradient` は学習時のモードで動きます。Batch Normalization を使うとき、
 * `params` は隠れ層の `gamma1`、`beta1`、… も持ちます。
 */
export class MultiLayerNetExtend {
  /**
   * Inputs per sample.
   *
   * 1サンプルあたりの入力の数。
   */
  inputSize: number;
  /**
   * Classes.
   *
   * クラスの数。
   */
  outputSize: number;
  /**
   * The neurons of each hidden layer.
   *
   * 各隠れ層のニューロンの数。
   */
  hiddenSizeList: number[];
  /**
   * The number of hidden layers.
   *
   * 隠れ層の数。
   */
  hiddenLayerNum: number;
  /**
   * λ of the L2 weight decay.
   *
   * L2 の Weight decay の λ。
   */
  weightDecayLambda: number;
  /**
   * Whether each hidden layer ends with Dropout.
   *
   * 各隠れ層の最後に Dropout を置くかどうか。
   */
  useDropout: boolean;
  /**
   * The Dropout ratio.
   *
   * Dropout の比率。
   */
  dropoutRatio: number;
  /**
   * Whether each hidden Affine is followed by BatchNormalization.
   *
   * 隠れ層の各 Affine の後に BatchNormalization を置くかどうか。
   */
  useBatchnorm: boolean;
  /**
   * The generator of the Dropout masks (after drawing the weights from the same seed).
   *
   * Dropout のマスクを引く乱数生成器（同じシードから重みを引いた後のもの）。
   */
  rng: np.Generator;
  /**
   * The parameters by name: `W1`, `b1`, … and, with batch norm, `gamma1`, `beta1`, ….
   *
   * 名前ごとのパラメータ: `W1`、`b1`、…、Batch Normalization を使うときは `gamma1`、`beta1`、…。
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
   * Builds the layers on weights drawn as `initParams`; γ starts at 1 and β at 0.
   *
   * `initParams` と同じように引いた重みの上にレイヤを組み立てます。γ の初期値は 1、β は 0 です。
   */
  constructor(options: MultiLayerNetExtendOptions) {
    checkSizes("MultiLayerNetExtend", options);
    this.inputSize = options.inputSize;
    this.outputSize = options.outputSize;
    this.hiddenSizeList = [...options.hiddenSizeList];
    this.hiddenLayerNum = this.hiddenSizeList.length;
    this.weightDecayLambda = options.weightDecayLambda ?? 0;
    this.useDropout = options.useDropout ?? false;
    this.dropoutRatio = options.dropoutRatio ?? 0.5;
    this.useBatchnorm = options.useBatchnorm ?? false;
    const dtype = options.dtype ?? "float64";
    this.params = initParams([this.inputSize, ...this.hiddenSizeList, this.outputSize], options);
    // A generator of its own for the masks, seeded apart from the weights' one.
    // マスク用に、重みの生成器とは別のシードで自分専用の生成器を持ちます。
    this.rng = np.rng((options.seed ?? 0) + 1);
    const activation = options.activation ?? "relu";
    const activationLayer = { sigmoid: Sigmoid, relu: Relu }[activation];
    if (activationLayer === undefined) {
      throw new RangeError(`Unknown activation "${activation}": use "relu" or "sigmoid"`);
    }
    this.layers = new Map<string, Layer>();
    for (let idx = 1; idx <= this.hiddenLayerNum; idx++) {
      this.layers.set(`Affine${idx}`, new Affine(this.params[`W${idx}`], this.params[`b${idx}`]));
      if (this.useBatchnorm) {
        const size = this.hiddenSizeList[idx - 1];
        this.params[`gamma${idx}`] = np.ones([size], { dtype });
        this.params[`beta${idx}`] = np.zeros([size], { dtype });
        this.layers.set(
          `BatchNorm${idx}`,
          new BatchNormalization(this.params[`gamma${idx}`], this.params[`beta${idx}`]),
        );
      }
      this.layers.set(`Activation_function${idx}`, new activationLayer());
      if (this.useDropout) {
        this.layers.set(`Dropout${idx}`, new Dropout(this.dropoutRatio, { rng: this.rng }));
      }
    }
    const idx = this.hiddenLayerNum + 1;
    this.layers.set(`Affine${idx}`, new Affine(this.params[`W${idx}`], this.params[`b${idx}`]));
    this.lastLayer = new SoftmaxWithLoss();
  }

  /**
   * The class scores of a batch, from the network's layers in training or test mode: in
   * training, BatchNorm uses the batch's statistics and Dropout drops units; in test mode
   * (the default, as the book's `train_flg=False`) they use the running statistics and scale.
   *
   * Tested: Dropout deterministic in test mode and drawing new masks in training; BatchNorm's
   * running statistics changed by a training pass only.
   *
   * バッチのクラスごとのスコア。ネットワークのレイヤを学習時またはテスト時のモードで
   * 通して求めます。学習時には BatchNorm はバッチの統計量を使い、Dropout はユニットを消去します。
   * テスト時（既定。本の `train_flg=False` と同じ）には、移動統計量を使い、出力を縮小します。
   *
   * テスト内容: テスト時の Dropout が決定的で、学習時は新しいマスクを引くこと。
   * BatchNorm の移動統計量が学習時のパスでだけ変わること。
   *
   * @param x Inputs `[n, inputSize]`.
   *   入力 `[n, inputSize]`。
   * @param options `train` (false): training mode for BatchNorm and Dropout.
   *   `train`（既定値 false）: BatchNorm と Dropout を学習時の動作にするかどうか。
   * @returns Scores `[n, outputSize]`.
   *   スコア `[n, outputSize]`。
   */
  predict(x: np.NDArray, options: NetForwardOptions = {}): np.NDArray {
    return todo("MultiLayerNetExtend.predict", "06", x, options);
  }

  /**
   * The loss: the cross-entropy error of the scores, as the network's last layer computes it,
   * plus the weight decay Σ ½λ‖W‖² over the weight matrices W1 … W(hiddenLayerNum + 1)
   * (§6.4.2; γ, β and the biases carry no penalty).
   *
   * Tested: against the cross-entropy of softmax(predict(x)) computed apart, with weight decay
   * and batch norm.
   *
   * 損失: ネットワークの最後のレイヤが計算するスコアの交差エントロピー誤差に、
   * 重み行列 W1 … W(hiddenLayerNum + 1) についての Weight decay Σ ½λ‖W‖² を足したもの（§6.4.2。
   * γ、β、バイアスには罰則を課さない）。
   *
   * テスト内容: 別に計算した softmax(predict(x)) の交差エントロピー誤差との比較、
   * Weight decay と Batch Normalization あり。
   *
   * @param x Inputs `[n, inputSize]`.
   *   入力 `[n, inputSize]`。
   * @param t Labels: one-hot `[n, outputSize]` or class indices `[n]`.
   *   ラベル: one-hot `[n, outputSize]` またはクラスのインデックス `[n]`。
   * @param options `train` (false), passed to predict.
   *   `train`（既定値 false）。predict に渡す。
   * @returns The loss.
   *   損失。
   */
  loss(x: np.NDArray, t: np.NDArray, options: NetForwardOptions = {}): number {
    return todo("MultiLayerNetExtend.loss", "06", x, t, options);
  }

  /**
   * The fraction of samples whose highest score is the label's class (test mode).
   *
   * スコアが最大のクラスがラベルのクラスと一致するサンプルの割合（テスト時のモード）。
   *
   * @param x Inputs `[n, inputSize]`.
   *   入力 `[n, inputSize]`。
   * @param t Labels: one-hot or class indices.
   *   ラベル: one-hot またはクラスのインデックス。
   * @param options `batchSize`: samples per forward pass (all by default).
   *   `batchSize`: 1回の順伝播で扱うサンプル数（既定ではすべて）。
   * @returns A number in [0, 1].
   *   [0, 1] の範囲の数。
   */
  accuracy(x: np.NDArray, t: np.NDArray, options: NetAccuracyOptions = {}): number {
    return accuracyByBatches(this, x, t, options);
  }

  /**
   * The gradients of the loss in training mode, by backpropagation through the layers
   * (§6.3.2, §6.4.2): every entry of `params` (W and b of each Affine, λW added to each weight;
   * with batch norm, γ and β of each hidden layer).
   *
   * Tested: every parameter against a numerical gradient with batch norm, and with batch norm
   * and Dropout (the generator restored so that every pass draws the same masks), and the
   * names of the gradients.
   *
   * 学習時のモードでの損失の勾配。各レイヤを通した誤差逆伝播法で求めます（§6.3.2、
   * §6.4.2）: `params` のすべての要素（各 Affine の W と b。各重みには λW を加える。
   * Batch Normalization を使うときは各隠れ層の γ と β も）。
   *
   * テスト内容: Batch Normalization あり、および Batch Normalization と Dropout ありで、
   * すべてのパラメータと数値微分による勾配の比較（どのパスも同じマスクを引くよう乱数生成器を元に
   * 戻す）、勾配の名前。
   *
   * @param x Inputs `[n, inputSize]`.
   *   入力 `[n, inputSize]`。
   * @param t Labels: one-hot or class indices.
   *   ラベル: one-hot またはクラスのインデックス。
   * @returns ∂loss/∂param for every parameter, by the same names and of the same shapes.
   *   すべてのパラメータの ∂loss/∂param。名前も形状もパラメータと同じ。
   */
  gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
    return todo("MultiLayerNetExtend.gradient", "06", x, t);
  }
}
