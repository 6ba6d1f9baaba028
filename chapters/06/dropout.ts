/**
 * Chapter 6, §6.4.3: the Dropout layer. Run `deno test chapters/06/dropout_test.ts`.
 *
 * 第6章 §6.4.3: Dropoutレイヤ。`deno test -A chapters/06/dropout_test.ts` で実行します。
 *
 * @module
 */

import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";
import type { ForwardOptions, Layer } from "../../lib/layers/layer.ts";

/**
 * Options of {@linkcode Dropout}.
 *
 * {@linkcode Dropout} のオプション。
 */
export interface DropoutOptions {
  /**
   * The generator of the masks (one seeded 0 when absent), so that runs repeat exactly.
   *
   * マスクを引く乱数生成器（指定がなければシード 0 のもの）。
   * 実行を正確に再現できるようにするためです。
   */
  rng?: np.Generator;
}

/**
 * Dropout (§6.4.3): in training, each unit is dropped (set to 0) with probability
 * `dropoutRatio`, a new mask per forward pass, drawn from `rng`; the units kept pass
 * unchanged. At test time every unit is kept and the output is scaled by 1 − dropoutRatio, as
 * the book does (rather than scaling up in training).
 *
 * Tested: the share of units dropped, training as the default mode, a new mask per pass, the
 * same masks for the same seed, test mode (and the book's own code there), and backward
 * against a numerical gradient with the mask held fixed.
 *
 * Dropout（§6.4.3）: 学習時には、各ユニットを確率 `dropoutRatio` で消去（0 に）します。
 * マスクは順伝播のたびに `rng` から新しく引きます。残ったユニットはそのまま通します。
 * テスト時にはすべてのユニットを残し、本と同じく出力に 1 − dropoutRatio を掛けます
 * （学習時に大きくするのではなく）。
 *
 * テスト内容: 消去されるユニットの割合、既定のモードが学習時であること、
 * パスごとに新しいマスクになること、同じシードで同じマスクになること、
 * テスト時（そこでの本のコードとの比較も）、マスクを固定しての backward
 * と数値微分による勾配の比較。
 */
export class Dropout implements Layer {
  /**
   * The probability of dropping a unit in training.
   *
   * 学習時にユニットを消去する確率。
   */
  dropoutRatio: number;
  /**
   * The generator of the masks.
   *
   * マスクを引く乱数生成器。
   */
  rng: np.Generator;
  /**
   * 1 where the last training pass kept a unit, 0 where it dropped it.
   *
   * 直前の学習時のパスでユニットを残したところは 1、消去したところは 0。
   */
  mask: np.NDArray | null = null;

  /**
   * @param dropoutRatio The probability of dropping a unit, in [0, 1) (0.5, as the book).
   *   ユニットを消去する確率。[0, 1) の範囲（既定は本と同じく 0.5）。
   * @param options `rng`, the generator of the masks.
   *   `rng`: マスクを引く乱数生成器。
   */
  constructor(dropoutRatio = 0.5, options: DropoutOptions = {}) {
    if (!(dropoutRatio >= 0 && dropoutRatio < 1)) {
      throw new RangeError(`Dropout needs a ratio in [0, 1), got ${dropoutRatio}`);
    }
    this.dropoutRatio = dropoutRatio;
    this.rng = options.rng ?? np.rng(0);
  }

  /**
   * out for x of any shape, in x's shape: in training (the default, as the book's
   * `train_flg=True`) with a fresh mask, else scaled by 1 − dropoutRatio.
   *
   * 任意の形状の x に対する out を x の形状で返します。学習時（既定。
   * 本の `train_flg=True` と同じ）は新しいマスクで、そうでなければ 1 − dropoutRatio 倍にします。
   */
  forward(x: np.NDArray, options: ForwardOptions = {}): np.NDArray {
    return todo("Dropout.forward", "06", x, options);
  }

  /**
   * From ∂L/∂out (x's shape) after a training pass: ∂L/∂x.
   *
   * 学習時のパスの後、∂L/∂out（x の形状）から: ∂L/∂x。
   */
  backward(dout: np.NDArray): np.NDArray {
    return todo("Dropout.backward", "06", dout);
  }
}
