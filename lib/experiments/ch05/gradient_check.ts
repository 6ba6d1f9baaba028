/**
 * `deno task ch05:gradient-check [--mine] [--batch N] [--hidden N] [--seed N]`: the book's
 * gradient check (§5.7.3, `ch05/gradient_check.py`). A TwoLayerNet (784-50-10) takes the
 * gradients of the loss on the first 3 MNIST training images twice, by backpropagation and by
 * numerical differentiation, and prints the mean absolute difference per parameter. In float64
 * both agree to about 1e-10 or better; a bug in a backward pass shows as a difference near the
 * size of the gradients themselves.
 *
 * @module
 */

import { commandLine } from "../../command/args.ts";
import { runCommand } from "../../command/run.ts";
import { useMineIfAsked } from "../../kata/mine.ts";
import { loadMnist } from "../../mnist/mod.ts";
import { TwoLayerNet } from "../../nets/two_layer_net.ts";
import * as np from "../../np/mod.ts";
import { langFromArgs } from "../messages.ts";
import { CH05 } from "./messages.ts";

/** Options of {@linkcode gradientCheck}. */
export interface GradientCheckOptions {
  /** Images of the batch (3, as the book). */
  batch?: number;
  /** Neurons of the hidden layer (50, as the book). */
  hiddenSize?: number;
  /** The seed of the initial weights (0). */
  seed?: number;
}

/** The result of {@linkcode gradientCheck}: per parameter, the mean |backprop − numerical|. */
export interface GradientCheckResult {
  /** Mean absolute difference by parameter name (`W1`, `b1`, `W2`, `b2`). */
  diff: Record<string, number>;
  /** Mean absolute backprop gradient by parameter name, for scale. */
  size: Record<string, number>;
  /** Seconds spent on the numerical and the backprop gradients. */
  seconds: { numerical: number; backprop: number };
}

/**
 * Compares backpropagation with numerical differentiation on the first MNIST training images
 * (float64 throughout, so the only difference is the numerical method's own error).
 *
 * @example A small hidden layer, to be quick
 * ```ts
 * import { gradientCheck } from "./gradient_check.ts";
 * import assert from "node:assert/strict";
 *
 * const { diff } = gradientCheck({ hiddenSize: 3, batch: 2 });
 * for (const key of ["W1", "b1", "W2", "b2"]) assert.ok(diff[key] < 1e-6);
 * ```
 *
 * @param options The batch size, the hidden layer's size and the seed.
 * @returns The differences, the gradients' sizes and the timings.
 */
export function gradientCheck(options: GradientCheckOptions = {}): GradientCheckResult {
  const batch = options.batch ?? 3;
  const { xTrain, tTrain } = loadMnist({ oneHotLabel: true, dtype: "float64" });
  const net = new TwoLayerNet({
    inputSize: 784,
    hiddenSize: options.hiddenSize ?? 50,
    outputSize: 10,
    seed: options.seed ?? 0,
  });
  const xBatch = xTrain.slice(`0:${batch}`), tBatch = tTrain.slice(`0:${batch}`);
  let started = performance.now();
  const gradNumerical = net.numericalGradient(xBatch, tBatch);
  const numerical = (performance.now() - started) / 1000;
  started = performance.now();
  const gradBackprop = net.gradient(xBatch, tBatch);
  const backprop = (performance.now() - started) / 1000;
  const diff: Record<string, number> = {}, size: Record<string, number> = {};
  for (const key of Object.keys(gradNumerical)) {
    diff[key] = np.mean(np.abs(np.sub(gradBackprop[key], gradNumerical[key])));
    size[key] = np.mean(np.abs(gradBackprop[key]));
  }
  return { diff, size, seconds: { numerical, backprop } };
}

if (import.meta.main) {
  langFromArgs(Deno.args);
  const m = CH05();
  const { values, mine } = commandLine(Deno.args, {
    name: "ch05:gradient-check",
    summary: m.checkSummary,
    options: {
      batch: { type: "integer", min: 1, max: 100, default: 3, help: m.batchHelp },
      hidden: {
        type: "integer",
        min: 1,
        max: 200,
        default: 50,
        help: m.hiddenHelp,
      },
      seed: { type: "integer", min: 0, max: 2 ** 32 - 1, default: 0, help: m.seedHelp },
    },
    mine: true,
  });
  await runCommand(async () => {
    await useMineIfAsked(import.meta.url, { chapters: ["05"] });
    const batch = values.batch, hiddenSize = values.hidden, seed = values.seed;
    const params = 784 * hiddenSize + hiddenSize + hiddenSize * 10 + 10;
    console.log(m.checking(mine, hiddenSize, batch, params));
    const { diff, size, seconds } = gradientCheck({ batch, hiddenSize, seed });
    // The book prints key:value, e.g. "W1:2.2232446644e-13".
    for (const key of Object.keys(diff)) {
      console.log(`${key}:${diff[key]}   ${m.meanGradient(size[key].toExponential(2))}`);
    }
    console.log(m.times(seconds.numerical.toFixed(1), (seconds.backprop * 1000).toFixed(1)));
    const worst = Math.max(...Object.values(diff));
    if (worst < 1e-6) {
      console.log(m.ok);
    } else {
      console.log(m.notOk(worst));
      return 1;
    }
    return 0;
  });
}
