/**
 * What the chapter 05 commands (`ch05:gradient-check`, `ch05:train`) say, in both languages.
 *
 * @module
 */

import { defineMessages } from "../../command/lang.ts";

/** The chapter 05 commands' messages. */
export const CH05 = defineMessages("ch05", {
  checkSummary: "Chapter 05: backpropagation against numerical differentiation on the first N " +
    "MNIST images (§5.7.3);\nthe mean difference per parameter.",
  batchHelp: "images",
  hiddenHelp: "neurons of the hidden layer (two forward passes per parameter: 200 is ~320,000)",
  seedHelp: "seed of the weights",
  checking: (mine: boolean, hidden: number, batch: number, params: number) =>
    `${mine ? "Your" : "The reference"} TwoLayerNet (784-${hidden}-10, float64), ` +
    `${batch} MNIST images: ${params} parameters, ${2 * params} forward passes for the ` +
    `numerical gradient…`,
  meanGradient: (value: string) => `(mean |gradient| ${value})`,
  times: (numerical: string, backprop: string) =>
    `numerical gradient ${numerical} s, backprop ${backprop} ms`,
  ok: "OK: backpropagation agrees with numerical differentiation (all below 1e-6).",
  notOk: (worst: number) => `Check your backward passes: the largest mean difference is ${worst}.`,
  trainSummary: "Trains the chapter 5 TwoLayerNet (784-50-10, ReLU, backpropagation) on MNIST " +
    "with SGD:\nbatches of 100, lr 0.1, 10000 iterations by default (the book's " +
    "train_neuralnet.py).",
}, {
  checkSummary: "5章: 最初の N 枚の MNIST 画像で、誤差逆伝播法の勾配を数値微分と比べます" +
    "（§5.7.3、勾配確認）。\nパラメータごとの差の平均を表示します。",
  batchHelp: "画像の枚数",
  hiddenHelp: "隠れ層のニューロン数（パラメータ1個に順伝播2回: 200 では約 320,000 回）",
  seedHelp: "重みの seed",
  checking: (mine: boolean, hidden: number, batch: number, params: number) =>
    `${mine ? "自分の" : "解答例の"} TwoLayerNet（784-${hidden}-10、float64）、MNIST 画像 ` +
    `${batch} 枚: パラメータ ${params} 個、数値微分の勾配に順伝播 ${2 * params} 回…`,
  meanGradient: (value: string) => `（|勾配| の平均 ${value}）`,
  times: (numerical: string, backprop: string) =>
    `数値微分 ${numerical} 秒、誤差逆伝播法 ${backprop} ms`,
  ok: "OK: 誤差逆伝播法の勾配は数値微分と一致しています（すべて 1e-6 未満）。",
  notOk: (worst: number) => `backward を見直してください: 差の平均の最大は ${worst} です。`,
  trainSummary: "5章の TwoLayerNet（784-50-10、ReLU関数、誤差逆伝播法）を MNIST で SGD により" +
    "学習します:\nバッチサイズ 100、学習率 0.1、既定で 10000 回の反復（本書の train_neuralnet.py）。",
});
