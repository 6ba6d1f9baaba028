/**
 * Chapter 02's catalogue of learners' mistakes: small variants of the answer key
 * (`lib/perceptron/mod.ts`), each named for the learner (see `lib/testing/mistakes.ts`). The
 * self-check proves that a test of each exercise catches each one and names it.
 *
 * @module
 */

import { AND, NAND, OR, perceptron, type PerceptronWeights } from "../perceptron/mod.ts";
import * as np from "../np/mod.ts";
import type { Mistake } from "../testing/mistakes.ts";

/** A gate as one perceptron with the given weights and bias. */
function gate(w: [number, number], b: number) {
  return (x1: number, x2: number): 0 | 1 => perceptron([x1, x2], { w, b });
}

/** The mistakes, exercise by exercise. */
export const MISTAKES: Mistake[] = [
  // perceptron -----------------------------------------------------------------------------
  {
    exercise: "perceptron",
    name:
      "fires when w·x + b >= 0: a sum of exactly 0 must give 0 (equation 2.2 has y = 0 for ≤ 0)",
    ja:
      "w·x + b >= 0 で発火している: 和がちょうど 0 なら 0 を出力する（式 (2.2) では ≤ 0 のとき y = 0）",
    code: (x: np.ArrayLike, { w, b }: PerceptronWeights): 0 | 1 => {
      const tmp = np.sum(np.mul(w, x)) + b;
      return tmp < 0 ? 0 : 1;
    },
  },
  {
    exercise: "perceptron",
    name: "the bias subtracted (w·x − b) instead of added: b is the negated threshold, −θ",
    ja: "バイアスを足さずに引いている（w·x − b）: b はしきい値の符号を反転した −θ",
    code: (x: np.ArrayLike, { w, b }: PerceptronWeights): 0 | 1 => {
      const tmp = np.sum(np.mul(w, x)) - b;
      return tmp <= 0 ? 0 : 1;
    },
  },
  {
    exercise: "perceptron",
    name: "only two inputs, x1·w1 + x2·w2, written out: the perceptron takes any number of inputs",
    ja: "入力を 2 つに限って x1·w1 + x2·w2 と書き下している: パーセプトロンの入力はいくつでもよい",
    code: (x: np.ArrayLike, { w, b }: PerceptronWeights): 0 | 1 => {
      const xs = np.array(x).data, ws = np.array(w).data;
      const tmp = xs[0] * ws[0] + xs[1] * ws[1] + b;
      return tmp <= 0 ? 0 : 1;
    },
  },
  {
    exercise: "perceptron",
    name: "returns the weighted sum w·x + b itself instead of the step's 0 or 1",
    ja: "ステップの 0 か 1 ではなく、重み付き和 w·x + b そのものを返している",
    code: (x: np.ArrayLike, { w, b }: PerceptronWeights): number => np.sum(np.mul(w, x)) + b,
  },
  // AND ------------------------------------------------------------------------------------
  {
    exercise: "AND",
    name: "AND with the bias +0.7 instead of −0.7 (the sign of b)",
    ja: "AND のバイアスを −0.7 ではなく +0.7 にしている（b の符号）",
    code: gate([0.5, 0.5], 0.7),
  },
  {
    exercise: "AND",
    name: "AND with OR's bias −0.2: one input of 1 is then enough",
    ja: "AND に OR のバイアス −0.2 を使っている: 入力が 1 つだけ 1 でも発火してしまう",
    code: gate([0.5, 0.5], -0.2),
  },
  {
    exercise: "AND",
    name: "AND with weights (1, 1) and bias −1.5: the right truth table, but not the book's line",
    ja: "AND を重み (1, 1)、バイアス −1.5 にしている: 真理値表は正しいが、書籍の直線ではない",
    code: gate([1, 1], -1.5),
  },
  // NAND -----------------------------------------------------------------------------------
  {
    exercise: "NAND",
    name: "NAND with the weights' signs flipped but not the bias (b must be +0.7)",
    ja: "NAND で重みの符号だけ反転し、バイアスはそのまま（b は +0.7）",
    code: gate([-0.5, -0.5], -0.7),
  },
  {
    exercise: "NAND",
    name: "NAND with the bias's sign flipped but not the weights (w must be (−0.5, −0.5))",
    ja: "NAND でバイアスの符号だけ反転し、重みはそのまま（w は (−0.5, −0.5)）",
    code: gate([0.5, 0.5], 0.7),
  },
  {
    exercise: "NAND",
    name: "NAND with weights (−1, −1) and bias 1.5: the right truth table, but not the book's line",
    ja: "NAND を重み (−1, −1)、バイアス 1.5 にしている: 真理値表は正しいが、書籍の直線ではない",
    code: gate([-1, -1], 1.5),
  },
  // OR -------------------------------------------------------------------------------------
  {
    exercise: "OR",
    name: "OR with AND's bias −0.7 instead of −0.2",
    ja: "OR に −0.2 ではなく AND のバイアス −0.7 を使っている",
    code: gate([0.5, 0.5], -0.7),
  },
  {
    exercise: "OR",
    name:
      "OR with bias 0: (0, 0) gives 0 only because a sum of 0 does not fire; the book's b is −0.2",
    ja:
      "OR のバイアスが 0: (0, 0) が 0 になるのは和 0 で発火しないからにすぎない。書籍の b は −0.2",
    code: gate([0.5, 0.5], 0),
  },
  {
    exercise: "OR",
    name: "OR with the bias +0.2 instead of −0.2: (0, 0) fires",
    ja: "OR のバイアスを −0.2 ではなく +0.2 にしている: (0, 0) で発火する",
    code: gate([0.5, 0.5], 0.2),
  },
  // XOR ------------------------------------------------------------------------------------
  {
    exercise: "XOR",
    name: "x1 !== x2 instead of the two layers: right for 0 and 1 only, not a perceptron (§2.5.2)",
    ja:
      "2 層ではなく x1 !== x2 で書いている: 0 と 1 では正しいが、パーセプトロンではない（§2.5.2）",
    code: (x1: number, x2: number): 0 | 1 => (x1 !== x2 ? 1 : 0),
  },
  {
    exercise: "XOR",
    name: "OR in the second layer instead of AND: OR(NAND(x1, x2), OR(x1, x2))",
    ja: "2 層目が AND ではなく OR: OR(NAND(x1, x2), OR(x1, x2))",
    code: (x1: number, x2: number): 0 | 1 => OR(NAND(x1, x2), OR(x1, x2)),
  },
  {
    exercise: "XOR",
    name: "AND in the first layer instead of NAND: AND(AND(x1, x2), OR(x1, x2))",
    ja: "1 層目が NAND ではなく AND: AND(AND(x1, x2), OR(x1, x2))",
    code: (x1: number, x2: number): 0 | 1 => AND(AND(x1, x2), OR(x1, x2)),
  },
];
