/**
 * `deno task ch06:overfitting [--mine] [--epochs N] [--test-sample N]`: overfitting and two
 * cures (§6.4, `ch06/overfit_weight_decay.py` and `ch06/overfit_dropout.py`). A 7-layer network (6 hidden
 * layers of 100 ReLU units) learns only the first 300 MNIST training images with SGD (lr 0.01,
 * batches of 100): plainly for 200 epochs, with weight decay λ = 0.1 for 200 epochs, and with
 * Dropout (ratio 0.2) for 300 epochs. Train and test accuracy per epoch (figures 6-20, 6-21 and
 * 6-23) go to `out/ch06/overfitting.png`. The test accuracy is measured on all 10,000 test
 * images, or on the first N with `--test-sample N` (quicker).
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
import { MultiLayerNetExtend } from "../../nets/multi_layer_net_extend.ts";
import { SGD } from "../../optimizers/mod.ts";
import { type Network, train } from "../../book_trainer/train.ts";
import { accuracyChart, type AccuracyRun, sparseProgress } from "./curves.ts";
import { EXPERIMENTS, langFromArgs } from "../messages.ts";
import { CH06 } from "./messages.ts";

if (import.meta.main) {
  langFromArgs(Deno.args);
  const { values } = commandLine(Deno.args, {
    name: "ch06:overfitting",
    summary: CH06().overfittingSummary,
    options: {
      epochs: {
        type: "integer",
        min: 1,
        max: 10000,
        help: CH06().epochsHelp,
      },
      "test-sample": {
        type: "integer",
        min: 300,
        max: 10000,
        help: CH06().testSampleHelp,
      },
    },
    mine: true,
  });
  await runCommand(async () => {
    await useMineIfAsked(import.meta.url, { chapters: ["06"] });
    const epochs = values.epochs;
    // Measuring all 10,000 test images after every epoch is most of the run's time.
    const testSample = values["test-sample"];
    const started = performance.now();
    const mnist = loadMnist({ normalize: true });
    // Fewer training data, to overfit on purpose (§6.4.1).
    const data = {
      xTrain: mnist.xTrain.slice(":300"),
      tTrain: mnist.tTrain.slice(":300"),
      xTest: mnist.xTest,
      tTest: mnist.tTest,
    };
    const sizes = {
      inputSize: 784,
      hiddenSizeList: [100, 100, 100, 100, 100, 100],
      outputSize: 10,
    };
    const setups: { title: string; net: Network; epochs: number }[] = [
      { title: CH06().noRegularisation, net: new MultiLayerNet(sizes), epochs: epochs ?? 200 },
      {
        title: CH06().weightDecay,
        net: new MultiLayerNet({ ...sizes, weightDecayLambda: 0.1 }),
        epochs: epochs ?? 200,
      },
      {
        title: CH06().dropout,
        net: new MultiLayerNetExtend({ ...sizes, useDropout: true, dropoutRatio: 0.2 }),
        epochs: epochs ?? 300,
      },
    ];
    const runs: AccuracyRun[] = [];
    for (const setup of setups) {
      console.log(CH06().setupLine(setup.title, setup.epochs));
      const result = train(setup.net, data, {
        optimizer: new SGD({ lr: 0.01 }),
        batchSize: 100,
        epochs: setup.epochs,
        ...(testSample === undefined ? {} : { evalSample: Math.max(testSample, 300) }),
        progress: sparseProgress({ label: setup.title, total: setup.epochs * 3, every: 25 }),
      });
      const records = result.records;
      runs.push({
        title: setup.title,
        epochs: records.map((r) => r.epoch),
        train: records.map((r) => r.trainAcc),
        test: records.map((r) => r.testAcc),
      });
      const last = records[records.length - 1];
      console.log(
        CH06().overfittingFinal(
          (100 * last.trainAcc).toFixed(1),
          (100 * last.testAcc).toFixed(1),
          (100 * (last.trainAcc - last.testAcc)).toFixed(1),
        ),
      );
    }
    const target = fileURLToPath(new URL("../../../out/ch06/overfitting.png", import.meta.url));
    const path = await accuracyChart(runs, {
      path: target,
      title: CH06().overfittingTitle,
    });
    console.log(CH06().took(((performance.now() - started) / 1000).toFixed(1)));
    console.log(EXPERIMENTS().wrote(relative(Deno.cwd(), path)));
  });
}
