/**
 * The optimizers of the book's §6.1 (`common/optimizer.py`): SGD, Momentum, Nesterov,
 * AdaGrad, RMSprop and Adam, with the book's update rules and defaults. Each updates the
 * parameters in place through `update(params, grads)`, and keeps its state in public
 * fields (`v`, `h`, `m`, `iter`) that a checkpoint can save and restore.
 *
 * @module
 */

import * as np from "../np/mod.ts";
import { checkParamsAndGrads } from "./check.ts";
import { zerosLikeEach } from "./state.ts";
import type {
  AdaGradOptions,
  AdamOptions,
  MomentumOptions,
  Optimizer,
  Params,
  RMSpropOptions,
  SGDOptions,
} from "./types.ts";

/**
 * Stochastic gradient descent: W ← W − η ∂L/∂W (§6.1.2).
 *
 * @example
 * ```ts
 * import { SGD } from "./optimizer.ts";
 * import * as np from "../np/mod.ts";
 * import { assertAllClose } from "../testing/mod.ts";
 *
 * const params = { W: np.array([1, 2]) };
 * new SGD({ lr: 0.1 }).update(params, { W: np.array([10, -10]) });
 * assertAllClose(params.W, [0, 3]);
 * ```
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
    checkParamsAndGrads(params, grads, "SGD");
    for (const key of Object.keys(params)) {
      np.sub(params[key], np.mul(grads[key], this.lr), { out: params[key] });
    }
  }
}

/**
 * Momentum SGD: v ← αv − η ∂L/∂W, then W ← W + v (§6.1.4). The velocity `v` starts at zero.
 *
 * @example Two steps with a constant gradient
 * ```ts
 * import { Momentum } from "./optimizer.ts";
 * import * as np from "../np/mod.ts";
 * import { assertAllClose } from "../testing/mod.ts";
 *
 * const params = { W: np.array([0]) };
 * const optimizer = new Momentum({ lr: 0.1, momentum: 0.9 });
 * optimizer.update(params, { W: np.array([1]) }); // v = -0.1
 * optimizer.update(params, { W: np.array([1]) }); // v = -0.09 - 0.1
 * assertAllClose(params.W, [-0.29]);
 * ```
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
    checkParamsAndGrads(params, grads, "Momentum");
    if (this.v === null) this.v = zerosLikeEach(params);
    for (const key of Object.keys(params)) {
      const v = this.v[key];
      np.sub(np.mul(v, this.momentum, { out: v }), np.mul(grads[key], this.lr), { out: v });
      np.add(params[key], v, { out: params[key] });
    }
  }
}

/**
 * Nesterov's accelerated gradient, in the book's reformulation (`common/optimizer.py`,
 * after arXiv:1212.0901), as the book's repository writes it since its fix of 2021-01-18
 * ("Fix Nesterov update function"): the parameter first moves with the old velocity,
 * W ← W + α²v − (1 + α)η∇, then the velocity is updated as Momentum's, v ← αv − η∇.
 * (The printed book's 2016 code updated v first and moved W with the new one.)
 *
 * @example Two steps with a constant gradient
 * ```ts
 * import { Nesterov } from "./optimizer.ts";
 * import * as np from "../np/mod.ts";
 * import { assertAllClose } from "../testing/mod.ts";
 *
 * const params = { W: np.array([0]) };
 * const optimizer = new Nesterov({ lr: 0.1, momentum: 0.9 });
 * optimizer.update(params, { W: np.array([1]) }); // W = 0.81 · 0 - 1.9 · 0.1; then v = -0.1
 * assertAllClose(params.W, [-0.19]);
 * optimizer.update(params, { W: np.array([1]) }); // W += 0.81 · (-0.1) - 0.19; then v = -0.19
 * assertAllClose(params.W, [-0.461]);
 * ```
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

  /** param += α²·v − (1 + α)·lr·grad with the old v; then v = α·v − lr·grad (all in place). */
  update(params: Params, grads: Params): void {
    checkParamsAndGrads(params, grads, "Nesterov");
    if (this.v === null) this.v = zerosLikeEach(params);
    for (const key of Object.keys(params)) {
      const v = this.v[key], grad = grads[key], param = params[key];
      np.add(param, np.mul(v, this.momentum * this.momentum), { out: param });
      np.sub(param, np.mul(grad, (1 + this.momentum) * this.lr), { out: param });
      np.mul(v, this.momentum, { out: v });
      np.sub(v, np.mul(grad, this.lr), { out: v });
    }
  }
}

