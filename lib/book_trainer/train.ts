/**
 * A small mini-batch training loop (the book's §4.5.2 loop, shaped like `common/trainer.py`):
 * draw a batch, take the gradients, let an optimizer update the parameters, and measure the
 * train and test accuracy once per epoch.
 *
 * @module
 */

import * as np from "../np/mod.ts";
import type { Optimizer } from "../optimizers/types.ts";
import { createProgress, type Progress } from "./progress.ts";
import { BOOK_TRAINER } from "./messages.ts";

/** What {@linkcode train} needs of a network (the book's networks all fit). */
export interface Network {
  /** The parameters by name, updated in place by the optimizer. */
  params: Record<string, np.NDArray>;
  /** The gradients of the loss on a batch, by parameter name. */
  gradient(x: np.NDArray, t: np.NDArray): Record<string, np.NDArray>;
  /** The loss on a batch. */
  loss(x: np.NDArray, t: np.NDArray): number;
  /** The fraction of a batch classified right. */
  accuracy(x: np.NDArray, t: np.NDArray): number;
  /** Networks built of layers keep the last forward pass's loss here (saves a forward pass). */
  lastLayer?: { loss: number };
}

/** The data of {@linkcode train}, as `loadMnist` returns it. */
export interface TrainData {
  /** Training inputs, one sample per row (axis 0). */
  xTrain: np.NDArray;
  /** Training labels (one-hot or indices). */
  tTrain: np.NDArray;
  /** Test inputs. */
  xTest: np.NDArray;
  /** Test labels. */
  tTest: np.NDArray;
}

/** One evaluation: where training stood and how well the network did. */
export interface EpochRecord {
  /** Epochs done (fractional for a final partial epoch); 0 before any training. */
  epoch: number;
  /** Iterations done. */
  iteration: number;
  /** The mean training-batch loss since the previous record (NaN for the first). */
  loss: number;
  /** Accuracy on the training set (or its first `evalSample` samples). */
  trainAcc: number;
  /** Accuracy on the test set (or its first `evalSample` samples). */
  testAcc: number;
  /** Seconds spent training (not evaluating) since the previous record. */
  seconds: number;
}

/** Options of {@linkcode train}. */
export interface TrainOptions {
  /** Updates the parameters from the gradients, in place (e.g. `new SGD({ lr: 0.1 })`). */
  optimizer: Optimizer;
  /** Samples per mini-batch (100). */
  batchSize?: number;
  /** Iterations to run; when absent, `epochs` full epochs. */
  iterations?: number;
  /** Epochs to run when `iterations` is absent (1). One epoch is trainSize / batchSize iterations. */
  epochs?: number;
  /** The seed of the batch sampling (0). */
  seed?: number;
  /** Evaluate on only the first N training and test samples each epoch (all by default). */
  evalSample?: number;
  /** Rows per forward pass while evaluating, to bound memory (10000). */
  evalBatchSize?: number;
  /** Called after each evaluation (before and during training, and at the end). */
  onEpoch?: (record: EpochRecord) => void;
  /** The progress display; by default a bar on a terminal and a line per epoch otherwise. */
  progress?: Progress;
  /** The label of the default progress display (`"train"`). */
  label?: string;
}

/** What {@linkcode train} returns. */
export interface TrainResult {
  /** One record before training, one per epoch, and one at the end of a partial epoch. */
  records: EpochRecord[];
  /** The loss of every training batch, in order. */
  lossHistory: number[];
  /** The iterations run. */
  iterations: number;
  /** Iterations per epoch (trainSize / batchSize, at least 1). */
  iterPerEpoch: number;
  /** Seconds spent in training steps (batch, gradient, update), evaluation excluded. */
  trainSeconds: number;
  /** Seconds spent evaluating accuracy. */
  evalSeconds: number;
  /** Training images per second (batch size × iterations / trainSeconds). */
  imagesPerSecond: number;
}

/**
 * Trains a network with mini-batches drawn at random with replacement, as the book's loop
 * (`np.random.choice`, §4.5.2). It evaluates before training (epoch 0), after every
 * `trainSize / batchSize` iterations, and after a final partial epoch.
 *
 * @example A few iterations on random data
 * ```ts
 * import { train } from "./train.ts";
 * import { TwoLayerNet } from "../nets/two_layer_net.ts";
 * import { SGD } from "../optimizers/mod.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const rng = np.rng(0);
 * const x = rng.random([40, 4]);
 * const t = np.array(Array.from({ length: 40 }, (_, i) => i % 2));
 * const net = new TwoLayerNet({ inputSize: 4, hiddenSize: 5, outputSize: 2 });
 * const result = train(net, { xTrain: x, tTrain: t, xTest: x, tTest: t }, {
 *   optimizer: new SGD({ lr: 0.1 }),
 *   batchSize: 10,
 *   epochs: 2,
 *   progress: { update() {}, log() {}, stop() {} },
 * });
 * assert.equal(result.iterations, 8);
 * assert.deepEqual(result.records.map((r) => r.epoch), [0, 1, 2]);
 * ```
 *
 * @param network The network to train (its parameters change in place).
 * @param data Training and test sets.
 * @param options The optimizer and the schedule.
 * @returns The per-epoch records, the loss history and the timings.
 */
