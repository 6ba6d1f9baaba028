/**
 * The Batch Normalization layer (the book's §6.3; `common/layers.py`).
 *
 * @module
 */

import * as np from "../np/mod.ts";
import { showShape } from "../np/ndarray.ts";
import type { ForwardOptions, Layer } from "./layer.ts";
import { LAYER_MESSAGES } from "./messages.ts";

/** The book's epsilon inside the square root (`10e-7`, that is 1e-6). */
const EPS = 10e-7;

/** Options of {@linkcode BatchNormalization}. */
export interface BatchNormalizationOptions {
  /** How much of the running mean and variance each training batch keeps (0.9, as the book). */
  momentum?: number;
  /** The running mean to start from (zeros on the first forward pass when absent). */
  runningMean?: np.NDArray | null;
  /** The running variance to start from (zeros on the first forward pass when absent). */
  runningVar?: np.NDArray | null;
}

/**
 * Batch Normalization (§6.3.1): in training, each feature is normalized over the mini-batch,
 * xn = (x − μ) / √(σ² + 1e-6), then scaled and shifted, out = γ · xn + β; a running mean and
 * variance (momentum 0.9) are kept for test mode, which normalizes with them instead.
 *
 * As in the book, an input of more than two axes (`[N, C, H, W]`) is seen as `[N, C·H·W]`:
 * every element position is a feature, so γ and β have C·H·W entries.
 *
 * @example
 * ```ts
 * import { BatchNormalization } from "./batch_normalization.ts";
 * import * as np from "../np/mod.ts";
 * import { assertAllClose } from "../testing/mod.ts";
 *
 * const bn = new BatchNormalization(np.array([2]), np.array([0.5]));
 * const out = bn.forward(np.array([[1], [3]]), { train: true }); // mean 2, variance 1
 * const s = Math.sqrt(1 + 1e-6);
 * assertAllClose(out, [[0.5 - 2 / s], [0.5 + 2 / s]]);
 * assertAllClose(bn.runningMean!, [0.2]); // 0.9 · 0 + 0.1 · 2
 * bn.backward(np.array([[1], [1]]));
 * assertAllClose(bn.dbeta!, [2]);
 * ```
 */
export class BatchNormalization implements Layer {
  /** The scale γ, one per feature (the network owns it and the optimizer updates it). */
  gamma: np.NDArray;
  /** The shift β, one per feature. */
  beta: np.NDArray;
  /** How much of the running statistics each training batch keeps. */
  momentum: number;
  /** The shape of the last input, to give the output and dx back in it. */
  inputShape: readonly number[] = [];
  /** The running mean of each feature, used in test mode; null before the first pass. */
  runningMean: np.NDArray | null;
  /** The running variance of each feature, used in test mode; null before the first pass. */
  runningVar: np.NDArray | null;
  /** The batch size of the last training pass. */
  batchSize = 0;
  /** x − μ of the last training pass, `[N, D]`. */
  xc: np.NDArray | null = null;
  /** The normalized input of the last training pass, `[N, D]`. */
  xn: np.NDArray | null = null;
  /** √(σ² + 1e-6) of the last training pass, `[D]`. */
  std: np.NDArray | null = null;
  /** ∂L/∂γ after backward. */
  dgamma: np.NDArray | null = null;
  /** ∂L/∂β after backward. */
  dbeta: np.NDArray | null = null;

  /**
   * Wraps existing parameters.
   *
   * @param gamma The scale, `[D]` (ones at first).
   * @param beta The shift, `[D]` (zeros at first).
   * @param options `momentum` (0.9), `runningMean`, `runningVar`.
   */
  constructor(gamma: np.NDArray, beta: np.NDArray, options: BatchNormalizationOptions = {}) {
    if (gamma.ndim !== 1 || beta.ndim !== 1 || gamma.size !== beta.size) {
      throw new TypeError(
        LAYER_MESSAGES().batchNormParams(showShape(gamma.shape), showShape(beta.shape)),
      );
    }
    this.gamma = gamma;
    this.beta = beta;
    this.momentum = options.momentum ?? 0.9;
    this.runningMean = options.runningMean ?? null;
    this.runningVar = options.runningVar ?? null;
  }

  /**
   * Normalizes x (`[N, D]`, or `[N, C, H, W]` seen as `[N, C·H·W]`) with the batch's statistics
   * when `train` (the default, as the book's `train_flg=True`) or the running ones otherwise.
   */
  forward(x: np.NDArray, options: ForwardOptions = {}): np.NDArray {
    const train = options.train ?? true;
    this.inputShape = x.shape;
    const x2 = x.reshape(x.shape[0], -1);
    const d = x2.shape[1];
    if (d !== this.gamma.size) {
      throw new TypeError(
        LAYER_MESSAGES().batchNormFeatures(this.gamma.size, showShape(x.shape), d),
      );
    }
    if (this.runningMean === null || this.runningVar === null) {
      this.runningMean = np.zeros([d], { dtype: x.dtype });
      this.runningVar = np.zeros([d], { dtype: x.dtype });
    }
    let xn: np.NDArray;
    if (train) {
      const mu = np.mean(x2, { axis: 0 });
      const xc = np.sub(x2, mu);
      const variance = np.mean(np.square(xc), { axis: 0 });
      const std = np.sqrt(np.add(variance, EPS));
      xn = np.div(xc, std);
      this.batchSize = x2.shape[0];
      this.xc = xc;
      this.xn = xn;
      this.std = std;
      const keep = this.momentum, take = 1 - this.momentum;
      this.runningMean = np.add(np.mul(this.runningMean, keep), np.mul(mu, take));
      this.runningVar = np.add(np.mul(this.runningVar, keep), np.mul(variance, take));
    } else {
      const xc = np.sub(x2, this.runningMean);
      xn = np.div(xc, np.sqrt(np.add(this.runningVar, EPS)));
    }
    const out = np.add(np.mul(this.gamma, xn), this.beta);
    return out.reshape(this.inputShape);
  }

  /**
   * The book's backward pass through the computational graph of figure 6-17: stores dγ and dβ
   * and returns dx in the input's shape.
   */
  backward(dout: np.NDArray): np.NDArray {
    if (this.xc === null || this.xn === null || this.std === null) {
      throw new Error(LAYER_MESSAGES().backwardBeforeTraining("BatchNormalization"));
    }
    const d2 = dout.reshape(dout.shape[0], -1);
    const n = this.batchSize;
    const dbeta = np.sum(d2, { axis: 0 });
    const dgamma = np.sum(np.mul(this.xn, d2), { axis: 0 });
    const dxn = np.mul(this.gamma, d2);
    let dxc = np.div(dxn, this.std);
    const dstd = np.neg(
      np.sum(np.div(np.mul(dxn, this.xc), np.mul(this.std, this.std)), { axis: 0 }),
    );
    const dvar = np.div(np.mul(dstd, 0.5), this.std);
    dxc = np.add(dxc, np.mul(np.mul(this.xc, 2.0 / n), dvar));
    const dmu = np.sum(dxc, { axis: 0 });
    const dx = np.sub(dxc, np.div(dmu, n));
    this.dgamma = dgamma;
    this.dbeta = dbeta;
    return dx.reshape(this.inputShape);
  }
}
