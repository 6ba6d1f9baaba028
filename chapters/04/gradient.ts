/**
 * Chapter 4, §4.3–4.4: numerical differentiation, gradients and gradient descent.
 *
 * `np` is imported for you. Run `deno test chapters/04/gradient_test.ts`.
 *
 * 04章、§4.3〜4.4: 数値微分、勾配、勾配降下法。
 *
 * `np` はインポート済みです。`deno test -A chapters/04/gradient_test.ts` で実行します。
 *
 * @module
 */

import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";
import type {
  GradientDescentOptions,
  GradientDescentResult,
  NumericalOptions,
} from "../../lib/gradient/types.ts";

export type { GradientDescentOptions, GradientDescentResult, NumericalOptions };

/**
 * The derivative of a function of one number by the central difference (§4.3.1–4.3.2):
 * f′(x) ≈ (f(x + h) − f(x − h)) / 2h, with h = 1e-4 unless `options.h` says otherwise.
 *
 * Tested: the book's 0.1999999999990898 and 0.2999999999986347 for 0.01x² + 0.1x at 5 and 10
 * (a one-sided difference is off by about 1e-6); a straight line; `options.h` (h = 1 on x³
 * at 0 gives exactly 1); the partial derivatives 6 and 8 of x0² + x1² at (3, 4) (§4.3.3); the
 * book's NumPy code.
 *
 * 1変数の関数の、中心差分による微分（§4.3.1〜4.3.2）: f′(x) ≈ (f(x + h) − f(x − h)) / 2h。
 * `options.h` で指定しなければ h = 1e-4。
 *
 * テスト内容: 0.01x² + 0.1x の5と10での本書の値 0.1999999999990898 と 0.2999999999986347（前方差
 * 分では約1e-6ずれる）。直線。`options.h`（x = 0 での x³ に h = 1 ならちょうど1）。(3, 4) での
 * x0² + x1² の偏微分6と8（§4.3.3）。本書のNumPyのコード。
 *
 * @param f A function of one number.
 *   1変数の関数（数を1つ受け取る関数）。
 * @param x Where to take the derivative.
 *   微分を求める点。
 * @param options The step `h` (1e-4).
 *   刻み幅 `h`（既定値 1e-4）。
 * @returns An approximation of f′(x).
 *   f′(x) の近似値。
 */
export function numericalDiff(
  f: (x: number) => number,
  x: number,
  options: NumericalOptions = {},
): number {
  return todo("numericalDiff", "04", f, x, options);
}

/**
 * The gradient of a scalar function of an array of any shape (§4.4): for every element xᵢ,
 * ∂f/∂xᵢ ≈ (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h, the central difference with only that element
 * moved (h = 1e-4 unless `options.h` says otherwise).
 *
 * `f` may ignore its argument and read the very array `x` from elsewhere, as the book's loss
 * of a network reads the network's own weights (§4.4.2): so the elements must be moved in `x`
 * itself, and `x` must hold its original values again when the function returns.
 *
 * Tested: the book's (6, 8), (0, 4), (6, 0) for x0² + x1²; a 3-D x (the gradient of Σx³ is
 * 3x²) left unchanged after the call; an f that reads x from outside; random points against
 * the reference; the book's NumPy code, including a softmax network's loss by its weights.
 *
 * 任意の形状の配列を受け取るスカラー関数の勾配（§4.4）: 各要素xᵢについて
 * ∂f/∂xᵢ ≈ (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h。その要素だけを動かした中心差分です（`options.h` で指定
 * しなければ h = 1e-4）。
 *
 * `f` は引数を無視して、まさにその配列 `x` をほかの場所から読むかもしれません。本書のネットワークの
 * 損失関数がネットワーク自身の重みを読むように（§4.4.2）。そのため要素は `x` 自身の中で動かさなけれ
 * ばならず、関数が返るときには `x` が元の値に戻っていなければなりません。
 *
 * テスト内容: x0² + x1² に対する本書の (6, 8)、(0, 4)、(6, 0)。3次元のx（Σx³ の勾配は 3x²）が呼び出
 * しの後で変わっていないこと。xを外から読むf。ランダムな点での模範解答との比較。
 * ソフトマックスを使うネットワークの損失関数の、重みについての勾配を含む、本書のNumPyのコード。
 *
 * @param f A function from an array to a number.
 *   配列を受け取り数を返す関数。
 * @param x The point; changed during the call, as it was on return.
 *   その点。呼び出しの途中で変更されるが、戻るときには元の値に戻っている。
 * @param options The step `h` (1e-4).
 *   刻み幅 `h`（既定値 1e-4）。
 * @returns A new array of x's shape and dtype holding ∂f/∂x.
 *   x と同じ形状と dtype で、∂f/∂x を持つ新しい配列。
 */
export function numericalGradient(
  f: (x: np.NDArray) => number,
  x: np.NDArray,
  options: NumericalOptions = {},
): np.NDArray {
  return todo("numericalGradient", "04", f, x, options, np);
}

/**
 * Gradient descent with numerical gradients (§4.4.1, equation 4.7): x ← x − η · ∇f(x),
 * repeated `stepNum` times with the learning rate η = `lr`. The caller's `initX` is not
 * changed (the book's version changes it), and `history` records the point before each step.
 *
 * Tested: from (−3, 4) with lr 0.1 and 100 steps, the book's end point
 * (−6.11110793e-10, 8.14814391e-10) and the first two points of the history; lr 10 blows up
 * and lr 1e-10 barely moves; the defaults lr 0.01 and 100 steps; `initX` left alone; the
 * book's NumPy code.
 *
 * 数値微分による勾配を使った勾配降下法（§4.4.1、式4.7）: x ← x − η · ∇f(x) を、学習率 η = `lr` で
 * `stepNum` 回繰り返します。呼び出し側の `initX` は変更しません（本書の版は変更します）。`history`
 * には各ステップの前の点を記録します。
 *
 * テスト内容: (−3, 4) からlr 0.1で100ステップ進んだときの本書の終点
 * (−6.11110793e-10, 8.14814391e-10) と、履歴の最初の2点。lr 10では発散し、lr 1e-10ではほとんど動か
 * ないこと。既定値のlr 0.01と100ステップ。`initX` がそのままであること。本書のNumPyのコード。
 *
 * @param f The function to minimise.
 *   最小化する関数。
 * @param initX The starting point (not changed).
 *   初期位置（変更されない）。
 * @param options The learning rate `lr` (0.01) and the number of steps `stepNum` (100).
 *   学習率 `lr`（既定値 0.01）とステップ数 `stepNum`（既定値 100）。
 * @returns `{ x, history }`: the final point, and `stepNum` copies of the point before each
 * step (the first is `initX`'s value).
 *   `{ x, history }`: 最終的な点と、各ステップの前の点のコピー `stepNum` 個
 *   （最初のものは `initX` の値）。
 */
export function gradientDescent(
  f: (x: np.NDArray) => number,
  initX: np.NDArray,
  options: GradientDescentOptions = {},
): GradientDescentResult {
  return todo("gradientDescent", "04", f, initX, options);
}
