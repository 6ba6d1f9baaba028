/**
 * What `lib/testing` says when a check fails (`assertAllClose`, the gradient checks and their
 * report, `assertProperty`), in both languages. Numbers, shapes, indices and identifiers are
 * passed in as they are; only the words around them change.
 *
 * @module
 */

import { defineMessages } from "../command/lang.ts";

/** The failure texts of `assertAllClose`, the gradient checks and the gradient report. */
export const TESTING = defineMessages("testing", {
  // assertAllClose
  notClose: (rtol: number, atol: number) => `Not equal to tolerance rtol=${rtol}, atol=${atol}`,
  shapesMismatch: (actual: string, desired: string) => `(shapes ${actual}, ${desired} mismatch)`,
  mismatched: (bad: number, size: number, percent: string) =>
    `Mismatched elements: ${bad} / ${size} (${percent}%)`,
  notFinite: (count: number, kinds: string, first: string) =>
    `Not finite: ${count} of them (actual ${kinds}), first at [${first}]`,
  maxAbs: (finiteOnly: boolean, value: number) =>
    `Max absolute difference${finiteOnly ? " (of the finite values)" : ""}: ${value}`,
  maxRel: (finiteOnly: boolean, value: number) =>
    `Max relative difference${finiteOnly ? " (of the finite values)" : ""}: ${value}`,
  firstMismatches: "First mismatches:",
  mismatchAt: (index: string, actual: number, desired: number) =>
    `  at [${index}]: actual ${actual}, desired ${desired}`,
  // assertGradientMatches, assertNetGradients
  analyticGradient: "the analytic gradient",
  differsFromNumerical: (name: string, shape: string) =>
    `${name} differs from the numerical gradient (shape ${shape} expected)`,
  where: (pattern: string) => `Where: ${pattern}`,
  gradientKeys: (keys: string, expected: string) =>
    `gradient's keys: ${keys}, expected ${expected}`,
  gradientMissing: (key: string, grad: string, shape: string) =>
    `${key}: the gradient is ${grad}, expected an array of shape [${shape}] (the dW or db ` +
    `of the layer that holds ${key})`,
  gradientShape: (key: string, shape: string) => `${key}: the gradient's shape [${shape}]`,
  againstNumerical: (key: string) => `${key}: the gradient against the numerical one`,
  // errorPattern
  moreIndices: (shown: string, count: number) => `${shown}, … (${count} in all)`,
  reversedShape: (actual: string, expected: string) =>
    `its shape [${actual}] is the reverse of [${expected}]: a transposed operand?`,
  notFiniteAt: (value: number, index: string) => `${value} at [${index}]`,
  notFinitePattern: (list: string) => `not finite: ${list}`,
  transposed: "it equals the transpose of the expected gradient: a transposed operand?",
  wholeRows: (list: string, rows: number) =>
    `the error fills whole rows ${list} (of ${rows}): a sum over the wrong axis, ` +
    `or a bias or broadcast along the rows?`,
  wholeColumns: (list: string, cols: number) =>
    `the error fills whole columns ${list} (of ${cols}): a bias, or a sum over ` +
    `the wrong axis?`,
  border: "the error is only on the border of the images: the padding?",
  // textHeatmap, writeHeatmap
  heatmapTitle: (rows: number, cols: number) =>
    `relative error, ${rows}×${cols} ("@" the largest, " " within tolerance):`,
  heatmapNoWrite:
    "a PNG heatmap is written when the tests may write to out/ (deno test -A, or deno task watch)",
  heatmapFile: (path: string) => `heatmap of the relative error: ${path}`,
  noHeatmap: (why: string) => `no heatmap (${why})`,
  // assertProperty
  counterexample: (example: string) => `(fast-check's smallest counterexample: ${example})`,
}, {
  notClose: (rtol: number, atol: number) =>
    `許容誤差 rtol=${rtol}, atol=${atol} の範囲で一致しません`,
  shapesMismatch: (actual: string, desired: string) =>
    `（形状 ${actual} と ${desired} が一致しません）`,
  mismatched: (bad: number, size: number, percent: string) =>
    `一致しない要素: ${bad} / ${size} (${percent}%)`,
  notFinite: (count: number, kinds: string, first: string) =>
    `有限でない値: ${count} 個（計算値 ${kinds}）、最初は [${first}]`,
  maxAbs: (finiteOnly: boolean, value: number) =>
    `絶対誤差の最大値${finiteOnly ? "（有限の値のみ）" : ""}: ${value}`,
  maxRel: (finiteOnly: boolean, value: number) =>
    `相対誤差の最大値${finiteOnly ? "（有限の値のみ）" : ""}: ${value}`,
  firstMismatches: "一致しない最初の要素:",
  mismatchAt: (index: string, actual: number, desired: number) =>
    `  [${index}]: 計算値 ${actual}、期待値 ${desired}`,
  analyticGradient: "解析的に求めた勾配",
  differsFromNumerical: (name: string, shape: string) =>
    `${name} が数値微分で求めた勾配と一致しません（期待される形状 ${shape}）`,
  where: (pattern: string) => `誤差の傾向: ${pattern}`,
  gradientKeys: (keys: string, expected: string) =>
    `勾配のキー: ${keys}（期待されるキー: ${expected}）`,
  gradientMissing: (key: string, grad: string, shape: string) =>
    `${key}: 勾配が ${grad} です。形状 [${shape}] の配列のはずです` +
    `（${key} を持つレイヤの dW または db）`,
  gradientShape: (key: string, shape: string) => `${key}: 勾配の形状 [${shape}]`,
  againstNumerical: (key: string) => `${key}: 数値微分で求めた勾配との比較`,
  moreIndices: (shown: string, count: number) => `${shown}, …（全 ${count} 個）`,
  reversedShape: (actual: string, expected: string) =>
    `形状 [${actual}] が [${expected}] の逆順です: どこかで転置を取り違えていませんか？`,
  notFiniteAt: (value: number, index: string) => `[${index}] に ${value}`,
  notFinitePattern: (list: string) => `有限でない値: ${list}`,
  transposed: "期待される勾配を転置したものと一致します: どこかで転置を取り違えていませんか？",
  wholeRows: (list: string, rows: number) =>
    `誤差が行 ${list} の全体に出ています（全 ${rows} 行）: 和を取る軸の間違いか、` +
    `行方向のバイアスやブロードキャストの間違いでは？`,
  wholeColumns: (list: string, cols: number) =>
    `誤差が列 ${list} の全体に出ています（全 ${cols} 列）: バイアスの間違いか、` +
    `和を取る軸の間違いでは？`,
  border: "誤差が画像の縁にだけ出ています: パディングの扱いでは？",
  heatmapTitle: (rows: number, cols: number) =>
    `相対誤差 ${rows}×${cols}（"@" が最大、" " は許容誤差内）:`,
  heatmapNoWrite:
    "テストが out/ に書き込めるとき（deno test -A や deno task watch）は PNG のヒートマップも書き出します",
  heatmapFile: (path: string) => `相対誤差のヒートマップ: ${path}`,
  noHeatmap: (why: string) => `ヒートマップは書けませんでした（${why}）`,
  counterexample: (example: string) => `（fast-check が見つけた最小の反例: ${example}）`,
});
