/**
 * Chapter 02: perceptrons (the book's §2.3–2.5). One perceptron, the gates AND, NAND and OR
 * made of one perceptron each, and XOR made of two layers of them.
 *
 * The book computes with NumPy; here `np` (imported for you) plays that role. The gate names
 * are the book's, in capitals.
 *
 * 02章: パーセプトロン（本書の§2.3〜2.5）。1つのパーセプトロン、それぞれ1つのパーセプトロンで
 * 作るAND、NAND、ORのゲート、そしてそれらを2層にして作るXOR。
 *
 * 本書はNumPyで計算しますが、ここでは `np`（インポート済み）がその役を務めます。ゲートの名前は本書
 * のとおり大文字です。
 *
 * @module
 */

import { todo } from "../../lib/kata/todo.ts";
import * as np from "../../lib/np/mod.ts";

/**
 * The weights and the bias of one perceptron (§2.3.2).
 *
 * 1つのパーセプトロンの重みとバイアス（§2.3.2）。
 */
export interface PerceptronWeights {
  /**
   * One weight per input: how much each input counts.
   *
   * 入力ごとに1つの重み: 各入力がどれだけ効くか。
   */
  w: np.ArrayLike;
  /**
   * The bias: how easily the perceptron fires (the negated threshold θ).
   *
   * バイアス: パーセプトロンの発火しやすさ（しきい値θの符号を反転したもの）。
   */
  b: number;
}

/**
 * One perceptron (§2.3.2, equation 2.2): it fires when the weighted sum of its inputs plus
 * the bias is above 0, y = 0 if b + Σᵢ wᵢ·xᵢ ≤ 0, else y = 1; a sum of exactly 0 gives 0. With x = (0, 1), w = (0.5, 0.5), b = −0.7 the sum is −0.2
 * and y = 0.
 *
 * Tested: the book's example, a sum of exactly 0, random inputs, weights and sizes (away from
 * the boundary), the book's weights of §2.3.3 giving the truth tables of AND, NAND and OR,
 * and that no weights at all (the book's, a grid of 9,261, 2,000 random ones) give the
 * exclusive-or truth table (§2.4).
 *
 * 1つのパーセプトロン（§2.3.2、式2.2）: 入力の重みつき和にバイアスを足したものが0を超えると発火しま
 * す。b + Σᵢ wᵢ·xᵢ ≤ 0 なら y = 0、そうでなければ y = 1。和がちょうど0なら0です。
 * x = (0, 1)、w = (0.5, 0.5)、b = −0.7 では和は −0.2 で、y = 0 です。
 *
 * テスト内容: 本書の例、和がちょうど0の場合、ランダムな入力、重み、サイズ（境界から
 * 離れたもの）、§2.3.3の本書の重みでAND、NAND、ORの真理値表になること、そしてどんな重み
 * （本書のもの、9,261個の格子、2,000組のランダムなもの）でも排他的論理和の真理値表にはならないこと
 * （§2.4）。
 *
 * @param x The inputs (any numbers, not only 0 and 1), as many as there are weights.
 *   入力（0と1に限らず任意の数）。重みと同じ個数。
 * @param weights `w`, one weight per input, and the bias `b`.
 *   入力ごとに1つの重み `w` と、バイアス `b`。
 * @returns 0 or 1.
 *   0または1。
 */
export function perceptron(x: np.ArrayLike, weights: PerceptronWeights): 0 | 1 {
  return todo("perceptron", "02", x, weights, np);
}

/**
 * The AND gate (§2.3.1, §2.3.3): one perceptron with the book's weights w = (0.5, 0.5) and
 * bias b = −0.7. It fires only when both inputs are 1.
 *
 * Tested: the truth table, and for real inputs in [−2, 2] that it fires exactly where
 * 0.5·x1 + 0.5·x2 − 0.7 > 0.
 *
 * ANDゲート（§2.3.1、§2.3.3）: 本書の重み w = (0.5, 0.5) とバイアス b = −0.7 の1つの
 * パーセプトロン。両方の入力が1のときだけ発火します。
 *
 * テスト内容: 真理値表、そして [−2, 2] の実数の入力に対して、ちょうど 0.5·x1 + 0.5·x2 − 0.7 > 0 の
 * ところで発火すること。
 *
 * @param x1 The first input.
 *   1つ目の入力。
 * @param x2 The second input.
 *   2つ目の入力。
 * @returns 1 when 0.5·x1 + 0.5·x2 − 0.7 > 0, else 0.
 *   0.5·x1 + 0.5·x2 − 0.7 > 0 なら1、そうでなければ0。
 */
