/**
 * The Dropout layer (the book's §6.4.3; `common/layers.py`).
 *
 * @module
 */

import * as np from "../np/mod.ts";
import type { ForwardOptions, Layer } from "./layer.ts";
import { LAYER_MESSAGES } from "./messages.ts";

/** Options of {@linkcode Dropout}. */
export interface DropoutOptions {
  /** The generator of the masks (`np.rng(0)` when absent), so that runs repeat exactly. */
  rng?: np.Generator;
}

/**
 * Dropout (§6.4.3): in training, each unit is dropped (set to 0) with probability
 * `dropoutRatio`, a new mask per forward pass; at test time every unit is kept and the output
 * is scaled by 1 − dropoutRatio, as the book does (rather than scaling up in training).
 *
 * @example
 * ```ts
 * import { Dropout } from "./dropout.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const dropout = new Dropout(0.5, { rng: np.rng(1) });
 * const out = dropout.forward(np.ones([2, 4]), { train: true });
 * assert.ok([...out.data].every((v) => v === 0 || v === 1));
 * assert.deepEqual(dropout.forward(np.ones([1, 2]), { train: false }).toArray(), [[0.5, 0.5]]);
 * ```
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
      throw new RangeError(LAYER_MESSAGES().dropoutRatio(dropoutRatio));
    }
    this.dropoutRatio = dropoutRatio;
    this.rng = options.rng ?? np.rng(0);
  }

  /**
   * In training (the default, as the book's `train_flg=True`), x times a fresh random mask that
   * keeps each unit with probability 1 − dropoutRatio; otherwise x · (1 − dropoutRatio).
   */
  forward(x: np.NDArray, options: ForwardOptions = {}): np.NDArray {
    if (options.train ?? true) {
      this.mask = np.greater(this.rng.random(x.shape, { dtype: x.dtype }), this.dropoutRatio);
      return np.mul(x, this.mask);
    }
    return np.mul(x, 1.0 - this.dropoutRatio);
  }

  /** dout through the kept units only: dout · mask. */
  backward(dout: np.NDArray): np.NDArray {
    if (this.mask === null) {
      throw new Error(LAYER_MESSAGES().backwardBeforeTraining("Dropout"));
    }
    return np.mul(dout, this.mask);
  }
}
