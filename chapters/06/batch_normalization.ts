/**
 * Chapter 6, §6.3: the Batch Normalization layer. Run
 * `deno test chapters/06/batch_normalization_test.ts`.
 *
 * 第6章 §6.3: Batch Normalizationレイヤ。`deno test -A chapters/06/batch_normalization_test.ts`
 * で実行します。
 *
 * @module
 */

import * as np from "../../lib/np/mod.ts";
import { showShape } from "../../lib/np/ndarray.ts";
import { todo } from "../../lib/kata/todo.ts";
import type { ForwardOptions, Layer } from "../../lib/layers/layer.ts";

/**
 * The book's epsilon inside the square root (`10e-7`, that is 1e-6).
 *
 * 本の平方根の中の ε（`10e-7`、つまり 1e-6）。
 */
const EPS = 10e-7;

/**
 * Options of {@linkcode BatchNormalization}.
 *
 * {@linkcode BatchNormalization} のオプション。
 */
export interface BatchNormalizationOptions {
  /**
   * How much of the running mean and variance each training batch keeps (0.9, as the book).
   *
   * 学習時のバッチごとに、移動平均と移動分散をどれだけ残すか（本と同じく 0.9）。
   */
  momentum?: number;
  /**
   * The running mean to start from (zeros on the first forward pass when absent).
   *
   * 最初の移動平均（指定がなければ最初の順伝播でゼロ）。
   */
  runningMean?: np.NDArray | null;
  /**
   * The running variance to start from (zeros on the first forward pass when absent).
   *
   * 最初の移動分散（指定がなければ最初の順伝播でゼロ）。
   */
  runningVar?: np.NDArray | null;
}

/**
 * Batch Normalization (§6.3.1, equation 6.7). In training, each feature j is normalized over
 * the mini-batch of N samples: μⱼ = (1/N) Σᵢ xᵢⱼ, σⱼ² = (1/N) Σᵢ (xᵢⱼ − μⱼ)²,
 * x̂ᵢⱼ = (xᵢⱼ − μⱼ) / √(σⱼ² + ε) with the book's ε = 1e-6 (`EPS`), and out = γ ⊙ x̂ + β. The
 * book's code also keeps running statistics for test mode, which normalizes with them in place
 * of μ and σ²: running ← m · running + (1 − m) · (the batch's μ or σ²), with m = `momentum`
 * (0.9), starting from zeros.
 *
 * As in the book, an input of more than two axes (`[N, C, H, W]`) is seen as `[N, C·H·W]`:
 * every element position is a feature, so γ and β have C·H·W entries.
 *
 * Tested: a hand-sized batch, mean β and deviation γ per feature, the running statistics,
 * test mode, 4-D input, dx, dγ and dβ against numerical gradients (2-D and 4-D), dx summing
 * to zero over the batch, and the book's own code in both modes.
 *
 * Batch Normalization（§6.3.1、式 6.7）。学習時には、各特徴 j を N
 * 個のサンプルのミニバッチで正規化します: μⱼ = (1/N) Σᵢ xᵢⱼ、σⱼ² = (1/N) Σᵢ (xᵢⱼ − μⱼ)²、
 * 本の ε = 1e-6（`EPS`）で x̂ᵢⱼ = (xᵢⱼ − μⱼ) / √(σⱼ² + ε)、そして out = γ ⊙ x̂ + β。
 * 本のコードはテスト時のために移動統計量も保持し、テスト時は μ と σ²
 * の代わりにそれで正規化します: m = `momentum`（0.9）として
 * running ← m · running + (1 − m) · (バッチの μ または σ²)、ゼロから始めます。
 *
 * 本と同じく、3つ以上の軸を持つ入力（`[N, C, H, W]`）は `[N, C·H·W]` として扱います。
 * 要素の位置ごとに1つの特徴なので、γ と β は C·H·W 個の要素を持ちます。
 *
 * テスト内容: 手で計算できる小さなバッチ、特徴ごとの平均 β と標準偏差 γ、移動統計量、テスト時、
 * 4次元の入力、dx、dγ、dβ と数値微分による勾配の比較（2次元と4次元）、
 * dx のバッチ方向の和が 0 になること、両方のモードでの本のコードとの比較。
 */
