/**
 * `deno task ch03:make-weights`: trains the chapter 3 network the way the shipped
 * `data/ch03/sample_weight.safetensors` was made (the workbook's counterpart of the book's
 * `sample_weight.pkl`, §3.6.2, which the book ships without saying how it was made), and
 * writes it to `out/ch03/sample_weight.safetensors` (`--out FILE` for another place). Shipped
 * data is never written by a command: a path inside `data/` is refused; a maintainer who
 * regenerates the shipped file copies it there by hand.
 *
 * The network is the book's 784 → 50 → 100 → 10 with sigmoid hidden layers, built from the
 * library's layers (Affine, Sigmoid, SoftmaxWithLoss of chapter 5) and trained on MNIST's
 * 60,000 training images with plain SGD and mini-batches of 100, from a fixed seed. The
 * weights start at Xavier's scale (1/√n, §6.2.2), which sigmoid layers need to learn quickly.
 * Everything runs in float32, as the book's weights are.
 *
 * @module
 */

import { relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { commandLine } from "../../command/args.ts";
import { UsageError } from "../../command/errors.ts";
import { runCommand } from "../../command/run.ts";
import { Affine } from "../../layers/affine.ts";
import { Sigmoid } from "../../layers/sigmoid.ts";
import { SoftmaxWithLoss } from "../../layers/softmax_with_loss.ts";
import { loadMnist } from "../../mnist/mod.ts";
import { accuracy } from "../../nets/three_layer_net.ts";
import {
  type Network,
  NETWORK_KEYS,
  SAMPLE_WEIGHT_SHAPES,
  saveSampleWeight,
} from "../../nets/sample_weight.ts";
import * as np from "../../np/mod.ts";
import { SGD } from "../../optimizers/mod.ts";
import { langFromArgs } from "../messages.ts";
import { CH03 } from "./messages.ts";

/** How the shipped weights are trained; `deno task ch03:make-weights` uses these. */
export const DEFAULT_TRAINING = {
  /** The seed of the initial weights and of the mini-batch order. */
  seed: 3,
  /** Passes over the training set. */
  epochs: 10,
  /** SGD's learning rate. */
  lr: 0.5,
  /** Images per step. */
  batchSize: 100,
};

/** Options of {@linkcode trainSampleWeight}. */
export interface TrainOptions {
  /** The seed of the initial weights and of the mini-batch order. */
  seed?: number;
  /** Passes over the training set. */
  epochs?: number;
  /** SGD's learning rate. */
  lr?: number;
  /** Images per step. */
  batchSize?: number;
  /** Train on the first n training images only (all 60,000 by default; for tests). */
  trainSize?: number;
  /** Called after each epoch with its number (from 1) and mean training loss. */
  onEpoch?: (epoch: number, loss: number) => void;
}

/**
 * Xavier-initialised float32 parameters of the 784-50-100-10 network: W ~ N(0, 1/n_in),
 * b = 0 (§6.2.2).
 *
 * @param seed The seed of the generator.
 * @returns The parameters.
 */
export function initialParams(seed: number): Network {
  const r = np.rng(seed);
  const params: Record<string, np.NDArray> = {};
  for (const key of NETWORK_KEYS) {
    const shape = SAMPLE_WEIGHT_SHAPES[key];
    params[key] = key.startsWith("W")
      ? r.normal(shape, { scale: 1 / Math.sqrt(shape[0]), dtype: "float32" })
      : np.zeros(shape, { dtype: "float32" });
  }
  return params as unknown as Network;
}

/**
 * Trains the chapter 3 network with Affine → Sigmoid → Affine → Sigmoid → Affine →
 * SoftmaxWithLoss and SGD, shuffling the training set each epoch.
 *
 * @example A short run lowers the loss
 * ```ts
 * import { trainSampleWeight } from "./make_weights.ts";
 * import assert from "node:assert/strict";
 *
 * const losses: number[] = [];
 * trainSampleWeight({ epochs: 2, trainSize: 5000, onEpoch: (_, loss) => losses.push(loss) });
 * assert.ok(losses[1] < losses[0]);
 * ```
 *
 * @param options The seed, epochs, learning rate, batch size and an `onEpoch` callback.
 * @returns The trained parameters (float32).
 */
export function trainSampleWeight(options: TrainOptions = {}): Network {
  const {
    seed = DEFAULT_TRAINING.seed,
    epochs = DEFAULT_TRAINING.epochs,
    lr = DEFAULT_TRAINING.lr,
    batchSize = DEFAULT_TRAINING.batchSize,
    onEpoch,
  } = options;
  const { xTrain, tTrain } = loadMnist();
  const trainSize = Math.min(options.trainSize ?? xTrain.shape[0], xTrain.shape[0]);
  const params = initialParams(seed);
  // The layers share the parameter arrays, so SGD's in-place updates reach them.
  const layers = [
    new Affine(params.W1, params.b1),
    new Sigmoid(),
    new Affine(params.W2, params.b2),
    new Sigmoid(),
    new Affine(params.W3, params.b3),
  ];
  const [affine1, , affine2, , affine3] = layers as [Affine, Sigmoid, Affine, Sigmoid, Affine];
  const lastLayer = new SoftmaxWithLoss();
  const optimizer = new SGD({ lr });
  const order = np.rng(seed + 1);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const perm = order.permutation(trainSize);
    let lossSum = 0, steps = 0;
    for (let i = 0; i + batchSize <= trainSize; i += batchSize) {
      const batch = perm.slice(`${i}:${i + batchSize}`);
      const x = np.take(xTrain, batch, { axis: 0 });
      const t = np.take(tTrain, batch, { axis: 0 });
      let out = x;
      for (const layer of layers) out = layer.forward(out);
      lossSum += lastLayer.forward(out, t);
      steps++;
      let dout = lastLayer.backward(1);
      for (let l = layers.length - 1; l >= 0; l--) dout = layers[l].backward(dout);
      optimizer.update(params as unknown as Record<string, np.NDArray>, {
        W1: affine1.dW!,
        b1: affine1.db!,
        W2: affine2.dW!,
        b2: affine2.db!,
        W3: affine3.dW!,
        b3: affine3.db!,
      });
    }
    onEpoch?.(epoch, lossSum / steps);
  }
  return params;
}

