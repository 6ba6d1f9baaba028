/**
 * Chapter 6, §6.3: the Batch Normalization layer. Run
 * `deno test chapters/06/batch_normalization_test.ts`.
 *
 * @module
 */

import * as np from "../../lib/np/mod.ts";
import { showShape } from "../../lib/np/ndarray.ts";
import { todo } from "../../lib/kata/todo.ts";
import type { ForwardOptions, Layer } from "../../lib/layers/layer.ts";

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
 * Batch Normalization (§6.3.1, equation 6.7). In training, each feature j is normalized over
 * the mini-batch of N samples: μⱼ = (1/N) Σᵢ xᵢⱼ, σⱼ² = (1/N) Σᵢ (xᵢⱼ − μⱼ)²,
 * x̂ᵢⱼ = (xᵢⱼ − μⱼ) / √(σⱼ² + ε) with the book's ε = 1e-6 (`EPS`), and out = γ ⊙ x̂ + β. The
 * book's code also keeps running statistics for test mode, which normalizes with them in place
 * of μ and σ²: running ← m · running + (1 − m) · (the batch's μ or σ²), with m = `momentum`
 * (0.9), starting from zeros.
 *
 * As in the book, an input of more than two axes (`[N, C, H, W]`) is seen as `[N, C·H·W]`:
 * every element position is a feature, so γ and β have C·H·W entries.
 *
 * Tested: a hand-sized batch, mean β and deviation γ per feature, the running statistics,
 * test mode, 4-D input, dx, dγ and dβ against numerical gradients (2-D and 4-D), dx summing
 * to zero over the batch, and the book's own code in both modes.
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
        `BatchNormalization needs gamma and beta of one shape [features], got ` +
          `${showShape(gamma.shape)} and ${showShape(beta.shape)}`,
      );
    }
    this.gamma = gamma;
    this.beta = beta;
    this.momentum = options.momentum ?? 0.9;
    this.runningMean = options.runningMean ?? null;
    this.runningVar = options.runningVar ?? null;
  }

  /**
   * out for x (`[N, D]`, or `[N, C, H, W]` seen as `[N, C·H·W]`), in x's shape: normalized with
   * the batch's statistics when `train` (the default, as the book's `train_flg=True`), with the
   * running ones otherwise. A training pass fills the fields that backward reads.
   */
  forward(x: np.NDArray, options: ForwardOptions = {}): np.NDArray {
    return todo("BatchNormalization.forward", "06", x, options, EPS);
  }

  /**
   * From ∂L/∂out (x's shape) after a training pass: keeps ∂L/∂γ and ∂L/∂β in `dgamma` and
   * `dbeta` and returns ∂L/∂x in x's shape, through the computational graph of figure 6-17
   * (§6.3.2).
   */
  backward(dout: np.NDArray): np.NDArray {
    return todo("BatchNormalization.backward", "06", dout, np);
  }
}
