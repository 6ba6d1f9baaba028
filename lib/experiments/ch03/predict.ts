/**
 * `deno task ch03:predict [--mine] [--batch-size N]`: the book's `neuralnet_mnist_batch.py`
 * (§3.6.3). Loads the MNIST test set and the shipped weights
 * (`data/ch03/sample_weight.safetensors`), predicts the 10,000 images in batches of 100 and
 * prints the accuracy. With `--mine` it runs on your `chapters/03` code.
 *
 * @module
 */

import { parseArgs } from "node:util";
import { useMineIfAsked } from "../../kata/mine.ts";
import { loadMnist } from "../../mnist/mod.ts";
import { loadSampleWeight } from "../../nets/sample_weight.ts";
import { accuracy, predict } from "../../nets/three_layer_net.ts";
import * as np from "../../np/mod.ts";

await useMineIfAsked(import.meta.url, { chapters: ["03"] });

const { values } = parseArgs({
  args: Deno.args.filter((a) => a !== "--mine"),
  options: { "batch-size": { type: "string", default: "100" } },
});
const batchSize = Number(values["batch-size"]);
if (!Number.isInteger(batchSize) || batchSize < 1) {
  console.error(`--batch-size must be a positive integer, got ${values["batch-size"]}`);
  Deno.exit(2);
}

let started = performance.now();
const { xTest: x, tTest: t } = loadMnist({ normalize: true, flatten: true, oneHotLabel: false });
const { network, metadata } = loadSampleWeight();
const loadMs = performance.now() - started;
console.log(
  `x: [${x.shape}], t: [${t.shape}], W1: [${network.W1.shape}] (loaded in ${loadMs.toFixed(0)} ms)`,
);
console.log(`weights: ${metadata.training ?? "?"}, seed ${metadata.seed ?? "?"}`);

started = performance.now();
const acc = accuracy(network, { x, t, batchSize });
const ms = performance.now() - started;
console.log(`Accuracy:${acc}`);
console.log(
  `(${Math.round(acc * x.shape[0])} of ${x.shape[0]} test images right; batches of ${batchSize}, ` +
    `${ms.toFixed(0)} ms)`,
);

// A look at the first predictions, as the book's §3.6.2 loop sees them.
const first = np.argmax(predict(network, x.slice("0:10")), { axis: 1 });
console.log(`first 10 predictions: ${first.toArray()}`);
console.log(`first 10 labels:      ${[...t.data.subarray(0, 10)]}`);