/** Where the command writes without `--out`. */
export const MADE_WEIGHT_PATH = "out/ch03/sample_weight.safetensors";

/** The shipped data folder, which no command writes. */
const DATA_DIR = fileURLToPath(new URL("../../../data", import.meta.url));

/**
 * The refusal of an output path inside the shipped `data/` folder, or `undefined`.
 *
 * @example
 * ```ts
 * import { shippedDataProblem } from "./make_weights.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(shippedDataProblem("out/ch03/w.safetensors"), undefined);
 * assert.match(shippedDataProblem("data/ch03/sample_weight.safetensors") ?? "", /shipped/);
 * ```
 *
 * @param path The output path (relative to the working directory).
 * @returns The message, or `undefined`.
 */
export function shippedDataProblem(path: string): string | undefined {
  const full = resolve(path);
  if (full === DATA_DIR || full.startsWith(DATA_DIR + sep)) {
    return `--out ${path} is inside the shipped data/ folder, which commands never write: ` +
      `write to out/ (the default, ${MADE_WEIGHT_PATH}) and copy the file by hand if you ` +
      `mean to replace the shipped weights`;
  }
  return undefined;
}

if (import.meta.main) {
  langFromArgs(Deno.args);
  const { values } = commandLine(Deno.args, {
    name: "ch03:make-weights",
    summary: CH03().makeWeightsSummary(MADE_WEIGHT_PATH),
    options: {
      out: {
        type: "string",
        value: "FILE",
        default: MADE_WEIGHT_PATH,
        help: CH03().outHelp,
      },
    },
  });
  const out = values.out;
  await runCommand(() => {
    const problem = shippedDataProblem(out);
    if (problem !== undefined) throw new UsageError(problem);
    makeWeights(out);
  });
}

/** Trains the network and writes it to `out`. */
function makeWeights(out: string): void {
  const started = performance.now();
  const { xTrain, tTrain, xTest, tTest } = loadMnist();
  console.log(
    CH03().training(
      `SGD lr=${DEFAULT_TRAINING.lr}, batch ${DEFAULT_TRAINING.batchSize}, ` +
        `${DEFAULT_TRAINING.epochs} epochs, seed ${DEFAULT_TRAINING.seed}`,
    ),
  );
  const network = trainSampleWeight({
    onEpoch: (epoch, loss) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(0);
      console.log(CH03().epochLine(epoch, loss.toFixed(4), seconds));
    },
  });
  const trainAccuracy = accuracy(network, { x: xTrain, t: tTrain });
  const testAccuracy = accuracy(network, { x: xTest, t: tTest });
  const path = saveSampleWeight(out, network, {
    metadata: {
      description: "The chapter 3 network (784-50-100-10, sigmoid, softmax) for MNIST",
      made_by: "deno task ch03:make-weights (lib/experiments/ch03/make_weights.ts)",
      training: `SGD lr=${DEFAULT_TRAINING.lr}, batch ${DEFAULT_TRAINING.batchSize}, ` +
        `${DEFAULT_TRAINING.epochs} epochs, Xavier init, float32`,
      seed: String(DEFAULT_TRAINING.seed),
      train_accuracy: trainAccuracy.toFixed(4),
      test_accuracy: testAccuracy.toFixed(4),
    },
  });
  console.log(
    CH03().accuracies(
      trainAccuracy.toFixed(4),
      testAccuracy.toFixed(4),
      ((performance.now() - started) / 1000).toFixed(0),
    ),
  );
  console.log(CH03().wroteBytes(relative(Deno.cwd(), path), Deno.statSync(path).size));
}
