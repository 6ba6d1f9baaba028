/**
 * Chapter 6, §6.4.2: a fully connected network of any depth with weight decay (the book's
 * `common/multi_layer_net.py`). The constructor, `predict` and `accuracy` are given; write
 * `loss` and `gradient`. The layers are the reference ones from `lib/`, so this exercise does
 * not wait for chapter 05. Run `deno test chapters/06/multi_layer_net_test.ts`.
 *
 * 第6章 §6.4.2: Weight decay 付きの、任意の深さの全結合ネットワーク
 * （本の `common/multi_layer_net.py`）。コンストラクタ、`predict`、
 * `accuracy` は用意してあります。`loss` と `gradient` を書いてください。
 * レイヤは `lib/` の参照実装なので、この課題は05章を待たずに取り組めます。
 * `deno test -A chapters/06/multi_layer_net_test.ts` で実行します。
 *
 * @module
 */

import { Affine } from "../../lib/layers/affine.ts";
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
  MultiLayerNetOptions,
  NetAccuracyOptions,
  NetForwardOptions,
} from "../../lib/nets/types.ts";

export type { MultiLayerNetOptions } from "../../lib/nets/types.ts";

/**
 * A fully connected network: (Affine → activation) for each hidden layer, then Affine and
 * Softmax-with-Loss (§6.2.4, §6.4.1). With `weightDecayLambda` λ > 0, the loss adds the L2
 * penalty ½λ‖W‖² of every weight matrix W1 … W(hiddenLayerNum + 1), ‖W‖² being the sum of W's
 * squared entries; biases carry no penalty (§6.4.2).
 *
 * 全結合ネットワーク: 隠れ層ごとに（Affine → 活性化関数）、
 * 最後に Affine と Softmax-with-Loss（§6.2.4、§6.4.1）。`weightDecayLambda` λ > 0 のとき、
 * 損失にはすべての重み行列 W1 … W(hiddenLayerNum + 1) の L2 の罰則 ½λ‖W‖² が加わります。
 * ‖W‖² は W の要素の2乗の和です。バイアスには罰則を課しません（§6.4.2）。
 */
export class MultiLayerNet {
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
   * The weights and biases by name: `W1`, `b1`, …, shared with the Affine layers.
   *
   * 名前ごとの重みとバイアス: `W1`、`b1`、…。Affine レイヤと共有します。
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
   * Builds the layers on weights drawn as {@linkcode initParams}.
   *
   * {@linkcode initParams} と同じように引いた重みの上にレイヤを組み立てます。
   */
  constructor(options: MultiLayerNetOptions) {
    checkSizes("MultiLayerNet", options);
    this.inputSize = options.inputSize;
    this.outputSize = options.outputSize;
    this.hiddenSizeList = [...options.hiddenSizeList];
    this.hiddenLayerNum = this.hiddenSizeList.length;
    this.weightDecayLambda = options.weightDecayLambda ?? 0;
    this.params = initParams([this.inputSize, ...this.hiddenSizeList, this.outputSize], options);
    const activation = options.activation ?? "relu";
    const activationLayer = { sigmoid: Sigmoid, relu: Relu }[activation];
    if (activationLayer === undefined) {
      throw new RangeError(`Unknown activation "${activation}": use "relu" or "sigmoid"`);
    }
    this.layers = new Map<string, Layer>();
    for (let idx = 1; idx <= this.hiddenLayerNum; idx++) {
      this.layers.set(`Affine${idx}`, new Affine(this.params[`W${idx}`], this.params[`b${idx}`]));
      this.layers.set(`Activation_function${idx}`, new activationLayer());
    }
    const idx = this.hiddenLayerNum + 1;
    this.layers.set(`Affine${idx}`, new Affine(this.params[`W${idx}`], this.params[`b${idx}`]));
    this.lastLayer = new SoftmaxWithLoss();
  }

  /**
   * The class scores of a batch: every layer's forward in order.
   *
   * バッチのクラスごとのスコア: 各レイヤの forward を順に呼びます。
   *
   * @param x Inputs `[n, inputSize]`.
   *   入力 `[n, inputSize]`。
   * @param options `train` (ignored: this network has no Dropout or BatchNormalization).
   *   `train`（無視される: このネットワークには Dropout も BatchNormalization もない）。
   * @returns Scores `[n, outputSize]`.
   *   スコア `[n, outputSize]`。
   */
  predict(x: np.NDArray, options: NetForwardOptions = {}): np.NDArray {
    for (const layer of this.layers.values()) x = layer.forward(x, options);
    return x;
  }

  /**
   * The loss: the cross-entropy error of the scores, as the network's last layer computes it,
   * plus the weight decay Σ ½λ‖W‖² over the weight matrices (§6.4.2).
   *
   * Tested: against the cross-entropy of softmax(predict(x)) computed apart, without and with
   * weight decay.
   *
   * 損失: ネットワークの最後のレイヤが計算するスコアの交差エントロピー誤差に、
   * 重み行列についての Weight decay Σ ½λ‖W‖² を足したもの（§6.4.2）。
   *
   * テスト内容: 別に計算した softmax(predict(x)) の交差エントロピー誤差との比較、
   * Weight decay なしとあり。
   *
   * @param x Inputs `[n, inputSize]`.
   *   入力 `[n, inputSize]`。
   * @param t Labels: one-hot `[n, outputSize]` or class indices `[n]`.
   *   ラベル: one-hot `[n, outputSize]` またはクラスのインデックス `[n]`。
   * @param options `train` (passed to predict).
   *   `train`（predict に渡す）。
   * @returns The loss.
   *   損失。
   */
  loss(x: np.NDArray, t: np.NDArray, options: NetForwardOptions = {}): number {
    return todo("MultiLayerNet.loss", "06", x, t, options);
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
   * The gradients of `loss` by backpropagation through the layers (§5.7, §6.4.2). The weight
   * decay adds ∂(½λ‖W‖²)/∂W = λW to each weight's gradient.
   *
   * Tested: every parameter against a numerical gradient (ReLU with He weights, sigmoid with
   * Xavier weights and one-hot labels), λW added to the weights only, and SGD steps with it
   * lowering the loss.
   *
   * 各レイヤを通した誤差逆伝播法による `loss` の勾配（§5.7、§6.4.2）。
   * Weight decay は各重みの勾配に ∂(½λ‖W‖²)/∂W = λW を加えます。
   *
   * テスト内容: すべてのパラメータと数値微分による勾配の比較（ReLU と He の重み、
   * シグモイド関数と Xavier の重みと one-hot のラベル）、λW が重みにだけ加わること、
   * それを使った SGD のステップで損失が下がること。
   *
   * @param x Inputs `[n, inputSize]`.
   *   入力 `[n, inputSize]`。
   * @param t Labels: one-hot or class indices.
   *   ラベル: one-hot またはクラスのインデックス。
   * @returns ∂loss/∂param for every parameter, by the same names and of the same shapes.
   *   すべてのパラメータの ∂loss/∂param。名前も形状もパラメータと同じ。
   */
  gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
    return todo("MultiLayerNet.gradient", "06", x, t);
  }
}
