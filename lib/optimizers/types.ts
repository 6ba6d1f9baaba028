/**
 * What every optimizer of the workbook looks like (the book's §6.1, `common/optimizer.py`),
 * and the options of each one. Kept apart from the classes so that a learner's stub and the
 * reference can share them.
 *
 * @module
 */

import type { NDArray } from "../np/mod.ts";

/** A network's parameters or their gradients, by name (`W1`, `b1`, …), as in the book. */
export type Params = Record<string, NDArray>;

/**
 * An optimizer: `update(params, grads)` changes every parameter **in place**, so that the
 * layers holding the same arrays see the new values (§6.1.2).
 */
export interface Optimizer {
  /** One step: moves each `params[key]` using `grads[key]`, in place. */
  update(params: Params, grads: Params): void;
}

/** Options of {@linkcode SGD}. */
export interface SGDOptions {
  /** The learning rate η (0.01, as the book). */
  lr?: number;
}

/** Options of Momentum and Nesterov. */
export interface MomentumOptions {
  /** The learning rate η (0.01, as the book). */
  lr?: number;
  /** The momentum α (0.9, as the book). */
  momentum?: number;
}

/** Options of AdaGrad. */
export interface AdaGradOptions {
  /** The learning rate η (0.01, as the book). */
  lr?: number;
}

/** Options of RMSprop. */
export interface RMSpropOptions {
  /** The learning rate η (0.01, as the book). */
  lr?: number;
  /** How much of the old squared-gradient average each step keeps (0.99, as the book). */
  decayRate?: number;
}

/** Options of Adam. */
export interface AdamOptions {
  /** The learning rate α (0.001, as the book). */
  lr?: number;
  /** The decay of the first moment (0.9, as the book). */
  beta1?: number;
  /** The decay of the second moment (0.999, as the book). */
  beta2?: number;
}
