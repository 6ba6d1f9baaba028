/**
 * Chapter 06's catalogue of learners' mistakes: small variants of the answer key, each named
 * for the learner (see `lib/testing/mistakes.ts`). The self-check proves that a test of each
 * exercise catches each one and names it.
 *
 * @module
 */

import {
  sampleHyperparameters,
  type SampleHyperparametersOptions,
  shuffleDataset,
  type ShuffleOptions,
  type SplitOptions,
  splitValidation,
} from "../experiments/ch06/hyperparameter_search.ts";
import { relu, sigmoid } from "../functions/activation.ts";
import { layerActivations, weightScale } from "../init/weight_init.ts";
import type { Affine } from "../layers/affine.ts";
import { BatchNormalization } from "../layers/batch_normalization.ts";
import { Dropout } from "../layers/dropout.ts";
import type { ForwardOptions } from "../layers/layer.ts";
import { MultiLayerNet } from "../nets/multi_layer_net.ts";
import { MultiLayerNetExtend } from "../nets/multi_layer_net_extend.ts";
import type { NetForwardOptions } from "../nets/types.ts";
import * as np from "../np/mod.ts";
import { AdaGrad, Adam, Momentum, Nesterov, RMSprop, SGD } from "../optimizers/optimizer.ts";
import { zerosLikeEach } from "../optimizers/state.ts";
import type { Params } from "../optimizers/types.ts";
import type { Mistake } from "../testing/mistakes.ts";

