/**
 * Chapter 6, §6.1: the optimizers SGD, Momentum, Nesterov, AdaGrad, RMSprop and Adam.
 *
 * Each `update` takes the parameters and their gradients by name (the same keys and shapes) and
 * changes the parameters **in place**: the arrays in `params` must stay the same objects,
 * because the layers hold them (the element-wise functions of `lib/np` take an `out` option).
 * Each optimizer keeps its state in public fields, which start empty. Run
 * `deno test chapters/06/optimizers_test.ts`.
 *
 * 第6章 §6.1: オプティマイザ SGD、Momentum、Nesterov、AdaGrad、RMSprop、Adam。
 *
 * 各 `update` は、パラメータとその勾配を名前ごとに（同じキー、同じ形状で）受け取り、
 * パラメータを**その場で**変更します。レイヤが `params` の配列を持っているので、
 * 配列は同じオブジェクトのままでなければなりません（`lib/np` の要素ごとの関数は `out`
 * オプションを受け付けます）。各オプティマイザは状態を公開フィールドに保持し、
 * フィールドは空の状態から始まります。`deno test -A chapters/06/optimizers_test.ts` で実行します。
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
 *
 * 確率的勾配降下法（SGD）、式 (6.1): W ← W − η ∂L/∂W（§6.1.2）。
 *
 * テスト内容: 手計算した1ステップ、既定値 η = 0.01、配列がその場で変更されること、
 * §6.1.3 のお椀 f(x, y) = x²/20 + y²、本のコードの4ステップ。
 */
export class SGD implements Optimizer {
  /**
   * The learning rate η.
   *
   * 学習率 η。
   */
  lr: number;

  /**
   * @param options `lr` (0.01).
   *   `lr`（既定値 0.01）。
   */
  constructor(options: SGDOptions = {}) {
    this.lr = options.lr ?? 0.01;
  }

  /**
   * One step for every parameter of `params`, in place.
   *
   * `params` のすべてのパラメータを1ステップ、その場で更新します。
   */
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
 *
 * Momentum SGD、式 (6.3) と (6.4)（§6.1.4）: v ← αv − η ∂L/∂W、そして新しい v で W ← W + v。
 * 各パラメータの速度 v はゼロから始めます（lib の `zerosLikeEach` は import 済み）。
 *
 * テスト内容: 手計算した3ステップ（v = −0.1、−0.19、−0.271）、既定値 η = 0.01 と α = 0.9、
 * フィールド `v`、§6.1.3 のお椀、本のコードの4ステップ。
 */
export class Momentum implements Optimizer {
  /**
   * The learning rate η.
   *
   * 学習率 η。
   */
  lr: number;
  /**
   * The momentum α.
   *
   * モーメンタム α。
   */
  momentum: number;
  /**
   * The velocity of each parameter; null until the first update.
   *
   * 各パラメータの速度。最初の更新までは null。
   */
  v: Params | null = null;

  /**
   * @param options `lr` (0.01) and `momentum` (0.9).
   *   `lr`（既定値 0.01）と `momentum`（既定値 0.9）。
   */
  constructor(options: MomentumOptions = {}) {
    this.lr = options.lr ?? 0.01;
    this.momentum = options.momentum ?? 0.9;
  }

  /**
   * One step for every parameter of `params`, in place; `v` in place too.
   *
   * `params` のすべてのパラメータを1ステップ、その場で更新します。`v` もその場で更新します。
   */
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
 *
 * 本が書き直した形の Nesterov の加速勾配法（`common/optimizer.py`、arXiv:1212.0901 に基づく）。
 * 本のリポジトリの 2021-01-18 の修正以降の形です: W ← W + α²v − (1 + α)η∇、v ← αv − η∇。
 * どちらの右辺も1つ前のステップの v を使います（印刷版の本のコードは新しい v で W
 * を動かしていました）。v はゼロから始めます。
 *
 * テスト内容: 手計算した3ステップ（η = 0.1、α = 0.9、∇ = 1 で W = −0.19、−0.461、−0.8049、
 * v = −0.1、−0.19、−0.271）、既定値、フィールド `v`、§6.1.3 のお椀、本のコードの4ステップ。
 */
export class Nesterov implements Optimizer {
  /**
   * The learning rate η.
   *
   * 学習率 η。
   */
  lr: number;
  /**
   * The momentum α.
   *
   * モーメンタム α。
   */
  momentum: number;
  /**
   * The velocity of each parameter; null until the first update.
   *
   * 各パラメータの速度。最初の更新までは null。
   */
  v: Params | null = null;

  /**
   * @param options `lr` (0.01) and `momentum` (0.9).
   *   `lr`（既定値 0.01）と `momentum`（既定値 0.9）。
   */
  constructor(options: MomentumOptions = {}) {
    this.lr = options.lr ?? 0.01;
    this.momentum = options.momentum ?? 0.9;
  }

