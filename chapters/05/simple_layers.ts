/**
 * Chapter 5, §5.3–5.4: the multiplication and addition nodes of the book's shopping example,
 * as layers on plain numbers. `forward` computes the node's output; `backward` takes ∂L/∂out
 * and gives the gradients of both inputs. Run `deno test chapters/05/simple_layers_test.ts`.
 *
 * 第5章 §5.3–5.4: 本の買い物の例に出てくる乗算ノードと加算ノードを、
 * ただの数を扱うレイヤとして作ります。`forward` はノードの出力を計算し、
 * `backward` は ∂L/∂out を受け取って2つの入力それぞれの勾配を返します。
 * `deno test -A chapters/05/simple_layers_test.ts` で実行します。
 *
 * @module
 */

import { todo } from "../../lib/kata/todo.ts";

/**
 * A multiplication node (§5.3.2, §5.4.1): out = x · y.
 *
 * Tested: the book's apple example (§5.4.1: 220; 2.2, 110, 200), the apple and orange
 * example (§5.4.2), the fields `x` and `y` after forward, and backward against the numerical
 * derivatives of x · y on random numbers.
 *
 * 乗算ノード（§5.3.2、§5.4.1）: out = x · y。
 *
 * テスト内容: 本のリンゴの例（§5.4.1: 220; 2.2, 110, 200）、リンゴとみかんの例（§5.4.2）、
 * forward 後のフィールド `x` と `y`、ランダムな数で x · y の数値微分と backward を比較。
 */
export class MulLayer {
  /**
   * The first input of the last forward pass.
   *
   * 直前の順伝播の1つ目の入力。
   */
  x = 0;
  /**
   * The second input of the last forward pass.
   *
   * 直前の順伝播の2つ目の入力。
   */
  y = 0;

  /** out = x · y. */
  forward(x: number, y: number): number {
    return todo("MulLayer.forward", "05", x, y);
  }

  /**
   * From dout = ∂L/∂out: the pair [∂L/∂x, ∂L/∂y] (§5.3.2).
   *
   * dout = ∂L/∂out から: 組 [∂L/∂x, ∂L/∂y]（§5.3.2）。
   */
  backward(dout: number): [number, number] {
    return todo("MulLayer.backward", "05", dout);
  }
}

/**
 * An addition node (§5.3.1, §5.4.2): out = x + y.
 *
 * Tested: a hand-sized case and the book's apple and orange example (§5.4.2: 715; 110, 2.2,
 * 3.3, 165, 650).
 *
 * 加算ノード（§5.3.1、§5.4.2）: out = x + y。
 *
 * テスト内容: 手で計算できる小さなケースと、本のリンゴとみかんの例（§5.4.2: 715; 110, 2.2,
 * 3.3, 165, 650）。
 */
export class AddLayer {
  /** out = x + y. */
  forward(x: number, y: number): number {
    return todo("AddLayer.forward", "05", x, y);
  }

  /**
   * From dout = ∂L/∂out: the pair [∂L/∂x, ∂L/∂y] (§5.3.1).
   *
   * dout = ∂L/∂out から: 組 [∂L/∂x, ∂L/∂y]（§5.3.1）。
   */
  backward(dout: number): [number, number] {
    return todo("AddLayer.backward", "05", dout);
  }
}
