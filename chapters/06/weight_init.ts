/**
 * Chapter 6, §6.2: the scale of the initial weights (Xavier, He) and the activation-histogram
 * experiment of §6.2.2. Run `deno test chapters/06/weight_init_test.ts`, then
 * `deno task ch06:init-histograms --mine` to see your histograms.
 *
 * 第6章 §6.2: 重みの初期値のスケール（Xavier、He）と、§6.2.2
 * のアクティベーションのヒストグラムの実験。`deno test -A chapters/06/weight_init_test.ts`
 * で実行し、そのあと `deno task ch06:init-histograms --mine` で自分のヒストグラムを見られます。
 *
 * @module
 */

import { relu, sigmoid } from "../../lib/functions/activation.ts";
import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";

/**
 * How to scale the initial weights, as the book's `weight_init_std`: a standard deviation, or
 * `"relu"`/`"he"` for He's √(2/n), or `"sigmoid"`/`"xavier"` for Xavier's √(1/n), where n is
 * the number of nodes of the previous layer.
 *
 * 本の `weight_init_std` と同じ、重みの初期値のスケールの指定: 標準偏差の数値、
 * Heの初期値 √(2/n) を表す `"relu"`/`"he"`、Xavierの初期値 √(1/n) を表す `"sigmoid"`/`"xavier"`
 * のいずれか。n は前層のノードの個数です。
 */
export type WeightInitStd = "relu" | "he" | "sigmoid" | "xavier" | number;

/**
 * An activation of the §6.2.2 experiment.
 *
 * §6.2.2 の実験で使う活性化関数。
 */
export type HistogramActivation = "sigmoid" | "relu" | "tanh";

/**
 * The standard deviation of a layer's initial weights (§6.2.2–6.2.3, `MultiLayerNet.__init_weight`):
 * He's √(2/n) for `"relu"`/`"he"`, Xavier's √(1/n) for `"sigmoid"`/`"xavier"`, or the number
 * given.
 *
 * Tested: both schemes under both names, and a number given as it is.
 *
 * レイヤの重みの初期値の標準偏差（§6.2.2–6.2.3、`MultiLayerNet.__init_weight`）:
 * `"relu"`/`"he"` なら Heの初期値 √(2/n)、`"sigmoid"`/`"xavier"` なら Xavierの初期値 √(1/n)、
 * 数値ならその数値。
 *
 * テスト内容: 両方の方式をそれぞれ両方の名前で、数値がそのまま返ること。
 *
 * @param weightInitStd A standard deviation, or the name of a scheme.
 *   標準偏差、または方式の名前。
 * @param nodesIn The number of nodes of the previous layer (the fan-in n).
 *   前層のノードの個数（ファンイン n）。
 * @returns The standard deviation.
 *   標準偏差。
 */
export function weightScale(weightInitStd: WeightInitStd, nodesIn: number): number {
  return todo("weightScale", "06", weightInitStd, nodesIn);
}

/**
 * Options of {@linkcode layerActivations}.
 *
 * {@linkcode layerActivations} のオプション。
 */
export interface LayerActivationsOptions {
  /**
   * The number of layers (5, as the book).
   *
   * 層の数（本と同じく 5）。
   */
  layers?: number;
  /**
   * The activation of every layer (sigmoid, as the book's first runs).
   *
   * 各層の活性化関数（本の最初の実行と同じくシグモイド関数）。
   */
  activation?: HistogramActivation;
  /**
   * The scale of the weights (1, as the book's first run).
   *
   * 重みのスケール（本の最初の実行と同じく 1）。
   */
  weightInitStd?: WeightInitStd;
  /**
   * The generator of the weights.
   *
   * 重みを引く乱数生成器。
   */
  rng: np.Generator;
}

/**
 * The §6.2.2 experiment (`ch06/weight_init_activation_histogram.py`): passes x
 * (`[samples, nodes]`; the book uses 1000 × 100 standard normal numbers) through `layers`
 * layers of `nodes` units without biases. Layer k computes zₖ = f(zₖ₋₁ · Wₖ) with z₀ = x, f
 * the activation (`sigmoid` and `relu` of lib are imported for you; tanh is in `lib/np`) and
 * Wₖ `[nodes, nodes]` drawn from `options.rng`, normal with mean 0 and the standard deviation
 * of {@linkcode weightScale}. The histograms of the outputs show vanishing gradients or lost
 * expressiveness.
 *
 * Tested: the figures' findings (std 1 saturates the sigmoid, std 0.01 bunches it at 0.5,
 * Xavier keeps it spread, He keeps ReLU layers alike), tanh, the number of layers, and the
 * same output for the same generator.
 *
 * §6.2.2 の実験（`ch06/weight_init_activation_histogram.py`）: x（`[samples, nodes]`。
 * 本では 1000 × 100 の標準正規分布の数）を、`nodes` 個のユニットからなるバイアスなしの層
 * `layers` 個に通します。第 k 層は z₀ = x として zₖ = f(zₖ₋₁ · Wₖ) を計算します。
 * f は活性化関数（lib の `sigmoid` と `relu` は import 済み。tanh は `lib/np` にあります）、
 * Wₖ は `[nodes, nodes]` で、`options.rng` から平均 0、{@linkcode weightScale}
 * の標準偏差の正規分布で引きます。出力のヒストグラムから、勾配消失や表現力の制限が見てとれます。
 *
 * テスト内容: 図が示すこと（std 1 でシグモイド関数が飽和し、std 0.01 で 0.5 に集まり、
 * Xavier で広がりを保ち、He で ReLU の各層が同じような分布を保つ）、tanh、層の数、
 * 同じ乱数生成器で同じ出力になること。
 *
 * @param x The input, `[samples, nodes]`.
 *   入力、`[samples, nodes]`。
 * @param options `layers` (5), `activation` ("sigmoid"), `weightInitStd` (1) and `rng`.
 *   `layers`（既定値 5）、`activation`（既定値 "sigmoid"）、`weightInitStd`（既定値 1）、
 *   `rng`（乱数生成器）。
 * @returns The output of each layer, `[samples, nodes]` each.
 *   各層の出力。どれも `[samples, nodes]`。
 */
export function layerActivations(x: np.NDArray, options: LayerActivationsOptions): np.NDArray[] {
  return todo("layerActivations", "06", x, options, relu, sigmoid, np);
}
