/**
 * `deno task ch03:predict [--mine] [--batch-size N]`: the book's `neuralnet_mnist_batch.py`
 * (§3.6.3). Loads the MNIST test set and the shipped weights
 * (`data/ch03/sample_weight.safetensors`), predicts the 10,000 images in batches of 100 and
 * prints the accuracy. With `--mine` it runs on your `chapters/03` code.
 *
 * @module
 */

import { commandLine } from "../../command/args.ts";
import { runCommand } from "../../command/run.ts";
import { useMineIfAsked } from "../../kata/mine.ts";
import { loadMnist } from "../../mnist/mod.ts";
import { loadSampleWeight } from "../../nets/sample_weight.ts";
import { accuracy, predict } from "../../nets/three_layer_net.ts";
import * as np from "../../np/mod.ts";
import { langFromArgs } from "../messages.ts";
import { CH03 } from "./messages.ts";

langFromArgs(Deno.args);
const { values } = commandLine(Deno.args, {
  name: "ch03:predict",
  summary: CH03().predictSummary,
  options: {
    "batch-size": { type: "integer", min: 1, max: 10000, default: 100, help: CH03().batchSizeHelp },
  },
  mine: true,
});
const batchSize = values["batch-size"];

await runCommand(async () => {
  await useMineIfAsked(import.meta.url, { chapters: ["03"] });
  let started = performance.now();
  const { xTest: x, tTest: t } = loadMnist({ normalize: true, flatten: true, oneHotLabel: false });
  const { network, metadata } = loadSampleWeight();
  const loadMs = performance.now() - started;
  const m = CH03();
  console.log(
    m.loaded(`x: [${x.shape}], t: [${t.shape}], W1: [${network.W1.shape}]`, loadMs.toFixed(0)),
  );
  console.log(m.weights(`${metadata.training ?? "?"}`, `${metadata.seed ?? "?"}`));

  started = performance.now();
  const acc = accuracy(network, { x, t, batchSize });
  const ms = performance.now() - started;
  console.log(`Accuracy:${acc}`);
  console.log(m.right(Math.round(acc * x.shape[0]), x.shape[0], batchSize, ms.toFixed(0)));

  // A look at the first predictions, as the book's §3.6.2 loop sees them.
  const first = np.argmax(predict(network, x.slice("0:10")), { axis: 1 });
  console.log(m.firstPredictions(`${first.toArray()}`));
  console.log(m.firstLabels(`${[...t.data.subarray(0, 10)]}`));
});
