/**
 * Chapter 01, exercises 2–5: NumPy's basics written as plain loops (the book's §1.5).
 *
 * An `NDArray` keeps its elements in one row-major typed array, its `data`: the element at
 * index [i0, i1, …] of shape [s0, s1, …] sits at position ((i0 · s1 + i1) · s2 + i2) · …
 * Here you write the loops over `data` yourself. The `np` module is imported for you to make
 * the result arrays (look up its `zeros` and its `broadcastShapes`, or import your own
 * `broadcastShapes` from `./broadcast.ts`); the fast versions of these four functions in
 * `np` are what the tests compare yours with.
 *
 * 01章の演習2〜5: NumPyの基本を素朴なループで書く（本書の§1.5）。
 *
 * `NDArray` は要素を行優先の型付き配列1つ、つまり `data` に持ちます。形状 [s0, s1, …] のインデック
 * ス [i0, i1, …] の要素は、位置 ((i0 · s1 + i1) · s2 + i2) · … にあります。ここでは `data` に対する
 * ループを自分で書きます。結果の配列を作るために `np` モジュールがインポート済みです（その `zeros`
 * と `broadcastShapes` を調べるか、`./broadcast.ts` から自分の `broadcastShapes` をインポートしてく
 * ださい）。テストは、`np` にあるこの4つの関数の高速版と自分のものを比べます。
 *
 * @module
 */

import { todo } from "../../lib/kata/todo.ts";
import * as np from "../../lib/np/mod.ts";
import type { NDArray } from "../../lib/np/mod.ts";

/**
 * a + b element by element, with NumPy's broadcasting (§1.5.3, §1.5.5): the shapes are
 * aligned at their last axes, and an axis of size 1 (or a missing one) is repeated to match.
 *
 * Example: [[1, 2], [3, 4]] + [10, 20] is [[11, 22], [13, 24]].
 *
 * Tested: the book's examples, broadcasting on both sides (a column and a row), empty and
 * 0-d arrays, the dtype rule, that the inputs are not changed, random broadcastable shapes
 * against the library's addition, and the error for shapes that do not broadcast.
 *
 * a + b を要素ごとに、NumPyのブロードキャストつきで（§1.5.3、§1.5.5）。形状は最後の軸でそろえ、サイ
 * ズ1の軸（または存在しない軸）は相手に合わせて繰り返します。
 *
 * 例: [[1, 2], [3, 4]] + [10, 20] は [[11, 22], [13, 24]]。
 *
 * テスト内容: 本書の例、両側でのブロードキャスト（列と行）、空の配列と0次元配列、dtypeの規則、入力
 * が変更されないこと、ランダムなブロードキャスト可能な形状でのライブラリの加算との比較、
 * ブロードキャストできない形状でのエラー。
 *
 * @param a The first array.
 *   1つ目の配列。
 * @param b The second array.
 *   2つ目の配列。
 * @returns A new array of the broadcast shape; float32 only when both inputs are float32
 * (else float64).
 *   ブロードキャスト後の形状の新しい配列。両方の入力がfloat32のときだけfloat32
 *   （それ以外はfloat64）。
 * @throws {TypeError} when the shapes do not broadcast (the message names both).
 *   形状がブロードキャストできないとき（メッセージは両方の形状を示す）。
 */
export function add(a: NDArray, b: NDArray): NDArray {
  return todo("add", "01", a, b, np);
}

/**
 * The matrix product of two 2-D arrays, NumPy's dot (§3.3.2):
 * C[i][j] = Σₚ A[i][p] · B[p][j].
 *
 * Example: [[1, 2], [3, 4]] · [[5, 6], [7, 8]] is [[19, 22], [43, 50]].
 *
 * Tested: the book's examples, the identity matrix on both sides, (AB)ᵀ = BᵀAᵀ, an empty
 * shared axis, the dtype rule, random matrices against the library's product, and the errors
 * for mismatched and non-2-D operands.
 *
 * 2つの2次元配列の行列の積、NumPyのdot（§3.3.2）: C[i][j] = Σₚ A[i][p] · B[p][j]。
 *
 * 例: [[1, 2], [3, 4]] · [[5, 6], [7, 8]] は [[19, 22], [43, 50]]。
 *
 * テスト内容: 本書の例、両側での単位行列、(AB)ᵀ = BᵀAᵀ、空の共通軸、dtypeの規則、ランダムな行列での
 * ライブラリの積との比較、形状が合わないオペランドと2次元でないオペランドでのエラー。
 *
 * @param a A matrix of shape [m, k].
 *   形状 [m, k] の行列。
 * @param b A matrix of shape [k, n].
 *   形状 [k, n] の行列。
 * @returns A new [m, n] matrix; float32 only when both inputs are float32.
 *   新しい [m, n] の行列。両方の入力がfloat32のときだけfloat32。
 * @throws {TypeError} when an operand is not 2-D, or when the columns of `a` differ from the
 * rows of `b`; the message names both shapes, like NumPy's "shapes [2, 3] and [2, 2] not
 * aligned: 3 (dim 1) != 2 (dim 0)".
 *   オペランドが2次元でないとき、または `a` の列数と `b` の行数が違うとき。メッセージは
 *   NumPyの "shapes [2, 3] and [2, 2] not aligned: 3 (dim 1) != 2 (dim 0)" のように
 *   両方の形状を示す。
 */
