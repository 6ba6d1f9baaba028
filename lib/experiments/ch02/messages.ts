/**
 * What `deno task ch02:gates` says and draws, in both languages.
 *
 * @module
 */

import { defineMessages } from "../../command/lang.ts";

/** The chapter 02 command's messages and chart texts. */
export const CH02 = defineMessages("ch02", {
  gatesSummary:
    "Chapter 02: draws what AND, NAND, OR and XOR answer over the input plane (§2.3-2.5)\n" +
    "to out/ch02/gates.png.",
  gatesTitle: "What each gate answers for inputs (x1, x2)",
  gatesSubtitle: "blue: the gate outputs 1 · ▲ the truth table's 1s, ○ its 0s · one line splits " +
    "AND, NAND and OR; XOR needs two",
  xorName: "XOR (two layers)",
  gateOutput: "gate output",
}, {
  gatesSummary: "2章: AND、NAND、OR、XOR が入力平面のどこで1を出力するか（§2.3〜2.5）を\n" +
    "out/ch02/gates.png に描きます。",
  gatesTitle: "入力 (x1, x2) に対する各ゲートの出力",
  gatesSubtitle: "青: ゲートの出力が1 · ▲ 真理値表の1、○ 0 · AND、NAND、OR は直線1本で分けられ、" +
    "XOR には2本必要",
  xorName: "XOR（2層）",
  gateOutput: "ゲートの出力",
});
