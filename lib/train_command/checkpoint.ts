/**
 * Checkpoints of `deno task train`: one safetensors file holding everything a run needs to go
 * on exactly as if it had never stopped: the parameters, the optimizer's state, the states of
 * the random generators, the epoch and the history. It is written atomically after every
 * epoch, so an interruption leaves the previous epoch's checkpoint intact.
 *
 * @module
 */

import { loadSafetensors, saveSafetensors } from "../io/safetensors.ts";
import type { GeneratorState, NDArray } from "../np/mod.ts";

/** The format tag in a checkpoint's metadata. */
export const CHECKPOINT_FORMAT = "zerokara-train-checkpoint/1";

/** One line of the history: an epoch's results. */
export interface EpochRecord {
  /** The epoch (1, 2, …). */
  epoch: number;
  /** The mean training-batch loss of the epoch. */
  loss: number;
  /** Accuracy on the training-accuracy sample (test mode). */
  trainAccuracy: number;
  /** Accuracy on the test images. */
  testAccuracy: number;
  /** Seconds of training steps in the epoch (evaluation excluded). */
  seconds: number;
  /** Training images per second. */
  imagesPerSecond: number;
}

/** The settings a resumed run must share with the run that wrote the checkpoint. */
export interface RunSettings {
  /** The `--model` name. */
  model: string;
  /** The `--optimizer` name. */
  optimizer: string;
  /** The learning rate of the first epoch. */
  lr: number;
  /** The factor of the learning rate from one epoch to the next. */
  lrDecay: number;
  /** The batch size. */
  batchSize: number;
  /** The largest random shift of a training image, in pixels (0: no augmentation). */
  augment: number;
  /** The seed. */
  seed: number;
  /** Training images used (60000 without `--limit`). */
  trainSize: number;
}

/** Everything in a checkpoint. */
export interface Checkpoint {
  /** The run's settings. */
  settings: RunSettings;
  /** Epochs completed. */
  epoch: number;
  /** Epochs planned (`--epochs`): where a `--resume` without `--epochs` stops. */
  epochs: number;
  /** One record per completed epoch. */
  history: EpochRecord[];
  /** The network's parameters by name. */
  params: Record<string, NDArray>;
  /** The optimizer's arrays (`optimizer.<field>.<param>`) and update count. */
  optimizer: { tensors: Record<string, NDArray>; iter: number | null };
  /** The state of the generator that shuffles the training set. */
  shuffleRng: GeneratorState;
  /** The state of the network's dropout generator, if it has one. */
  netRng: GeneratorState | null;
}

/**
 * Writes a checkpoint atomically (a temporary file, then a rename).
 *
 * @example
 * ```ts
 * import { readCheckpoint, writeCheckpoint } from "./checkpoint.ts";
 * import * as np from "../np/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const path = Deno.makeTempDirSync() + "/checkpoint.safetensors";
 * const settings = {
 *   model: "final", optimizer: "adam", lr: 0.001, lrDecay: 1, batchSize: 100, augment: 0, seed: 0,
 *   trainSize: 600,
 * };
 * writeCheckpoint(path, {
 *   settings, epoch: 1, epochs: 2, history: [], params: { W1: np.ones([2]) },
 *   optimizer: { tensors: {}, iter: 6 }, shuffleRng: np.rng(1).getState(), netRng: null,
 * });
 * const back = readCheckpoint(path);
 * assert.equal(back.epoch, 1);
 * assert.deepEqual(back.settings, settings);
 * assert.deepEqual(back.params.W1.toArray(), [1, 1]);
 * ```
 *
 * @param path The checkpoint file.
 * @param checkpoint What to store.
 * @returns The path written.
 */
export function writeCheckpoint(path: string, checkpoint: Checkpoint): string {
  const tensors: Record<string, NDArray> = { ...checkpoint.optimizer.tensors };
  for (const [key, value] of Object.entries(checkpoint.params)) tensors[`param.${key}`] = value;
  return saveSafetensors(path, tensors, {
    format: CHECKPOINT_FORMAT,
    settings: JSON.stringify(checkpoint.settings),
    epoch: String(checkpoint.epoch),
    epochs: String(checkpoint.epochs),
    history: JSON.stringify(checkpoint.history),
    optimizerIter: JSON.stringify(checkpoint.optimizer.iter),
    shuffleRng: JSON.stringify(checkpoint.shuffleRng),
    netRng: JSON.stringify(checkpoint.netRng),
  });
}

/**
 * Reads a checkpoint written by {@linkcode writeCheckpoint}.
 *
 * @param path The checkpoint file.
 * @returns Its contents.
 * @throws {SafetensorsError} when the file is missing or damaged.
 * @throws {TypeError} when it is a safetensors file but not a checkpoint of this command.
 */
export function readCheckpoint(path: string): Checkpoint {
  const { tensors, metadata } = loadSafetensors(path);
  if (metadata.format !== CHECKPOINT_FORMAT) {
    throw new TypeError(
      `${path} is not a checkpoint of deno task train (format ${
        JSON.stringify(metadata.format ?? null)
      }): start without --resume, or point --out at the folder of a training run`,
    );
  }
  const params: Record<string, NDArray> = {};
  const optimizer: Record<string, NDArray> = {};
  for (const [key, value] of Object.entries(tensors)) {
    if (key.startsWith("param.")) params[key.slice("param.".length)] = value;
    else if (key.startsWith("optimizer.")) optimizer[key] = value;
  }
  return {
    settings: JSON.parse(metadata.settings),
    epoch: Number(metadata.epoch),
    epochs: Number(metadata.epochs),
    history: JSON.parse(metadata.history),
    params,
    optimizer: { tensors: optimizer, iter: JSON.parse(metadata.optimizerIter) },
    shuffleRng: JSON.parse(metadata.shuffleRng),
    netRng: JSON.parse(metadata.netRng),
  };
}