/**
 * AdaGrad: h ← h + ∇ ⊙ ∇, then W ← W − η ∇ / (√h + 1e-7) (§6.1.5). Each parameter's step
 * shrinks as its squared gradients add up.
 *
 * @example The first step has size η whatever the gradient's size
 * ```ts
 * import { AdaGrad } from "./optimizer.ts";
 * import * as np from "../np/mod.ts";
 * import { assertAllClose } from "../testing/mod.ts";
 *
 * const params = { W: np.array([0, 0]) };
 * new AdaGrad({ lr: 0.5 }).update(params, { W: np.array([4, -0.01]) });
 * assertAllClose(params.W, [-0.5, 0.5], { rtol: 1e-4 });
 * ```
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
    checkParamsAndGrads(params, grads, "AdaGrad");
    if (this.h === null) this.h = zerosLikeEach(params);
    for (const key of Object.keys(params)) {
      const h = this.h[key], grad = grads[key];
      np.add(h, np.square(grad), { out: h });
      const step = np.div(np.mul(grad, this.lr), np.add(np.sqrt(h), 1e-7));
      np.sub(params[key], step, { out: params[key] });
    }
  }
}

/**
 * RMSprop: like AdaGrad, but h is a moving average that forgets old gradients:
 * h ← ρh + (1 − ρ)∇ ⊙ ∇, then W ← W − η ∇ / (√h + 1e-7) (§6.1.5, `common/optimizer.py`).
 *
 * @example
 * ```ts
 * import { RMSprop } from "./optimizer.ts";
 * import * as np from "../np/mod.ts";
 * import { assertAllClose } from "../testing/mod.ts";
 *
 * const params = { W: np.array([0]) };
 * new RMSprop({ lr: 0.01, decayRate: 0.99 }).update(params, { W: np.array([2]) });
 * // h = 0.01 · 4 = 0.04, so the step is 0.01 · 2 / 0.2
 * assertAllClose(params.W, [-0.1], { rtol: 1e-5 });
 * ```
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
    checkParamsAndGrads(params, grads, "RMSprop");
    if (this.h === null) this.h = zerosLikeEach(params);
    for (const key of Object.keys(params)) {
      const h = this.h[key], grad = grads[key];
      np.mul(h, this.decayRate, { out: h });
      np.add(h, np.mul(np.square(grad), 1 - this.decayRate), { out: h });
      const step = np.div(np.mul(grad, this.lr), np.add(np.sqrt(h), 1e-7));
      np.sub(params[key], step, { out: params[key] });
    }
  }
}

/**
 * Adam (§6.1.6, arXiv:1412.6980) as the book writes it: moving averages m and v of the
 * gradient and its square, with the bias correction folded into the learning rate,
 * lr_t = lr · √(1 − β₂^t) / (1 − β₁^t), and 1e-7 in the denominator.
 *
 * @example The first step moves each parameter by about lr, against its gradient's sign
 * ```ts
 * import { Adam } from "./optimizer.ts";
 * import * as np from "../np/mod.ts";
 * import { assertAllClose } from "../testing/mod.ts";
 *
 * const params = { W: np.array([1, 1]) };
 * const adam = new Adam({ lr: 0.001 });
 * adam.update(params, { W: np.array([5, -0.2]) });
 * assertAllClose(params.W, [0.999, 1.001], { rtol: 1e-6 });
 * ```
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
    checkParamsAndGrads(params, grads, "Adam");
    if (this.m === null || this.v === null) {
      this.m = zerosLikeEach(params);
      this.v = zerosLikeEach(params);
    }
    this.iter += 1;
    const lrT = this.lr * Math.sqrt(1 - this.beta2 ** this.iter) / (1 - this.beta1 ** this.iter);
    const a1 = 1 - this.beta1, a2 = 1 - this.beta2;
    for (const key of Object.keys(params)) {
      // One loop per parameter instead of six np operations: Adam runs after every
      // mini-batch, and the temporaries of W2-sized arrays cost more than the arithmetic.
      const p = params[key].data, g = grads[key].data;
      const m = this.m[key].data, v = this.v[key].data;
      for (let i = 0; i < p.length; i++) {
        m[i] += a1 * (g[i] - m[i]);
        v[i] += a2 * (g[i] * g[i] - v[i]);
        p[i] -= lrT * m[i] / (Math.sqrt(v[i]) + 1e-7);
      }
    }
  }
}