  /**
   * One step for every parameter of `params`, in place; `v` in place too.
   *
   * `params` のすべてのパラメータを1ステップ、その場で更新します。`v` もその場で更新します。
   */
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
 *
 * AdaGrad、式 (6.5) と (6.6)（§6.1.5）: h ← h + ∇ ⊙ ∇、そして新しい h で W ← W − η ∇ / (√h + 1e-7)
 * （本のコードは √h に 1e-7 を足します）。各パラメータのステップは、
 * 勾配の2乗が積み重なるにつれて小さくなります。h はゼロから始めます。
 *
 * テスト内容: 手計算した2ステップ（最初のステップは勾配によらず大きさ η）、既定値 η = 0.01、
 * フィールド `h`、§6.1.3 のお椀、本のコードの4ステップ。
 */
export class AdaGrad implements Optimizer {
  /**
   * The learning rate η.
   *
   * 学習率 η。
   */
  lr: number;
  /**
   * The sum of squared gradients of each parameter; null until the first update.
   *
   * 各パラメータの勾配の2乗の和。最初の更新までは null。
   */
  h: Params | null = null;

  /**
   * @param options `lr` (0.01).
   *   `lr`（既定値 0.01）。
   */
  constructor(options: AdaGradOptions = {}) {
    this.lr = options.lr ?? 0.01;
  }

  /**
   * One step for every parameter of `params`, in place; `h` in place too.
   *
   * `params` のすべてのパラメータを1ステップ、その場で更新します。`h` もその場で更新します。
   */
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
 *
 * RMSprop（§6.1.5、`common/optimizer.py`）: AdaGrad と似ていますが、
 * h は古い勾配を忘れていく移動平均です: h ← ρh + (1 − ρ)∇ ⊙ ∇、
 * そして新しい h で W ← W − η ∇ / (√h + 1e-7)。h はゼロから始めます。
 *
 * テスト内容: 手計算した2ステップ（h = 0.04、続いて 0.0796）、既定値 η = 0.01 と ρ = 0.99、
 * フィールド `h`、§6.1.3 のお椀、本のコードの4ステップ。
 */
export class RMSprop implements Optimizer {
  /**
   * The learning rate η.
   *
   * 学習率 η。
   */
  lr: number;
  /**
   * The decay ρ of the squared-gradient average.
   *
   * 勾配の2乗の平均の減衰率 ρ。
   */
  decayRate: number;
  /**
   * The moving average of squared gradients of each parameter; null until the first update.
   *
   * 各パラメータの勾配の2乗の移動平均。最初の更新までは null。
   */
  h: Params | null = null;

  /**
   * @param options `lr` (0.01) and `decayRate` (0.99).
   *   `lr`（既定値 0.01）と `decayRate`（既定値 0.99）。
   */
  constructor(options: RMSpropOptions = {}) {
    this.lr = options.lr ?? 0.01;
    this.decayRate = options.decayRate ?? 0.99;
  }

  /**
   * One step for every parameter of `params`, in place; `h` in place too.
   *
   * `params` のすべてのパラメータを1ステップ、その場で更新します。`h` もその場で更新します。
   */
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
 *
 * 本の `common/optimizer.py` が書く形の Adam（§6.1.6、arXiv:1412.6980）: 勾配とその2乗の移動平均
 * m と v を使い、バイアス補正を学習率に織り込みます。t 回目の更新（最初は 1）で:
 * lr_t = α · √(1 − β₂ᵗ) / (1 − β₁ᵗ)、m ← m + (1 − β₁)(∇ − m)、v ← v + (1 − β₂)(∇² − v)、
 * そして新しい m と v で W ← W − lr_t · m / (√v + 1e-7)。m と v はゼロから始めます。
 *
 * テスト内容: 手計算した2ステップ（m、v、lr_t、W）、既定値 α = 0.001、β₁ = 0.9、β₂ = 0.999、
 * フィールド `iter`、`m`、`v`、float32 のパラメータが float32 のままであること、§6.1.3 のお椀、
 * 本のコードの4ステップ。
 */
export class Adam implements Optimizer {
  /**
   * The learning rate α.
   *
   * 学習率 α。
   */
  lr: number;
  /**
   * The decay of the first moment.
   *
   * 1次モーメントの減衰率。
   */
  beta1: number;
  /**
   * The decay of the second moment.
   *
   * 2次モーメントの減衰率。
   */
  beta2: number;
  /**
   * The number of updates so far (t in the bias correction).
   *
   * これまでの更新回数（バイアス補正の t）。
   */
  iter = 0;
  /**
   * The first moment (mean of gradients) of each parameter; null until the first update.
   *
   * 各パラメータの1次モーメント（勾配の平均）。最初の更新までは null。
   */
  m: Params | null = null;
  /**
   * The second moment (mean of squared gradients); null until the first update.
   *
   * 2次モーメント（勾配の2乗の平均）。最初の更新までは null。
   */
  v: Params | null = null;

  /**
   * @param options `lr` (0.001), `beta1` (0.9) and `beta2` (0.999).
   *   `lr`（既定値 0.001）、`beta1`（既定値 0.9）、`beta2`（既定値 0.999）。
   */
  constructor(options: AdamOptions = {}) {
    this.lr = options.lr ?? 0.001;
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
  }

  /**
   * One step for every parameter of `params`, in place; `iter`, `m` and `v` too.
   *
   * `params` のすべてのパラメータを1ステップ、その場で更新します。`iter`、`m`、`v` も更新します。
   */
  update(params: Params, grads: Params): void {
    return todo("Adam.update", "06", params, grads);
  }
}
