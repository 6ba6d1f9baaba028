/**
 * `deno task ch06:optimizers-mnist [--mine] [--iterations N]`: SGD, Momentum, AdaGrad and Adam
 * with the book's default learning rates, each training a 5-layer network (4 hidden layers of
 * 100 ReLU units, He initialisation) on the same MNIST mini-batches of 128 for 2000 iterations
 * (§6.1.8, `ch06/optimizer_compare_mnist.py`). Draws the smoothed losses (figure 6-9) to
 * `out/ch06/optimizers_mnist.png` and prints each network's test accuracy.
 *
 * @module
 */

import { commandLine } from "../../command/args.ts";
import { runCommand } from "../../command/run.ts";
import { useMineIfAsked } from "../../kata/mine.ts";
import { loadMnist } from "../../mnist/mod.ts";
import { MultiLayerNet } from "../../nets/multi_layer_net.ts";
import { AdaGrad, Adam, Momentum, type Optimizer, SGD } from "../../optimizers/mod.ts";
import { type Contender, reportComparison, trainSideBySide } from "./mnist_compare.ts";
import { langFromArgs } from "../messages.ts";
import { CH06 } from "./messages.ts";

if (import.meta.main) {
  langFromArgs(Deno.args);
  const { values } = commandLine(Deno.args, {
    name: "ch06:optimizers-mnist",
    summary: CH06().optimizersMnistSummary,
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
    const optimizers: Record<string, Optimizer> = {
      SGD: new SGD(),
      Momentum: new Momentum(),
      AdaGrad: new AdaGrad(),
      Adam: new Adam(),
    };
    const contenders: Record<string, Contender> = {};
    for (const [key, optimizer] of Object.entries(optimizers)) {
      const net = new MultiLayerNet({
        inputSize: 784,
        hiddenSizeList: [100, 100, 100, 100],
        outputSize: 10,
      });
      contenders[key] = { net, optimizer };
    }
    console.log(CH06().trainingNetworks(4, iterations));
    const losses = trainSideBySide(contenders, xTrain, tTrain, { iterations });
    await reportComparison(contenders, losses, {
      xTest,
      tTest,
      chart: "optimizers_mnist.png",
      title: CH06().optimizersMnistTitle,
      yMax: 1,
      started,
    });
  });
}