/** The mistakes, exercise by exercise. */
export const MISTAKES: Mistake[] = [
  // SGD (§6.1.2)
  {
    exercise: "SGD",
    name: "W += lr·grad: the step goes up the gradient instead of down (W −= lr·grad)",
    ja: "W += lr·grad: 勾配を下るのではなく上っている（W −= lr·grad）",
    code: class extends SGD {
      override update(params: Params, grads: Params): void {
        for (const key of Object.keys(params)) {
          np.add(params[key], np.mul(grads[key], this.lr), { out: params[key] });
        }
      }
    },
  },
  {
    exercise: "SGD",
    name: "params[key] = a new array: the layers still hold the old one (update in place)",
    ja: "params[key] に新しい配列を代入している: レイヤは古い配列を持ったまま（その場で更新する）",
    code: class extends SGD {
      override update(params: Params, grads: Params): void {
        for (const key of Object.keys(params)) {
          params[key] = np.sub(params[key], np.mul(grads[key], this.lr));
        }
      }
    },
  },
  {
    exercise: "SGD",
    name: "the learning rate is left out: W −= grad instead of W −= lr·grad",
    ja: "学習率が抜けている: W −= lr·grad ではなく W −= grad",
    code: class extends SGD {
      override update(params: Params, grads: Params): void {
        for (const key of Object.keys(params)) {
          np.sub(params[key], grads[key], { out: params[key] });
        }
      }
    },
  },

  // Momentum (§6.1.4)
  {
    exercise: "Momentum",
    name: "the velocity v starts from 0 at every update instead of being kept between steps",
    ja: "速度 v をステップ間で保持せず、更新のたびに 0 から始めている",
    code: class extends Momentum {
      override update(params: Params, grads: Params): void {
        this.v = null;
        super.update(params, grads);
      }
    },
  },
  {
    exercise: "Momentum",
    name: "W moves with the old velocity: update v = α·v − η·g first, then W += v",
    ja: "W を古い速度で動かしている: まず v = α·v − η·g を更新し、それから W += v",
    code: class extends Momentum {
      override update(params: Params, grads: Params): void {
        this.v ??= zerosLikeEach(params);
        for (const key of Object.keys(params)) {
          const v = this.v[key];
          np.add(params[key], v, { out: params[key] });
          np.sub(np.mul(v, this.momentum, { out: v }), np.mul(grads[key], this.lr), { out: v });
        }
      }
    },
  },
  {
    exercise: "Momentum",
    name: "momentum and lr swapped: v = η·v − α·g instead of α·v − η·g",
    ja: "momentum と lr が入れ替わっている: α·v − η·g ではなく v = η·v − α·g",
    code: class extends Momentum {
      override update(params: Params, grads: Params): void {
        this.v ??= zerosLikeEach(params);
        for (const key of Object.keys(params)) {
          const v = this.v[key];
          np.sub(np.mul(v, this.lr, { out: v }), np.mul(grads[key], this.momentum), { out: v });
          np.add(params[key], v, { out: params[key] });
        }
      }
    },
  },

  // Nesterov (§6.1.4, the book's common/optimizer.py since 2021)
  {
    exercise: "Nesterov",
    name: "Nesterov in the book's 2016 order: v updated first, then W with the new v " +
      "(the 2021 fix moves W with the old v)",
    ja:
      "Nesterov を書籍（2016 年版）の順で計算している: v を先に更新し、新しい v で W を動かす（2021 年の修正では古い v で W を動かす）",
    code: class extends Nesterov {
      override update(params: Params, grads: Params): void {
        this.v ??= zerosLikeEach(params);
        const a = this.momentum;
        for (const key of Object.keys(params)) {
          const v = this.v[key], grad = grads[key], param = params[key];
          np.mul(v, a, { out: v });
          np.sub(v, np.mul(grad, this.lr), { out: v });
          np.add(param, np.mul(v, a * a), { out: param });
          np.sub(param, np.mul(grad, (1 + a) * this.lr), { out: param });
        }
      }
    },
  },
  {
    exercise: "Nesterov",
    name: "Nesterov as plain Momentum (W += v): no look-ahead terms α²·v and (1 + α)·η·g",
    ja: "Nesterov がただの Momentum（W += v）になっている: 先読みの項 α²·v と (1 + α)·η·g がない",
    code: class extends Nesterov {
      override update(params: Params, grads: Params): void {
        this.v ??= zerosLikeEach(params);
        for (const key of Object.keys(params)) {
          const v = this.v[key];
          np.sub(np.mul(v, this.momentum, { out: v }), np.mul(grads[key], this.lr), { out: v });
          np.add(params[key], v, { out: params[key] });
        }
      }
    },
  },
  {
    exercise: "Nesterov",
    name: "α·v instead of α²·v in W's step: W += α²·v − (1 + α)·η·g",
    ja: "W の更新で α²·v ではなく α·v を使っている: W += α²·v − (1 + α)·η·g",
    code: class extends Nesterov {
      override update(params: Params, grads: Params): void {
        this.v ??= zerosLikeEach(params);
        for (const key of Object.keys(params)) {
          const v = this.v[key], grad = grads[key], param = params[key];
          np.add(param, np.mul(v, this.momentum), { out: param });
          np.sub(param, np.mul(grad, (1 + this.momentum) * this.lr), { out: param });
          np.mul(v, this.momentum, { out: v });
          np.sub(v, np.mul(grad, this.lr), { out: v });
        }
      }
    },
  },

  // AdaGrad (§6.1.5)
  {
    exercise: "AdaGrad",
    name: "AdaGrad's ε inside the square root: √(h + 1e-7) instead of √h + 1e-7",
    ja: "AdaGrad の ε を平方根の中に入れている: √h + 1e-7 ではなく √(h + 1e-7)",
    code: class extends AdaGrad {
      override update(params: Params, grads: Params): void {
        this.h ??= zerosLikeEach(params);
        for (const key of Object.keys(params)) {
          const h = this.h[key], grad = grads[key];
          np.add(h, np.square(grad), { out: h });
          const step = np.div(np.mul(grad, this.lr), np.sqrt(np.add(h, 1e-7)));
          np.sub(params[key], step, { out: params[key] });
        }
      }
    },
  },
  {
    exercise: "AdaGrad",
    name: "h = g² at every step instead of h += g² (AdaGrad sums all past squared gradients)",
    ja: "h += g² ではなく毎回 h = g² にしている（AdaGrad は過去の勾配の 2 乗をすべて足し合わせる）",
    code: class extends AdaGrad {
      override update(params: Params, grads: Params): void {
        this.h = null;
        super.update(params, grads);
      }
    },
  },
  {
    exercise: "AdaGrad",
    name: "divides by h + ε instead of √h + ε (the root is missing)",
    ja: "√h + ε ではなく h + ε で割っている（平方根が抜けている）",
    code: class extends AdaGrad {
      override update(params: Params, grads: Params): void {
        this.h ??= zerosLikeEach(params);
        for (const key of Object.keys(params)) {
          const h = this.h[key], grad = grads[key];
          np.add(h, np.square(grad), { out: h });
          const step = np.div(np.mul(grad, this.lr), np.add(h, 1e-7));
          np.sub(params[key], step, { out: params[key] });
        }
      }
    },
  },

  // RMSprop (§6.1.5)
  {
    exercise: "RMSprop",
    name: "the decay weights swapped: h = ρ·g² + (1 − ρ)·h instead of ρ·h + (1 − ρ)·g²",
    ja: "減衰の重みが入れ替わっている: ρ·h + (1 − ρ)·g² ではなく h = ρ·g² + (1 − ρ)·h",
    code: class extends RMSprop {
      override update(params: Params, grads: Params): void {
        this.h ??= zerosLikeEach(params);
        for (const key of Object.keys(params)) {
          const h = this.h[key], grad = grads[key];
          np.mul(h, 1 - this.decayRate, { out: h });
          np.add(h, np.mul(np.square(grad), this.decayRate), { out: h });
          const step = np.div(np.mul(grad, this.lr), np.add(np.sqrt(h), 1e-7));
          np.sub(params[key], step, { out: params[key] });
        }
      }
    },
  },
  {
    exercise: "RMSprop",
    name: "the old h is not decayed: h += (1 − ρ)·g² instead of h = ρ·h + (1 − ρ)·g²",
    ja: "古い h を減衰させていない: h = ρ·h + (1 − ρ)·g² ではなく h += (1 − ρ)·g²",
    code: class extends RMSprop {
      override update(params: Params, grads: Params): void {
        this.h ??= zerosLikeEach(params);
        for (const key of Object.keys(params)) {
          const h = this.h[key], grad = grads[key];
          np.add(h, np.mul(np.square(grad), 1 - this.decayRate), { out: h });
          const step = np.div(np.mul(grad, this.lr), np.add(np.sqrt(h), 1e-7));
          np.sub(params[key], step, { out: params[key] });
        }
      }
    },
  },
  {
    exercise: "RMSprop",
    name: "RMSprop's ε inside the square root: √(h + 1e-7) instead of √h + 1e-7",
    ja: "RMSprop の ε を平方根の中に入れている: √h + 1e-7 ではなく √(h + 1e-7)",
    code: class extends RMSprop {
      override update(params: Params, grads: Params): void {
        this.h ??= zerosLikeEach(params);
        for (const key of Object.keys(params)) {
          const h = this.h[key], grad = grads[key];
          np.mul(h, this.decayRate, { out: h });
          np.add(h, np.mul(np.square(grad), 1 - this.decayRate), { out: h });
          const step = np.div(np.mul(grad, this.lr), np.sqrt(np.add(h, 1e-7)));
          np.sub(params[key], step, { out: params[key] });
        }
      }
    },
  },

  // Adam (§6.1.6)
  {
    exercise: "Adam",
    name: "Adam's ε inside the square root: √(v + 1e-7) instead of √v + 1e-7",
    ja: "Adam の ε を平方根の中に入れている: √v + 1e-7 ではなく √(v + 1e-7)",
    code: adamWith({ epsilonInsideRoot: true }),
  },
  {
    exercise: "Adam",
    name: "Adam without bias correction: lr instead of lr·√(1 − β₂ᵗ) / (1 − β₁ᵗ)",
    ja: "Adam のバイアス補正がない: lr·√(1 − β₂ᵗ) / (1 − β₁ᵗ) ではなく lr",
    code: adamWith({ noBiasCorrection: true }),
  },
  {
    exercise: "Adam",
    name: "iter counted after the step: the first bias correction has t = 0 (0 / 0)",
    ja: "iter をステップの後で数えている: 最初のバイアス補正が t = 0 になる（0 / 0）",
    code: adamWith({ iterAfterStep: true }),
  },
  {
    exercise: "Adam",
    name: "β₁ and β₂ swapped: m must move by 1 − β₁ and v by 1 − β₂",
    ja: "β₁ と β₂ が入れ替わっている: m は 1 − β₁、v は 1 − β₂ で動かす",
    code: adamWith({ betasSwapped: true }),
  },

  // weightScale (§6.2.2–6.2.3)
  {
    exercise: "weightScale",
    name: "init scales swapped: He's √(2/n) for sigmoid/Xavier and Xavier's √(1/n) for ReLU/He",
    ja:
      "初期値のスケールが入れ替わっている: sigmoid/Xavier に Heの初期値の √(2/n)、ReLU/He に Xavierの初期値の √(1/n) を使っている",
    code: (weightInitStd: Parameters<typeof weightScale>[0], nodesIn: number): number => {
      if (typeof weightInitStd === "number") return weightInitStd;
      const he = weightInitStd === "relu" || weightInitStd === "he";
      return he ? Math.sqrt(1 / nodesIn) : Math.sqrt(2 / nodesIn);
    },
  },
  {
    exercise: "weightScale",
    name: "the variance instead of the standard deviation: 2/n and 1/n, without the square root",
    ja: "標準偏差ではなく分散を使っている: 平方根なしの 2/n と 1/n",
    code: (weightInitStd: Parameters<typeof weightScale>[0], nodesIn: number): number => {
      if (typeof weightInitStd === "number") return weightInitStd;
      const he = weightInitStd === "relu" || weightInitStd === "he";
      return he ? 2 / nodesIn : 1 / nodesIn;
    },
  },
  {
    exercise: "weightScale",
    name: "√2 / n instead of √(2 / n): the root of the whole fraction",
    ja: "√(2 / n) ではなく √2 / n: 分数全体の平方根を取る",
    code: (weightInitStd: Parameters<typeof weightScale>[0], nodesIn: number): number => {
      if (typeof weightInitStd === "number") return weightInitStd;
      const he = weightInitStd === "relu" || weightInitStd === "he";
      return he ? Math.sqrt(2) / nodesIn : Math.sqrt(1) / nodesIn;
    },
  },

  // layerActivations (§6.2.2)
  {
    exercise: "layerActivations",
    name: "every layer is fed the input x instead of the previous layer's output",
    ja: "各層に前の層の出力ではなく入力 x を渡している",
    code: activationsWith({ alwaysInput: true }),
  },
  {
    exercise: "layerActivations",
    name: "keeps a = z·W (before the activation) instead of z = f(a)",
    ja: "z = f(a) ではなく、活性化関数を通す前の a = z·W を記録している",
    code: activationsWith({ beforeActivation: true }),
  },
  {
    exercise: "layerActivations",
    name: "n taken from x.shape[0] (the number of samples) instead of x.shape[1] (the nodes)",
    ja: "n を x.shape[1]（ノード数）ではなく x.shape[0]（サンプル数）から取っている",
    code: activationsWith({ nFromSamples: true }),
  },

  // BatchNormalization (§6.3)
  {
    exercise: "BatchNormalization",
    name: "BatchNorm uses the running statistics while training (training normalizes with " +
      "the batch's own mean and variance)",
    ja: "学習時に移動平均の統計量を使っている（学習時はバッチ自身の平均と分散で正規化する）",
    code: class extends BatchNormalization {
      override forward(x: np.NDArray, options: ForwardOptions = {}): np.NDArray {
        if (!(options.train ?? true)) return super.forward(x, options);
        super.forward(x, { train: true }); // keeps xc, xn, std and updates the running statistics
        return super.forward(x, { train: false });
      }
    },
  },
  {
    exercise: "BatchNormalization",
    name: "test mode normalizes with the batch's own mean and variance instead of the running ones",
    ja: "テスト時に移動平均ではなく、バッチ自身の平均と分散で正規化している",
    code: class extends BatchNormalization {
      override forward(x: np.NDArray, _options: ForwardOptions = {}): np.NDArray {
        return super.forward(x, { train: true });
      }
    },
  },
  {
    exercise: "BatchNormalization",
    name: "ε outside the square root: √σ² + ε instead of √(σ² + ε)",
    ja: "ε を平方根の外に足している: √(σ² + ε) ではなく √σ² + ε",
    code: class extends BatchNormalization {
      override forward(x: np.NDArray, options: ForwardOptions = {}): np.NDArray {
        if (!(options.train ?? true)) return super.forward(x, options);
        this.inputShape = x.shape;
        const x2 = x.reshape(x.shape[0], -1);
        if (this.runningMean === null || this.runningVar === null) {
          this.runningMean = np.zeros([x2.shape[1]], { dtype: x.dtype });
          this.runningVar = np.zeros([x2.shape[1]], { dtype: x.dtype });
        }
        const mu = np.mean(x2, { axis: 0 });
        const xc = np.sub(x2, mu);
        const variance = np.mean(np.square(xc), { axis: 0 });
        const std = np.add(np.sqrt(variance), 10e-7);
        const xn = np.div(xc, std);
        this.batchSize = x2.shape[0];
        this.xc = xc;
        this.xn = xn;
        this.std = std;
        this.runningMean = np.add(
          np.mul(this.runningMean, this.momentum),
          np.mul(mu, 1 - this.momentum),
        );
        this.runningVar = np.add(
          np.mul(this.runningVar, this.momentum),
          np.mul(variance, 1 - this.momentum),
        );
        return np.add(np.mul(this.gamma, xn), this.beta).reshape(this.inputShape);
      }
    },
  },
  {
    exercise: "BatchNormalization",
    name: "running averages with the weights swapped: 0.1·running + 0.9·batch instead of " +
      "momentum·running + (1 − momentum)·batch",
    ja:
      "移動平均の重みが入れ替わっている: momentum·running + (1 − momentum)·batch ではなく 0.1·running + 0.9·batch",
    code: class extends BatchNormalization {
      override forward(x: np.NDArray, options: ForwardOptions = {}): np.NDArray {
        if (!(options.train ?? true)) return super.forward(x, options);
        const before = [this.runningMean, this.runningVar];
        const out = super.forward(x, options);
        const x2 = x.reshape(x.shape[0], -1);
        const mu = np.mean(x2, { axis: 0 });
        const variance = np.mean(np.square(np.sub(x2, mu)), { axis: 0 });
        const keep = 1 - this.momentum, take = this.momentum;
        const [mean0, var0] = before.map((s) => s ?? np.zeros([x2.shape[1]]));
        this.runningMean = np.add(np.mul(mean0, keep), np.mul(mu, take));
        this.runningVar = np.add(np.mul(var0, keep), np.mul(variance, take));
        return out;
      }
    },
  },
  {
    exercise: "BatchNormalization",
    name: "dx without the path through the mean μ (the − Σ dxc / N term is missing)",
    ja: "dx に平均 μ を通る経路がない（− Σ dxc / N の項が抜けている）",
    code: class extends BatchNormalization {
      override backward(dout: np.NDArray): np.NDArray {
        const xc = this.xc as np.NDArray, std = this.std as np.NDArray, n = this.batchSize;
        const d2 = dout.reshape(dout.shape[0], -1);
        super.backward(dout); // dgamma and dbeta as the answer key
        const dxn = np.mul(this.gamma, d2);
        const dstd = np.neg(np.sum(np.div(np.mul(dxn, xc), np.mul(std, std)), { axis: 0 }));
        const dvar = np.div(np.mul(dstd, 0.5), std);
        const dxc = np.add(np.div(dxn, std), np.mul(np.mul(xc, 2.0 / n), dvar));
        return dxc.reshape(this.inputShape);
      }
    },
  },
  {
    exercise: "BatchNormalization",
    name: "dγ as Σ dout (without x̂): dγ = Σ x̂ · dout over the batch",
    ja: "dγ を Σ dout で計算している（x̂ がない）: dγ はバッチについての Σ x̂ · dout",
    code: class extends BatchNormalization {
      override backward(dout: np.NDArray): np.NDArray {
        const dx = super.backward(dout);
        this.dgamma = np.sum(dout.reshape(dout.shape[0], -1), { axis: 0 });
        return dx;
      }
    },
  },

  // MultiLayerNet (§6.4.2)
  {
    exercise: "MultiLayerNet",
    name: "weight decay missing from the loss: add ½λΣW² over every weight matrix",
    ja: "損失関数に Weight decay がない: すべての重み行列について ½λΣW² を足す",
    code: class extends MultiLayerNet {
      override loss(x: np.NDArray, t: np.NDArray, options: NetForwardOptions = {}): number {
        return this.lastLayer.forward(this.predict(x, options), t);
      }
    },
  },
  {
    exercise: "MultiLayerNet",
    name: "weight decay missing from the gradient: each weight's gradient needs + λW",
    ja: "勾配に Weight decay がない: 各重みの勾配に + λW が必要",
    code: class extends MultiLayerNet {
      override gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
        const grads = super.gradient(x, t);
        for (let idx = 1; idx <= this.hiddenLayerNum + 1; idx++) {
          grads[`W${idx}`] = (this.layers.get(`Affine${idx}`) as Affine).dW as np.NDArray;
        }
        return grads;
      }
    },
  },
  {
    exercise: "MultiLayerNet",
    name: "weight decay λΣW² without the ½ (its gradient is λW only with ½λΣW²)",
    ja: "Weight decay を ½ なしの λΣW² にしている（勾配が λW になるのは ½λΣW² のとき）",
    code: class extends MultiLayerNet {
      override loss(x: np.NDArray, t: np.NDArray, options: NetForwardOptions = {}): number {
        let weightDecay = 0;
        for (let idx = 1; idx <= this.hiddenLayerNum + 1; idx++) {
          weightDecay += this.weightDecayLambda * np.sum(np.square(this.params[`W${idx}`]));
        }
        return this.lastLayer.forward(this.predict(x, options), t) + weightDecay;
      }
    },
  },
  {
    exercise: "MultiLayerNet",
    name: "weight decay added to the biases' gradients too (λb): the book decays weights only",
    ja: "バイアスの勾配にも Weight decay（λb）を足している: 書籍では重みだけを減衰させる",
    code: class extends MultiLayerNet {
      override gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
        const grads = super.gradient(x, t);
        for (let idx = 1; idx <= this.hiddenLayerNum + 1; idx++) {
          const b = this.params[`b${idx}`];
          grads[`b${idx}`] = np.add(grads[`b${idx}`], np.mul(b, this.weightDecayLambda));
        }
        return grads;
      }
    },
  },
  {
    exercise: "MultiLayerNet",
    name: "layers in the wrong order: backward walks them first to last instead of last to first",
    ja: "レイヤの順番の誤り: backward で最後から最初ではなく、最初から最後へたどっている",
    code: class extends MultiLayerNet {
      override gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
        this.loss(x, t);
        let dout = this.lastLayer.backward(1);
        for (const layer of this.layers.values()) dout = layer.backward(dout);
        const grads: Record<string, np.NDArray> = {};
        for (let idx = 1; idx <= this.hiddenLayerNum + 1; idx++) {
          const affine = this.layers.get(`Affine${idx}`) as Affine;
          grads[`W${idx}`] = np.add(affine.dW!, np.mul(affine.W, this.weightDecayLambda));
          grads[`b${idx}`] = affine.db!;
        }
        return grads;
      }
    },
  },

  // Dropout (§6.4.3)
  {
    exercise: "Dropout",
    name: "test mode returns x unscaled: the book's dropout multiplies by 1 − dropoutRatio there",
    ja:
      "テスト時に x をスケーリングせずに返している: 書籍の Dropout はテスト時に 1 − dropoutRatio を掛ける",
    code: class extends Dropout {
      override forward(x: np.NDArray, options: ForwardOptions = {}): np.NDArray {
        return (options.train ?? true) ? super.forward(x, options) : x;
      }
    },
  },
  {
    exercise: "Dropout",
    name: "test mode scales by dropoutRatio instead of 1 − dropoutRatio (the share kept)",
    ja: "テスト時に 1 − dropoutRatio（残す割合）ではなく dropoutRatio を掛けている",
    code: class extends Dropout {
      override forward(x: np.NDArray, options: ForwardOptions = {}): np.NDArray {
        if (options.train ?? true) return super.forward(x, options);
        return np.mul(x, this.dropoutRatio);
      }
    },
  },
  {
    exercise: "Dropout",
    name: "inverted dropout mixed with the book's: kept units scaled by 1 / (1 − ratio) in " +
      "training, although test mode scales by 1 − ratio",
    ja:
      "inverted dropout と書籍の方式が混ざっている: 学習時に残したユニットを 1 / (1 − ratio) 倍しているのに、テスト時にも 1 − ratio を掛けている",
    code: class extends Dropout {
      override forward(x: np.NDArray, options: ForwardOptions = {}): np.NDArray {
        const out = super.forward(x, options);
        return (options.train ?? true) ? np.div(out, 1 - this.dropoutRatio) : out;
      }
    },
  },
  {
    exercise: "Dropout",
    name: "the mask keeps rand < ratio: it drops 1 − ratio of the units instead of ratio",
    ja:
      "mask が rand < ratio のユニットを残している: ratio ではなく 1 − ratio のユニットを消してしまう",
    code: class extends Dropout {
      override forward(x: np.NDArray, options: ForwardOptions = {}): np.NDArray {
        if (!(options.train ?? true)) return super.forward(x, options);
        this.mask = np.less(this.rng.random(x.shape, { dtype: x.dtype }), this.dropoutRatio);
        return np.mul(x, this.mask);
      }
    },
  },
  {
    exercise: "Dropout",
    name: "backward passes dout everywhere: the dropped units' gradient must be 0 (dout · mask)",
    ja: "backward が dout をすべて通している: 消したユニットの勾配は 0（dout · mask）",
    code: class extends Dropout {
      override backward(dout: np.NDArray): np.NDArray {
        return dout;
      }
    },
  },

  // MultiLayerNetExtend (§6.3–6.4)
  {
    exercise: "MultiLayerNetExtend",
    name: "predict does not pass train on: the layers run in their default mode (training)",
    ja: "predict が train を各レイヤに渡していない: レイヤが既定のモード（学習時）で動く",
    code: class extends MultiLayerNetExtend {
      override predict(x: np.NDArray, _options: NetForwardOptions = {}): np.NDArray {
        for (const layer of this.layers.values()) x = layer.forward(x);
        return x;
      }
    },
  },
  {
    exercise: "MultiLayerNetExtend",
    name: "predict trains by default: the book's predict(x, train_flg=False) tests by default",
    ja: "predict の既定が学習時になっている: 書籍の predict(x, train_flg=False) は既定でテスト時",
    code: class extends MultiLayerNetExtend {
      override predict(x: np.NDArray, options: NetForwardOptions = {}): np.NDArray {
        return super.predict(x, { train: options.train ?? true });
      }
    },
  },
  {
    exercise: "MultiLayerNetExtend",
    name: "weight decay missing from the loss: add ½λΣW² over every weight matrix",
    ja: "損失関数に Weight decay がない: すべての重み行列について ½λΣW² を足す",
    code: class extends MultiLayerNetExtend {
      override loss(x: np.NDArray, t: np.NDArray, options: NetForwardOptions = {}): number {
        return this.lastLayer.forward(this.predict(x, options), t);
      }
    },
  },
  {
    exercise: "MultiLayerNetExtend",
    name: "loss does not pass its options to predict, so it never runs in training mode",
    ja: "loss がオプションを predict に渡していないため、学習時のモードで動くことがない",
    code: class extends MultiLayerNetExtend {
      override loss(x: np.NDArray, t: np.NDArray, _options: NetForwardOptions = {}): number {
        return super.loss(x, t);
      }
    },
  },
  {
    exercise: "MultiLayerNetExtend",
    name: "gradient's forward pass in test mode: call loss(x, t, { train: true }) before backward",
    ja:
      "gradient の順伝播がテスト時のモードになっている: backward の前に loss(x, t, { train: true }) を呼ぶ",
    code: class extends MultiLayerNetExtend {
      override gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
        this.loss(x, t);
        let dout = this.lastLayer.backward(1);
        for (const layer of [...this.layers.values()].reverse()) dout = layer.backward(dout);
        const grads: Record<string, np.NDArray> = {};
        for (let idx = 1; idx <= this.hiddenLayerNum + 1; idx++) {
          const affine = this.layers.get(`Affine${idx}`) as Affine;
          grads[`W${idx}`] = np.add(affine.dW!, np.mul(affine.W, this.weightDecayLambda));
          grads[`b${idx}`] = affine.db!;
          if (this.useBatchnorm && idx !== this.hiddenLayerNum + 1) {
            const batchNorm = this.layers.get(`BatchNorm${idx}`) as BatchNormalization;
            grads[`gamma${idx}`] = batchNorm.dgamma!;
            grads[`beta${idx}`] = batchNorm.dbeta!;
          }
        }
        return grads;
      }
    },
  },
  {
    exercise: "MultiLayerNetExtend",
    name: "gradient leaves out BatchNorm's γ and β (gammaN and betaN from each BatchNormN)",
    ja:
      "gradient に Batch Normalization の γ と β（各 BatchNormN の gammaN と betaN）が含まれていない",
    code: class extends MultiLayerNetExtend {
      override gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray> {
        const grads = super.gradient(x, t);
        for (const key of Object.keys(grads)) {
          if (key.startsWith("gamma") || key.startsWith("beta")) delete grads[key];
        }
        return grads;
      }
    },
  },

  // shuffleDataset (§6.5.1)
  {
    exercise: "shuffleDataset",
    name: "x and t shuffled with two different permutations: each label leaves its input",
    ja: "x と t を別々の並べ替えでシャッフルしている: ラベルが入力と対応しなくなる",
    code: (x: np.NDArray, t: np.NDArray, options: ShuffleOptions) => {
      const px = options.rng.permutation(x.shape[0]), pt = options.rng.permutation(x.shape[0]);
      return [np.take(x, px, { axis: 0 }), np.take(t, pt, { axis: 0 })];
    },
  },
  {
    exercise: "shuffleDataset",
    name: "only x is shuffled: t must be permuted in the same order",
    ja: "x だけをシャッフルしている: t も同じ順番で並べ替える",
    code: (x: np.NDArray, t: np.NDArray, options: ShuffleOptions) => {
      const permutation = options.rng.permutation(x.shape[0]);
      return [np.take(x, permutation, { axis: 0 }), t];
    },
  },
  {
    exercise: "shuffleDataset",
    name: "drawn with replacement (rng.choice): a shuffle is a permutation, each sample once",
    ja: "復元抽出（rng.choice）で選んでいる: シャッフルは各サンプルが 1 回ずつ現れる並べ替え",
    code: (x: np.NDArray, t: np.NDArray, options: ShuffleOptions) => {
      const picks = options.rng.choice(x.shape[0], x.shape[0], { replace: true });
      return [np.take(x, picks, { axis: 0 }), np.take(t, picks, { axis: 0 })];
    },
  },
  {
    exercise: "shuffleDataset",
    name: "a generator of its own (np.rng(0)) instead of options.rng",
    ja: "options.rng ではなく独自の乱数生成器（np.rng(0)）を使っている",
    code: (x: np.NDArray, t: np.NDArray, _options: ShuffleOptions) =>
      shuffleDataset(x, t, { rng: np.rng(0) }),
  },

  // splitValidation (§6.5.1)
  {
    exercise: "splitValidation",
    name: "splitValidation takes the validation set from the wrong end of the shuffle " +
      "(the book holds out the first ⌊n·rate⌋)",
    ja:
      "シャッフル後のデータの反対側の端から検証データを取っている（書籍は先頭の ⌊n·rate⌋ 個を取り分ける）",
    code: (x: np.NDArray, t: np.NDArray, options: SplitOptions) => {
      const [xs, ts] = shuffleDataset(x, t, { rng: options.rng });
      const trainNum = x.shape[0] - Math.floor(x.shape[0] * (options.validationRate ?? 0.2));
      return {
        xTrain: xs.slice(`:${trainNum}`),
        tTrain: ts.slice(`:${trainNum}`),
        xVal: xs.slice(`${trainNum}:`),
        tVal: ts.slice(`${trainNum}:`),
      };
    },
  },
  {
    exercise: "splitValidation",
    name: "no shuffle before the split: sorted data would give a validation set of a few classes",
    ja: "分割の前にシャッフルしていない: 並んだデータでは検証データが一部のクラスだけになる",
    code: (x: np.NDArray, t: np.NDArray, options: SplitOptions) => {
      const validationNum = Math.floor(x.shape[0] * (options.validationRate ?? 0.2));
      return {
        xVal: x.slice(`:${validationNum}`),
        tVal: t.slice(`:${validationNum}`),
        xTrain: x.slice(`${validationNum}:`),
        tTrain: t.slice(`${validationNum}:`),
      };
    },
  },
  {
    exercise: "splitValidation",
    name: "the validation count rounded up (Math.ceil) instead of down, as the book's int()",
    ja: "検証データの数を書籍の int() のように切り捨てず、切り上げ（Math.ceil）にしている",
    code: (x: np.NDArray, t: np.NDArray, options: SplitOptions) => {
      const [xs, ts] = shuffleDataset(x, t, { rng: options.rng });
      const validationNum = Math.ceil(x.shape[0] * (options.validationRate ?? 0.2));
      return {
        xVal: xs.slice(`:${validationNum}`),
        tVal: ts.slice(`:${validationNum}`),
        xTrain: xs.slice(`${validationNum}:`),
        tTrain: ts.slice(`${validationNum}:`),
      };
    },
  },
  {
    exercise: "splitValidation",
    name: "validationRate taken as the training share: ⌊n·rate⌋ samples must be validation",
    ja: "validationRate を訓練データの割合と取り違えている: ⌊n·rate⌋ 個が検証データ",
    code: (x: np.NDArray, t: np.NDArray, options: SplitOptions) =>
      splitValidation(x, t, {
        rng: options.rng,
        validationRate: 1 - (options.validationRate ?? 0.2),
      }),
  },

  // sampleHyperparameters (§6.5.3)
  {
    exercise: "sampleHyperparameters",
    name: "sampleHyperparameters draws lr before the weight decay (the book draws λ's " +
      "exponent first, then lr's)",
    ja:
      "lr を Weight decay より先にサンプリングしている（書籍は λ の指数を先に、それから lr の指数をサンプリングする）",
    code: (options: SampleHyperparametersOptions) => {
      const [wdLow, wdHigh] = options.weightDecayRange ?? [-8, -4];
      const [lrLow, lrHigh] = options.lrRange ?? [-6, -2];
      const lr = 10 ** options.rng.uniform([1], { low: lrLow, high: lrHigh }).item();
      const weightDecay = 10 ** options.rng.uniform([1], { low: wdLow, high: wdHigh }).item();
      return { lr, weightDecay };
    },
  },
  {
    exercise: "sampleHyperparameters",
    name: "drawn uniformly on a linear scale (between 10⁻⁶ and 10⁻²) instead of a log scale",
    ja: "対数スケールではなく線形スケール（10⁻⁶ から 10⁻² の間）で一様にサンプリングしている",
    code: (options: SampleHyperparametersOptions) => {
      const [wdLow, wdHigh] = options.weightDecayRange ?? [-8, -4];
      const [lrLow, lrHigh] = options.lrRange ?? [-6, -2];
      const u = (low: number, high: number) =>
        options.rng.uniform([1], { low: 10 ** low, high: 10 ** high }).item();
      const weightDecay = u(wdLow, wdHigh);
      return { lr: u(lrLow, lrHigh), weightDecay };
    },
  },
  {
    exercise: "sampleHyperparameters",
    name: "the ranges swapped: lr's exponent from [−8, −4] and λ's from [−6, −2]",
    ja:
      "範囲が入れ替わっている: lr の指数を [−8, −4] から、λ の指数を [−6, −2] からサンプリングしている",
    code: (options: SampleHyperparametersOptions) =>
      sampleHyperparameters({
        rng: options.rng,
        lrRange: options.weightDecayRange ?? [-8, -4],
        weightDecayRange: options.lrRange ?? [-6, -2],
      }),
  },
];

