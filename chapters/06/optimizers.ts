/**
 * Chapter 6, §6.1: the optimizers SGD, Momentum, Nesterov, AdaGrad, RMSprop and Adam.
 *
 * Each `update` takes the parameters and their gradients by name (the same keys and shapes) and
 * changes the parameters **in place**: the arrays in `params` must stay the same objects,
 * because the layers hold them (the element-wise functions of `lib/np` take an `out` option).
 * Each optimizer keeps its state in public fields, which start empty. Run
 * `deno test chapters/06/optimizers_test.ts`.
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
 * Stochastic gradient descent, equation (6.1): W ← W − η ∂L/∂W (§6.1.2).
 *
 * Tested: one step by hand, the default η = 0.01, the arrays changed in place, the bowl
 * f(x, y) = x²/20 + y² of §6.1.3, and four steps of the book's own code.
 */
export class SGD implements Optimizer {
  /** The learning rate η. */
  lr: number;

  /** @param options `lr` (0.01). */
  constructor(options: SGDOptions = {}) {
    this.lr = options.lr ?? 0.01;
  }

  /** One step for every parameter of `params`, in place. */
  update(params: Params, grads: Params): void {
    return todo("SGD.update", "06", params, grads, np);
  }
}

/**
 * Momentum SGD, equations (6.3) and (6.4) (§6.1.4): v ← αv − η ∂L/∂W and W ← W + v, with the
 * new v. The velocity v of each parameter starts at zero (`zerosLikeEach` of lib is imported
 * for you).
 *
 * Tested: three steps by hand (v = −0.1, −0.19, −0.271), the defaults η = 0.01 and
 * α = 0.9, the field `v`, the bowl of §6.1.3, and four steps of the book's own code.
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

  /** One step for every parameter of `params`, in place; `v` in place too. */
  update(params: Params, grads: Params): void {
    return todo("Momentum.update", "06", params, grads, zerosLikeEach);
  }
}

/**
 * Nesterov's accelerated gradient in the book's reformulation (`common/optimizer.py`, after
 * arXiv:1212.0901), as the book's repository has it since its fix of 2021-01-18:
 * W ← W + α²v − (1 + α)η∇ and v ← αv − η∇, where both right-hand sides use the v of the
 * previous step (the printed book's code moved W with the new v). v starts at zero.
 *
 * Tested: three steps by hand (W = −0.19, −0.461, −0.8049 and v = −0.1, −0.19, −0.271 for
 * η = 0.1, α = 0.9, ∇ = 1), the defaults, the field `v`, the bowl of §6.1.3, and four steps of
 * the book's own code.
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

  /** One step for every parameter of `params`, in place; `v` in place too. */
  update(params: Params, grads: Params): void {
    return todo("Nesterov.update", "06", params, grads);
  }
}

/**
 * AdaGrad, equations (6.5) and (6.6) (§6.1.5): h ← h + ∇ ⊙ ∇ and W ← W − η ∇ / (√h + 1e-7),
 * with the new h (the book's code adds 1e-7 to √h). Each parameter's step shrinks as its
 * squared gradients add up. h starts at zero.
 *
 * Tested: two steps by hand (the first step has size η whatever the gradient), the default
 * η = 0.01, the field `h`, the bowl of §6.1.3, and four steps of the book's own code.
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

  /** One step for every parameter of `params`, in place; `h` in place too. */
  update(params: Params, grads: Params): void {
    return todo("AdaGrad.update", "06", params, grads);
  }
}

/**
 * RMSprop (§6.1.5, `common/optimizer.py`): like AdaGrad, but h is a moving average that
 * forgets old gradients: h ← ρh + (1 − ρ)∇ ⊙ ∇ and W ← W − η ∇ / (√h + 1e-7), with the new h.
 * h starts at zero.
 *
 * Tested: two steps by hand (h = 0.04, then 0.0796), the defaults η = 0.01 and ρ = 0.99, the
 * field `h`, the bowl of §6.1.3, and four steps of the book's own code.
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

  /** One step for every parameter of `params`, in place; `h` in place too. */
  update(params: Params, grads: Params): void {
    return todo("RMSprop.update", "06", params, grads);
  }
}

/**
 * Adam (§6.1.6, arXiv:1412.6980) as the book's `common/optimizer.py` writes it: moving
 * averages m and v of the gradient and of its square, with the bias correction folded into
 * the learning rate. At update number t (1 for the first):
 * lr_t = α · √(1 − β₂ᵗ) / (1 − β₁ᵗ), m ← m + (1 − β₁)(∇ − m), v ← v + (1 − β₂)(∇² − v), and
 * W ← W − lr_t · m / (√v + 1e-7) with the new m and v. m and v start at zero.
 *
 * Tested: two steps by hand (m, v, lr_t and W), the defaults α = 0.001, β₁ = 0.9,
 * β₂ = 0.999, the fields `iter`, `m` and `v`, float32 parameters kept float32, the bowl of
 * §6.1.3, and four steps of the book's own code.
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

  /** One step for every parameter of `params`, in place; `iter`, `m` and `v` too. */
  update(params: Params, grads: Params): void {
    return todo("Adam.update", "06", params, grads);
  }
}
