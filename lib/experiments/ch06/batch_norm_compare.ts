/**
 * `deno task ch06:batchnorm [--mine] [--scales N]`: what Batch Normalization does for training
 * (§6.3.2, `ch06/batch_norm_test.py`). For 16 weight scales from 1 down to 0.0001 (log-spaced,
 * as the book), two 6-layer networks (5 hidden layers of 100 ReLU units), one with batch norm and
 * one without, train on the first 1000 MNIST images with SGD (lr 0.01, batches of 100) for
 * 20 epochs on the same batches. Their training accuracy per epoch (figure 6-19) goes to
 * `out/ch06/batchnorm.png`.
 *
 * @module
 */

import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { commandLine } from "../../command/args.ts";
import { runCommand } from "../../command/run.ts";
import { useMineIfAsked } from "../../kata/mine.ts";
import { loadMnist } from "../../mnist/mod.ts";
import { MultiLayerNetExtend } from "../../nets/multi_layer_net_extend.ts";
import * as np from "../../np/mod.ts";
import { SGD } from "../../optimizers/mod.ts";
import { accuracyChart, type AccuracyRun } from "./curves.ts";
import { EXPERIMENTS, langFromArgs } from "../messages.ts";
import { CH06 } from "./messages.ts";

/**
 * Trains a network with and one without batch norm from weights of one scale, on the same
 * batches, and returns their training accuracy at the start of each epoch.
 *
 * @example
 * ```ts
 * import { trainWithAndWithoutBatchNorm } from "./batch_norm_compare.ts";
 * import * as np from "../../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const x = np.rng(0).random([20, 6]), t = np.array(Array.from({ length: 20 }, (_, i) => i % 3));
 * const run = trainWithAndWithoutBatchNorm(x, t, { weightInitStd: 0.1, epochs: 2, batchSize: 10, sizes: [4] });
 * assert.equal(run.bn.length, 2);
 * ```
 *
 * @param xTrain Training inputs.
 * @param tTrain Training labels.
 * @param options `weightInitStd`, `epochs` (20), `batchSize` (100), hidden `sizes` ([100] × 5), `seed` (0).
 * @returns The accuracies with (`bn`) and without (`plain`) batch norm.
 */
export function trainWithAndWithoutBatchNorm(
  xTrain: np.NDArray,
  tTrain: np.NDArray,
  options: {
    weightInitStd: number;
    epochs?: number;
    batchSize?: number;
    sizes?: number[];
    seed?: number;
  },
): { bn: number[]; plain: number[] } {
  const epochs = options.epochs ?? 20, batchSize = options.batchSize ?? 100;
  const seed = options.seed ?? 0;
  const sizes = {
    inputSize: xTrain.shape[1],
    hiddenSizeList: options.sizes ?? [100, 100, 100, 100, 100],
    outputSize: 10,
    weightInitStd: options.weightInitStd,
    seed,
  };
  const bnNetwork = new MultiLayerNetExtend({ ...sizes, useBatchnorm: true });
  const network = new MultiLayerNetExtend(sizes);
  const optimizer = new SGD({ lr: 0.01 });
  const trainSize = xTrain.shape[0];
  const iterPerEpoch = Math.max(Math.floor(trainSize / batchSize), 1);
  const rng = np.rng(seed);
  const bn: number[] = [], plain: number[] = [];
  // The book's loop: evaluate whenever i is a multiple of an epoch, from i = 0, `epochs` times.
  for (let i = 0; bn.length < epochs; i++) {
    const batchMask = rng.choice(trainSize, batchSize);
    const xBatch = np.take(xTrain, batchMask, { axis: 0 });
    const tBatch = np.take(tTrain, batchMask, { axis: 0 });
    for (const net of [bnNetwork, network]) {
      const grads = net.gradient(xBatch, tBatch);
      optimizer.update(net.params, grads);
    }
    if (i % iterPerEpoch === 0) {
      plain.push(network.accuracy(xTrain, tTrain));
      bn.push(bnNetwork.accuracy(xTrain, tTrain));
    }
  }
  return { bn, plain };
}

if (import.meta.main) {
  langFromArgs(Deno.args);
  const { values } = commandLine(Deno.args, {
    name: "ch06:batchnorm",
    summary: CH06().batchNormSummary,
    options: {
      scales: {
        type: "integer",
        min: 2,
        max: 64,
        default: 16,
        help: CH06().scalesHelp,
      },
    },
    mine: true,
  });
  await runCommand(async () => {
    await useMineIfAsked(import.meta.url, { chapters: ["06"] });
    const count = values.scales;
    const started = performance.now();
    const mnist = loadMnist({ normalize: true });
    const xTrain = mnist.xTrain.slice(":1000"), tTrain = mnist.tTrain.slice(":1000");
    // np.logspace(0, -4, num=16)
    const scales = Array.from({ length: count }, (_, i) => 10 ** (-4 * i / (count - 1)));
    const runs: AccuracyRun[] = [];
    for (const [i, w] of scales.entries()) {
      const { bn, plain } = trainWithAndWithoutBatchNorm(xTrain, tTrain, { weightInitStd: w });
      console.log(
        CH06().batchNormLine(
          `${String(i + 1).padStart(2)}/${count}`,
          w.toPrecision(3).padEnd(8),
          (100 * bn[bn.length - 1]).toFixed(1),
          (100 * plain[plain.length - 1]).toFixed(1),
        ),
      );
      runs.push({
        title: CH06().wStd(w.toPrecision(2)),
        epochs: bn.map((_, e) => e),
        train: bn,
        test: plain,
      });
    }
    const target = fileURLToPath(new URL("../../../out/ch06/batchnorm.png", import.meta.url));
    const path = await accuracyChart(runs, {
      path: target,
      title: CH06().batchNormTitle,
      columns: 4,
      names: [CH06().withBatchNorm, CH06().without],
      width: 200,
      height: 130,
    });
    console.log(CH06().took(((performance.now() - started) / 1000).toFixed(1)));
    console.log(EXPERIMENTS().wrote(relative(Deno.cwd(), path)));
  });
}
