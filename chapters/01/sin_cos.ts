/**
 * Chapter 01, exercises 6–7: the book's first chart, sin and cos (§1.6.2–1.6.3).
 * `deno task ch01:plot --mine` draws it with your code to `out/ch01/sin_cos.png`.
 *
 * matplotlib's role is played by `lineChartPng` of `lib/plot` (imported for you): it takes
 * the data as {@linkcode SinCosData} holds it, and an options object for the looks.
 *
 * 01章の演習6〜7: 本書の最初のグラフ、sinとcos（§1.6.2〜1.6.3）。`deno task ch01:plot --mine` が自分
 * のコードでそれを `out/ch01/sin_cos.png` に描きます。
 *
 * matplotlibの役は `lib/plot` の `lineChartPng`（インポート済み）が務めます。データは
 * {@linkcode SinCosData} が持つ形で受け取り、見た目はオプションのオブジェクトで指定します。
 *
 * @module
 */

import { todo } from "../../lib/kata/todo.ts";
import * as np from "../../lib/np/mod.ts";
import { lineChartPng } from "../../lib/plot/mod.ts";

/**
 * The data of the chart: x and one named series per curve, as `lineChartPng` takes them.
 *
 * グラフのデータ: xと、曲線ごとに名前のついた系列1つずつ。`lineChartPng` が受け取る形。
 */
export interface SinCosData {
  /**
   * 0, 0.1, …, 5.9: 60 values.
   *
   * 0, 0.1, …, 5.9: 60個の値。
   */
  x: np.NDArray;
  /**
   * The two curves, in legend order.
   *
   * 2本の曲線。凡例の順。
   */
  series: { sin: np.NDArray; cos: np.NDArray };
}

/**
 * The data of the book's sin & cos chart (§1.6.2–1.6.3): x from 0 up to (not including) 6
 * in steps of 0.1, y1 = sin x and y2 = cos x, element by element.
 *
 * Tested: x has 60 values 0, 0.1, …, 5.9; the series are named sin and cos, in that order;
 * sin 0.5, cos 1.0, sin 3.1 and cos 0 to a calculator's digits; sin² + cos² = 1 everywhere.
 *
 * 本書のsin & cosのグラフのデータ（§1.6.2〜1.6.3）: 0から6まで（6は含まない）0.1刻みのx、要素ごとの
 * y1 = sin x と y2 = cos x。
 *
 * テスト内容: xが60個の値 0, 0.1, …, 5.9 であること。系列の名前がsinとcosで、
 * その順であること。sin 0.5、cos 1.0、sin 3.1、cos 0 が電卓の桁まで合うこと。どこでも
 * sin² + cos² = 1 であること。
 *
 * @returns `{ x, series: { sin, cos } }`: 60 x values (float64) and the sin and cos of each.
 *   `{ x, series: { sin, cos } }`: 60個のxの値（float64）と、それぞれのsinとcos。
 */
export function sinCos(): SinCosData {
  return todo("sinCos", "01", np);
}

/**
 * Draws the book's chart (§1.6.3, figure 1-6) as PNG bytes: the data of
 * {@linkcode sinCos}, sin solid and cos dashed (matplotlib's `linestyle="--"`), the title
 * "sin & cos", and the axis labels "x" and "y". The legend comes by itself.
 *
 * Tested: the bytes are a PNG, pixel for pixel the chart that `lineChartPng` draws from the
 * book's numbers with that title, those labels and cos dashed.
 *
 * 本書のグラフ（§1.6.3、図1-6）をPNGのバイト列として描きます。{@linkcode sinCos} のデータで、sinは
 * 実線、cosは破線（matplotlibの `linestyle="--"`）、タイトルは "sin & cos"、軸ラベルは "x" と "y"。
 * 凡例は自動でつきます。
 *
 * テスト内容: バイト列がPNGであること。本書の数値から、そのタイトル、そのラベル、cosを破線にして
 * `lineChartPng` が描いたグラフとピクセル単位で一致すること。
 *
 * @returns A promise of the PNG file's bytes.
 *   PNGファイルのバイト列のPromise。
 */
export function sinCosChart(): Promise<Uint8Array> {
  return todo("sinCosChart", "01", lineChartPng);
}