export function dot(a: NDArray, b: NDArray): NDArray {
  return todo("dot", "01", a, b);
}

/**
 * Options of {@linkcode sum}.
 *
 * {@linkcode sum} のオプション。
 */
export interface SumOptions {
  /**
   * The axis to add along (negative counts from the end).
   *
   * 和をとる軸（負の値は後ろから数える）。
   */
  axis: number;
  /**
   * Keep the axis with size 1, so the result broadcasts against the input.
   *
   * その軸をサイズ1で残し、結果が入力に対してブロードキャストできるようにする。
   */
  keepdims?: boolean;
}

/**
 * The sum along one axis, like NumPy's sum with `axis` and `keepdims`:
 * out[…, j, …] = Σᵢ x[…, i, j, …] over the index i of that axis.
 *
 * Example: for x = [[1, 2, 3], [4, 5, 6]], axis 0 gives [5, 7, 9], axis 1 gives [6, 15],
 * and axis -1 with `keepdims` gives [[6], [15]].
 *
 * Tested: these examples and a middle axis of a 3-D array, that every axis keeps the grand
 * total, the result's number of axes, an empty axis (its sum is 0), float32 kept, random
 * shapes and axes against the library's sum, and the error for an axis out of range.
 *
 * 1つの軸に沿った和。NumPyのsumの `axis` と `keepdims` と同じ: その軸のインデックス i について
 * out[…, j, …] = Σᵢ x[…, i, j, …]。
 *
 * 例: x = [[1, 2, 3], [4, 5, 6]] に対して、axis 0 は [5, 7, 9]、axis 1 は [6, 15]、`keepdims` つき
 * の axis -1 は [[6], [15]]。
 *
 * テスト内容: これらの例と3次元配列の中間の軸、どの軸でも総和が保たれること、結果の軸の数、
 * 空の軸（和は0）、float32が保たれること、ランダムな形状と軸でのライブラリのsumとの比較、範囲外の軸
 * でのエラー。
 *
 * @param x The array.
 *   配列。
 * @param options `axis` (required) and `keepdims` (false by default).
 *   `axis`（必須）と `keepdims`（既定は false）。
 * @returns A new array without that axis (or with it as size 1), of x's dtype.
 *   その軸をなくした（またはサイズ1で残した）新しい配列。dtypeはxと同じ。
 * @throws {RangeError} for an axis outside -ndim .. ndim-1 (the message names the axis).
 *   軸が -ndim .. ndim-1 の範囲外のとき（メッセージはその軸を示す）。
 */
export function sum(x: NDArray, options: SumOptions): NDArray {
  return todo("sum", "01", x, options);
}

/**
 * Options of {@linkcode argmax}.
 *
 * {@linkcode argmax} のオプション。
 */
export interface ArgmaxOptions {
  /**
   * The axis to search along (negative counts from the end).
   *
   * 探す軸（負の値は後ろから数える）。
   */
  axis: number;
}

/**
 * The index of the largest element along one axis (the first one on ties), like NumPy's
 * argmax with `axis`: the predicted class of each row of scores (§3.6.2).
 *
 * Example: for the rows [[0.1, 0.8, 0.1], [0.3, 0.1, 0.6]], axis 1 gives [1, 2].
 *
 * Tested: the book's batch of four predictions along both axes, ties (the first index wins),
 * negative values, a 3-D array, a float64 result for float32 input, random shapes and axes
 * with many ties against the library's argmax, and the errors for an axis out of range and
 * an empty axis.
 *
 * 1つの軸に沿った最大の要素のインデックス（同じ値が並んだら最初のもの）。NumPyのargmaxの `axis` と
 * 同じ: スコアの各行が予測するクラス（§3.6.2）。
 *
 * 例: 行 [[0.1, 0.8, 0.1], [0.3, 0.1, 0.6]] に対して、axis 1 は [1, 2]。
 *
 * テスト内容: 本書の4つの予測のバッチで両方の軸、同じ値が並ぶ場合（最初のインデックスが勝つ）、負の
 * 値、3次元配列、float32の入力に対してfloat64の結果、同じ値の多いランダムな形状と軸での
 * ライブラリのargmaxとの比較、範囲外の軸と空の軸でのエラー。
 *
 * @param x The array.
 *   配列。
 * @param options `axis` (required).
 *   `axis`（必須）。
 * @returns A new float64 array of indices, without that axis.
 *   その軸をなくした、インデックスを並べた新しいfloat64の配列。
 * @throws {RangeError} for an axis outside -ndim .. ndim-1, or an empty axis (it has no
 * largest element).
 *   軸が -ndim .. ndim-1 の範囲外のとき、または空の軸のとき（最大の要素がない）。
 */
export function argmax(x: NDArray, options: ArgmaxOptions): NDArray {
  return todo("argmax", "01", x, options);
}
