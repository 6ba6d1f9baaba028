/**
 * Chapter 01, exercise 1: NumPy's broadcasting rule (the book's §1.5.5).
 *
 * With `--mine` (for example `deno task ch01:plot --mine`), your `broadcastShapes` is the one
 * the whole `np` core uses: every element-wise operation of the run asks it what shape its
 * result has.
 *
 * 01章の演習1: NumPyのブロードキャストの規則（本書の§1.5.5）。
 *
 * `--mine` を付けると（たとえば `deno task ch01:plot --mine`）、自分の `broadcastShapes` が `np` の
 * 中核全体で使われます。実行中のすべての要素ごとの演算が、結果の形状をこの関数に尋ねます。
 *
 * @module
 */

import { todo } from "../../lib/kata/todo.ts";
import type { Shape } from "../../lib/np/mod.ts";

/**
 * The shape two arrays broadcast to (§1.5.5, and NumPy's user guide, "Broadcasting").
 *
 * NumPy's rule: the shapes are compared axis by axis from the last one, a shape with fewer
 * axes counting as if it had axes of size 1 in front; two sizes are compatible when they are
 * equal or one of them is 1, and the result takes the larger. The result has as many axes as
 * the longer shape.
 *
 * Examples: [2, 3] and [3] give [2, 3]; [4, 1] and [1, 5] give [4, 5]; [2, 2] and []
 * (a scalar) give [2, 2].
 *
 * Tested: the book's examples, NumPy's [8, 1, 6, 1] with [7, 1, 5], sizes of 0, random
 * compatible pairs in both orders, that neither argument is changed or returned, and the
 * error for incompatible shapes.
 *
 * 2つの配列がブロードキャストされる形状（§1.5.5、およびNumPyのユーザーガイドの "Broadcasting"）。
 *
 * NumPyの規則: 形状は最後の軸から1軸ずつ比べ、軸の少ない形状は前にサイズ1の軸があるものとみなしま
 * す。2つのサイズは、等しいかどちらかが1のとき両立し、結果は大きいほうをとります。結果の軸の数は長
 * いほうの形状と同じです。
 *
 * 例: [2, 3] と [3] なら [2, 3]、[4, 1] と [1, 5] なら [4, 5]、[2, 2] と []（スカラー）なら
 * [2, 2]。
 *
 * テスト内容: 本書の例、NumPyの [8, 1, 6, 1] と [7, 1, 5]、サイズ0、両方の順序でのランダムな両立す
 * る組、どちらの引数も変更も返却もされないこと、両立しない形状でのエラー。
 *
 * @param a The first shape.
 *   1つ目の形状。
 * @param b The second shape.
 *   2つ目の形状。
 * @returns The broadcast shape, a new array.
 *   ブロードキャスト後の形状（新しい配列）。
 * @throws {TypeError} when an axis has two different sizes, neither 1. The message names
 * both shapes, like NumPy's: "operands could not be broadcast together with shapes [2, 3]
 * and [4]".
 *   ある軸に、どちらも1でない2つの異なるサイズがあるとき。メッセージはNumPyの
 *   "operands could not be broadcast together with shapes [2, 3] and [4]" のように
 *   両方の形状を示す。
 */
export function broadcastShapes(a: Shape, b: Shape): number[] {
  return todo("broadcastShapes", "01", a, b);
}
