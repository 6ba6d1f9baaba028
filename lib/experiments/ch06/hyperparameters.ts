/**
 * `deno task ch06:hyperparameters [--mine] [--trials N]`: random search of the learning rate
 * and the weight decay (§6.5, `ch06/hyperparameter_optimization.py`). The first 500 MNIST
 * training images are shuffled and split 400 training / 100 validation (20%); each trial draws
 * lr = 10^U(−6, −2) and λ = 10^U(−8, −4), trains a 7-layer network (6 hidden layers of 100 ReLU
 * units) with SGD for 50 epochs (batches of 100) and records the validation accuracy. 100
 * trials as the book. Writes the 20 best trials' curves (figure 6-24) to
 * `out/ch06/hyperparameters.png` and every trial's final validation accuracy over (lr, λ) to
 * `out/ch06/hyperparameters_map.png`.
 *
 * @module
 */

import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { commandLine } from "../../command/args.ts";
import { runCommand } from "../../command/run.ts";
import { useMineIfAsked } from "../../kata/mine.ts";
import { loadMnist } from "../../mnist/mod.ts";
import { MultiLayerNet } from "../../nets/multi_layer_net.ts";
import * as np from "../../np/mod.ts";
import { SGD } from "../../optimizers/mod.ts";
import { renderVegaLite, type TopLevelSpec } from "../../plot/mod.ts";
import { train } from "../../book_trainer/train.ts";
import { accuracyChart } from "./curves.ts";
import {
  type Hyperparameters,
  sampleHyperparameters,
  splitValidation,
} from "./hyperparameter_search.ts";
import { langFromArgs } from "../messages.ts";
import { CH06 } from "./messages.ts";

/** One trial's hyperparameters and accuracy curves. */
export interface Trial extends Hyperparameters {
  /** Validation accuracy per epoch (epoch 0 first). */
  valAcc: number[];
  /** Training accuracy per epoch. */
  trainAcc: number[];
}

/**
 * The map of the search: each trial at (lr, λ) on log axes, coloured by its final validation
 * accuracy.
 *
 * @example
 * ```ts
 * import { searchMapSpec } from "./hyperparameters.ts";
 * import assert from "node:assert/strict";
 *
 * const spec = searchMapSpec([{ lr: 0.01, weightDecay: 1e-6, valAcc: [0.1, 0.8], trainAcc: [0.1, 0.9] }]);
 * assert.equal((spec as { mark: string }).mark, "circle");
 * ```
 *
 * @param trials The trials.
 * @returns A Vega-Lite spec.
 */
export function searchMapSpec(trials: Trial[]): TopLevelSpec {
  const values = trials.map((t) => ({
    lr: t.lr,
    weightDecay: t.weightDecay,
    accuracy: t.valAcc[t.valAcc.length - 1],
  }));
  return {
    title: CH06().mapTitle(trials.length),
    width: 460,
    height: 340,
    data: { values },
    mark: "circle",
    encoding: {
      x: {
        field: "lr",
        type: "quantitative",
        scale: { type: "log", domain: [1e-6, 1e-2] },
        axis: { values: [1e-6, 1e-5, 1e-4, 1e-3, 1e-2], format: ".0e" },
        title: CH06().learningRate,
      },
      y: {
        field: "weightDecay",
        type: "quantitative",
        scale: { type: "log", domain: [1e-8, 1e-4] },
        axis: { values: [1e-8, 1e-7, 1e-6, 1e-5, 1e-4], format: ".0e" },
        title: CH06().weightDecayAxis,
      },
      color: {
        field: "accuracy",
        type: "quantitative",
        scale: { scheme: "viridis", domain: [0, 1] },
        title: CH06().valAcc,
      },
      size: { value: 90 },
    },
  } as TopLevelSpec;
}

if (import.meta.main) {
  langFromArgs(Deno.args);
  const { values } = commandLine(Deno.args, {
    name: "ch06:hyperparameters",
    summary: CH06().hyperSummary,
    options: {
      trials: {
        type: "integer",
        min: 1,
        max: 1000,
        default: 100,
        help: CH06().trialsHelp,
      },
    },
    mine: true,
  });
  await runCommand(async () => {
    await useMineIfAsked(import.meta.url, { chapters: ["06"] });
    const trialCount = values.trials;
    const started = performance.now();
    const mnist = loadMnist({ normalize: true });
    // Fewer training data, so that the search is quick (§6.5.3).
    const { xTrain, tTrain, xVal, tVal } = splitValidation(
      mnist.xTrain.slice(":500"),
      mnist.tTrain.slice(":500"),
      { validationRate: 0.2, rng: np.rng(0) },
    );
    console.log(CH06().split(xTrain.shape[0], xVal.shape[0]));
    const rng = np.rng(1);
    const trials: Trial[] = [];
    for (let i = 0; i < trialCount; i++) {
      const { lr, weightDecay } = sampleHyperparameters({ rng });
      const net = new MultiLayerNet({
        inputSize: 784,
        hiddenSizeList: [100, 100, 100, 100, 100, 100],
        outputSize: 10,
        weightDecayLambda: weightDecay,
        seed: i,
      });
      const { records } = train(net, { xTrain, tTrain, xTest: xVal, tTest: tVal }, {
        optimizer: new SGD({ lr }),
        batchSize: 100,
        epochs: 50,
        seed: i,
        progress: { update() {}, log() {}, stop() {} },
      });
      const valAcc = records.map((r) => r.testAcc), trainAcc = records.map((r) => r.trainAcc);
      trials.push({ lr, weightDecay, valAcc, trainAcc });
      console.log(
        CH06().trialLine(
          String(i + 1).padStart(3),
          valAcc[valAcc.length - 1].toFixed(2),
          lr.toExponential(3),
          weightDecay.toExponential(3),
        ),
      );
    }
    console.log(CH06().resultHeading);
    const best = [...trials].sort((a, b) =>
      b.valAcc[b.valAcc.length - 1] - a.valAcc[a.valAcc.length - 1]
    );
    for (const [i, t] of best.slice(0, 20).entries()) {
      console.log(
        CH06().bestLine(
          i + 1,
          t.valAcc[t.valAcc.length - 1].toFixed(2),
          t.lr.toExponential(3),
          t.weightDecay.toExponential(3),
        ),
      );
    }
    const curves = fileURLToPath(new URL("../../../out/ch06/hyperparameters.png", import.meta.url));
    const curvesPath = await accuracyChart(
      best.slice(0, 20).map((t, i) => ({
        title: CH06().bestTitle(i + 1, t.lr.toExponential(1), t.weightDecay.toExponential(1)),
        epochs: t.valAcc.map((_, epoch) => epoch),
        train: t.trainAcc,
        test: t.valAcc,
      })),
      {
        path: curves,
        title: CH06().bestCurvesTitle(trialCount),
        columns: 5,
        names: [CH06().train, CH06().validation],
        width: 190,
        height: 120,
      },
    );
    const map = fileURLToPath(
      new URL("../../../out/ch06/hyperparameters_map.png", import.meta.url),
    );
    const mapPath = await renderVegaLite(searchMapSpec(trials), map, { scale: 2 });
    console.log(CH06().took(((performance.now() - started) / 1000).toFixed(1)));
    console.log(CH06().wroteTwo(relative(Deno.cwd(), curvesPath), relative(Deno.cwd(), mapPath)));
  });
}
