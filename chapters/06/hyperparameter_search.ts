/**
 * Chapter 6, §6.5: validation data and random hyperparameter search. Run
 * `deno test chapters/06/hyperparameter_search_test.ts`, then
 * `deno task ch06:hyperparameters --mine` to search with your code.
 *
 * 第6章 §6.5: 検証データとハイパーパラメータのランダムサーチ。
 * `deno test -A chapters/06/hyperparameter_search_test.ts` で実行し、
 * そのあと `deno task ch06:hyperparameters --mine` で自分のコードで探索できます。
 *
 * @module
 */

import * as np from "../../lib/np/mod.ts";
import { showShape } from "../../lib/np/ndarray.ts";
import { todo } from "../../lib/kata/todo.ts";

/**
 * Options of {@linkcode shuffleDataset}.
 *
 * {@linkcode shuffleDataset} のオプション。
 */
export interface ShuffleOptions {
  /**
   * The generator of the permutation.
   *
   * 順列を引く乱数生成器。
   */
  rng: np.Generator;
}

/**
 * The samples in a random order, each input still beside its label (the book's
 * `shuffle_dataset` of `common/util.py`), the order drawn from `options.rng`.
 *
 * Tested: inputs and labels permuted alike, every sample kept once, the same order for the
 * same seed, one-hot labels.
 *
 * サンプルをランダムな順に並べたもの。各入力は対応するラベルと組のままです（本の
 * `common/util.py` の `shuffle_dataset`）。順序は `options.rng` から引きます。
 *
 * テスト内容: 入力とラベルが同じように並べ替えられること、どのサンプルもちょうど1回ずつ残ること、
 * 同じシードで同じ順序になること、one-hot のラベル。
 *
 * @param x Inputs, one sample per row of axis 0.
 *   入力。軸 0 の各行が1つのサンプル。
 * @param t Labels, one per sample (indices or one-hot rows).
 *   ラベル。サンプルごとに1つ（インデックス、または one-hot の行）。
 * @param options `rng`.
 *   `rng`（乱数生成器）。
 * @returns `[x, t]` permuted alike.
 *   同じように並べ替えた `[x, t]`。
 */
export function shuffleDataset(
  x: np.NDArray,
  t: np.NDArray,
  options: ShuffleOptions,
): [np.NDArray, np.NDArray] {
  return todo("shuffleDataset", "06", x, t, options, np, showShape);
}

/**
 * Options of {@linkcode splitValidation}.
 *
 * {@linkcode splitValidation} のオプション。
 */
export interface SplitOptions {
  /**
   * The share of the samples held out for validation (0.2, as the book).
   *
   * 検証用に取り分けるサンプルの割合（本と同じく 0.2）。
   */
  validationRate?: number;
  /**
   * The generator of the shuffle.
   *
   * シャッフルに使う乱数生成器。
   */
  rng: np.Generator;
}

/**
 * Training and validation data.
 *
 * 訓練データと検証データ。
 */
export interface ValidationSplit {
  /**
   * Training inputs.
   *
   * 訓練データの入力。
   */
  xTrain: np.NDArray;
  /**
   * Training labels.
   *
   * 訓練データのラベル。
   */
  tTrain: np.NDArray;
  /**
   * Validation inputs.
   *
   * 検証データの入力。
   */
  xVal: np.NDArray;
  /**
   * Validation labels.
   *
   * 検証データのラベル。
   */
  tVal: np.NDArray;
}

/**
 * Shuffles the training data and holds out its first `validationRate` share (rounded down)
 * as validation data, for tuning hyperparameters without looking at the test data (§6.5.1).
 *
 * Tested: 500 samples split 400 / 100 with no overlap and each label beside its input, a
 * shuffled validation part, and the count rounded down as the book's int().
 *
 * 訓練データをシャッフルし、先頭の `validationRate` の割合（切り捨て）
 * を検証データとして取り分けます。テストデータを見ずにハイパーパラメータを調整するためです
 * （§6.5.1）。
 *
 * テスト内容: 500 サンプルが重なりなく 400 / 100 に分かれ、各ラベルが対応する入力と組のままで
 * あること、検証データの部分がシャッフルされていること、本の int()
 * と同じく個数が切り捨てられること。
 *
 * @param x Training inputs, one sample per row of axis 0.
 *   訓練データの入力。軸 0 の各行が1つのサンプル。
 * @param t Training labels.
 *   訓練データのラベル。
 * @param options `validationRate` (0.2) and `rng`.
 *   `validationRate`（既定値 0.2）と `rng`（乱数生成器）。
 * @returns The training and validation parts.
 *   訓練データの部分と検証データの部分。
 */
export function splitValidation(
  x: np.NDArray,
  t: np.NDArray,
  options: SplitOptions,
): ValidationSplit {
  return todo("splitValidation", "06", x, t, options);
}

/**
 * Options of {@linkcode sampleHyperparameters}.
 *
 * {@linkcode sampleHyperparameters} のオプション。
 */
export interface SampleHyperparametersOptions {
  /**
   * The generator.
   *
   * 乱数生成器。
   */
  rng: np.Generator;
  /**
   * The range of log10 of the learning rate ([-6, -2), as the book).
   *
   * 学習率の log10 の範囲（本と同じく [-6, -2)）。
   */
  lrRange?: readonly [number, number];
  /**
   * The range of log10 of the weight decay λ ([-8, -4), as the book).
   *
   * Weight decay の λ の log10 の範囲（本と同じく [-8, -4)）。
   */
  weightDecayRange?: readonly [number, number];
}

/**
 * One trial's hyperparameters.
 *
 * 1回の試行のハイパーパラメータ。
 */
export interface Hyperparameters {
  /**
   * The learning rate.
   *
   * 学習率。
   */
  lr: number;
  /**
   * The weight decay λ.
   *
   * Weight decay の λ。
   */
  weightDecay: number;
}

/**
 * Draws a learning rate and a weight decay uniformly on a log scale (§6.5.2–6.5.3, the book's
 * `ch06/hyperparameter_optimization.py`): λ = 10ᵘ with u uniform in [−8, −4) and lr = 10ʷ with
 * w uniform in [−6, −2), by default, drawn from `options.rng` (λ's exponent first, as the book).
 *
 * Tested: 2000 draws stay in range and their exponents are uniform, other ranges, and the same
 * draw for the same seed.
 *
 * 学習率と Weight decay を対数スケールで一様に引きます（§6.5.2–6.5.3、
 * 本の `ch06/hyperparameter_optimization.py`）。既定では、u を [−8, −4) の一様分布から引いて
 * λ = 10ᵘ、w を [−6, −2) の一様分布から引いて lr = 10ʷ とし、
 * `options.rng` から引きます（本と同じく λ の指数が先）。
 *
 * テスト内容: 2000 回引いて範囲内に収まり、指数が一様分布に従うこと、別の範囲、
 * 同じシードで同じ値になること。
 *
 * @param options `rng`, and the ranges of the exponents.
 *   `rng` と、指数の範囲。
 * @returns The learning rate and the weight decay.
 *   学習率と Weight decay。
 */
export function sampleHyperparameters(options: SampleHyperparametersOptions): Hyperparameters {
  return todo("sampleHyperparameters", "06", options);
}
