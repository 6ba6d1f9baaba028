/**
 * The loop of the book's `optimizer_compare_mnist.py` and `weight_init_compare.py` (§6.1.8,
 * §6.2.4): several networks trained side by side on the same mini-batches, their losses
 * recorded at every iteration and drawn smoothed.
 *
 * @module
 */

import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import * as np from "../../np/mod.ts";
import type { Optimizer } from "../../optimizers/types.ts";
import { lineChart } from "../../plot/mod.ts";
import { smoothCurve } from "./smooth.ts";
import { EXPERIMENTS } from "../messages.ts";
import { CH06 } from "./messages.ts";

/** A network as the comparisons need it (`MultiLayerNet` fits). */
export interface ComparedNet {
  /** The parameters, updated in place. */
  params: Record<string, np.NDArray>;
  /** The gradients of the loss on a batch. */
  gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray>;
  /** The loss on a batch. */
  loss(x: np.NDArray, t: np.NDArray): number;
  /** The accuracy on a data set. */
  accuracy(x: np.NDArray, t: np.NDArray, options?: { batchSize?: number }): number;
}

/** One contender: a network and the optimizer that trains it. */
export interface Contender {
  /** The network. */
  net: ComparedNet;
  /** Its optimizer. */
  optimizer: Optimizer;
}

/** Options of {@linkcode trainSideBySide}. */
export interface SideBySideOptions {
  /** Iterations (2000, as the book). */
  iterations?: number;
  /** Samples per mini-batch (128, as the book). */
  batchSize?: number;
  /** The seed of the batch sampling (0). */
  seed?: number;
  /** Log the losses every this many iterations (100, as the book). */
  logEvery?: number;
  /** Where log lines go (console.log). */
  log?: (line: string) => void;
}

/**
 * Trains every contender on the same random mini-batches (drawn with replacement, as the
 * book's `np.random.choice`) and records each one's loss after its update at every iteration,
 * as the book does.
 *
 * @example
 * ```ts
 * import { trainSideBySide } from "./mnist_compare.ts";
 * import { MultiLayerNet } from "../../nets/multi_layer_net.ts";
 * import { SGD } from "../../optimizers/mod.ts";
 * import * as np from "../../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const x = np.rng(0).random([20, 4]), t = np.array(Array.from({ length: 20 }, (_, i) => i % 2));
 * const net = new MultiLayerNet({ inputSize: 4, hiddenSizeList: [5], outputSize: 2 });
 * const losses = trainSideBySide({ sgd: { net, optimizer: new SGD() } }, x, t, {
 *   iterations: 3,
 *   batchSize: 5,
 *   log: () => {},
 * });
 * assert.equal(losses.sgd.length, 3);
 * ```
 *
 * @param contenders The networks and their optimizers, by name.
 * @param xTrain Training inputs.
 * @param tTrain Training labels.
 * @param options Iterations, batch size, seed and logging.
 * @returns The loss history of each contender.
 */
export function trainSideBySide(
  contenders: Record<string, Contender>,
  xTrain: np.NDArray,
  tTrain: np.NDArray,
  options: SideBySideOptions = {},
): Record<string, number[]> {
  const iterations = options.iterations ?? 2000, batchSize = options.batchSize ?? 128;
  const logEvery = options.logEvery ?? 100, log = options.log ?? console.log;
  const rng = np.rng(options.seed ?? 0);
  const trainLoss: Record<string, number[]> = {};
  for (const key of Object.keys(contenders)) trainLoss[key] = [];
  for (let i = 0; i < iterations; i++) {
    const batchMask = rng.choice(xTrain.shape[0], batchSize);
    const xBatch = np.take(xTrain, batchMask, { axis: 0 });
    const tBatch = np.take(tTrain, batchMask, { axis: 0 });
    for (const [key, { net, optimizer }] of Object.entries(contenders)) {
      const grads = net.gradient(xBatch, tBatch);
      optimizer.update(net.params, grads);
      trainLoss[key].push(net.loss(xBatch, tBatch));
    }
    if (i % logEvery === 0) {
      const losses = Object.entries(trainLoss).map(([k, v]) => `${k} ${v[i].toFixed(4)}`);
      log(CH06().iterationLine(String(i).padStart(5), losses.join(", ")));
    }
  }
  return trainLoss;
}

/**
 * Draws the smoothed loss curves (the book's `smooth_curve`) to a PNG.
 *
 * @param losses The loss history of each contender.
 * @param options `path`, `title` and the y range (`yMax`).
 * @returns The path written.
 */
export async function lossChart(
  losses: Record<string, number[]>,
  options: { path: string; title: string; yMax: number },
): Promise<string> {
  const series: Record<string, number[]> = {};
  for (const [key, values] of Object.entries(losses)) series[key] = smoothCurve(values);
  const n = Object.values(series)[0].length;
  return await lineChart(
    { x: Array.from({ length: n }, (_, i) => i), series },
    {
      path: options.path,
      title: options.title,
      xTitle: CH06().iterations,
      yTitle: CH06().loss,
      yDomain: [0, options.yMax],
      width: 560,
      height: 340,
    },
  );
}

/** Options of {@linkcode reportComparison}. */
export interface ReportOptions {
  /** Test inputs. */
  xTest: np.NDArray;
  /** Test labels. */
  tTest: np.NDArray;
  /** The chart's file name in `out/ch06/`. */
  chart: string;
  /** The chart's title. */
  title: string;
  /** The top of the chart's loss axis. */
  yMax: number;
  /** When the command started (`performance.now()`), for the time it took. */
  started: number;
}

/**
 * The end of a comparison: draws the smoothed losses to `out/ch06/`, then prints each
 * contender's mean loss over the last 100 iterations and its test accuracy, the time taken and
 * the chart's path.
 *
 * @param contenders The trained networks, by name.
 * @param losses Their loss histories ({@linkcode trainSideBySide}).
 * @param options The test set, the chart and the start time.
 */
export async function reportComparison(
  contenders: Record<string, Contender>,
  losses: Record<string, number[]>,
  options: ReportOptions,
): Promise<void> {
  const target = fileURLToPath(new URL(`../../../out/ch06/${options.chart}`, import.meta.url));
  const path = await lossChart(losses, { path: target, title: options.title, yMax: options.yMax });
  for (const [key, { net }] of Object.entries(contenders)) {
    // The last 100 iterations, or all of them in a shorter run.
    const tail = losses[key].slice(-100);
    const last = tail.reduce((p, q) => p + q, 0) / tail.length;
    const acc = net.accuracy(options.xTest, options.tTest, { batchSize: 1000 });
    console.log(
      CH06().comparisonLine(key.padEnd(9), tail.length, last.toFixed(4), (100 * acc).toFixed(2)),
    );
  }
  console.log(CH06().took(((performance.now() - options.started) / 1000).toFixed(1)));
  console.log(EXPERIMENTS().wrote(relative(Deno.cwd(), path)));
}