export function train(network: Network, data: TrainData, options: TrainOptions): TrainResult {
  const { xTrain, tTrain, xTest, tTest } = data;
  const trainSize = xTrain.shape[0];
  if (tTrain.shape[0] !== trainSize || tTest.shape[0] !== xTest.shape[0]) {
    throw new TypeError(
      `train: inputs and labels differ in length: xTrain [${xTrain.shape}], tTrain ` +
        `[${tTrain.shape}], xTest [${xTest.shape}], tTest [${tTest.shape}]`,
    );
  }
  const batchSize = options.batchSize ?? 100;
  checkCount(batchSize, "batchSize", 1);
  const iterPerEpoch = Math.max(Math.floor(trainSize / batchSize), 1);
  const iterations = options.iterations ?? Math.round((options.epochs ?? 1) * iterPerEpoch);
  checkCount(iterations, "iterations", 0);
  const rng = np.rng(options.seed ?? 0);
  const progress = options.progress ?? createProgress({
    label: options.label ?? "train",
    total: iterations,
  });

  const records: EpochRecord[] = [];
  const lossHistory: number[] = [];
  let trainSeconds = 0, evalSeconds = 0, sinceRecord = 0, lossSum = 0, lossCount = 0;
  const evaluate = (iteration: number) => {
    const started = performance.now();
    const record: EpochRecord = {
      epoch: iteration / iterPerEpoch,
      iteration,
      loss: lossCount > 0 ? lossSum / lossCount : NaN,
      trainAcc: accuracyOf(network, xTrain, tTrain, options),
      testAcc: accuracyOf(network, xTest, tTest, options),
      seconds: sinceRecord,
    };
    evalSeconds += (performance.now() - started) / 1000;
    records.push(record);
    lossSum = lossCount = sinceRecord = 0;
    progress.log(describe(record, iterations / iterPerEpoch));
    options.onEpoch?.(record);
  };

  try {
    evaluate(0);
    for (let i = 1; i <= iterations; i++) {
      const started = performance.now();
      const batchMask = rng.choice(trainSize, batchSize);
      const xBatch = np.take(xTrain, batchMask, { axis: 0 });
      const tBatch = np.take(tTrain, batchMask, { axis: 0 });
      const grads = network.gradient(xBatch, tBatch);
      // Layered networks computed the batch's loss on the way; others need a forward pass.
      const loss = network.lastLayer?.loss ?? network.loss(xBatch, tBatch);
      options.optimizer.update(network.params, grads);
      const seconds = (performance.now() - started) / 1000;
      trainSeconds += seconds;
      sinceRecord += seconds;
      lossHistory.push(loss);
      lossSum += loss;
      lossCount++;
      progress.update(i, BOOK_TRAINER().lossStatus(loss.toFixed(4)));
      if (i % iterPerEpoch === 0 || i === iterations) evaluate(i);
    }
  } finally {
    progress.stop();
  }
  return {
    records,
    lossHistory,
    iterations,
    iterPerEpoch,
    trainSeconds,
    evalSeconds,
    imagesPerSecond: trainSeconds > 0 ? (iterations * batchSize) / trainSeconds : NaN,
  };
}

/** Accuracy over a whole set, in slices of `evalBatchSize` rows (weighted by their sizes). */
function accuracyOf(
  network: Network,
  x: np.NDArray,
  t: np.NDArray,
  options: TrainOptions,
): number {
  const n = Math.min(x.shape[0], options.evalSample ?? Infinity);
  const step = options.evalBatchSize ?? 10000;
  let correct = 0;
  for (let start = 0; start < n; start += step) {
    const end = Math.min(start + step, n);
    correct += network.accuracy(rows(x, start, end), rows(t, start, end)) * (end - start);
  }
  return n > 0 ? correct / n : NaN;
}

/** Rows start..end of an array as a view (no copy: the data is contiguous). */
function rows(x: np.NDArray, start: number, end: number): np.NDArray {
  const rowSize = x.size / x.shape[0];
  return new np.NDArray(x.data.subarray(start * rowSize, end * rowSize), [
    end - start,
    ...x.shape.slice(1),
  ]);
}

function describe(record: EpochRecord, totalEpochs: number): string {
  const epochs = Number.isInteger(totalEpochs) ? totalEpochs : totalEpochs.toFixed(2);
  const epoch = Number.isInteger(record.epoch) ? record.epoch : record.epoch.toFixed(2);
  const loss = Number.isNaN(record.loss) ? "  -   " : record.loss.toFixed(4);
  return BOOK_TRAINER().epochLine(
    `${epoch}/${epochs}`,
    record.iteration,
    loss,
    record.trainAcc.toFixed(4),
    record.testAcc.toFixed(4),
    record.seconds.toFixed(1),
  );
}

function checkCount(n: number, name: string, min: number): void {
  if (!Number.isInteger(n) || n < min) {
    throw new RangeError(`train: ${name} must be a whole number >= ${min}, got ${n}`);
  }
}