/** Adam (the answer key's loop) with one slip. */
function adamWith(slip: {
  epsilonInsideRoot?: boolean;
  noBiasCorrection?: boolean;
  iterAfterStep?: boolean;
  betasSwapped?: boolean;
}) {
  return class extends Adam {
    override update(params: Params, grads: Params): void {
      this.m ??= zerosLikeEach(params);
      this.v ??= zerosLikeEach(params);
      if (!slip.iterAfterStep) this.iter += 1;
      const correction = Math.sqrt(1 - this.beta2 ** this.iter) / (1 - this.beta1 ** this.iter);
      const lrT = slip.noBiasCorrection ? this.lr : this.lr * correction;
      const [b1, b2] = slip.betasSwapped ? [this.beta2, this.beta1] : [this.beta1, this.beta2];
      for (const key of Object.keys(params)) {
        const p = params[key].data, g = grads[key].data;
        const m = this.m[key].data, v = this.v[key].data;
        for (let i = 0; i < p.length; i++) {
          m[i] += (1 - b1) * (g[i] - m[i]);
          v[i] += (1 - b2) * (g[i] * g[i] - v[i]);
          const root = slip.epsilonInsideRoot ? Math.sqrt(v[i] + 1e-7) : Math.sqrt(v[i]) + 1e-7;
          p[i] -= lrT * m[i] / root;
        }
      }
      if (slip.iterAfterStep) this.iter += 1;
    }
  };
}

/** layerActivations (the answer key's loop) with one slip. */
function activationsWith(slip: {
  alwaysInput?: boolean;
  beforeActivation?: boolean;
  nFromSamples?: boolean;
}): typeof layerActivations {
  return (x, options) => {
    const layers = options.layers ?? 5;
    const nodes = x.shape[1];
    const n = slip.nFromSamples ? x.shape[0] : nodes;
    const scale = weightScale(options.weightInitStd ?? 1, n);
    const f = {
      sigmoid,
      relu,
      tanh: (a: np.NDArray) => np.tanh(a),
    }[options.activation ?? "sigmoid"];
    const activations: np.NDArray[] = [];
    let z = x;
    for (let i = 0; i < layers; i++) {
      const w = options.rng.normal([nodes, nodes], { scale });
      const a = np.dot(slip.alwaysInput ? x : z, w);
      z = slip.beforeActivation ? a : f(a);
      activations.push(z);
    }
    return activations;
  };
}
