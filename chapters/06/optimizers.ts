/**
 * Chapter 6, §6.1: the optimizers SGD, Momentum, Nesterov, AdaGrad, RMSprop and Adam.
 *
 * Each keeps its state in public fields and updates the parameters **in place**: write the
 * result into the arrays of `params` (with `{ out: params[key] }`), never replace them, because
 * the layers hold the same arrays. Run `deno test chapters/06/optimizers_test.ts`.
 *
 * @module
 */

import * as np from "../../lib/np/mod.ts";
import { todo } from "../../lib/kata/todo.ts";
import { zerosLikeEach } from "../../lib/optimizers/state.ts";
import type {
  AdaGradOptions,
  AdamOptions,
  MomentumOptions,
  Optimizer,
  Params,
  RMSpropOptions,
  SGDOptions,
} from "../../lib/optimizers/types.ts";

/**
 * Stochastic gradient descent: W ← W − η ∂L/∂W (§6.1.2).
 */
export class SGD implements Optimizer {
  /** The learning rate η. */
  lr: number;

  /** @param options `lr` (0.01). */
  constructor(options: SGDOptions = {}) {
    this.lr = options.lr ?? 0.01;
  }

  /** params[key] -= lr · grads[key], in place. */
  update(params: Params, grads: Params): void {
    // TODO: for each key, subtract lr · grads[key] from params[key] in place (§6.1.2):
    // np.sub(params[key], np.mul(grads[key], this.lr), { out: params[key] }).
    return todo("SGD.update", "06", params, grads, np);
  }
}

/**
 * Momentum SGD: v ← αv − η ∂L/∂W, then W ← W + v (§6.1.4). The velocity `v` starts at zero.
 */
export class Momentum implements Optimizer {
  /** The learning rate η. */
  lr: number;
  /** The momentum α. */
  momentum: number;
  /** The velocity of each parameter; null until the first update. */
  v: Params | null = null;

  /** @param options `lr` (0.01) and `momentum` (0.9). */
  constructor(options: MomentumOptions = {}) {
    this.lr = options.lr ?? 0.01;
    this.momentum = options.momentum ?? 0.9;
  }

  /** v = momentum · v − lr · grad; param += v (all in place). */
  update(params: Params, grads: Params): void {
    // TODO: on the first call, this.v = zerosLikeEach(params); then update v and params (§6.1.4).
    return todo("Momentum.update", "06", params, grads, zerosLikeEach);
  }
}

/**
 * Nesterov's accelerated gradient, in the book's reformulation (`common/optimizer.py`,
 * after arXiv:1212.0901): v ← αv − η∇, then W ← W + α²v − (1 + α)η∇.
 */
export class Nesterov implements Optimizer {
  /** The learning rate η. */
  lr: number;
  /** The momentum α. */
  momentum: number;
  /** The velocity of each parameter; null until the first update. */
  v: Params | null = null;

  /** @param options `lr` (0.01) and `momentum` (0.9). */
  constructor(options: MomentumOptions = {}) {
    this.lr = options.lr ?? 0.01;
    this.momentum = options.momentum ?? 0.9;
  }

  /** v = α·v − lr·grad; param += α²·v − (1 + α)·lr·grad (all in place). */
  update(params: Params, grads: Params): void {
    // TODO: as Momentum, but move the parameter by α²·v − (1 + α)·lr·grad.
    return todo("Nesterov.update", "06", params, grads);
  }
}

/**
 * AdaGrad: h ← h + ∇ ⊙ ∇, then W ← W − η ∇ / (√h + 1e-7) (§6.1.5). Each parameter's step
 * shrinks as its squared gradients add up.
 */
export class AdaGrad implements Optimizer {
  /** The learning rate η. */
  lr: number;
  /** The sum of squared gradients of each parameter; null until the first update. */
  h: Params | null = null;

  /** @param options `lr` (0.01). */
  constructor(options: AdaGradOptions = {}) {
    this.lr = options.lr ?? 0.01;
  }

  /** h += grad²; param −= lr · grad / (√h + 1e-7) (all in place). */
  update(params: Params, grads: Params): void {
    // TODO: accumulate grad² in this.h, then divide the step by √h + 1e-7 (§6.1.5).
    return todo("AdaGrad.update", "06", params, grads);
  }
}

/**
 * RMSprop: like AdaGrad, but h is a moving average that forgets old gradients:
 * h ← ρh + (1 − ρ)∇ ⊙ ∇, then W ← W − η ∇ / (√h + 1e-7) (§6.1.5, `common/optimizer.py`).
 */
export class RMSprop implements Optimizer {
  /** The learning rate η. */
  lr: number;
  /** The decay ρ of the squared-gradient average. */
  decayRate: number;
  /** The moving average of squared gradients of each parameter; null until the first update. */
  h: Params | null = null;

  /** @param options `lr` (0.01) and `decayRate` (0.99). */
  constructor(options: RMSpropOptions = {}) {
    this.lr = options.lr ?? 0.01;
    this.decayRate = options.decayRate ?? 0.99;
  }

  /** h = ρ·h + (1 − ρ)·grad²; param −= lr · grad / (√h + 1e-7) (all in place). */
  update(params: Params, grads: Params): void {
    // TODO: as AdaGrad, but h decays by decayRate before adding (1 − decayRate)·grad².
    return todo("RMSprop.update", "06", params, grads);
  }
}

/**
 * Adam (§6.1.6, arXiv:1412.6980) as the book writes it: moving averages m and v of the
 * gradient and its square, with the bias correction folded into the learning rate,
 * lr_t = lr · √(1 − β₂^t) / (1 − β₁^t), and 1e-7 in the denominator.
 */
export class Adam implements Optimizer {
  /** The learning rate α. */
  lr: number;
  /** The decay of the first moment. */
  beta1: number;
  /** The decay of the second moment. */
  beta2: number;
  /** The number of updates so far (t in the bias correction). */
  iter = 0;
  /** The first moment (mean of gradients) of each parameter; null until the first update. */
  m: Params | null = null;
  /** The second moment (mean of squared gradients); null until the first update. */
  v: Params | null = null;

  /** @param options `lr` (0.001), `beta1` (0.9) and `beta2` (0.999). */
  constructor(options: AdamOptions = {}) {
    this.lr = options.lr ?? 0.001;
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
  }

  /**
   * iter += 1; m += (1 − β₁)(grad − m); v += (1 − β₂)(grad² − v);
   * param −= lr_t · m / (√v + 1e-7) (all in place).
   */
  update(params: Params, grads: Params): void {
    // TODO: count the step, fold the bias correction into lr_t, update m, v and params (§6.1.6).
    return todo("Adam.update", "06", params, grads);
  }
}
