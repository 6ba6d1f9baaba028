/**
 * The networks `deno task train` knows, with their training defaults, and the one place that
 * chooses whose networks the commands build: the engine's (`lib/engine/`, tuned) by default, the
 * answer key's (`lib/nets/`) under `--mine`, whose import map sends the answer key's modules to
 * the learner's chapter code. `deno task train`, its data-parallel worker, the bench and the
 * chapter 7 and 8 commands all build their networks here.
 *
 * @module
 */

import { UserError } from "../command/errors.ts";
import { CHECKPOINT } from "./checkpoint_messages.ts";
import * as engine from "../engine/nets.ts";
import { isMine } from "../kata/mine_env.ts";
import { loadSafetensors } from "../io/safetensors.ts";
import { DeepConvNet } from "../nets/deep_conv_net.ts";
import { FinalConvNet } from "../nets/final_conv_net.ts";
import { copyParams } from "../nets/network.ts";
import { SimpleConvNet } from "../nets/simple_conv_net.ts";
import type {
  AccuracyOptions,
  DeepConvNetOptions,
  FinalConvNetOptions,
  SimpleConvNetOptions,
} from "../nets/types.ts";
import type { Generator, NDArray } from "../np/mod.ts";
import type { TrainableNet } from "./loop.ts";
import type { OptimizerName } from "./optimizers.ts";

/** A network the train command can build: the loop's needs, and maybe a dropout generator. */
export interface Model extends TrainableNet {
  /** The generator of dropout masks, if the network has one (its state goes in checkpoints). */
  rng?: Generator;
}

/** A convolutional network of chapters 7 and 8, from the engine or the answer key. */
export interface ConvNet extends Model {
  /** The fraction of images classified right. */
  accuracy(x: NDArray, t: NDArray, options?: AccuracyOptions): number;
  /** Saves the parameters to a safetensors file. */
  saveParams(path: string): string;
  /** Loads parameters from a safetensors file into the network's arrays. */
  loadParams(path: string): void;
}

/** The convolutional networks' classes, from one source. */
export interface ConvNets {
  /** Where they come from: `"engine"` or `"answer key"` (the learner's code under `--mine`). */
  source: "engine" | "answer key";
  /** The book's SimpleConvNet (§7.5). */
  SimpleConvNet: new (options?: SimpleConvNetOptions) => ConvNet;
  /** The book's DeepConvNet (§8.1). */
  DeepConvNet: new (options?: DeepConvNetOptions) => ConvNet;
  /** The final network of `deno task train`. */
  FinalConvNet: new (options?: FinalConvNetOptions) => ConvNet;
}

/**
 * The networks the commands build: the engine's, or the answer key's in the `--mine` child
 * (`isMine()`), where they run the learner's code. Same parameters either way, so a file saved
 * by one loads into the other.
 *
 * @example
 * ```ts
 * import { convNets } from "./models.ts";
 * import assert from "node:assert/strict";
 *
 * const nets = convNets();
 * assert.equal(nets.source, "engine");
 * assert.deepEqual(new nets.FinalConvNet().params.W1.shape, [16, 1, 5, 5]);
 * ```
 *
 * @returns The three classes and their source.
 */
export function convNets(): ConvNets {
  return isMine() ? { source: "answer key", SimpleConvNet, DeepConvNet, FinalConvNet } : {
    source: "engine",
    SimpleConvNet: engine.SimpleConvNet,
    DeepConvNet: engine.DeepConvNet,
    FinalConvNet: engine.FinalConvNet,
  };
}

/** How to build one network and how to train it by default. */
export interface ModelSpec {
  /** The class, for messages and file metadata. */
  className: string;
  /** One line for `--help`. */
  description: string;
  /** Builds the network with float32 parameters (the engine's, or under `--mine` the answer key's). */
  create(seed: number): ConvNet;
  /** The default number of epochs. */
  epochs: number;
  /** The default optimizer. */
  optimizer: OptimizerName;
  /** The default learning rate. */
  lr: number;
  /** The default factor of the learning rate from one epoch to the next (1: constant). */
  lrDecay: number;
  /** The default batch size. */
  batchSize: number;
  /** The default data augmentation: shift training images by up to this many pixels (0: none). */
  augment: number;
  /** The chapters whose exercises the network is made of (for `--mine`). */
  chapters: string[];
  /**
   * Whether a batch may be split between two threads (`data_parallel.ts`): for networks whose
   * gradient depends on the weights, the batch and dropout masks (drawn on the main thread), not
   * on batch statistics (batch normalization).
   */
  dataParallel: boolean;
}