export class BatchNormalization implements Layer {
  /**
   * The scale γ, one per feature (the network owns it and the optimizer updates it).
   *
   * スケール γ、特徴ごとに1つ（ネットワークが持ち、オプティマイザが更新します）。
   */
  gamma: np.NDArray;
  /**
   * The shift β, one per feature.
   *
   * シフト β、特徴ごとに1つ。
   */
  beta: np.NDArray;
  /**
   * How much of the running statistics each training batch keeps.
   *
   * 学習時のバッチごとに、移動統計量をどれだけ残すか。
   */
  momentum: number;
  /**
   * The shape of the last input, to give the output and dx back in it.
   *
   * 直前の入力の形状。出力と dx をこの形状で返すために使います。
   */
  inputShape: readonly number[] = [];
  /**
   * The running mean of each feature, used in test mode; null before the first pass.
   *
   * 特徴ごとの移動平均。テスト時に使います。最初のパスの前は null。
   */
  runningMean: np.NDArray | null;
  /**
   * The running variance of each feature, used in test mode; null before the first pass.
   *
   * 特徴ごとの移動分散。テスト時に使います。最初のパスの前は null。
   */
  runningVar: np.NDArray | null;
  /**
   * The batch size of the last training pass.
   *
   * 直前の学習時のパスのバッチサイズ。
   */
  batchSize = 0;
  /**
   * x − μ of the last training pass, `[N, D]`.
   *
   * 直前の学習時のパスの x − μ、`[N, D]`。
   */
  xc: np.NDArray | null = null;
  /**
   * The normalized input of the last training pass, `[N, D]`.
   *
   * 直前の学習時のパスの正規化された入力、`[N, D]`。
   */
  xn: np.NDArray | null = null;
  /**
   * √(σ² + 1e-6) of the last training pass, `[D]`.
   *
   * 直前の学習時のパスの √(σ² + 1e-6)、`[D]`。
   */
  std: np.NDArray | null = null;
  /**
   * ∂L/∂γ after backward.
   *
   * backward 後の ∂L/∂γ。
   */
  dgamma: np.NDArray | null = null;
  /**
   * ∂L/∂β after backward.
   *
   * backward 後の ∂L/∂β。
   */
  dbeta: np.NDArray | null = null;

  /**
   * Wraps existing parameters.
   *
   * 既存のパラメータを包みます。
   *
   * @param gamma The scale, `[D]` (ones at first).
   *   スケール、`[D]`（最初はすべて 1）。
   * @param beta The shift, `[D]` (zeros at first).
   *   シフト、`[D]`（最初はすべて 0）。
   * @param options `momentum` (0.9), `runningMean`, `runningVar`.
   *   `momentum`（既定値 0.9）、`runningMean`、`runningVar`。
   */
  constructor(gamma: np.NDArray, beta: np.NDArray, options: BatchNormalizationOptions = {}) {
    if (gamma.ndim !== 1 || beta.ndim !== 1 || gamma.size !== beta.size) {
      throw new TypeError(
        `BatchNormalization needs gamma and beta of one shape [features], got ` +
          `${showShape(gamma.shape)} and ${showShape(beta.shape)}`,
      );
    }
    this.gamma = gamma;
    this.beta = beta;
    this.momentum = options.momentum ?? 0.9;
    this.runningMean = options.runningMean ?? null;
    this.runningVar = options.runningVar ?? null;
  }

  /**
   * out for x (`[N, D]`, or `[N, C, H, W]` seen as `[N, C·H·W]`), in x's shape: normalized with
   * the batch's statistics when `train` (the default, as the book's `train_flg=True`), with the
   * running ones otherwise. A training pass fills the fields that backward reads.
   *
   * x（`[N, D]`、または `[N, C·H·W]` として扱う `[N, C, H, W]`）に対する out を x
   * の形状で返します。`train` のとき（既定。本の `train_flg=True` と同じ）はバッチの統計量で、
   * そうでなければ移動統計量で正規化します。学習時のパスは、backward が読むフィールドを埋めます。
   */
  forward(x: np.NDArray, options: ForwardOptions = {}): np.NDArray {
    return todo("BatchNormalization.forward", "06", x, options, EPS);
  }

  /**
   * From ∂L/∂out (x's shape) after a training pass: keeps ∂L/∂γ and ∂L/∂β in `dgamma` and
   * `dbeta` and returns ∂L/∂x in x's shape, through the computational graph of figure 6-17
   * (§6.3.2).
   *
   * 学習時のパスの後、∂L/∂out（x の形状）から: ∂L/∂γ と ∂L/∂β を `dgamma` と `dbeta` に保持し、
   * 図6-17 の計算グラフ（§6.3.2）をたどって ∂L/∂x を x の形状で返します。
   */
  backward(dout: np.NDArray): np.NDArray {
    return todo("BatchNormalization.backward", "06", dout, np);
  }
}
