/**
 * Chapter 5, §5.5.1: the ReLU layer. Run `deno test chapters/05/relu_test.ts`.
 *
 * 第5章 §5.5.1: ReLUレイヤ。`deno test -A chapters/05/relu_test.ts` で実行します。
 *
 * @module
 */

import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";
import type { Layer } from "../../lib/layers/layer.ts";

/**
 * ReLU as a layer (§5.5.1), element-wise on an array of any shape:
 * y = x where x > 0 and y = 0 where x ≤ 0; equation (5.8): ∂y/∂x = 1 where x > 0, 0 where
 * x ≤ 0 (at exactly 0 too, as the book's mask).
 *
 * Tested: the example of §5.5.1, the `mask` field, exact zeros in x, backward against a
 * numerical gradient, a 4-D input, and that forward leaves its input unchanged.
 *
 * レイヤとしての ReLU（§5.5.1）。任意の形状の配列に要素ごとに作用します。x > 0 では y = x、
 * x ≤ 0 では y = 0。式 (5.8): x > 0 では ∂y/∂x = 1、x ≤ 0 では 0（本の mask と同じく、
 * ちょうど 0 のところも 0）。
 *
 * テスト内容: §5.5.1 の例、フィールド `mask`、x にちょうど 0 がある場合、
 * backward と数値微分による勾配の比較、4次元の入力、forward が入力を変更しないこと。
 */
export class Relu implements Layer {
  /**
   * 1 where the input of the last forward pass was ≤ 0, 0 elsewhere (x's shape).
   *
   * 直前の順伝播の入力が ≤ 0 だったところは 1、それ以外は 0（x と同じ形状）。
   */
  mask: np.NDArray | null = null;

  /**
   * y for an input x of any shape: an array of x's shape (x itself stays unchanged).
   *
   * 任意の形状の入力 x に対する y: x と同じ形状の配列（x 自体は変更しない）。
   */
  forward(x: np.NDArray): np.NDArray {
    return todo("Relu.forward", "05", x);
  }

  /**
   * From ∂L/∂y (the shape of the last x): ∂L/∂x.
   *
   * ∂L/∂y（直前の x の形状）から: ∂L/∂x。
   */
  backward(dout: np.NDArray): np.NDArray {
    return todo("Relu.backward", "05", dout);
  }
}
