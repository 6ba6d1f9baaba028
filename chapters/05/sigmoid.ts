/**
 * Chapter 5, §5.5.2: the Sigmoid layer. Run `deno test chapters/05/sigmoid_test.ts`.
 *
 * 第5章 §5.5.2: Sigmoidレイヤ。`deno test -A chapters/05/sigmoid_test.ts` で実行します。
 *
 * @module
 */

import { sigmoid } from "../../lib/functions/activation.ts";
import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";
import type { Layer } from "../../lib/layers/layer.ts";

/**
 * The sigmoid as a layer (§5.5.2), element-wise on an array of any shape:
 * y = 1 / (1 + exp(−x)). Equation (5.12) writes its backward pass with the output alone:
 * ∂L/∂x = ∂L/∂y · y(1 − y).
 *
 * Tested: known values, the `out` field after forward, equation (5.12) on hand-sized
 * numbers, and backward against a numerical gradient.
 *
 * レイヤとしてのシグモイド関数（§5.5.2）。任意の形状の配列に要素ごとに作用します:
 * y = 1 / (1 + exp(−x))。式 (5.12) は、その逆伝播を出力だけで表します: ∂L/∂x = ∂L/∂y · y(1 − y)。
 *
 * テスト内容: 既知の値、forward 後のフィールド `out`、手で計算できる数での式 (5.12)、
 * backward と数値微分による勾配の比較。
 */
export class Sigmoid implements Layer {
  /**
   * The output y of the last forward pass.
   *
   * 直前の順伝播の出力 y。
   */
  out: np.NDArray | null = null;

  /**
   * y for an input x of any shape (the function `sigmoid` of lib is imported for you).
   *
   * 任意の形状の入力 x に対する y（lib の関数 `sigmoid` は import 済み）。
   */
  forward(x: np.NDArray): np.NDArray {
    return todo("Sigmoid.forward", "05", x, sigmoid);
  }

  /**
   * From ∂L/∂y (the shape of the last x): ∂L/∂x, equation (5.12).
   *
   * ∂L/∂y（直前の x の形状）から: ∂L/∂x、式 (5.12)。
   */
  backward(dout: np.NDArray): np.NDArray {
    return todo("Sigmoid.backward", "05", dout);
  }
}
