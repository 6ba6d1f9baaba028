/**
 * What the chapter 04 commands (`ch04:tangent`, `ch04:descent`, `ch04:train`) say and draw,
 * in both languages.
 *
 * @module
 */

import { defineMessages } from "../../command/lang.ts";
import { padDisplay } from "../../command/width.ts";

/** The chapter 04 commands' messages and chart texts. */
export const CH04 = defineMessages("ch04", {
  tangentSummary:
    "Chapter 04: draws y = 0.01x² + 0.1x with its tangents at x = 5 and 10 from numericalDiff " +
    "(§4.3.2)\nto out/ch04/tangent.png.",
  tangentAt: (x: number) => `tangent at x = ${x}`,
  tangentTitle: "Tangent lines with slopes from numericalDiff (§4.3.2)",
  book: (value: string) => `(book: ${value})`,
  descentSummary: "Chapter 04: draws gradient descent on x0² + x1² from (-3, 4) (§4.4.1) to " +
    "out/ch04/descent.png.",
  descentTitle: "Gradient descent on x0² + x1² (§4.4.1)",
  afterSteps: (steps: number, x: string) => padDisplay(`after ${steps} steps:`, 17) + `x = ${x}`,
  trainSummary: "Trains the chapter 4 TwoLayerNet (784-50-10, sigmoid, softmax) on MNIST with " +
    "SGD:\nbatches of 100, lr 0.1, 10000 iterations by default (the book's train_neuralnet.py).",
}, {
  tangentSummary: "4章: y = 0.01x² + 0.1x と、numericalDiff で求めた x = 5 と 10 での接線" +
    "（§4.3.2）を\nout/ch04/tangent.png に描きます。",
  tangentAt: (x: number) => `x = ${x} での接線`,
  tangentTitle: "numericalDiff で求めた傾きの接線（§4.3.2）",
  book: (value: string) => `（本書: ${value}）`,
  descentSummary: "4章: x0² + x1² の (-3, 4) からの勾配降下法（§4.4.1）を " +
    "out/ch04/descent.png に描きます。",
  descentTitle: "x0² + x1² の勾配降下法（§4.4.1）",
  afterSteps: (steps: number, x: string) => padDisplay(`${steps} ステップ後:`, 17) + `x = ${x}`,
  trainSummary: "4章の TwoLayerNet（784-50-10、シグモイド関数、ソフトマックス関数）を MNIST で " +
    "SGD により学習します:\nバッチサイズ 100、学習率 0.1、既定で 10000 回の反復" +
    "（本書の train_neuralnet.py）。",
});
