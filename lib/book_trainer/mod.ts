/**
 * Training helpers: the mini-batch loop {@linkcode train}, the progress display
 * {@linkcode createProgress}, and the MNIST training commands' shared body
 * {@linkcode runMnistTraining} with {@linkcode parseTrainArgs}.
 *
 * @example
 * ```ts
 * import { train } from "./mod.ts";
 * import { TwoLayerNet } from "../nets/two_layer_net.ts";
 * import { SGD } from "../optimizers/mod.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const x = np.rng(0).random([20, 3]);
 * const t = np.array(Array.from({ length: 20 }, (_, i) => i % 2));
 * const net = new TwoLayerNet({ inputSize: 3, hiddenSize: 4, outputSize: 2 });
 * const { records } = train(net, { xTrain: x, tTrain: t, xTest: x, tTest: t }, {
 *   optimizer: new SGD({ lr: 0.1 }),
 *   batchSize: 5,
 *   epochs: 1,
 *   progress: { update() {}, log() {}, stop() {} },
 * });
 * assert.equal(records.length, 2);
 * ```
 *
 * @module
 */

export {
  type EpochRecord,
  type Network,
  train,
  type TrainData,
  type TrainOptions,
  type TrainResult,
} from "./train.ts";
export { createProgress, type Progress, type ProgressOptions } from "./progress.ts";
export {
  type MnistTrainingOptions,
  type MnistTrainingResult,
  parseTrainArgs,
  runMnistTraining,
  type TrainArgs,
} from "./mnist_command.ts";
