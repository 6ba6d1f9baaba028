/**
 * Chapter 6, §6.4.3: the Dropout layer. Run `deno test chapters/06/dropout_test.ts`.
 *
 * @module
 */

import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";
import type { ForwardOptions, Layer } from "../../lib/layers/layer.ts";

/** Options of {@linkcode Dropout}. */
export interface DropoutOptions {
  /** The generator of the masks (one seeded 0 when absent), so that runs repeat exactly. */
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
 */
export class Dropout implements Layer {
  /** The probability of dropping a unit in training. */
  dropoutRatio: number;
  /** The generator of the masks. */
  rng: np.Generator;
  /** 1 where the last training pass kept a unit, 0 where it dropped it. */
  mask: np.NDArray | null = null;

  /**
   * @param dropoutRatio The probability of dropping a unit, in [0, 1) (0.5, as the book).
   * @param options `rng`, the generator of the masks.
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
   */
  forward(x: np.NDArray, options: ForwardOptions = {}): np.NDArray {
    return todo("Dropout.forward", "06", x, options);
  }

  /** From ∂L/∂out (x's shape) after a training pass: ∂L/∂x. */
  backward(dout: np.NDArray): np.NDArray {
    return todo("Dropout.backward", "06", dout);
  }
}