export function AND(x1: number, x2: number): 0 | 1 {
  return todo("AND", "02", x1, x2);
}

/**
 * The NAND gate, Not AND (§2.3.3): one perceptron with AND's weights and bias, signs
 * flipped: w = (−0.5, −0.5), b = 0.7.
 *
 * Tested: the truth table, and for real inputs in [−2, 2] that it fires exactly where
 * −0.5·x1 − 0.5·x2 + 0.7 > 0.
 *
 * NANDゲート、Not AND（§2.3.3）: ANDの重みとバイアスの符号を反転した1つの
 * パーセプトロン: w = (−0.5, −0.5)、b = 0.7。
 *
 * テスト内容: 真理値表、そして [−2, 2] の実数の入力に対して、ちょうど −0.5·x1 − 0.5·x2 + 0.7 > 0 の
 * ところで発火すること。
 *
 * @param x1 The first input.
 *   1つ目の入力。
 * @param x2 The second input.
 *   2つ目の入力。
 * @returns 1 when −0.5·x1 − 0.5·x2 + 0.7 > 0, else 0.
 *   −0.5·x1 − 0.5·x2 + 0.7 > 0 なら1、そうでなければ0。
 */
export function NAND(x1: number, x2: number): 0 | 1 {
  return todo("NAND", "02", x1, x2);
}

/**
 * The OR gate (§2.3.3): one perceptron with AND's weights w = (0.5, 0.5) and the bias
 * b = −0.2, so that one input of 1 is enough.
 *
 * Tested: the truth table, and for real inputs in [−2, 2] that it fires exactly where
 * 0.5·x1 + 0.5·x2 − 0.2 > 0.
 *
 * ORゲート（§2.3.3）: ANDの重み w = (0.5, 0.5) とバイアス b = −0.2 の1つのパーセプトロン。1つの入力
 * が1なら発火するのに十分です。
 *
 * テスト内容: 真理値表、そして [−2, 2] の実数の入力に対して、ちょうど 0.5·x1 + 0.5·x2 − 0.2 > 0 の
 * ところで発火すること。
 *
 * @param x1 The first input.
 *   1つ目の入力。
 * @param x2 The second input.
 *   2つ目の入力。
 * @returns 1 when 0.5·x1 + 0.5·x2 − 0.2 > 0, else 0.
 *   0.5·x1 + 0.5·x2 − 0.2 > 0 なら1、そうでなければ0。
 */
export function OR(x1: number, x2: number): 0 | 1 {
  return todo("OR", "02", x1, x2);
}

/**
 * The XOR gate, exclusive or: 1 when exactly one input is 1. No single perceptron can draw its
 * boundary, a straight line (§2.4); the book builds it as a two-layer perceptron from the
 * gates above (§2.5.2, figure 2-13).
 *
 * Tested: the truth table, and for real inputs in [−2, 2] the same outputs as the book's
 * two-layer construction (built from the reference gates), so comparing x1 with x2 is not
 * enough.
 *
 * XORゲート、排他的論理和: ちょうど1つの入力が1のとき1。その境界を1本の直線で描けるパーセプトロンは
 * ありません（§2.4）。本書は上のゲートから2層のパーセプトロンとして作ります（§2.5.2、図2-13）。
 *
 * テスト内容: 真理値表、そして [−2, 2] の実数の入力に対して、本書の2層の構成（模範解答のゲートで
 * 作ったもの）と同じ出力になること。したがって、x1とx2を比べるだけでは足りません。
 *
 * @param x1 The first input.
 *   1つ目の入力。
 * @param x2 The second input.
 *   2つ目の入力。
 * @returns 0 or 1.
 *   0または1。
 */
export function XOR(x1: number, x2: number): 0 | 1 {
  return todo("XOR", "02", x1, x2);
}