/** The networks by `--model` name; the first is the default. */
export const MODELS: Record<string, ModelSpec> = {
  final: {
    className: "FinalConvNet",
    description: "two 5×5 convolutions, LeNet-like (chapter 8's final network; ≥ 99.2% test)",
    create: (seed) => new (convNets().FinalConvNet)({ seed, dtype: "float32" }),
    // Three epochs, a larger first step that shrinks fast, and shifts of one pixel: 99.27–99.38%
    // for seeds 0–3 in under a minute on two cores (six epochs at lr 0.001 ×0.7 with two-pixel
    // shifts gave 99.20–99.27% in twice the time; chapters/08/README.md).
    epochs: 3,
    optimizer: "adam",
    lr: 0.0025,
    lrDecay: 0.4,
    batchSize: 50,
    augment: 1,
    chapters: ["05", "06", "07", "08"],
    dataParallel: true,
  },
  simple: {
    className: "SimpleConvNet",
    description: "the book's SimpleConvNet (§7.5; train_convnet.py: Adam, lr 0.001, 20 epochs)",
    create: (seed) => new (convNets().SimpleConvNet)({ seed, dtype: "float32" }),
    epochs: 20,
    optimizer: "adam",
    lr: 0.001,
    lrDecay: 1,
    batchSize: 100,
    augment: 0,
    chapters: ["05", "06", "07"],
    dataParallel: true,
  },
  deep: {
    className: "DeepConvNet",
    description: "the book's DeepConvNet (§8.1; train_deepnet.py: Adam, lr 0.001, 20 epochs)",
    create: (seed) => new (convNets().DeepConvNet)({ seed, dtype: "float32" }),
    epochs: 20,
    optimizer: "adam",
    lr: 0.001,
    lrDecay: 1,
    batchSize: 100,
    augment: 0,
    chapters: ["05", "06", "07", "08"],
    dataParallel: true,
  },
};

/** The model `deno task train` trains without `--model`. */
export const DEFAULT_MODEL = "final";

/**
 * Rebuilds a trained network from a parameters file written by `deno task train` (or a net's
 * `saveParams`): the file's metadata names the network class.
 *
 * @param path The parameters file, e.g. `out/train/params.safetensors`.
 * @returns The network with the loaded parameters, and its `--model` name.
 * @throws {UserError} when the file names no network the command knows, lacks a parameter,
 *   has one of another shape or holds NaN; `SafetensorsError` when it is no
 *   safetensors file.
 */
export function loadTrainedModel(
  path: string,
): { model: ConvNet; name: string; spec: ModelSpec } {
  const { tensors, metadata } = loadSafetensors(path);
  const entry = Object.entries(MODELS).find(([, spec]) => spec.className === metadata.network);
  if (entry === undefined) {
    throw new UserError(
      CHECKPOINT().notANetwork(
        path,
        metadata.network === undefined
          ? CHECKPOINT().unnamedNetwork
          : JSON.stringify(metadata.network),
        Object.values(MODELS).map((s) => s.className).join(", "),
      ),
    );
  }
  const [name, spec] = entry;
  const model = spec.create(0);
  try {
    copyParams(tensors, model.params, path);
  } catch (error) {
    throw new UserError(CHECKPOINT().paramsMismatch(`${path}: ${(error as Error).message}`));
  }
  for (const [key, param] of Object.entries(model.params)) {
    if (!param.data.every(Number.isFinite)) {
      throw new UserError(CHECKPOINT().paramNaN(path, key));
    }
  }
  return { model, name, spec };
}
