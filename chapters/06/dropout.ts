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
  /** The generator of the masks (`np.rng(0)` when absent), so that runs repeat exactly. */
  rng?: np.Generator;
}

/**
 * Dropout (§6.4.3): in training, each unit is dropped (set to 0) with probability
 * `dropoutRatio`, a new mask per forward pass; at test time every unit is kept and the output
 * is scaled by 1 − dropoutRatio, as the book does (rather than scaling up in training).
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
   * In training (the default, as the book's `train_flg=True`), x times a fresh random mask that
   * keeps each unit with probability 1 − dropoutRatio; otherwise x · (1 − dropoutRatio).
   */
  forward(x: np.NDArray, options: ForwardOptions = {}): np.NDArray {
    // TODO: in training, mask = (this.rng.random(x.shape) > dropoutRatio) and return x · mask;
    // in test mode return x · (1 − dropoutRatio) (§6.4.3).
    return todo("Dropout.forward", "06", x, options);
  }

  /** dout through the kept units only: dout · mask. */
  backward(dout: np.NDArray): np.NDArray {
    // TODO: the gradient flows only where the mask kept the unit.
    return todo("Dropout.backward", "06", dout);
  }
}
