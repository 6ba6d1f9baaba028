/**
 * Checkpoints of `deno task train`: one safetensors file holding everything a run needs to go
 * on exactly as if it had never stopped: the parameters, the optimizer's state, the states of
 * the random generators, the epoch and the history. It is written atomically after every
 * epoch, so an interruption leaves the previous epoch's checkpoint intact.
 *
 * @module
 */

import { UserError } from "../command/errors.ts";
import { loadSafetensors, saveSafetensors } from "../io/safetensors.ts";
import type { GeneratorState, NDArray } from "../np/mod.ts";
import { OPTIMIZER_NAMES, type OptimizerName } from "./optimizers.ts";
import { CHECKPOINT } from "./checkpoint_messages.ts";

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
 * const history = [
 *   { epoch: 1, loss: 0.5, trainAccuracy: 0.9, testAccuracy: 0.9, seconds: 1, imagesPerSecond: 600 },
 * ];
 * writeCheckpoint(path, {
 *   settings, epoch: 1, epochs: 2, history, params: { W1: np.ones([2]) },
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

/** A checkpoint that cannot be resumed: the message says which value is wrong and what to do. */
export class CheckpointError extends UserError {
  /** Builds the error (exit code 2, as other bad input of the command). */
  constructor(path: string, problem: string) {
    super(CHECKPOINT().cannotResume(path, problem), { exitCode: 2 });
    this.name = "CheckpointError";
  }
}

/** Parses one JSON metadata field, or says which is damaged. */
function jsonField(path: string, metadata: Record<string, string>, name: string): unknown {
  const text = metadata[name];
  if (text === undefined) throw new CheckpointError(path, CHECKPOINT().noField(name));
  try {
    return JSON.parse(text);
  } catch {
    throw new CheckpointError(path, CHECKPOINT().notJson(name));
  }
}

/** Whether a value is a whole number within bounds. */
function wholeIn(value: unknown, min: number, max: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
}

/** Checks a generator state: four 32-bit words, not all zero, and a spare normal or null. */
function checkRng(path: string, name: string, state: unknown): GeneratorState {
  const s = state as GeneratorState | null;
  const words = s?.words;
  if (
    !Array.isArray(words) || words.length !== 4 ||
    !words.every((w) => wholeIn(w, 0, 2 ** 32 - 1)) || words.every((w) => w === 0) ||
    !(s!.spareNormal === null || s!.spareNormal === undefined ||
      (typeof s!.spareNormal === "number" && Number.isFinite(s!.spareNormal)))
  ) {
    throw new CheckpointError(path, CHECKPOINT().badRng(name));
  }
  return s as GeneratorState;
}

/**
 * Checks the values of a checkpoint's settings: a known optimizer, a positive and finite
 * learning rate, whole numbers within the bounds the command line allows.
 *
 * @example
 * ```ts
 * import { settingsProblem } from "./checkpoint.ts";
 * import assert from "node:assert/strict";
 *
 * const good = {
 *   model: "final", optimizer: "adam", lr: 0.001, lrDecay: 1, batchSize: 100, augment: 0,
 *   seed: 0, trainSize: 600,
 * };
 * assert.equal(settingsProblem(good), undefined);
 * assert.match(settingsProblem({ ...good, lr: -1 }) ?? "", /lr -1/);
 * assert.match(settingsProblem({ ...good, optimizer: "lion" }) ?? "", /optimizer "lion"/);
 * ```
 *
 * @param settings The parsed settings.
 * @returns What is wrong, or `undefined`.
 */
export function settingsProblem(settings: unknown): string | undefined {
  if (typeof settings !== "object" || settings === null || Array.isArray(settings)) {
    return CHECKPOINT().notObject;
  }
  const s = settings as Record<string, unknown>;
  if (typeof s.model !== "string") return CHECKPOINT().noModel;
  if (!OPTIMIZER_NAMES.includes(s.optimizer as OptimizerName)) {
    return CHECKPOINT().unknownOptimizer(JSON.stringify(s.optimizer), OPTIMIZER_NAMES.join(", "));
  }
  if (!(typeof s.lr === "number" && s.lr > 0 && s.lr <= 10)) {
    return CHECKPOINT().badLr(String(JSON.stringify(s.lr)));
  }
  if (!(typeof s.lrDecay === "number" && s.lrDecay > 0 && s.lrDecay <= 1)) {
    return CHECKPOINT().badLrDecay(String(JSON.stringify(s.lrDecay)));
  }
  const whole: [string, number, number][] = [
    ["batchSize", 1, 60000],
    ["augment", 0, 4],
    ["seed", 0, 2 ** 32 - 1],
    ["trainSize", 1, 60000],
  ];
  for (const [key, min, max] of whole) {
    if (!wholeIn(s[key], min, max)) {
      return CHECKPOINT().notWhole(key, String(JSON.stringify(s[key])), min, max);
    }
  }
  return undefined;
}

/**
 * Reads a checkpoint written by {@linkcode writeCheckpoint} and checks its values: the
 * settings (see {@linkcode settingsProblem}), the epoch (a whole number from 1 to the planned
 * epochs), one history record per epoch, the generators' states, and finite parameters and
 * optimizer arrays. The optimizer state's presence and shapes are checked when it is restored
 * (`restoreOptimizer`), against the network.
 *
 * @param path The checkpoint file.
 * @returns Its contents.
 * @throws {SafetensorsError} when the file is missing or damaged.
 * @throws {CheckpointError} when it is not a checkpoint of this command, or a value is wrong.
 */
export function readCheckpoint(path: string): Checkpoint {
  const { tensors, metadata } = loadSafetensors(path);
  if (metadata.format !== CHECKPOINT_FORMAT) {
    throw new CheckpointError(
      path,
      CHECKPOINT().notOurs(JSON.stringify(metadata.format ?? null)),
    );
  }
  const settings = jsonField(path, metadata, "settings") as RunSettings;
  const problem = settingsProblem(settings);
  if (problem !== undefined) throw new CheckpointError(path, problem);
  const epochs = jsonField(path, metadata, "epochs");
  if (!wholeIn(epochs, 1, 1000)) {
    throw new CheckpointError(
      path,
      CHECKPOINT().badEpochs(String(JSON.stringify(metadata.epochs))),
    );
  }
  const epoch = jsonField(path, metadata, "epoch");
  if (!wholeIn(epoch, 1, epochs)) {
    throw new CheckpointError(
      path,
      CHECKPOINT().badEpoch(String(JSON.stringify(metadata.epoch)), epochs),
    );
  }
  const history = jsonField(path, metadata, "history") as EpochRecord[];
  const fields = ["epoch", "loss", "trainAccuracy", "testAccuracy", "seconds", "imagesPerSecond"];
  if (
    !Array.isArray(history) || history.length !== epoch ||
    !history.every((r, i) =>
      typeof r === "object" && r !== null && r.epoch === i + 1 &&
      fields.every((f) => Number.isFinite((r as unknown as Record<string, unknown>)[f]))
    )
  ) {
    throw new CheckpointError(path, CHECKPOINT().badHistory(epoch));
  }
  const iter = jsonField(path, metadata, "optimizerIter");
  if (!(iter === null || wholeIn(iter, 1, Number.MAX_SAFE_INTEGER))) {
    throw new CheckpointError(path, CHECKPOINT().badIter(String(metadata.optimizerIter)));
  }
  const shuffleRng = checkRng(path, "shuffleRng", jsonField(path, metadata, "shuffleRng"));
  const netRngValue = jsonField(path, metadata, "netRng");
  const netRng = netRngValue === null ? null : checkRng(path, "netRng", netRngValue);
  const params: Record<string, NDArray> = {};
  const optimizer: Record<string, NDArray> = {};
  for (const [key, value] of Object.entries(tensors)) {
    if (!value.data.every(Number.isFinite)) {
      throw new CheckpointError(path, CHECKPOINT().notFinite(key));
    }
    if (key.startsWith("param.")) params[key.slice("param.".length)] = value;
    else if (key.startsWith("optimizer.")) optimizer[key] = value;
  }
  return {
    settings,
    epoch,
    epochs,
    history,
    params,
    optimizer: { tensors: optimizer, iter: iter as number | null },
    shuffleRng,
    netRng,
  };
}
