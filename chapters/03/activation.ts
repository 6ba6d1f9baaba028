/**
 * Chapter 03, exercises 1–5: the activation functions of a neural network (the book's §3.2 and
 * §3.5; its `common/functions.py`).
 *
 * Work on whole arrays with `np` (imported for you), as the book works with NumPy: no loops
 * over elements are needed. Every function keeps the shape of its input.
 *
 * 03章の演習1〜5: ニューラルネットワークの活性化関数（本書の§3.2と§3.5、本書の
 * `common/functions.py`）。
 *
 * 本書がNumPyで計算するように、`np`（インポート済み）で配列全体を扱います。要素ごとのループは要りま
 * せん。どの関数も入力の形状を保ちます。
 *
 * @module
 */

import { todo } from "../../lib/kata/todo.ts";
import * as np from "../../lib/np/mod.ts";

/**
 * The step function (§3.2.2–3.2.3): h(x) = 1 where x > 0, else 0, element by element. At
 * exactly 0 it gives 0.
 *
 * Example: [−1.0, 1.0, 2.0] gives [0, 1, 1].
 *
 * Tested: the book's example; 0, −0 and ±1e-300; a 2-D input keeps its shape; random arrays
 * of 1 to 3 axes against x > 0 element by element.
 *
 * ステップ関数（§3.2.2〜3.2.3）: 要素ごとに、x > 0 なら h(x) = 1、そうでなければ0。ちょうど0では0に
 * なります。
 *
 * 例: [−1.0, 1.0, 2.0] は [0, 1, 1] になります。
 *
 * テスト内容: 本書の例。0、−0、±1e-300。2次元の入力が形状を保つこと。1〜3軸のランダムな配列で、要素
 * ごとの x > 0 と一致すること。
 *
 * @param x Any array.
 *   任意の配列。
 * @returns An array of x's shape holding 0 and 1 (float64).
 *   x と同じ形状で、0 と 1 を持つ配列（float64）。
 */
export function stepFunction(x: np.NDArray): np.NDArray {
  return todo("stepFunction", "03", x);
}

/**
 * The sigmoid (§3.2.4): h(x) = 1 / (1 + e^(−x)), element by element.
 *
 * Example: [−1.0, 1.0, 2.0] gives [0.26894142, 0.73105858, 0.88079708].
 *
 * Tested: the book's example and h(0) = 0.5; ±40 and ±1000 saturate to 0 and 1 without NaN;
 * on random arrays, the shape, h(−x) = 1 − h(x), values strictly between 0 and 1, and that
 * h increases.
 *
 * シグモイド関数（§3.2.4）: 要素ごとに h(x) = 1 / (1 + e^(−x))。
 *
 * 例: [−1.0, 1.0, 2.0] は [0.26894142, 0.73105858, 0.88079708] になります。
 *
 * テスト内容: 本書の例と h(0) = 0.5。±40と±1000でNaNにならずに0と1に飽和すること。
 * ランダムな配列で、形状、h(−x) = 1 − h(x)、値が0と1の間（両端を含まない）にあること、hが増加するこ
 * と。
 *
 * @param x Any array.
 *   任意の配列。
 * @returns An array of x's shape with values between 0 and 1.
 *   x と同じ形状で、値が 0 と 1 の間にある配列。
 */
export function sigmoid(x: np.NDArray): np.NDArray {
  return todo("sigmoid", "03", x);
}

/**
 * The ReLU, Rectified Linear Unit (§3.2.7): h(x) = x where x > 0, else 0, element by
 * element.
 *
 * Example: [−2, 0, 3] gives [0, 0, 3].
 *
 * Tested: that example and a 2-D one; random arrays, element by element.
 *
 * ReLU関数、Rectified Linear Unit（§3.2.7）: 要素ごとに、x > 0 なら h(x) = x、そうでなければ0。
 *
 * 例: [−2, 0, 3] は [0, 0, 3] になります。
 *
 * テスト内容: その例と2次元の例。ランダムな配列で要素ごとに。
 *
 * @param x Any array.
 *   任意の配列。
 * @returns An array of x's shape.
 *   x と同じ形状の配列。
 */
export function relu(x: np.NDArray): np.NDArray {
  return todo("relu", "03", x);
}

/**
 * The identity function σ(x) = x, the output layer's activation for regression (§3.4.2).
 *
 * Tested: a 2-D input comes back with its shape and values.
 *
 * 恒等関数 σ(x) = x。回帰の出力層の活性化関数（§3.4.2）。
 *
 * テスト内容: 2次元の入力がその形状と値のまま返ること。
 *
 * @param x Any array.
 *   任意の配列。
 * @returns x itself.
 *   x そのもの。
 */
export function identity(x: np.NDArray): np.NDArray {
  return todo("identity", "03", x);
}

/**
 * The softmax along the last axis (§3.5.1): yₖ = e^(aₖ) / Σᵢ e^(aᵢ). It must be safe for large
 * inputs (§3.5.2): e^1010 overflows to Infinity, and Infinity / Infinity is NaN. A 2-D input is
 * a batch, one softmax per row (as in the book's `common/functions.py`).
 *
 * Examples: [0.3, 2.9, 4.0] gives [0.01821127, 0.24519181, 0.73659691], and
 * [1010, 1000, 990] gives [9.99954600e-01, 4.53978686e-05, 2.06106005e-09], not NaN.
 *
 * Tested: both examples and [−1010, −1000, −990]; a batch whose rows are normalised each on
 * its own; on random arrays, the shape, values in [0, 1], last-axis sums of 1, the same result
 * after adding a constant, and the largest input getting the largest probability.
 *
 * 最後の軸に沿ったソフトマックス関数（§3.5.1）: yₖ = e^(aₖ) / Σᵢ e^(aᵢ)。大きな入力に対しても安全で
 * なければなりません（§3.5.2）。e^1010 はInfinityにオーバーフローし、Infinity / Infinity はNaNで
 * す。2次元の入力はバッチで、行ごとに1つのソフトマックスです（本書の `common/functions.py` と
 * 同じ）。
 *
 * 例: [0.3, 2.9, 4.0] は [0.01821127, 0.24519181, 0.73659691] に、[1010, 1000, 990] はNaNではなく
 * [9.99954600e-01, 4.53978686e-05, 2.06106005e-09] になります。
 *
 * テスト内容: 両方の例と [−1010, −1000, −990]。各行がそれぞれ正規化されるバッチ。ランダムな配列で、
 * 形状、値が [0, 1] にあること、最後の軸の和が1であること、定数を足しても同じ結果になること、最大の
 * 入力が最大の確率を得ること。
 *
 * @param x A vector or a batch of vectors (any rank; the last axis is normalised).
 *   ベクトル、またはベクトルのバッチ（次元数は任意。最後の軸で正規化する）。
 * @returns An array of x's shape whose last-axis slices are positive and sum to 1.
 *   x と同じ形状の配列。最後の軸に沿った各スライスは正の値で、和が 1。
 */
export function softmax(x: np.NDArray): np.NDArray {
  return todo("softmax", "03", x);
}
