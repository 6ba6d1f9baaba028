/**
 * Chapter 5, §5.6.1–5.6.2: the Affine (fully connected) layer. Run
 * `deno test chapters/05/affine_test.ts`.
 *
 * 第5章 §5.6.1–5.6.2: Affineレイヤ（全結合層）。`deno test -A chapters/05/affine_test.ts`
 * で実行します。
 *
 * @module
 */

import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";
import type { Layer } from "../../lib/layers/layer.ts";

/**
 * The Affine (fully connected) layer, §5.6.1–5.6.2: out = x · W + b.
 *
 * A batch of any shape `[N, …]` (images `[N, C, H, W]` too) is N rows of inputs, as the
 * tensor version in the book's `common/layers.py`. `backward` gives ∂L/∂x back in the shape x
 * came in, and keeps ∂L/∂W and ∂L/∂b (the shapes of W and b) in `dW` and `db` for the
 * optimizer. Equation (5.13): ∂L/∂X = ∂L/∂Y · Wᵀ and ∂L/∂W = Xᵀ · ∂L/∂Y.
 *
 * Tested: the book's batch example and dB = [5, 7, 9] (§5.6.2), every gradient against a
 * numerical one, 4-D input, and that forward reads the network's own W and b arrays.
 *
 * Affineレイヤ（全結合層）、§5.6.1–5.6.2: out = x · W + b。
 *
 * 任意の形状 `[N, …]` のバッチ（画像 `[N, C, H, W]` も）は、
 * 本の `common/layers.py` のテンソル対応版と同じく、N 行の入力として扱います。
 * `backward` は ∂L/∂x を x が入ってきたときの形状で返し、∂L/∂W と ∂L/∂b（W と b の形状）
 * をオプティマイザのために `dW` と `db` に保持します。式 (5.13): ∂L/∂X = ∂L/∂Y · Wᵀ、
 * ∂L/∂W = Xᵀ · ∂L/∂Y。
 *
 * テスト内容: 本のバッチの例と dB = [5, 7, 9]（§5.6.2）、すべての勾配と数値微分による勾配の比較、
 * 4次元の入力、forward がネットワーク自身の W と b の配列を読むこと。
 */
export class Affine implements Layer {
  /**
   * The weights, `[inputs, outputs]`.
   *
   * 重み、`[inputs, outputs]`。
   */
  W: np.NDArray;
  /**
   * The bias, `[outputs]`.
   *
   * バイアス、`[outputs]`。
   */
  b: np.NDArray;
  /**
   * The input of the last forward pass, as rows: `[N, inputs]`.
   *
   * 直前の順伝播の入力を行の形にしたもの: `[N, inputs]`。
   */
  x: np.NDArray | null = null;
  /**
   * The shape of the last input.
   *
   * 直前の入力の形状。
   */
  originalShape: readonly number[] = [];
  /**
   * ∂L/∂W after backward, `[inputs, outputs]`.
   *
   * backward 後の ∂L/∂W、`[inputs, outputs]`。
   */
  dW: np.NDArray | null = null;
  /**
   * ∂L/∂b after backward, `[outputs]`.
   *
   * backward 後の ∂L/∂b、`[outputs]`。
   */
  db: np.NDArray | null = null;

  /**
   * Wraps existing parameters (the network owns them and the optimizer updates them).
   *
   * 既存のパラメータを包みます（パラメータはネットワークが持ち、オプティマイザが更新します）。
   */
  constructor(W: np.NDArray, b: np.NDArray) {
    if (W.ndim !== 2 || b.ndim !== 1 || b.shape[0] !== W.shape[1]) {
      throw new TypeError(
        `Affine needs W of shape [inputs, outputs] and b of shape [outputs], got ` +
          `[${W.shape}] and [${b.shape}]`,
      );
    }
    this.W = W;
    this.b = b;
  }

  /**
   * out for a batch x `[N, …]` (N times `inputs` numbers): shape `[N, outputs]`.
   *
   * バッチ x `[N, …]`（N 個 × `inputs` 個の数）に対する out: 形状 `[N, outputs]`。
   */
  forward(x: np.NDArray): np.NDArray {
    return todo("Affine.forward", "05", x, np);
  }

  /**
   * From ∂L/∂out `[N, outputs]`: keeps dW and db, returns dx (eq. 5.13) in x's shape.
   *
   * ∂L/∂out `[N, outputs]` から: dW と db を保持し、dx（式 5.13）を x の形状で返します。
   */
  backward(dout: np.NDArray): np.NDArray {
    return todo("Affine.backward", "05", dout);
  }
}
