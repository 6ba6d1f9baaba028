/**
 * `deno task ch06:init-mnist [--mine] [--iterations N]`: the weight initialisations of §6.2.4
 * (`ch06/weight_init_compare.py`) on MNIST: std 0.01, Xavier and He, each a 5-layer network
 * (4 hidden layers of 100 ReLU units) trained with SGD (lr 0.01) on the same mini-batches of
 * 128 for 2000 iterations. Draws the smoothed losses (figure 6-15) to
 * `out/ch06/init_mnist.png`.
 *
 * @module
 */

import { commandLine } from "../../command/args.ts";
import { runCommand } from "../../command/run.ts";
import { useMineIfAsked } from "../../kata/mine.ts";
import type { WeightInitStd } from "../../init/weight_init.ts";
import { loadMnist } from "../../mnist/mod.ts";
import { MultiLayerNet } from "../../nets/multi_layer_net.ts";
import { SGD } from "../../optimizers/mod.ts";
import { type Contender, reportComparison, trainSideBySide } from "./mnist_compare.ts";
import { langFromArgs } from "../messages.ts";
import { CH06 } from "./messages.ts";

if (import.meta.main) {
  langFromArgs(Deno.args);
  const { values } = commandLine(Deno.args, {
    name: "ch06:init-mnist",
    summary: CH06().initMnistSummary,
    options: {
      iterations: {
        type: "integer",
        min: 11,
        max: 100000,
        default: 2000,
        help: CH06().iterationsHelp,
      },
    },
    mine: true,
  });
  await runCommand(async () => {
    await useMineIfAsked(import.meta.url, { chapters: ["06"] });
    const iterations = values.iterations;
    const started = performance.now();
    const { xTrain, tTrain, xTest, tTest } = loadMnist({ normalize: true });
    const weightInitTypes: Record<string, WeightInitStd> = {
      "std=0.01": 0.01,
      Xavier: "sigmoid",
      He: "relu",
    };
    const contenders: Record<string, Contender> = {};
    for (const [key, weightInitStd] of Object.entries(weightInitTypes)) {
      const net = new MultiLayerNet({
        inputSize: 784,
        hiddenSizeList: [100, 100, 100, 100],
        outputSize: 10,
        weightInitStd,
      });
      contenders[key] = { net, optimizer: new SGD({ lr: 0.01 }) };
    }
    console.log(CH06().trainingNetworks(3, iterations));
    const losses = trainSideBySide(contenders, xTrain, tTrain, { iterations });
    await reportComparison(contenders, losses, {
      xTest,
      tTest,
      chart: "init_mnist.png",
      title: CH06().initMnistTitle,
      yMax: 2.5,
      started,
    });
  });
}
